from dataclasses import dataclass
from typing import Iterator, Optional


@dataclass
class Link:
    payload: int
    following: Optional["Link"] = None


class SinglyLinked:
    def __init__(self, *values: int) -> None:
        self.first: Optional[Link] = None
        for v in reversed(values):
            self.first = Link(v, self.first)

    def __iter__(self) -> Iterator[int]:
        node = self.first
        while node is not None:
            yield node.payload
            node = node.following

    def reverse_in_place(self) -> None:
        # head insertion: detach each node and put it in front of the reversed part
        rev = None
        node = self.first
        while node is not None:
            node.following, rev, node = rev, node, node.following
        self.first = rev


chain = SinglyLinked(10, 20, 30, 40)
chain.reverse_in_place()
print(list(chain))
