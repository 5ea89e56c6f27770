// Self-organising list (move-to-front on every hit) read by a two-state scanner; top N via qsort of an index.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cell {
    struct cell *next;
    unsigned count;
    char *w;
} cell;

enum { OUTSIDE, INSIDE };

static cell *head;
static unsigned n_cells;

static int cmp_cells(const void *l, const void *r)
{
    const cell *a = *(cell *const *)l;
    const cell *b = *(cell *const *)r;
    return a->count < b->count ? 1 : a->count > b->count ? -1 : strcmp(a->w, b->w);
}

static int bump(char *w)
{
    cell *prev = NULL, *c = head;
    while (c != NULL) {
        if (strcmp(c->w, w) == 0) {
            c->count++;
            if (prev != NULL) { /* move to front */
                prev->next = c->next;
                c->next = head;
                head = c;
            }
            return 0;
        }
        prev = c;
        c = c->next;
    }
    c = (cell *)malloc(sizeof(cell));
    if (c == NULL)
        return -1;
    c->w = w;
    c->count = 1;
    c->next = head;
    head = c;
    n_cells++;
    return 1;
}

int main(int argc, char **argv)
{
    int state = OUTSIDE, ch;
    char *buf = NULL;
    size_t at = 0, size = 0;
    unsigned long seen = 0, want = 10, i;
    cell **index = NULL, *c;

    if (argc > 1) {
        long v = strtol(argv[1], NULL, 10);
        if (v > 0)
            want = (unsigned long)v;
    }
    for (;;) {
        ch = getchar();
        int is_letter = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        if (state == INSIDE && !is_letter) {
            buf[at] = '\0';
            seen++;
            if (bump(buf) != 0) { /* kept (or failed): start a new buffer */
                buf = NULL;
                size = 0;
            }
            at = 0;
            state = OUTSIDE;
        }
        if (ch == EOF)
            break;
        if (!is_letter)
            continue;
        state = INSIDE;
        if (at + 1 >= size) {
            size = size * 2 + 8;
            buf = (char *)realloc(buf, size);
            if (buf == NULL)
                return 1;
        }
        buf[at++] = (char)(ch >= 'a' ? ch : ch - 'A' + 'a');
    }
    free(buf);

    i = 0;
    for (c = head; c != NULL; c = c->next) {
        if (i % 32 == 0) {
            cell **grown = (cell **)realloc(index, (i + 32) * sizeof(cell *));
            if (grown == NULL)
                return 1;
            index = grown;
        }
        index[i++] = c;
    }
    if (n_cells)
        qsort(index, n_cells, sizeof(cell *), cmp_cells);
    printf("%lu words, %u distinct\n", seen, n_cells);
    for (i = 0; i < n_cells && i < want; i++)
        printf("%u %s\n", index[i]->count, index[i]->w);
    for (i = 0; i < n_cells; i++) {
        free(index[i]->w);
        free(index[i]);
    }
    free(index);
    return 0;
}
