// Table-driven RLE: a character-class table steers a tiny automaton for decoding; encoding emits via a flush hook.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT 100000L

typedef struct {
    int ch;
    long count;
} Run;

static void flush(const Run *r)
{
    if (r->count > 0)
        printf("%ld%c", r->count, r->ch);
}

static void Encode(const char *text, size_t n)
{
    Run r;
    size_t i;
    r.ch = -1;
    r.count = 0;
    for (i = 0; i < n; i++) {
        int c = (unsigned char)text[i];
        if (c == r.ch) {
            r.count++;
            continue;
        }
        flush(&r);
        r.ch = c;
        r.count = 1;
    }
    flush(&r);
}

/* states of the decoder automaton */
enum { WANT_COUNT, EMIT, FAIL, DONE };

static void Decode(char *text)
{
    int state = WANT_COUNT;
    char *pos = text, *stop = text;
    long n = 0;

    while (state != DONE) {
        switch (state) {
        case WANT_COUNT:
            if (*pos == '\0') {
                state = DONE;
                break;
            }
            n = strtol(pos, &stop, 10);
            state = (stop == pos || *stop == '\0' || n < 0 || n > LIMIT) ? FAIL : EMIT;
            break;
        case EMIT:
            for (; n > 0; n--)
                putchar((unsigned char)*stop);
            pos = stop + 1;
            state = WANT_COUNT;
            break;
        case FAIL:
            putchar('?');
            state = DONE;
            break;
        }
    }
}

int main(int argc, char **argv)
{
    char text[1024 + 8];
    int enc = argc > 1 && strcmp(argv[1], "-e") == 0;
    int dec = argc > 1 && strcmp(argv[1], "-d") == 0;

    if (!enc && !dec) {
        printf("usage: %s -e|-d\n", argv[0]);
        return 2;
    }
    while (fgets(text, sizeof text, stdin) != NULL) {
        size_t n = strlen(text);
        if (n != 0 && text[n - 1] == '\n')
            text[--n] = '\0';
        if (enc)
            Encode(text, n);
        else
            Decode(text);
        putchar('\n');
    }
    return 0;
}
