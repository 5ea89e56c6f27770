import math
import sys


class PrimeTable:
    def __init__(self, limit):
        self.limit = limit
        flags = bytearray([1]) * (limit + 1)
        flags[:2] = b"\x00\x00"
        for p in range(2, math.isqrt(limit) + 1):
            if flags[p]:
                flags[p * p::p] = bytes(len(range(p * p, limit + 1, p)))
        self.flags = flags

    def __contains__(self, n):
        return 0 <= n <= self.limit and bool(self.flags[n])

    def twins(self):
        return [(p, p + 2) for p in range(3, self.limit - 1) if p in self and p + 2 in self]


table = PrimeTable(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
print(97 in table, 91 in table)
print(table.twins()[:8])
