// Shunting-yard with two explicit stacks (values, operators) that reduces as it goes; '~' is unary minus.
#include <stdio.h>
#include <stdlib.h>

#define CAP 1100

typedef struct {
    long *val;
    char *ops;
    int nv, no;
    int bad;
} Machine;

static int prec(char op)
{
    switch (op) {
    case '~': return 3;
    case '*': case '/': return 2;
    case '+': case '-': return 1;
    }
    return 0; /* '(' */
}

static void reduce(Machine *m)
{
    char op = m->ops[--m->no];
    long a, b;
    if (op == '~') {
        if (m->nv < 1) { m->bad = 1; return; }
        m->val[m->nv - 1] = -m->val[m->nv - 1];
        return;
    }
    if (m->nv < 2) { m->bad = 1; return; }
    b = m->val[--m->nv];
    a = m->val[m->nv - 1];
    switch (op) {
    case '+': a += b; break;
    case '-': a -= b; break;
    case '*': a *= b; break;
    case '/':
        if (b == 0) { m->bad = 1; return; }
        a /= b;
        break;
    }
    m->val[m->nv - 1] = a;
}

/* returns 1 and sets *out on success, 0 on error, -1 for an empty line */
static int evaluate(Machine *m, char *p, long *out)
{
    int expect_operand = 1, any = 0;
    m->nv = m->no = m->bad = 0;
    while (*p && !m->bad) {
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { p++; continue; }
        any = 1;
        if (c >= '0' && c <= '9') {
            if (!expect_operand) return 0;
            m->val[m->nv++] = strtol(p, &p, 10);
            expect_operand = 0;
            continue;
        }
        p++;
        if (c == '(') {
            if (!expect_operand) return 0;
            m->ops[m->no++] = '(';
        } else if (c == ')') {
            if (expect_operand) return 0;
            while (m->no > 0 && m->ops[m->no - 1] != '(' && !m->bad) reduce(m);
            if (m->no == 0) return 0;
            m->no--;
        } else if (c == '-' && expect_operand) {
            m->ops[m->no++] = '~';
        } else if (c == '+' || c == '-' || c == '*' || c == '/') {
            if (expect_operand) return 0;
            while (m->no > 0 && m->ops[m->no - 1] != '(' && prec(m->ops[m->no - 1]) >= prec(c) && !m->bad)
                reduce(m);
            m->ops[m->no++] = c;
            expect_operand = 1;
        } else {
            return 0;
        }
    }
    if (!any) return -1;
    if (expect_operand) return 0;
    while (m->no > 0 && !m->bad) {
        if (m->ops[m->no - 1] == '(') return 0;
        reduce(m);
    }
    if (m->bad || m->nv != 1) return 0;
    *out = m->val[0];
    return 1;
}

int main(void)
{
    static char text[CAP];
    Machine m;
    long result = 0;

    m.val = (long *)malloc(CAP * sizeof(long));
    m.ops = (char *)malloc(CAP);
    if (m.val == NULL || m.ops == NULL) return 1;
    while (fgets(text, CAP, stdin) != NULL) {
        int r = evaluate(&m, text, &result);
        if (r > 0) printf("%ld\n", result);
        else if (r == 0) puts("error");
    }
    free(m.ops);
    free(m.val);
    return 0;
}
