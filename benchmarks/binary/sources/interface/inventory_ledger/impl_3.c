/* event-sourced ledger: every accepted add/remove is journaled; stock = replay of the journal, list = qsort + runs */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct event {
    char what[32];
    long delta;
    int seq;
    struct event *older;
} event;

static event *journal;
static int events;

static long balance(const char *what)
{
    long total = 0;
    const event *e;
    for (e = journal; e; e = e->older)
        if (!strcmp(e->what, what))
            total += e->delta;
    return total;
}

static event *record(const char *line, long delta)
{
    event *e = malloc(sizeof(event));
    if (!e) return NULL;
    sscanf(line, "%*s %31s", e->what);
    e->delta = delta;
    e->seq = events++;
    e->older = journal;
    journal = e;
    return e;
}

static int by_what(const void *a, const void *b)
{
    const event *x = *(event *const *)a, *y = *(event *const *)b;
    int c = strcmp(x->what, y->what);
    return c ? c : x->seq - y->seq;
}

static void report(void)
{
    event **all = malloc(sizeof(event *) * (size_t)(events + 1)), *e;
    long *sums = malloc(sizeof(long) * (size_t)(events + 1));
    int n = 0, i, j, shown = 0;
    if (!all || !sums) { free(all); free(sums); return; }
    for (e = journal; e; e = e->older)
        all[n++] = e;
    qsort(all, (size_t)n, sizeof(event *), by_what);
    /* collapse runs of the same item into all[i] with the total in sums[i] */
    for (i = 0, j = 0; i < n; i = j) {
        long s = 0;
        for (j = i; j < n && !strcmp(all[j]->what, all[i]->what); j++)
            s += all[j]->delta;
        sums[i] = s;
        if (s > 0) shown++;
    }
    printf("list %d\n", shown);
    for (i = 0, j = 0; i < n; i = j) {
        for (j = i + 1; j < n && !strcmp(all[j]->what, all[i]->what); j++)
            ;
        if (sums[i] > 0)
            printf("  %s %ld\n", all[i]->what, sums[i]);
    }
    free(sums);
    free(all);
}

static int amount_ok(long q) { return q >= 1 && q <= 1000000; }

int main(void)
{
    char text[256], verb[16], what[32], more[2];
    int no = 0, got;
    long q;

    while (fgets(text, sizeof text, stdin)) {
        no++;
        got = sscanf(text, "%15s %31s %ld %1s", verb, what, &q, more);
        if (got <= 0) continue;
        if (got == 3 && amount_ok(q) && !strcmp(verb, "add")) {
            if (record(text, q)) printf("%s %ld\n", what, balance(what));
        } else if (got == 3 && amount_ok(q) && !strcmp(verb, "remove")) {
            if (balance(what) < q) printf("error: insufficient %s\n", what);
            else if (record(text, -q)) printf("%s %ld\n", what, balance(what));
        } else if (got == 2 && !strcmp(verb, "query") && sscanf(text, "%*s %*s %1s", more) < 1) {
            printf("%s %ld\n", what, balance(what));
        } else if (got == 1 && !strcmp(verb, "list")) {
            report();
        } else {
            printf("error: bad command on line %d\n", no);
        }
    }
    while (journal) {
        event *e = journal->older;
        free(journal);
        journal = e;
    }
    return 0;
}
