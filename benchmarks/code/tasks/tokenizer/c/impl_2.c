/* pull-style scanner: next_token() fills a struct on each call */
#include <stdio.h>
#include <ctype.h>
#include <string.h>

enum kind { T_END, T_NUM, T_WORD, T_STR, T_PUNCT };

struct token {
    enum kind kind;
    const char *start;
    size_t len;
};

struct scanner {
    const char *p;
    int line;
};

static struct token next_token(struct scanner *sc)
{
    struct token t = { T_END, sc->p, 0 };
    while (*sc->p && isspace((unsigned char)*sc->p)) {
        if (*sc->p == '\n')
            sc->line++;
        sc->p++;
    }
    t.start = sc->p;
    if (!*sc->p)
        return t;
    if (isdigit((unsigned char)*sc->p)) {
        t.kind = T_NUM;
        while (isdigit((unsigned char)*sc->p) || *sc->p == '.')
            sc->p++;
    } else if (isalpha((unsigned char)*sc->p) || *sc->p == '_') {
        t.kind = T_WORD;
        while (isalnum((unsigned char)*sc->p) || *sc->p == '_')
            sc->p++;
    } else if (*sc->p == '"') {
        t.kind = T_STR;
        sc->p++;
        while (*sc->p && *sc->p != '"')
            sc->p++;
        if (*sc->p)
            sc->p++;
    } else {
        t.kind = T_PUNCT;
        sc->p++;
    }
    t.len = (size_t)(sc->p - t.start);
    return t;
}

int main(void)
{
    static const char *names[] = { "end", "num", "word", "str", "punct" };
    struct scanner sc = { "let x = 3.25;\nprint \"hi there\" x", 1 };
    struct token t;
    while ((t = next_token(&sc)).kind != T_END)
        printf("%d:%-5s '%.*s'\n", sc.line, names[t.kind], (int)t.len, t.start);
    return 0;
}
