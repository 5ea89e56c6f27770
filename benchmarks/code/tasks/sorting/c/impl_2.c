/* bottom-up merge sort with one scratch buffer */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void merge_runs(const long *src, long *dst, size_t lo, size_t mid, size_t hi)
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
    while (i < mid)
        dst[k++] = src[i++];
    while (j < hi)
        dst[k++] = src[j++];
}

static int merge_sort(long *v, size_t n)
{
    long *tmp = malloc(n * sizeof *tmp);
    long *from = v, *to = tmp;
    if (!tmp)
        return -1;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge_runs(from, to, lo, mid, hi);
        }
        long *swap = from;
        from = to;
        to = swap;
    }
    if (from != v)
        memcpy(v, from, n * sizeof *v);
    free(tmp);
    return 0;
}

int main(void)
{
    long data[] = { 9, -3, 7, 7, 0, 12, -8, 5 };
    size_t n = sizeof data / sizeof *data;
    if (merge_sort(data, n))
        return 1;
    for (size_t i = 0; i < n; i++)
        printf("%ld%s", data[i], i + 1 < n ? ", " : "\n");
    return 0;
}
