/* Reads integers from stdin, quicksorts (Lomuto partition), then binary-searches argv values. */
#include <stdio.h>
#include <stdlib.h>

static void swap(int *a, int *b)
{
    int t = *a;
    *a = *b;
    *b = t;
}

static void quicksort(int *v, int lo, int hi)
{
    int pivot, i, j;
    if (lo >= hi)
        return;
    pivot = v[hi];
    i = lo;
    for (j = lo; j < hi; j++)
        if (v[j] < pivot)
            swap(&v[i++], &v[j]);
    swap(&v[i], &v[hi]);
    quicksort(v, lo, i - 1);
    quicksort(v, i + 1, hi);
}

static int bsearch_int(const int *v, int n, int key)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (v[mid] == key)
            return mid;
        if (v[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

int main(int argc, char **argv)
{
    int cap = 256, n = 0, x, i;
    int *v = malloc(sizeof *v * (size_t)cap);
    while (v && scanf("%d", &x) == 1) {
        if (n == cap) {
            int *nv = realloc(v, sizeof *v * (size_t)(cap *= 2));
            if (!nv)
                break;
            v = nv;
        }
        v[n++] = x;
    }
    if (!v)
        return 1;
    quicksort(v, 0, n - 1);
    for (i = 0; i < n; i++)
        printf("%d%c", v[i], i + 1 == n ? '\n' : ' ');
    for (i = 1; i < argc; i++) {
        int key = atoi(argv[i]);
        printf("%d -> %d\n", key, bsearch_int(v, n, key));
    }
    free(v);
    return 0;
}
