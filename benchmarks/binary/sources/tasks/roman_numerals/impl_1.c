/* roman numerals both ways using value/symbol tables with subtractive pairs; argv items */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int values[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
static const char *const symbols[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

static void to_roman(int n, char *out)
{
    size_t i;
    *out = '\0';
    for (i = 0; i < sizeof values / sizeof values[0]; i++)
        while (n >= values[i]) {
            strcat(out, symbols[i]);
            n -= values[i];
        }
}

static int from_roman(const char *s)
{
    int total = 0;
    size_t i;
    while (*s) {
        int matched = 0;
        for (i = 0; i < sizeof values / sizeof values[0]; i++) {
            size_t len = strlen(symbols[i]);
            if (strncmp(s, symbols[i], len) == 0) {
                total += values[i];
                s += len;
                matched = 1;
                break;
            }
        }
        if (!matched)
            return -1;
    }
    return total;
}

int main(int argc, char **argv)
{
    char buf[64];
    int i;
    for (i = 1; i < argc; i++) {
        if (isdigit((unsigned char)argv[i][0])) {
            int n = atoi(argv[i]);
            if (n < 1 || n > 3999) {
                printf("%s: out of range\n", argv[i]);
                continue;
            }
            to_roman(n, buf);
            printf("%d = %s\n", n, buf);
        } else {
            printf("%s = %d\n", argv[i], from_roman(argv[i]));
        }
    }
    return 0;
}
