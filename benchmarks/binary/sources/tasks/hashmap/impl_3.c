/* string->string dictionary using Robin Hood hashing (djb2); demo built in, key lookups from argv */
#include <stdio.h>
#include <string.h>

#define SLOTS 64

typedef struct {
    const char *k;
    const char *v;
    int dist; /* probe distance, -1 = empty */
} Bucket;

static Bucket buckets[SLOTS];

static unsigned djb2(const char *s)
{
    unsigned h = 5381;
    int c;
    while ((c = (unsigned char)*s++) != 0)
        h = ((h << 5) + h) + (unsigned)c;
    return h;
}

static void dict_clear(void)
{
    int i;
    for (i = 0; i < SLOTS; i++)
        buckets[i].dist = -1;
}

static void dict_put(const char *k, const char *v)
{
    Bucket cur = {k, v, 0};
    unsigned i = djb2(k) % SLOTS;
    for (;;) {
        Bucket *b = &buckets[i];
        if (b->dist < 0) {
            *b = cur;
            return;
        }
        if (strcmp(b->k, cur.k) == 0) {
            b->v = cur.v;
            return;
        }
        if (b->dist < cur.dist) { /* steal from the rich */
            Bucket tmp = *b;
            *b = cur;
            cur = tmp;
        }
        cur.dist++;
        i = (i + 1) % SLOTS;
    }
}

static const char *dict_get(const char *k)
{
    unsigned i = djb2(k) % SLOTS;
    int d;
    for (d = 0; d < SLOTS; d++, i = (i + 1) % SLOTS) {
        if (buckets[i].dist < d)
            return NULL;
        if (strcmp(buckets[i].k, k) == 0)
            return buckets[i].v;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    static const char *pairs[][2] = {{"red", "rouge"}, {"green", "vert"}, {"blue", "bleu"}, {"black", "noir"},
                                     {"white", "blanc"}, {"yellow", "jaune"}, {"grey", "gris"}, {"pink", "rose"}};
    size_t i;
    dict_clear();
    for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        dict_put(pairs[i][0], pairs[i][1]);
    for (i = 1; i < (size_t)argc; i++) {
        const char *v = dict_get(argv[i]);
        printf("%s => %s\n", argv[i], v ? v : "(none)");
    }
    if (argc == 1)
        printf("blue => %s\n", dict_get("blue"));
    return 0;
}
