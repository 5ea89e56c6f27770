/* heap-allocated matrices of any shape */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    size_t rows, cols;
    long *v;
} mat;

static mat mat_new(size_t rows, size_t cols)
{
    mat m = { rows, cols, calloc(rows * cols, sizeof(long)) };
    return m;
}

#define AT(m, r, c) ((m).v[(r) * (m).cols + (c)])

static int mat_mul(mat a, mat b, mat *out)
{
    size_t r, c, k;
    if (a.cols != b.rows)
        return -1;
    *out = mat_new(a.rows, b.cols);
    if (!out->v)
        return -2;
    for (r = 0; r < a.rows; r++)
        for (k = 0; k < a.cols; k++) {
            long s = AT(a, r, k);
            for (c = 0; c < b.cols; c++)
                AT(*out, r, c) += s * AT(b, k, c);
        }
    return 0;
}

int main(void)
{
    mat a = mat_new(2, 3), b = mat_new(3, 1), p;
    long av[] = { 1, 2, 3, 4, 5, 6 }, bv[] = { 1, 0, -1 };
    for (size_t i = 0; i < 6; i++)
        a.v[i] = av[i];
    for (size_t i = 0; i < 3; i++)
        b.v[i] = bv[i];
    if (mat_mul(a, b, &p) != 0) {
        fprintf(stderr, "bad shapes\n");
        return 1;
    }
    for (size_t r = 0; r < p.rows; r++)
        printf("%ld\n", AT(p, r, 0));
    free(a.v);
    free(b.v);
    free(p.v);
    return 0;
}
