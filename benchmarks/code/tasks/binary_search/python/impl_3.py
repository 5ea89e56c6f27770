import bisect


class SortedBag:
    def __init__(self, values=()):
        self._data = sorted(values)

    def add(self, v):
        bisect.insort(self._data, v)

    def index(self, v):
        # bisect_left gives the insertion point; check it really holds v
        i = bisect.bisect_left(self._data, v)
        if i != len(self._data) and self._data[i] == v:
            return i
        raise ValueError(f"{v!r} not in bag")

    def __contains__(self, v):
        try:
            self.index(v)
        except ValueError:
            return False
        return True


bag = SortedBag([10, 2, 33, 7])
bag.add(5)
print(bag.index(7), 8 in bag)
