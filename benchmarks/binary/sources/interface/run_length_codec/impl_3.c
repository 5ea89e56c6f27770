/* recursive run-length codec: each call handles one run (encode) or one count/byte item (decode), then recurses */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *run_end(const char *p)
{
    const char *q = p;
    while (*q && *q == *p)
        q++;
    return q;
}

static void enc(const char *p)
{
    const char *q;
    if (!*p)
        return;
    q = run_end(p);
    printf("%ld%c", (long)(q - p), *p);
    enc(q);
}

static void repeat(char c, long n)
{
    if (n <= 0)
        return;
    putchar(c);
    repeat(c, n - 1 > 0 ? n - 1 : 0);
}

static int dec(const char *p)
{
    char *e;
    long n;
    if (!*p)
        return 1;
    n = strtol(p, &e, 10);
    if (e == p || !*e || n < 0 || n > 100000)
        return 0;
    repeat(*e, n);
    return dec(e + 1);
}

int main(int argc, char **argv)
{
    char line[1100];
    int decode;

    if (argc < 2 || (strcmp(argv[1], "-e") && strcmp(argv[1], "-d"))) {
        printf("usage: %s -e|-d\n", argv[0]);
        return 2;
    }
    decode = argv[1][1] == 'd';
    while (fgets(line, (int)sizeof line, stdin)) {
        char *nl = line + strlen(line);
        if (nl > line && nl[-1] == '\n')
            nl[-1] = 0;
        if (decode) {
            if (!dec(line))
                putchar('?');
        } else {
            enc(line);
        }
        putchar('\n');
    }
    return 0;
}
