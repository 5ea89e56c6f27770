// Open-addressing (linear probing) slot table of heap records, command dispatch through a verb table.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 4096
#define MAX_QTY 1000000L

typedef struct Stock {
    long amount;
    char label[32];
} Stock;

typedef struct Cmd {
    char verb[16], label[32], tail[2];
    long qty;
    int argc;
} Cmd;

static Stock *slots[SLOTS];
static int occupied;

static unsigned slot_of(const char *s)
{
    unsigned h = 0;
    for (; *s; s++)
        h = h * 131u + (unsigned char)*s;
    return h & (SLOTS - 1);
}

static Stock *probe(const char *label, const char *line, int make)
{
    unsigned i = slot_of(label);
    while (slots[i] != NULL) {
        if (strcmp(slots[i]->label, label) == 0)
            return slots[i];
        i = (i + 1) & (SLOTS - 1);
    }
    if (!make || occupied == SLOTS - 1)
        return NULL;
    slots[i] = (Stock *)malloc(sizeof(Stock));
    if (slots[i] != NULL) {
        sscanf(line, "%*s %31s", slots[i]->label);
        slots[i]->amount = 0;
        occupied++;
    }
    return slots[i];
}

static int cmp_label(const void *a, const void *b)
{
    return strcmp((*(Stock *const *)a)->label, (*(Stock *const *)b)->label);
}

static int on_add(Cmd *c, const char *line)
{
    Stock *s;
    if (c->argc != 3 || c->qty < 1 || c->qty > MAX_QTY) return 0;
    s = probe(c->label, line, 1);
    if (s) { s->amount += c->qty; printf("%s %ld\n", s->label, s->amount); }
    return 1;
}

static int on_remove(Cmd *c, const char *line)
{
    Stock *s;
    if (c->argc != 3 || c->qty < 1 || c->qty > MAX_QTY) return 0;
    s = probe(c->label, line, 0);
    if (s == NULL || s->amount < c->qty) printf("error: insufficient %s\n", c->label);
    else { s->amount -= c->qty; printf("%s %ld\n", s->label, s->amount); }
    return 1;
}

static int on_query(Cmd *c, const char *line)
{
    Stock *s;
    if (c->argc != 2 || sscanf(line, "%*s %*s %1s", c->tail) == 1) return 0;
    s = probe(c->label, line, 0);
    printf("%s %ld\n", c->label, s ? s->amount : 0L);
    return 1;
}

static int on_list(Cmd *c, const char *line)
{
    Stock **pick;
    int i, k = 0;
    (void)line;
    if (c->argc != 1) return 0;
    pick = (Stock **)malloc(sizeof(Stock *) * (size_t)(occupied + 1));
    if (pick == NULL) return 1;
    for (i = 0; i < SLOTS; i++)
        if (slots[i] != NULL && slots[i]->amount > 0)
            pick[k++] = slots[i];
    qsort(pick, (size_t)k, sizeof(Stock *), cmp_label);
    printf("list %d\n", k);
    for (i = 0; i < k; i++)
        printf("  %s %ld\n", pick[i]->label, pick[i]->amount);
    free(pick);
    return 1;
}

static const struct {
    const char *verb;
    int (*run)(Cmd *, const char *);
} VERBS[] = {{"add", on_add}, {"remove", on_remove}, {"query", on_query}, {"list", on_list}};

int main(void)
{
    char line[256];
    Cmd c;
    int number = 0, v, i;

    while (fgets(line, sizeof(line), stdin) != NULL) {
        int handled = 0;
        number++;
        c.argc = sscanf(line, "%15s %31s %ld %1s", c.verb, c.label, &c.qty, c.tail);
        if (c.argc < 1)
            continue;
        for (v = 0; v < (int)(sizeof VERBS / sizeof VERBS[0]); v++)
            if (strcmp(c.verb, VERBS[v].verb) == 0) {
                handled = VERBS[v].run(&c, line);
                break;
            }
        if (!handled)
            printf("error: bad command on line %d\n", number);
    }
    for (i = 0; i < SLOTS; i++)
        free(slots[i]);
    return 0;
}
