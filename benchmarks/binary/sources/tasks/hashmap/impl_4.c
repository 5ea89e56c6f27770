/* fixed pool hash set of unsigned integers with cuckoo hashing; reads numbers from stdin */
#include <stdio.h>

#define TBL 512
#define MAX_KICKS 64

static unsigned t1[TBL], t2[TBL];
static unsigned char u1[TBL], u2[TBL];

static unsigned h_a(unsigned x) { return (x * 2654435761u) >> 23; }
static unsigned h_b(unsigned x) { return ((x ^ 0x5bd1e995u) * 40503u + (x >> 7)) % TBL; }

static int contains(unsigned x)
{
    return (u1[h_a(x)] && t1[h_a(x)] == x) || (u2[h_b(x)] && t2[h_b(x)] == x);
}

static int insert(unsigned x)
{
    int kick;
    if (contains(x))
        return 1;
    for (kick = 0; kick < MAX_KICKS; kick++) {
        unsigned p = h_a(x), q, tmp;
        if (!u1[p]) { u1[p] = 1; t1[p] = x; return 1; }
        tmp = t1[p]; t1[p] = x; x = tmp;
        q = h_b(x);
        if (!u2[q]) { u2[q] = 1; t2[q] = x; return 1; }
        tmp = t2[q]; t2[q] = x; x = tmp;
    }
    return 0; /* would need a rehash */
}

int main(void)
{
    unsigned x;
    int added = 0, dup = 0, failed = 0;
    while (scanf("%u", &x) == 1) {
        if (contains(x))
            dup++;
        else if (insert(x))
            added++;
        else
            failed++;
    }
    printf("added %d, duplicates %d, failed %d\n", added, dup, failed);
    return failed != 0;
}
