/* AST approach: precedence climbing builds heap-allocated nodes, a recursive walk evaluates, then frees them */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
    char op;          /* 'n' literal, 'u' negate, or one of + - * / */
    long num;
    struct Node *l, *r;
} Node;

typedef struct {
    const char *p;
    int err;
} Parser;

static Node *node(char op, long num, Node *l, Node *r)
{
    Node *n = malloc(sizeof *n);
    if (n) { n->op = op; n->num = num; n->l = l; n->r = r; }
    return n;
}

static void drop(Node *n)
{
    if (!n) return;
    drop(n->l);
    drop(n->r);
    free(n);
}

static char peek(Parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\r' || *ps->p == '\n') ps->p++;
    return *ps->p;
}

static int binding(char c)
{
    return c == '+' || c == '-' ? 1 : c == '*' || c == '/' ? 2 : 0;
}

static Node *parse_expr(Parser *ps, int min_bp);

static Node *parse_atom(Parser *ps)
{
    char c = peek(ps);
    if (c == '-') {
        ps->p++;
        return node('u', 0, parse_atom(ps), NULL);
    }
    if (c == '(') {
        Node *inner;
        ps->p++;
        inner = parse_expr(ps, 1);
        if (peek(ps) != ')') ps->err = 1;
        else ps->p++;
        return inner;
    }
    if (c >= '0' && c <= '9') {
        char *end;
        long v = strtol(ps->p, &end, 10);
        ps->p = end;
        return node('n', v, NULL, NULL);
    }
    ps->err = 1;
    return NULL;
}

static Node *parse_expr(Parser *ps, int min_bp)
{
    Node *lhs = parse_atom(ps);
    for (;;) {
        char op = peek(ps);
        int bp = binding(op);
        if (ps->err || bp < min_bp || bp == 0) return lhs;
        ps->p++;
        lhs = node(op, 0, lhs, parse_expr(ps, bp + 1));
    }
}

static long eval(const Node *n, int *err)
{
    long a, b;
    if (!n) { *err = 1; return 0; }
    if (n->op == 'n') return n->num;
    a = eval(n->l, err);
    if (n->op == 'u') return -a;
    b = eval(n->r, err);
    switch (n->op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default:
        if (b == 0) { *err = 1; return 0; }
        return a / b;
    }
}

int main(void)
{
    char buf[1024];
    while (fgets(buf, sizeof buf, stdin) != NULL) {
        Parser ps;
        Node *tree;
        long v;
        int err = 0;
        ps.p = buf;
        ps.err = 0;
        if (peek(&ps) == '\0') continue;
        tree = parse_expr(&ps, 1);
        if (!ps.err && peek(&ps) != '\0') ps.err = 1;
        v = ps.err ? 0 : eval(tree, &err);
        if (ps.err || err) puts("error");
        else printf("%ld\n", v);
        drop(tree);
    }
    return 0;
}
