/* run-length codec: mode table of {flag, handler}; each handler works on one newline-stripped line */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COUNT 100000

static void encode_line(const char *s)
{
    size_t i = 0, n = strlen(s);
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] == s[i])
            j++;
        printf("%d%c", (int)(j - i), s[i]);
        i = j;
    }
    putchar('\n');
}

static void decode_line(const char *s)
{
    const char *p = s;
    while (*p) {
        char *end;
        long count = strtol(p, &end, 10);
        long k;
        if (end == p || *end == '\0' || count < 0 || count > MAX_COUNT) {
            putchar('?');
            break;
        }
        for (k = 0; k < count; k++)
            putchar(*end);
        p = end + 1;
    }
    putchar('\n');
}

static const struct {
    const char *flag;
    void (*handler)(const char *);
} MODES[] = {
    {"-e", encode_line},
    {"-d", decode_line},
};

int main(int argc, char **argv)
{
    char line[1024];
    void (*handler)(const char *) = NULL;
    size_t m;

    for (m = 0; argc > 1 && m < sizeof MODES / sizeof MODES[0]; m++)
        if (strcmp(argv[1], MODES[m].flag) == 0)
            handler = MODES[m].handler;
    if (!handler) {
        printf("usage: %s -e|-d\n", argv[0]);
        return 2;
    }
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n')
            line[len - 1] = '\0';
        handler(line);
    }
    return 0;
}
