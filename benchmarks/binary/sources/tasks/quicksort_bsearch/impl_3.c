/* Generic quicksort on void* with a comparator (like qsort), and recursive binary search; sorts words. */
#include <stdio.h>
#include <string.h>

typedef int (*cmp_fn)(const void *, const void *);

static void byte_swap(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void gsort(void *base, size_t count, size_t size, cmp_fn cmp)
{
    char *arr = base;
    size_t last = 0, i;
    if (count < 2)
        return;
    byte_swap(arr, arr + (count / 2) * size, size);
    for (i = 1; i < count; i++)
        if (cmp(arr + i * size, arr) < 0)
            byte_swap(arr + (++last) * size, arr + i * size, size);
    byte_swap(arr, arr + last * size, size);
    gsort(arr, last, size, cmp);
    gsort(arr + (last + 1) * size, count - last - 1, size, cmp);
}

static const void *gfind(const void *key, const void *base, size_t count, size_t size, cmp_fn cmp)
{
    const char *arr = base;
    size_t mid;
    int r;
    if (count == 0)
        return NULL;
    mid = count / 2;
    r = cmp(key, arr + mid * size);
    if (r == 0)
        return arr + mid * size;
    if (r < 0)
        return gfind(key, arr, mid, size, cmp);
    return gfind(key, arr + (mid + 1) * size, count - mid - 1, size, cmp);
}

static int cmp_words(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int main(int argc, char **argv)
{
    static char words[2000][32];
    size_t n = 0, i;
    while (n < 2000 && scanf("%31s", words[n]) == 1)
        n++;
    gsort(words, n, sizeof words[0], cmp_words);
    for (i = 0; i < n; i++)
        puts(words[i]);
    for (i = 1; i < (size_t)argc; i++)
        printf("search '%s': %s\n", argv[i], gfind(argv[i], words, n, sizeof words[0], cmp_words) ? "found" : "absent");
    return 0;
}
