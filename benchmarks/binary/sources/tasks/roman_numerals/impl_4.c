/* integer -> roman using repeated subtraction of a descending pair list; no headers, number from stdin */
int getchar(void);
int putchar(int c);

struct pair {
    int value;
    char a, b;
};

static const struct pair pairs[] = {
    {1000, 'M', 0}, {900, 'C', 'M'}, {500, 'D', 0}, {400, 'C', 'D'}, {100, 'C', 0}, {90, 'X', 'C'}, {50, 'L', 0},
    {40, 'X', 'L'}, {10, 'X', 0}, {9, 'I', 'X'}, {5, 'V', 0}, {4, 'I', 'V'}, {1, 'I', 0},
};

static int read_number(int *out)
{
    int c, v = 0, digits = 0;
    while ((c = getchar()) == ' ' || c == '\n' || c == '\t')
        ;
    while (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        digits++;
        c = getchar();
    }
    *out = v;
    return digits > 0;
}

int main(void)
{
    int n;
    while (read_number(&n)) {
        unsigned k = 0;
        if (n < 1 || n > 3999) {
            putchar('?');
            putchar('\n');
            continue;
        }
        while (n > 0) {
            while (n >= pairs[k].value) {
                putchar(pairs[k].a);
                if (pairs[k].b)
                    putchar(pairs[k].b);
                n -= pairs[k].value;
            }
            k++;
        }
        putchar('\n');
    }
    return 0;
}
