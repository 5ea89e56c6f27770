// Hoare partition, median-of-three pivot, insertion sort for small ranges; lower_bound search.
#include <stdio.h>
#include <stdlib.h>

#define SMALL 12

static void insertion(long *a, long n)
{
    for (long i = 1; i < n; i++) {
        long key = a[i], j = i - 1;
        while (j >= 0 && a[j] > key) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = key;
    }
}

static long median3(long a, long b, long c)
{
    if (a < b)
        return b < c ? b : (a < c ? c : a);
    return a < c ? a : (b < c ? c : b);
}

static void qsort_hoare(long *a, long n)
{
    while (n > SMALL) {
        long p = median3(a[0], a[n / 2], a[n - 1]);
        long i = -1, j = n;
        for (;;) {
            do i++; while (a[i] < p);
            do j--; while (a[j] > p);
            if (i >= j) break;
            long t = a[i]; a[i] = a[j]; a[j] = t;
        }
        /* recurse on the smaller half, loop on the larger */
        if (j + 1 < n - j - 1) {
            qsort_hoare(a, j + 1);
            a += j + 1;
            n -= j + 1;
        } else {
            qsort_hoare(a + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    insertion(a, n);
}

static long lower_bound(const long *a, long n, long key)
{
    long first = 0;
    while (n > 0) {
        long half = n / 2;
        if (a[first + half] < key) {
            first += half + 1;
            n -= half + 1;
        } else {
            n = half;
        }
    }
    return first;
}

int main(int argc, char *argv[])
{
    long data[4096], n = 0, q;
    unsigned seed = argc > 1 ? (unsigned)atoi(argv[1]) : 7u;
    for (n = 0; n < 4096; n++) {
        seed = seed * 1664525u + 1013904223u;
        data[n] = (long)(seed >> 8) % 100000;
    }
    qsort_hoare(data, n);
    for (q = 1; q < n; q++)
        if (data[q - 1] > data[q]) {
            puts("not sorted!");
            return 1;
        }
    for (q = 0; q <= 100000; q += 25000) {
        long at = lower_bound(data, n, q);
        printf("lower_bound(%ld) = %ld (value %ld)\n", q, at, at < n ? data[at] : -1L);
    }
    return 0;
}
