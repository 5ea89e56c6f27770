class _Node:
    __slots__ = ("key", "val", "prev", "next")

    def __init__(self, key=None, val=None):
        self.key, self.val = key, val
        self.prev = self.next = None


class BoundedCache:
    """Hash map plus a circular doubly linked list with one sentinel."""

    def __init__(self, limit: int):
        self.limit = limit
        self.map = {}
        self.ring = _Node()
        self.ring.prev = self.ring.next = self.ring

    def _remove(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _add_newest(self, node):
        node.prev, node.next = self.ring.prev, self.ring
        self.ring.prev.next = node
        self.ring.prev = node

    def lookup(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            return default
        self._remove(node)
        self._add_newest(node)
        return node.val

    def insert(self, key, val):
        if key in self.map:
            self._remove(self.map.pop(key))
        elif len(self.map) >= self.limit:
            oldest = self.ring.next
            self._remove(oldest)
            del self.map[oldest.key]
        node = _Node(key, val)
        self.map[key] = node
        self._add_newest(node)


bc = BoundedCache(2)
bc.insert("a", 1)
bc.insert("b", 2)
bc.lookup("a")
bc.insert("c", 3)
print(bc.lookup("b", "gone"), bc.lookup("a"), bc.lookup("c"))
