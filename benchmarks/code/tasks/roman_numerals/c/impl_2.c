/* roman -> integer, validating the input characters */
#include <stdio.h>
#include <ctype.h>

static int digit_value(char c)
{
    switch (toupper((unsigned char)c)) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
    }
}

static long parse_roman(const char *s)
{
    long sum = 0;
    while (*s) {
        int cur = digit_value(s[0]);
        int next = s[1] ? digit_value(s[1]) : 0;
        if (cur == 0)
            return -1;
        if (cur < next) {
            sum += next - cur;
            s += 2;
        } else {
            sum += cur;
            s += 1;
        }
    }
    return sum;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        long v = parse_roman(argv[i]);
        if (v < 0)
            fprintf(stderr, "%s: invalid numeral\n", argv[i]);
        else
            printf("%s = %ld\n", argv[i], v);
    }
    return 0;
}
