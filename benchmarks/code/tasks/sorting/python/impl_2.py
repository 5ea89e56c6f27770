"""Merge sort returning a new list; works on anything comparable, with an optional key."""
from typing import Callable, List, Optional, Sequence, TypeVar

T = TypeVar("T")


def merge(a: List[T], b: List[T], key: Callable[[T], object]) -> List[T]:
    out: List[T] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if key(b[j]) < key(a[i]):
            out.append(b[j])
            j += 1
        else:
            out.append(a[i])
            i += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def merge_sort(seq: Sequence[T], key: Optional[Callable[[T], object]] = None) -> List[T]:
    key = key or (lambda x: x)
    if len(seq) < 2:
        return list(seq)
    middle = len(seq) // 2
    return merge(merge_sort(seq[:middle], key), merge_sort(seq[middle:], key), key)


words = ["delta", "Alpha", "charlie", "bravo"]
print(merge_sort(words, key=str.lower))
