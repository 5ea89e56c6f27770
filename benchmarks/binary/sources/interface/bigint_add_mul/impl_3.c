/* digit strings: recursive right-to-left addition into a digit-value accumulator, product as shifted partials */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* acc[0..w) holds w digit values (most significant first); adds ASCII digits a[0..n) shifted by `shift` places */
static void add_into(char *acc, int w, const char *a, int n, int shift, int carry)
{
    int pos, v;
    if (n <= 0 && carry == 0)
        return;
    pos = w - 1 - shift;
    if (pos < 0)
        return;
    v = acc[pos] + carry + (n > 0 ? a[n - 1] - '0' : 0);
    acc[pos] = (char)(v % 10);
    add_into(acc, w, a, n - 1, shift + 1, v / 10);
}

/* a[0..n) times a single digit, written into out (n + 1 ASCII digits) */
static void scale(const char *a, int n, int digit, char *out)
{
    int i, carry = 0;
    for (i = n - 1; i >= 0; i--) {
        int v = (a[i] - '0') * digit + carry;
        out[i + 1] = (char)('0' + v % 10);
        carry = v / 10;
    }
    out[0] = (char)('0' + carry);
}

static void emit(const char *acc, int w)
{
    int i = 0;
    while (i < w - 1 && acc[i] == 0)
        i++;
    for (; i < w; i++)
        putchar('0' + acc[i]);
    putchar('\n');
}

static int trim(char **s, char *end)
{
    char *p = *s, *q;
    while (p < end && *p == ' ')
        p++;
    while (end > p && end[-1] == ' ')
        end--;
    for (q = p; q < end; q++)
        if (*q < '0' || *q > '9')
            return -1;
    *s = p;
    return end > p ? (int)(end - p) : -1;
}

static int solve(char *text)
{
    char *op = strchr(text, '+'), *other = strchr(text, '*'), *a, *b, *acc;
    int na, nb, w, i;
    if (op == NULL) { op = other; other = NULL; }
    if (op == NULL || other != NULL || strchr(op + 1, *op) != NULL)
        return 0;
    a = text;
    b = op + 1;
    na = trim(&a, op);
    nb = trim(&b, text + strlen(text));
    if (na < 0 || nb < 0)
        return 0;
    w = na + nb + 1;
    acc = calloc((size_t)w + (size_t)na + 2, 1);
    if (!acc)
        return 0;
    if (*op == '+') {
        add_into(acc, w, a, na, 0, 0);
        add_into(acc, w, b, nb, 0, 0);
    } else {
        char *part = acc + w;
        for (i = 0; i < nb; i++) {
            scale(a, na, b[nb - 1 - i] - '0', part);
            add_into(acc, w, part, na + 1, i, 0);
        }
    }
    emit(acc, w);
    free(acc);
    return 1;
}

int main(void)
{
    char line[1100];
    int no;
    for (no = 1; fgets(line, (int)sizeof line, stdin); no++) {
        int n = (int)strlen(line);
        if (n && line[n - 1] == '\n') line[--n] = 0;
        if (n && line[n - 1] == '\r') line[--n] = 0;
        if (n == 0)
            continue;
        if (!solve(line))
            printf("error on line %d\n", no);
    }
    return 0;
}
