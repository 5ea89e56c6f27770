// Roman numeral converter: per-digit lookup (thousands/hundreds/tens/ones strings), parse by lookahead.
#include <stdio.h>
#include <string.h>

static const char *const ONES[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
static const char *const TENS[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
static const char *const HUNS[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
static const char *const THOS[] = {"", "M", "MM", "MMM"};

static int letter_value(char c)
{
    switch (c) {
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

static int parse(const char *r)
{
    int sum = 0;
    size_t n = strlen(r);
    for (size_t i = 0; i < n; i++) {
        int v = letter_value(r[i]);
        int nxt = i + 1 < n ? letter_value(r[i + 1]) : 0;
        if (!v) return -1;
        sum += v < nxt ? -v : v;
    }
    return sum;
}

int main(void)
{
    char line[80];
    while (fgets(line, sizeof line, stdin)) {
        int n;
        line[strcspn(line, "\r\n")] = 0;
        if (sscanf(line, "%d", &n) == 1) {
            if (n <= 0 || n >= 4000) { puts("?"); continue; }
            printf("%s%s%s%s\n", THOS[n / 1000], HUNS[n / 100 % 10], TENS[n / 10 % 10], ONES[n % 10]);
        } else {
            printf("%d\n", parse(line));
        }
    }
    return 0;
}
