/* sort-based counting: slurp stdin, cut words in place, qsort them alphabetically, count runs, qsort runs by count */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct run { const char *text; long n; };

static char *slurp(long *size)
{
    long cap = 1 << 12, n = 0;
    char *data = malloc((size_t)cap);
    int c;
    while (data && (c = getchar()) != EOF) {
        if (n + 1 >= cap) {
            char *bigger = realloc(data, (size_t)(cap <<= 1));
            if (!bigger) { free(data); return NULL; }
            data = bigger;
        }
        data[n++] = (char)c;
    }
    if (data) data[n] = 0;
    *size = n;
    return data;
}

static int alpha_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_cmp(const void *a, const void *b)
{
    const struct run *x = a, *y = b;
    if (x->n > y->n) return -1;
    if (x->n < y->n) return 1;
    return strcmp(x->text, y->text);
}

int main(int argc, char **argv)
{
    long size = 0, nwords = 0, cap = 256, nruns = 0, i, top;
    char *text = slurp(&size), **words;
    struct run *runs;

    top = argc < 2 ? 10 : strtol(argv[1], NULL, 10);
    if (top <= 0) top = 10;
    if (!text) return 1;
    words = malloc((size_t)cap * sizeof *words);
    if (!words) return 1;

    /* tokenize: letters are lowered, everything else becomes a terminator */
    for (i = 0; i < size; i++) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') text[i] = (char)(c + ('a' - 'A'));
        else if (!(c >= 'a' && c <= 'z')) { text[i] = 0; continue; }
        if (i == 0 || text[i - 1] == 0) {
            if (nwords == cap) {
                char **more = realloc(words, (size_t)(cap *= 2) * sizeof *words);
                if (!more) return 1;
                words = more;
            }
            words[nwords++] = text + i;
        }
    }

    qsort(words, (size_t)nwords, sizeof *words, alpha_cmp);
    runs = malloc((size_t)(nwords + 1) * sizeof *runs);
    if (!runs) return 1;
    for (i = 0; i < nwords; i++) {
        if (nruns > 0 && strcmp(runs[nruns - 1].text, words[i]) == 0) {
            runs[nruns - 1].n++;
        } else {
            runs[nruns].text = words[i];
            runs[nruns].n = 1;
            nruns++;
        }
    }
    qsort(runs, (size_t)nruns, sizeof *runs, run_cmp);

    printf("%ld words, %ld distinct\n", nwords, nruns);
    for (i = 0; i < nruns && i < top; i++)
        printf("%ld %s\n", runs[i].n, runs[i].text);
    free(runs);
    free(words);
    free(text);
    return 0;
}
