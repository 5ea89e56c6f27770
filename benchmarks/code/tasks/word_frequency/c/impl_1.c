#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 1000
#define MAX_LEN 64

struct entry {
    char word[MAX_LEN];
    int count;
};

static struct entry table[MAX_WORDS];
static int used = 0;

static void add_word(const char *w)
{
    for (int i = 0; i < used; i++) {
        if (strcmp(table[i].word, w) == 0) {
            table[i].count++;
            return;
        }
    }
    if (used < MAX_WORDS) {
        strncpy(table[used].word, w, MAX_LEN - 1);
        table[used].count = 1;
        used++;
    }
}

static int by_count(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    return y->count - x->count;
}

int main(void)
{
    char word[MAX_LEN];
    int len = 0, c;
    while ((c = getchar()) != EOF) {
        if (isalpha(c)) {
            if (len < MAX_LEN - 1)
                word[len++] = (char)tolower(c);
        } else if (len > 0) {
            word[len] = '\0';
            add_word(word);
            len = 0;
        }
    }
    if (len > 0) {
        word[len] = '\0';
        add_word(word);
    }
    qsort(table, used, sizeof(struct entry), by_count);
    for (int i = 0; i < used && i < 10; i++)
        printf("%s %d\n", table[i].word, table[i].count);
    return 0;
}
