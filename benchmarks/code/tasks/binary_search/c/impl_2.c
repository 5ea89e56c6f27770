#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* generic search over any element type, like bsearch(3) */
typedef int (*cmp_fn)(const void *, const void *);

static const void *find_item(const void *key, const void *base, size_t count, size_t width, cmp_fn cmp)
{
    const char *start = base;
    while (count > 0) {
        size_t half = count / 2;
        const char *probe = start + half * width;
        int c = cmp(key, probe);
        if (c == 0)
            return probe;
        if (c > 0) {
            start = probe + width;
            count -= half + 1;
        } else {
            count = half;
        }
    }
    return NULL;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void)
{
    const char *names[] = { "alpha", "bravo", "charlie", "delta" };
    const char *wanted = "charlie";
    const char *const *hit = find_item(&wanted, names, 4, sizeof names[0], by_string);
    if (hit)
        printf("found %s at %td\n", *hit, hit - names);
    else
        puts("not found");
    return 0;
}
