// Tokenizer over an in-memory buffer returning token structs (pull API); argv[1] is the JSON text.
#include <stdio.h>
#include <string.h>

typedef enum { TK_END, TK_PUNCT, TK_STR, TK_NUM, TK_LIT, TK_ERR } Kind;

typedef struct {
    Kind kind;
    const char *start;
    int len;
} Token;

typedef struct {
    const char *src;
    int pos;
} Lexer;

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
static int is_num_char(char c) { return (c >= '0' && c <= '9') || strchr("+-.eE", c) != NULL; }

static Token next_token(Lexer *lx)
{
    Token t = {TK_END, NULL, 0};
    const char *s;
    while (is_space(lx->src[lx->pos]))
        lx->pos++;
    s = lx->src + lx->pos;
    t.start = s;
    if (!*s)
        return t;
    if (strchr("{}[]:,", *s)) {
        t.kind = TK_PUNCT;
        t.len = 1;
    } else if (*s == '"') {
        int i = 1;
        while (s[i] && s[i] != '"')
            i += s[i] == '\\' && s[i + 1] ? 2 : 1;
        t.kind = s[i] == '"' ? TK_STR : TK_ERR;
        t.len = s[i] ? i + 1 : i;
    } else if (*s == '-' || (*s >= '0' && *s <= '9')) {
        int i = 1;
        while (s[i] && is_num_char(s[i]))
            i++;
        t.kind = TK_NUM;
        t.len = i;
    } else if (!strncmp(s, "true", 4) || !strncmp(s, "null", 4)) {
        t.kind = TK_LIT;
        t.len = 4;
    } else if (!strncmp(s, "false", 5)) {
        t.kind = TK_LIT;
        t.len = 5;
    } else {
        t.kind = TK_ERR;
        t.len = 1;
    }
    lx->pos += t.len;
    return t;
}

int main(int argc, char **argv)
{
    static const char *kinds[] = {"end", "punct", "string", "number", "literal", "error"};
    Lexer lx = {argc > 1 ? argv[1] : "{\"a\": [1, 2.5e3, true], \"b\": null}", 0};
    Token t;
    int depth = 0;
    do {
        t = next_token(&lx);
        if (t.kind == TK_PUNCT && (*t.start == '}' || *t.start == ']'))
            depth--;
        printf("%*s%-7s %.*s\n", depth * 2, "", kinds[t.kind], t.len, t.start);
        if (t.kind == TK_PUNCT && (*t.start == '{' || *t.start == '['))
            depth++;
        if (t.kind == TK_ERR)
            return 1;
    } while (t.kind != TK_END);
    return 0;
}
