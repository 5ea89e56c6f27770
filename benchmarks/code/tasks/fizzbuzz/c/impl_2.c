/* fizzbuzz with a small lookup of rules, written into a caller buffer */
#include <stdio.h>
#include <string.h>

struct rule {
    int divisor;
    const char *word;
};

static const struct rule RULES[] = { { 3, "Fizz" }, { 5, "Buzz" } };
#define NRULES (sizeof(RULES) / sizeof(RULES[0]))

static void describe(int number, char *out, size_t cap)
{
    size_t k;
    out[0] = '\0';
    for (k = 0; k < NRULES; ++k) {
        if (number % RULES[k].divisor == 0)
            strncat(out, RULES[k].word, cap - strlen(out) - 1);
    }
    if (out[0] == '\0')
        snprintf(out, cap, "%d", number);
}

int main(void)
{
    char buf[32];
    int number = 1;
    while (number <= 100) {
        describe(number, buf, sizeof buf);
        printf("%s\n", buf);
        number++;
    }
    return 0;
}
