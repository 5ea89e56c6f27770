/* determinant by Bareiss fraction-free elimination on an array of row pointers (row swaps flip the sign) */
#include <stdio.h>
#include <stdlib.h>

static void die(void)
{
    puts("invalid input");
    exit(1);
}

static long long bareiss(long long **m, int n)
{
    long long prev = 1;
    int sign = 1, k, i, j;

    for (k = 0; k < n - 1; k++) {
        if (m[k][k] == 0) {
            int r = k + 1;
            while (r < n && m[r][k] == 0)
                r++;
            if (r == n)
                return 0;
            {
                long long *t = m[k];
                m[k] = m[r];
                m[r] = t;
            }
            sign = -sign;
        }
        for (i = k + 1; i < n; i++)
            for (j = k + 1; j < n; j++)
                m[i][j] = (m[i][j] * m[k][k] - m[i][k] * m[k][j]) / prev;
        prev = m[k][k];
    }
    return sign * m[n - 1][n - 1];
}

int main(void)
{
    int n, i, j;
    long long **rows, d;

    if (scanf("%d", &n) != 1 || n < 1 || n > 8)
        die();
    rows = calloc((size_t)n, sizeof *rows);
    if (!rows)
        die();
    for (i = 0; i < n; i++) {
        rows[i] = calloc((size_t)n, sizeof **rows);
        if (!rows[i])
            die();
        for (j = 0; j < n; j++)
            if (scanf("%lld", &rows[i][j]) != 1)
                die();
    }
    d = bareiss(rows, n);
    printf("det=%lld\n", d);
    for (i = 0; i < n; i++)
        free(rows[i]);
    free(rows);
    return 0;
}
