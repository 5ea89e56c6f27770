/* recursive reversal of a list built from command-line words */
#include <stdio.h>
#include <stdlib.h>

typedef struct cell {
    const char *word;
    struct cell *tail;
} cell;

static cell *cons(const char *word, cell *tail)
{
    cell *c = malloc(sizeof *c);
    if (c == NULL)
        abort();
    c->word = word;
    c->tail = tail;
    return c;
}

static cell *rev(cell *list)
{
    if (list == NULL || list->tail == NULL)
        return list;
    cell *rest = rev(list->tail);
    list->tail->tail = list;
    list->tail = NULL;
    return rest;
}

static void release(cell *list)
{
    while (list) {
        cell *t = list->tail;
        free(list);
        list = t;
    }
}

int main(int argc, char *argv[])
{
    cell *list = NULL;
    for (int i = argc - 1; i > 0; --i)
        list = cons(argv[i], list);
    list = rev(list);
    for (cell *c = list; c; c = c->tail)
        printf("%s%c", c->word, c->tail ? ' ' : '\n');
    release(list);
    return 0;
}
