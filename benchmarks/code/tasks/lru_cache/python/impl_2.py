"""A memoising decorator with least-recently-used eviction, built on a plain dict."""
import functools


def remember(maxsize=128):
    def wrap(fn):
        store = {}  # dicts keep insertion order; re-inserting marks an entry as recent
        hits = misses = 0

        @functools.wraps(fn)
        def inner(*args):
            nonlocal hits, misses
            if args in store:
                hits += 1
                value = store.pop(args)
                store[args] = value
                return value
            misses += 1
            value = fn(*args)
            store[args] = value
            if len(store) > maxsize:
                del store[next(iter(store))]
            return value

        inner.stats = lambda: (hits, misses, len(store))
        return inner

    return wrap


@remember(maxsize=3)
def slow_square(n):
    return n * n


for n in [1, 2, 3, 1, 4, 1, 2]:
    slow_square(n)
print(slow_square.stats())
