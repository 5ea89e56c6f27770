#include <stdio.h>
#include <string.h>

static const int values[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
static const char *symbols[] = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };

void to_roman(int num, char *out)
{
    out[0] = '\0';
    for (int i = 0; i < 13; i++) {
        while (num >= values[i]) {
            num -= values[i];
            strcat(out, symbols[i]);
        }
    }
}

int main(void)
{
    char buf[32];
    to_roman(1987, buf);
    printf("%s\n", buf);
    to_roman(3999, buf);
    printf("%s\n", buf);
    return 0;
}
