"""Recursive search in a sorted sequence, with an optional key function."""
from typing import Callable, Optional, Sequence, TypeVar

T = TypeVar("T")


def locate(items: Sequence[T], wanted, key: Callable[[T], object] = lambda x: x,
           start: int = 0, stop: Optional[int] = None) -> Optional[int]:
    if stop is None:
        stop = len(items)
    if start >= stop:
        return None
    centre = (start + stop) // 2
    value = key(items[centre])
    if value == wanted:
        return centre
    if value < wanted:
        return locate(items, wanted, key, centre + 1, stop)
    return locate(items, wanted, key, start, centre)


people = [("ann", 31), ("bob", 25), ("cid", 40)]
by_name = sorted(people)
print(locate(by_name, "bob", key=lambda p: p[0]))
print(locate(by_name, "zed", key=lambda p: p[0]))
