// Binary big numbers: base-65536 limbs built by multiply-by-10 radix conversion, printed by repeated division.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned *w; /* 16-bit limbs in 32-bit words, least significant first */
    int used, size;
} Bin;

typedef struct {
    const char *lhs, *rhs;
    int lhs_len, rhs_len;
    char op;
} Line;

static int span(const char *from, const char *to, const char **start)
{
    const char *p;
    while (from < to && *from == ' ') from++;
    while (to > from && to[-1] == ' ') to--;
    if (from == to) return -1;
    for (p = from; p != to; p++)
        if ((unsigned)(*p - '0') > 9u) return -1;
    *start = from;
    return (int)(to - from);
}

static int split_line(char *s, Line *ln)
{
    char *plus = strchr(s, '+'), *star = strchr(s, '*'), *op;
    if ((plus == NULL) == (star == NULL)) return 0;
    op = plus != NULL ? plus : star;
    if (strchr(op + 1, *op)) return 0;
    ln->op = *op;
    ln->lhs_len = span(s, op, &ln->lhs);
    ln->rhs_len = span(op + 1, s + strlen(s), &ln->rhs);
    return ln->lhs_len > 0 && ln->rhs_len > 0;
}

static int make(Bin *b, int size)
{
    b->w = (unsigned *)calloc((size_t)size, sizeof(unsigned));
    b->used = 1;
    b->size = size;
    return b->w != NULL;
}

static int from_decimal(Bin *b, const char *s, int n)
{
    int i, k;
    if (!make(b, n / 4 + 2)) return 0;
    for (i = 0; i < n; i++) {
        unsigned carry = (unsigned)(s[i] - '0');
        for (k = 0; k < b->used; k++) {
            unsigned t = b->w[k] * 10u + carry;
            b->w[k] = t & 0xFFFFu;
            carry = t >> 16;
        }
        if (carry) b->w[b->used++] = carry;
    }
    return 1;
}

static void print_decimal(Bin *b)
{
    int chunks = 0, k;
    unsigned *out = (unsigned *)calloc((size_t)b->used * 2 + 1, sizeof(unsigned));
    if (!out) return;
    do { /* divide b by 10000 in place, keep the remainder */
        unsigned rem = 0;
        for (k = b->used - 1; k >= 0; k--) {
            unsigned cur = (rem << 16) | b->w[k];
            b->w[k] = cur / 10000u;
            rem = cur % 10000u;
        }
        while (b->used > 1 && b->w[b->used - 1] == 0) b->used--;
        out[chunks++] = rem;
    } while (b->used > 1 || b->w[0] != 0);
    printf("%u", out[--chunks]);
    while (chunks-- > 0) printf("%04u", out[chunks]);
    putchar('\n');
    free(out);
}

static int combine(const Bin *a, const Bin *b, char op, Bin *r)
{
    int i, j;
    if (!make(r, a->used + b->used + 1)) return 0;
    if (op == '+') {
        unsigned c = 0;
        for (i = 0; i < r->size; i++) {
            c += (i < a->used ? a->w[i] : 0u) + (i < b->used ? b->w[i] : 0u);
            r->w[i] = c & 0xFFFFu;
            c >>= 16;
        }
    } else {
        for (i = 0; i < a->used; i++) {
            unsigned c = 0;
            for (j = 0; j < b->used || c; j++) {
                unsigned t = r->w[i + j] + c + (j < b->used ? a->w[i] * b->w[j] : 0u);
                r->w[i + j] = t & 0xFFFFu;
                c = t >> 16;
            }
        }
    }
    r->used = r->size;
    while (r->used > 1 && r->w[r->used - 1] == 0) r->used--;
    return 1;
}

int main(void)
{
    char text[1026];
    int row = 0;
    while (fgets(text, sizeof text, stdin)) {
        Line ln;
        Bin a, b, r;
        size_t len = strlen(text);
        row++;
        if (len && text[len - 1] == '\n') text[--len] = 0;
        if (len && text[len - 1] == '\r') text[--len] = 0;
        if (!len) continue;
        if (!split_line(text, &ln)) {
            printf("error on line %d\n", row);
            continue;
        }
        a.w = b.w = r.w = NULL;
        if (from_decimal(&a, ln.lhs, ln.lhs_len) && from_decimal(&b, ln.rhs, ln.rhs_len) &&
            combine(&a, &b, ln.op, &r))
            print_decimal(&r);
        free(a.w); free(b.w); free(r.w);
    }
    return 0;
}
