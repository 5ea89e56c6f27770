/* Leibniz formula: permutation number m is decoded from its factorial-base (Lehmer) digits, sign = digit-sum parity */
#include <stdio.h>
#include <stdlib.h>

static int N;
static long entry[8][8];

static long long product_along(const int *perm)
{
    long long p = 1;
    int r;
    for (r = 0; r < N && p != 0; r++)
        p *= entry[r][perm[r]];
    return p;
}

/* perm = the m-th permutation in lexicographic order; returns the number of inversions */
static int decode(long m, const long *fact, int *perm)
{
    int i, j, inversions = 0;
    for (i = 0; i < N; i++) {
        perm[i] = (int)(m / fact[N - 1 - i] % (N - i));
        inversions += perm[i];
    }
    for (i = N - 2; i >= 0; i--)
        for (j = i + 1; j < N; j++)
            if (perm[j] >= perm[i])
                perm[j]++;
    return inversions;
}

static long long leibniz(void)
{
    int *perm = calloc((size_t)N, sizeof(int));
    long *fact = calloc((size_t)N + 1, sizeof(long));
    long m;
    long long total = 0;
    int k;

    if (!perm || !fact) {
        puts("invalid input");
        exit(1);
    }
    fact[0] = 1;
    for (k = 1; k <= N; k++)
        fact[k] = fact[k - 1] * k;
    for (m = 0; m < fact[N]; m++) {
        int odd = decode(m, fact, perm) & 1;
        long long term = product_along(perm);
        total += odd ? -term : term;
    }
    free(perm);
    free(fact);
    return total;
}

int main(void)
{
    int r, c;
    if (scanf("%d", &N) != 1 || N < 1 || N > 8) {
        puts("invalid input");
        exit(1);
    }
    for (r = 0; r < N; r++)
        for (c = 0; c < N; c++)
            if (scanf("%ld", &entry[r][c]) != 1) {
                puts("invalid input");
                exit(1);
            }
    printf("det=%lld\n", leibniz());
    return 0;
}
