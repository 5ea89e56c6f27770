"""Matrix product with zip/sum comprehensions."""
from typing import List

Matrix = List[List[float]]


def transpose(m: Matrix) -> Matrix:
    return [list(col) for col in zip(*m)]


def product(left: Matrix, right: Matrix) -> Matrix:
    cols = transpose(right)
    return [[sum(x * y for x, y in zip(row, col)) for col in cols] for row in left]


def show(m: Matrix) -> str:
    return "\n".join(" ".join(f"{v:6.1f}" for v in row) for row in m)


print(show(product([[1.0, 0.5], [2.0, -1.0]], [[3.0], [4.0]])))
