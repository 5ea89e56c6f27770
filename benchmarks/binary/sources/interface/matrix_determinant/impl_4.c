// Determinant modulo two primes by Gaussian elimination over GF(p), recombined with Garner's CRT step.
#include <stdio.h>
#include <stdlib.h>

typedef unsigned long long u64;

static const u64 P1 = 1000000007ULL, P2 = 998244353ULL;

static u64 power_mod(u64 b, u64 e, u64 m)
{
    u64 r = 1;
    b %= m;
    while (e) {
        if (e & 1)
            r = r * b % m;
        b = b * b % m;
        e >>= 1;
    }
    return r;
}

static u64 det_mod(const long long *src, int n, u64 p, u64 *w)
{
    u64 det = 1;
    int i, j, k;
    for (i = 0; i < n * n; i++) {
        long long v = src[i] % (long long)p;
        w[i] = (u64)(v < 0 ? v + (long long)p : v);
    }
    for (k = 0; k < n; k++) {
        int piv = k;
        u64 inv;
        while (piv < n && w[piv * n + k] == 0)
            piv++;
        if (piv == n)
            return 0;
        if (piv != k) {
            for (j = 0; j < n; j++) {
                u64 t = w[k * n + j];
                w[k * n + j] = w[piv * n + j];
                w[piv * n + j] = t;
            }
            det = (p - det) % p;
        }
        det = det * w[k * n + k] % p;
        inv = power_mod(w[k * n + k], p - 2, p);
        for (i = k + 1; i < n; i++) {
            u64 f = w[i * n + k] * inv % p;
            for (j = k; j < n; j++)
                w[i * n + j] = (w[i * n + j] + (p - f) * w[k * n + j]) % p;
        }
    }
    return det;
}

static void bail(const char *why)
{
    puts(why);
    exit(1);
}

int main(void)
{
    int n, i;
    long long *a;
    u64 *work, r1, r2, t, x;
    const u64 M = P1 * P2;

    if (scanf("%d", &n) != 1 || n < 1 || n > 8)
        bail("invalid input");
    a = (long long *)calloc((size_t)(n * n), sizeof(long long));
    work = (u64 *)calloc((size_t)(n * n), sizeof(u64));
    if (a == NULL || work == NULL)
        bail("invalid input");
    for (i = 0; i < n * n; i++)
        if (scanf("%lld", a + i) != 1)
            bail("invalid input");

    r1 = det_mod(a, n, P1, work);
    r2 = det_mod(a, n, P2, work);
    /* x = r1 + P1 * t with t = (r2 - r1) / P1 (mod P2) */
    t = (r2 + P2 - r1 % P2) % P2 * power_mod(P1 % P2, P2 - 2, P2) % P2;
    x = r1 + P1 * t;
    printf("det=%lld\n", x > M / 2 ? -(long long)(M - x) : (long long)x);
    free(a);
    free(work);
    return 0;
}
