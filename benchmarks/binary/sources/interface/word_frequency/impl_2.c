// Word counts in an unbalanced binary search tree (recursive insert and walk); the walk fills a growable array.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Tree {
    char *key;
    int hits;
    struct Tree *lo, *hi;
} Tree;

typedef struct {
    Tree **items;
    int used, room;
} Bag;

static int isAlpha(int ch) { return (unsigned)((ch | 32) - 'a') < 26u; }

/* returns 1 when the key was taken over by a new node */
static int insert(Tree **at, char *key)
{
    int order;
    if (*at == NULL) {
        Tree *t = malloc(sizeof(Tree));
        if (t == NULL)
            return 0;
        t->key = key;
        t->hits = 1;
        t->lo = t->hi = NULL;
        *at = t;
        return 1;
    }
    order = strcmp(key, (*at)->key);
    if (order == 0) {
        (*at)->hits += 1;
        return 0;
    }
    return insert(order < 0 ? &(*at)->lo : &(*at)->hi, key);
}

static void collect(Tree *t, Bag *bag)
{
    if (!t)
        return;
    collect(t->lo, bag);
    if (bag->used == bag->room) {
        int room = bag->room ? bag->room * 2 : 64;
        Tree **more = realloc(bag->items, (size_t)room * sizeof(Tree *));
        if (!more)
            return;
        bag->items = more;
        bag->room = room;
    }
    bag->items[bag->used++] = t;
    collect(t->hi, bag);
}

static void chop(Tree *t)
{
    if (!t)
        return;
    chop(t->lo);
    chop(t->hi);
    free(t->key);
    free(t);
}

static int ranking(const void *pa, const void *pb)
{
    Tree *a = *(Tree *const *)pa, *b = *(Tree *const *)pb;
    if (a->hits == b->hits)
        return strcmp(a->key, b->key);
    return b->hits - a->hits;
}

int main(int argc, char *argv[])
{
    Tree *root = NULL;
    Bag bag;
    char *word = NULL;
    int len = 0, cap = 0, ch, words = 0, show = 10, i;

    bag.items = NULL;
    bag.used = bag.room = 0;
    if (argc >= 2) {
        long n = strtol(argv[1], NULL, 10);
        if (n > 0)
            show = n > 1000000 ? 1000000 : (int)n;
    }
    do {
        ch = getchar();
        if (isAlpha(ch)) {
            if (len + 2 > cap) {
                cap += 32;
                word = realloc(word, (size_t)cap);
                if (!word)
                    return 1;
            }
            word[len++] = (char)(ch | 32);
        } else if (len > 0) {
            word[len] = 0;
            words++;
            if (insert(&root, word)) {
                word = NULL;
                cap = 0;
            }
            len = 0;
        }
    } while (ch != EOF);
    free(word);

    collect(root, &bag);
    if (bag.used > 1)
        qsort(bag.items, (size_t)bag.used, sizeof(Tree *), ranking);
    printf("%d words, %d distinct\n", words, bag.used);
    for (i = 0; i < bag.used && i < show; i++)
        printf("%d %s\n", bag.items[i]->hits, bag.items[i]->key);
    free(bag.items);
    chop(root);
    return 0;
}
