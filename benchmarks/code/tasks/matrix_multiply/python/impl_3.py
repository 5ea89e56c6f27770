class Mat:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.h = len(self.rows)
        self.w = len(self.rows[0]) if self.rows else 0

    def __matmul__(self, other):
        if self.w != other.h:
            raise ValueError(f"{self.h}x{self.w} @ {other.h}x{other.w}")
        out = []
        for r in self.rows:
            line = []
            for c in range(other.w):
                acc = 0
                for idx, val in enumerate(r):
                    acc += val * other.rows[idx][c]
                line.append(acc)
            out.append(line)
        return Mat(out)

    def __eq__(self, other):
        return isinstance(other, Mat) and self.rows == other.rows

    def __repr__(self):
        return "Mat(%r)" % (self.rows,)


ident = Mat([[1, 0], [0, 1]])
m = Mat([[2, 3], [5, 7]])
assert m @ ident == m
print(m @ m)
