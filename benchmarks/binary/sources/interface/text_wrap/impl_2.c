// Streaming wrapper: fixed 512-byte fread chunks feed a byte-at-a-time state machine; the current word is
// accumulated in a heap buffer and flushed when whitespace (or EOF) ends it.
#include <stdio.h>
#include <stdlib.h>

struct Wrapper {
    long width;
    long column;     /* length of the current output line, 0 = empty line */
    int pending_nl;  /* '\n' seen since the last word */
    int have_output;
    char *word;
    size_t wlen, wcap;
};

static void flush_word(struct Wrapper *w)
{
    if (w->wlen == 0)
        return;
    if (w->have_output) {
        if (w->pending_nl >= 2) {
            putchar('\n');
            putchar('\n');
            w->column = 0;
        } else if (w->column + 1 + (long)w->wlen <= w->width) {
            putchar(' ');
            w->column += 1;
        } else {
            putchar('\n');
            w->column = 0;
        }
    }
    fwrite(w->word, 1, w->wlen, stdout);
    w->column += (long)w->wlen;
    w->have_output = 1;
    w->pending_nl = 0;
    w->wlen = 0;
}

static int feed(struct Wrapper *w, unsigned char b)
{
    switch (b) {
    case '\n':
        flush_word(w);
        w->pending_nl++;
        return 0;
    case ' ': case '\t': case '\v': case '\f': case '\r':
        flush_word(w);
        return 0;
    default:
        if (w->wlen == w->wcap) {
            size_t ncap = w->wcap ? w->wcap * 2 : 32;
            char *p = realloc(w->word, ncap);
            if (p == NULL)
                return -1;
            w->word = p;
            w->wcap = ncap;
        }
        w->word[w->wlen++] = (char)b;
        return 0;
    }
}

int main(int argc, char *argv[])
{
    unsigned char chunk[512];
    struct Wrapper w;
    size_t n, k;

    w.width = 40;
    if (argc >= 2) {
        long v = strtol(argv[1], NULL, 10);
        if (v >= 1)
            w.width = v;
    }
    w.column = 0;
    w.pending_nl = 0;
    w.have_output = 0;
    w.wlen = 0;
    w.wcap = 64;
    w.word = malloc(w.wcap);
    if (w.word == NULL)
        return 1;

    while ((n = fread(chunk, 1, sizeof chunk, stdin)) != 0)
        for (k = 0; k < n; k++)
            if (feed(&w, chunk[k]) != 0)
                return 1;
    flush_word(&w);
    if (w.have_output)
        putchar('\n');
    free(w.word);
    return 0;
}
