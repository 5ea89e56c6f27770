// Recursive Laplace (cofactor) expansion along the first row; minors are freshly allocated flat arrays.
#include <stdio.h>
#include <stdlib.h>

#define AT(a, n, r, c) ((a)[(r) * (n) + (c)])

static long long cofactor_det(const int *a, int n)
{
    long long sum = 0;
    int col, r, c, k;
    int *minor;

    if (n == 1)
        return a[0];
    if (n == 2)
        return (long long)a[0] * a[3] - (long long)a[1] * a[2];

    minor = calloc((size_t)((n - 1) * (n - 1)), sizeof(int));
    if (minor == NULL) {
        puts("invalid input");
        exit(1);
    }
    for (col = 0; col < n; col++) {
        long long sub;
        if (AT(a, n, 0, col) == 0)
            continue;
        k = 0;
        for (r = 1; r < n; r++)
            for (c = 0; c < n; c++)
                if (c != col)
                    minor[k++] = AT(a, n, r, c);
        sub = cofactor_det(minor, n - 1);
        if (col % 2)
            sum -= AT(a, n, 0, col) * sub;
        else
            sum += AT(a, n, 0, col) * sub;
    }
    free(minor);
    return sum;
}

static int gcd(int x, int y)
{
    if (x < 0)
        x = -x;
    if (y < 0)
        y = -y;
    while (y != 0) {
        int t = x % y;
        x = y;
        y = t;
    }
    return x;
}

/* divides every row by the gcd of its entries; returns the product of the factors (0 for a zero row) */
static long long pull_row_factors(int *a, int n)
{
    long long factor = 1;
    int r, c;
    for (r = 0; r < n; r++) {
        int g = 0;
        for (c = 0; c < n; c++)
            g = gcd(g, AT(a, n, r, c));
        if (g == 0)
            return 0;
        for (c = 0; c < n; c++)
            AT(a, n, r, c) /= g;
        factor *= g;
    }
    return factor;
}

int main(void)
{
    int size, cells, i, status = 0;
    int *matrix = NULL;

    if (scanf("%d", &size) == 1 && size >= 1 && size <= 8) {
        cells = size * size;
        matrix = calloc((size_t)cells, sizeof(int));
        for (i = 0; matrix != NULL && i < cells; i++)
            if (scanf("%d", &matrix[i]) != 1)
                break;
        if (matrix != NULL && i == cells) {
            long long f = pull_row_factors(matrix, size);
            printf("det=%lld\n", f == 0 ? 0 : f * cofactor_det(matrix, size));
        }
        else
            status = 1;
    } else {
        status = 1;
    }
    free(matrix);
    if (status != 0) {
        puts("invalid input");
        exit(status);
    }
    return 0;
}
