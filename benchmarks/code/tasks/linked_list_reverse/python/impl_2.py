"""Immutable cons lists as nested tuples, reversed recursively."""
from typing import Any, Optional, Tuple

Cons = Optional[Tuple[Any, "Cons"]]


def from_iterable(items) -> Cons:
    result: Cons = None
    for item in reversed(list(items)):
        result = (item, result)
    return result


def reverse(lst: Cons, acc: Cons = None) -> Cons:
    if lst is None:
        return acc
    head, tail = lst
    return reverse(tail, (head, acc))


def render(lst: Cons) -> str:
    parts = []
    while lst is not None:
        parts.append(repr(lst[0]))
        lst = lst[1]
    return "(" + " ".join(parts) + ")"


xs = from_iterable("abcde")
print(render(xs), "->", render(reverse(xs)))
