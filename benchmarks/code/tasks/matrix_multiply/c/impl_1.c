#include <stdio.h>

#define N 3

void matmul(double a[N][N], double b[N][N], double c[N][N])
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            c[i][j] = 0.0;
            for (int k = 0; k < N; k++)
                c[i][j] += a[i][k] * b[k][j];
        }
    }
}

int main(void)
{
    double a[N][N] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
    double b[N][N] = { { 9, 8, 7 }, { 6, 5, 4 }, { 3, 2, 1 } };
    double c[N][N];
    matmul(a, b, c);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            printf("%8.2f", c[i][j]);
        printf("\n");
    }
    return 0;
}
