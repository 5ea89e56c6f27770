import numpy as np


def judge(grid):
    """grid: 3x3 array with 1 for X, -1 for O, 0 empty; returns 'X', 'O', 'draw' or None."""
    g = np.asarray(grid)
    totals = np.concatenate([g.sum(axis=0), g.sum(axis=1), [np.trace(g), np.trace(np.fliplr(g))]])
    if (totals == 3).any():
        return "X"
    if (totals == -3).any():
        return "O"
    if not (g == 0).any():
        return "draw"
    return None


samples = {
    "column": [[1, -1, 0], [1, -1, 0], [1, 0, 0]],
    "anti-diagonal": [[1, 1, -1], [0, -1, 1], [-1, 0, 0]],
    "full": [[1, -1, 1], [1, -1, -1], [-1, 1, 1]],
}
for name, g in samples.items():
    print(name, judge(g))
