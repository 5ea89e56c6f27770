/* big integers as little-endian arrays of decimal digits; schoolbook multiply with deferred carries */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int *d;   /* d[0] is the least significant digit */
    size_t n;
} Num;

/* parses s[0..len) after trimming spaces; returns 0 if it is not a digit string */
static int parse(const char *s, size_t len, Num *out)
{
    size_t i;
    while (len && s[0] == ' ') { s++; len--; }
    while (len && s[len - 1] == ' ') len--;
    if (len == 0) return 0;
    out->d = calloc(len, sizeof(int));
    if (!out->d) return 0;
    out->n = len;
    for (i = 0; i < len; i++) {
        char c = s[len - 1 - i];
        if (c < '0' || c > '9') { free(out->d); return 0; }
        out->d[i] = c - '0';
    }
    return 1;
}

static void print_num(const int *d, size_t n)
{
    while (n > 1 && d[n - 1] == 0) n--;
    while (n--) putchar('0' + d[n]);
    putchar('\n');
}

static void add(const Num *a, const Num *b)
{
    size_t n = (a->n > b->n ? a->n : b->n) + 1, i;
    int *r = calloc(n, sizeof(int)), carry = 0;
    if (!r) return;
    for (i = 0; i < n; i++) {
        int s = carry + (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0);
        r[i] = s % 10;
        carry = s / 10;
    }
    print_num(r, n);
    free(r);
}

static void mul(const Num *a, const Num *b)
{
    size_t n = a->n + b->n, i, j;
    long *acc = calloc(n + 1, sizeof(long));
    int *r = calloc(n + 1, sizeof(int));
    long carry = 0;
    if (!acc || !r) { free(acc); free(r); return; }
    for (i = 0; i < a->n; i++)
        for (j = 0; j < b->n; j++)
            acc[i + j] += (long)a->d[i] * b->d[j];
    for (i = 0; i <= n; i++) {
        long v = acc[i] + carry;
        r[i] = (int)(v % 10);
        carry = v / 10;
    }
    print_num(r, n + 1);
    free(acc);
    free(r);
}

int main(void)
{
    char line[1024];
    int lineno = 0;

    while (fgets(line, sizeof line, stdin)) {
        char *nl = strchr(line, '\n'), *plus, *star, *op;
        size_t len;
        Num a, b;

        lineno++;
        if (nl) *nl = '\0';
        len = strlen(line);
        if (len && line[len - 1] == '\r') line[--len] = '\0';
        if (!len) continue;

        plus = strchr(line, '+');
        star = strchr(line, '*');
        op = plus ? plus : star;
        if (!op || (plus && star) || strchr(op + 1, *op) ||
            !parse(line, (size_t)(op - line), &a)) {
            printf("error on line %d\n", lineno);
            continue;
        }
        if (!parse(op + 1, strlen(op + 1), &b)) {
            free(a.d);
            printf("error on line %d\n", lineno);
            continue;
        }
        if (*op == '+') add(&a, &b);
        else mul(&a, &b);
        free(a.d);
        free(b.d);
    }
    return 0;
}
