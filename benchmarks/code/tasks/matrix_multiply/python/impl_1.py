def matmul(a, b):
    n, k = len(a), len(a[0])
    if len(b) != k:
        raise ValueError("incompatible shapes")
    m = len(b[0])
    c = [[0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            s = 0
            for p in range(k):
                s += a[i][p] * b[p][j]
            c[i][j] = s
    return c


if __name__ == "__main__":
    a = [[1, 2], [3, 4]]
    b = [[5, 6], [7, 8]]
    for row in matmul(a, b):
        print(row)
