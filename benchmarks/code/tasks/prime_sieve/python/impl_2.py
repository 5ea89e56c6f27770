"""Unbounded prime generator (incremental sieve keeping the next composite of each prime)."""
import itertools
from typing import Dict, Iterator, List


def primes() -> Iterator[int]:
    upcoming: Dict[int, List[int]] = {}
    for candidate in itertools.count(2):
        factors = upcoming.pop(candidate, None)
        if factors is None:
            yield candidate
            upcoming[candidate * candidate] = [candidate]
        else:
            for p in factors:
                upcoming.setdefault(candidate + p, []).append(p)


first = list(itertools.islice(primes(), 20))
print(first)
print(sum(itertools.takewhile(lambda p: p < 1000, primes())))
