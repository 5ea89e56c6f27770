/* ring buffer of ints, empty slot convention (one slot wasted), no library headers */
int printf(const char *fmt, ...);

#define SLOTS 17

struct Ring {
    int data[SLOTS];
    int rd;
    int wr;
};

static int full(const struct Ring *r) { return (r->wr + 1) % SLOTS == r->rd; }
static int empty(const struct Ring *r) { return r->wr == r->rd; }

static int put(struct Ring *r, int v)
{
    if (full(r))
        return 0;
    r->data[r->wr] = v;
    r->wr = (r->wr + 1) % SLOTS;
    return 1;
}

static int get(struct Ring *r, int *v)
{
    if (empty(r))
        return 0;
    *v = r->data[r->rd];
    r->rd = (r->rd + 1) % SLOTS;
    return 1;
}

int main(void)
{
    struct Ring r;
    int i, v, rejected = 0, rounds;
    unsigned checksum = 0;
    r.rd = r.wr = 0;
    for (rounds = 0; rounds < 10; rounds++) {
        for (i = 0; i < 11; i++)
            rejected += !put(&r, rounds * 100 + i);
        for (i = 0; i < 7 && get(&r, &v); i++)
            checksum = checksum * 7u + (unsigned)v;
    }
    while (get(&r, &v))
        checksum += (unsigned)v;
    printf("checksum %u, rejected %d\n", checksum, rejected);
    return 0;
}
