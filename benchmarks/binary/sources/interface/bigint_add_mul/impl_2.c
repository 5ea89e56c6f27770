// Base-10000 limbs (most significant first on input, reversed for arithmetic); printf prints limb groups.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 10000

struct big {
    unsigned *limb; /* least significant limb first */
    int len;
};

static int all_digits(const char *p, const char *q)
{
    if (p >= q)
        return 0;
    for (; p < q; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

static struct big from_text(const char *p, const char *q)
{
    struct big b;
    int n = (int)(q - p), k = 0;
    b.len = (n + 3) / 4;
    b.limb = calloc((size_t)b.len + 1, sizeof(unsigned));
    while (b.limb != NULL && q > p) {
        unsigned v = 0, scale = 1;
        int i;
        for (i = 0; i < 4 && q > p; i++, scale *= 10)
            v += (unsigned)(*--q - '0') * scale;
        b.limb[k++] = v;
    }
    return b;
}

static void show(const unsigned *limb, int len)
{
    int i;
    while (len > 1 && limb[len - 1] == 0)
        len--;
    printf("%u", limb[len - 1]);
    for (i = len - 2; i >= 0; i--)
        printf("%04u", limb[i]);
    putchar('\n');
}

static void plus(struct big x, struct big y)
{
    int n = (x.len > y.len ? x.len : y.len) + 1, i;
    unsigned *r = calloc((size_t)n, sizeof(unsigned)), c = 0;
    if (r == NULL)
        return;
    for (i = 0; i < n; i++) {
        unsigned s = c;
        if (i < x.len) s += x.limb[i];
        if (i < y.len) s += y.limb[i];
        r[i] = s % BASE;
        c = s / BASE;
    }
    show(r, n);
    free(r);
}

static void times(struct big x, struct big y)
{
    int n = x.len + y.len, i, j;
    unsigned *r = calloc((size_t)n, sizeof(unsigned));
    if (r == NULL)
        return;
    for (i = 0; i < x.len; i++) {
        unsigned long c = 0;
        for (j = 0; j < y.len; j++) {
            unsigned long t = r[i + j] + (unsigned long)x.limb[i] * y.limb[j] + c;
            r[i + j] = (unsigned)(t % BASE);
            c = t / BASE;
        }
        for (j = i + y.len; c != 0; j++) {
            unsigned long t = r[j] + c;
            r[j] = (unsigned)(t % BASE);
            c = t / BASE;
        }
    }
    show(r, n);
    free(r);
}

int main(void)
{
    char buf[1024 + 2];
    int number = 0;

    while (fgets(buf, (int)sizeof buf, stdin) != NULL) {
        char *end, *op, *a0, *a1, *b0, *b1;
        number++;
        end = buf + strlen(buf);
        if (end > buf && end[-1] == '\n') *--end = 0;
        if (end > buf && end[-1] == '\r') *--end = 0;
        if (end == buf)
            continue;

        op = strchr(buf, '+');
        if (op == NULL || strchr(buf, '*') != NULL)
            op = op == NULL ? strchr(buf, '*') : NULL;
        if (op != NULL && strchr(op + 1, *op) != NULL)
            op = NULL;
        a0 = buf;
        a1 = op;
        b0 = op ? op + 1 : NULL;
        b1 = end;
        if (op != NULL) {
            while (a0 < a1 && *a0 == ' ') a0++;
            while (a1 > a0 && a1[-1] == ' ') a1--;
            while (b0 < b1 && *b0 == ' ') b0++;
            while (b1 > b0 && b1[-1] == ' ') b1--;
        }
        if (op == NULL || !all_digits(a0, a1) || !all_digits(b0, b1)) {
            printf("error on line %d\n", number);
            continue;
        }
        {
            struct big x = from_text(a0, a1), y = from_text(b0, b1);
            if (x.limb != NULL && y.limb != NULL) {
                if (*op == '+')
                    plus(x, y);
                else
                    times(x, y);
            }
            free(x.limb);
            free(y.limb);
        }
    }
    return 0;
}
