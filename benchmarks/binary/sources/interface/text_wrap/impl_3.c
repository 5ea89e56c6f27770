/* tokenize first (offset/length/break flag per word), then lay out each paragraph recursively line by line */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    long off, len;
    int para; /* a paragraph starts at this word */
} Token;

static char *text;
static Token *tok;
static long ntok, width;

static int blank(int c)
{
    switch (c) {
    case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
        return 1;
    }
    return 0;
}

/* prints the line starting at word i of a paragraph ending before word end; returns the next line's word */
static long emit_line(long i, long end)
{
    long used = tok[i].len;
    fwrite(text + tok[i].off, 1, (size_t)tok[i].len, stdout);
    for (i++; i < end && used + 1 + tok[i].len <= width; i++) {
        putchar(' ');
        fwrite(text + tok[i].off, 1, (size_t)tok[i].len, stdout);
        used += 1 + tok[i].len;
    }
    putchar('\n');
    return i;
}

static void emit_paragraph(long from, long end)
{
    if (from >= end)
        return;
    emit_paragraph(emit_line(from, end), end);
}

int main(int argc, char **argv)
{
    long size = 0, cap = 1024, got, i, p, tcap = 0, nl = 0;

    width = argc >= 2 ? strtol(argv[1], NULL, 10) : 40;
    if (width < 1)
        width = 40;
    text = malloc((size_t)cap);
    for (;;) {
        if (!text)
            return 1;
        got = (long)fread(text + size, 1, (size_t)(cap - size), stdin);
        if (got <= 0)
            break;
        size += got;
        if (size == cap)
            text = realloc(text, (size_t)(cap += cap));
    }

    for (i = 0; i < size;) {
        if (blank((unsigned char)text[i])) {
            nl += text[i++] == '\n';
            continue;
        }
        if (ntok == tcap) {
            tcap = tcap * 2 + 16;
            tok = realloc(tok, (size_t)tcap * sizeof *tok);
            if (!tok)
                return 1;
        }
        tok[ntok].off = i;
        tok[ntok].para = ntok == 0 || nl >= 2;
        while (i < size && !blank((unsigned char)text[i]))
            i++;
        tok[ntok].len = i - tok[ntok].off;
        ntok++;
        nl = 0;
    }

    for (p = 0; p < ntok;) {
        long q = p + 1;
        while (q < ntok && !tok[q].para)
            q++;
        if (p > 0)
            putchar('\n');
        emit_paragraph(p, q);
        p = q;
    }
    free(tok);
    free(text);
    return 0;
}
