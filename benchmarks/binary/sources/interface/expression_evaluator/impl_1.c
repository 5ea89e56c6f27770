/* expression evaluator: lexer fills a heap token array, recursive descent parser evaluates while parsing */
#include <stdio.h>
#include <stdlib.h>

enum kind { NUM, PLUS, MINUS, STAR, SLASH, LPAREN, RPAREN, END, BAD };

struct token {
    enum kind kind;
    long value;
};

static struct token *toks;
static int at;
static int failed;

static int lex(char *s, struct token *out)
{
    int n = 0;
    for (;;) {
        char c = *s;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { s++; continue; }
        if (c == '\0') { out[n++].kind = END; return n; }
        if (c >= '0' && c <= '9') {
            out[n].kind = NUM;
            out[n++].value = strtol(s, &s, 10);
            continue;
        }
        switch (c) {
        case '+': out[n].kind = PLUS; break;
        case '-': out[n].kind = MINUS; break;
        case '*': out[n].kind = STAR; break;
        case '/': out[n].kind = SLASH; break;
        case '(': out[n].kind = LPAREN; break;
        case ')': out[n].kind = RPAREN; break;
        default: out[n].kind = BAD; break;
        }
        n++;
        s++;
    }
}

static long expr(void);

static long primary(void)
{
    if (toks[at].kind == NUM)
        return toks[at++].value;
    if (toks[at].kind == LPAREN) {
        long v;
        at++;
        v = expr();
        if (toks[at].kind != RPAREN) failed = 1;
        else at++;
        return v;
    }
    failed = 1;
    return 0;
}

static long unary(void)
{
    if (toks[at].kind == MINUS) {
        at++;
        return -unary();
    }
    return primary();
}

static long term(void)
{
    long v = unary();
    while (!failed && (toks[at].kind == STAR || toks[at].kind == SLASH)) {
        enum kind op = toks[at++].kind;
        long r = unary();
        if (op == STAR) v *= r;
        else if (r == 0) failed = 1;
        else v /= r;
    }
    return v;
}

static long expr(void)
{
    long v = term();
    while (!failed && (toks[at].kind == PLUS || toks[at].kind == MINUS)) {
        enum kind op = toks[at++].kind;
        long r = term();
        v = op == PLUS ? v + r : v - r;
    }
    return v;
}

int main(void)
{
    char line[1024];
    toks = malloc(sizeof(struct token) * (sizeof line + 1));
    if (!toks) return 1;
    while (fgets(line, sizeof line, stdin)) {
        long v;
        lex(line, toks);
        if (toks[0].kind == END) continue;
        at = 0;
        failed = 0;
        v = expr();
        if (failed || toks[at].kind != END) puts("error");
        else printf("%ld\n", v);
    }
    free(toks);
    return 0;
}
