/* text wrap: whole input slurped with fread into a doubling buffer, then one greedy pass over it */
#include <stdio.h>
#include <stdlib.h>

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static char *slurp(size_t *out_len)
{
    size_t cap = 8192, len = 0, got;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += got;
        if (len == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    *out_len = len;
    return buf;
}

int main(int argc, char **argv)
{
    long width = argc > 1 ? strtol(argv[1], NULL, 10) : 40;
    size_t len = 0, i = 0, col = 0;
    int first_word = 1;
    char *text;

    if (width < 1)
        width = 40;
    text = slurp(&len);
    if (!text)
        return 1;

    while (i < len) {
        size_t start, wlen;
        int newlines = 0;
        while (i < len && is_ws(text[i]))
            newlines += text[i++] == '\n';
        if (i == len)
            break;
        start = i;
        while (i < len && !is_ws(text[i]))
            i++;
        wlen = i - start;

        if (!first_word && newlines >= 2) {
            putchar('\n');
            putchar('\n');
            col = 0;
        } else if (col > 0 && col + 1 + wlen > (size_t)width) {
            putchar('\n');
            col = 0;
        } else if (col > 0) {
            putchar(' ');
            col++;
        }
        fwrite(text + start, 1, wlen, stdout);
        col += wlen;
        first_word = 0;
    }
    if (!first_word)
        putchar('\n');
    free(text);
    return 0;
}
