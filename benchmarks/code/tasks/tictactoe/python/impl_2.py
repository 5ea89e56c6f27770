"""Evaluate tic-tac-toe positions given as 9-character strings."""
from itertools import chain

ROWS = [(0, 1, 2), (3, 4, 5), (6, 7, 8)]
COLS = [tuple(r[i] for r in ROWS) for i in range(3)]
DIAGONALS = [(0, 4, 8), (2, 4, 6)]


def state(cells: str) -> str:
    if len(cells) != 9 or set(cells) - set("XO."):
        raise ValueError(f"bad board {cells!r}")
    for a, b, c in chain(ROWS, COLS, DIAGONALS):
        if cells[a] != "." and cells[a] == cells[b] == cells[c]:
            return f"{cells[a]} wins"
    return "draw" if "." not in cells else "in progress"


def pretty(cells: str) -> str:
    return "\n".join(" ".join(cells[i:i + 3]) for i in range(0, 9, 3))


for position in ("XXXOO....", "XOXXOOOXX", "O...O...O"):
    print(pretty(position))
    print("->", state(position))
