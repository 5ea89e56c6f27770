/* recursive-descent JSON scanner that validates structure while emitting tokens (reads stdin) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *text;
static size_t at;
static int ntok;

static void ws(void) { while (text[at] && strchr(" \t\r\n", text[at])) at++; }
static void emit(const char *what, size_t from, size_t to)
{
    printf("%3d %-6s %.*s\n", ++ntok, what, (int)(to - from), text + from);
}
static int value(void);

static int string_tok(void)
{
    size_t from = at++;
    while (text[at] && text[at] != '"') at += text[at] == '\\' ? 2 : 1;
    if (text[at] != '"') return 0;
    at++;
    emit("str", from, at);
    return 1;
}

static int container(char open, char close)
{
    emit("open", at, at + 1);
    at++;
    ws();
    if (text[at] == close) { emit("close", at, at + 1); at++; return 1; }
    for (;;) {
        if (open == '{') {
            ws();
            if (text[at] != '"' || !string_tok()) return 0;
            ws();
            if (text[at] != ':') return 0;
            emit("colon", at, at + 1);
            at++;
        }
        if (!value()) return 0;
        ws();
        if (text[at] == ',') { emit("comma", at, at + 1); at++; continue; }
        if (text[at] == close) { emit("close", at, at + 1); at++; return 1; }
        return 0;
    }
}

static int value(void)
{
    size_t from;
    ws();
    from = at;
    switch (text[at]) {
    case '{': return container('{', '}');
    case '[': return container('[', ']');
    case '"': return string_tok();
    default: break;
    }
    if (!strncmp(text + at, "true", 4) || !strncmp(text + at, "null", 4)) { at += 4; emit("lit", from, at); return 1; }
    if (!strncmp(text + at, "false", 5)) { at += 5; emit("lit", from, at); return 1; }
    strtod(text + at, NULL);
    while (text[at] && strchr("0123456789+-.eE", text[at])) at++;
    if (at == from) return 0;
    emit("num", from, at);
    return 1;
}

int main(void)
{
    size_t cap = 1 << 16, len;
    text = malloc(cap + 1);
    if (!text) return 1;
    len = fread(text, 1, cap, stdin);
    text[len] = '\0';
    if (!value()) {
        fprintf(stderr, "syntax error near offset %lu\n", (unsigned long)at);
        free(text);
        return 1;
    }
    free(text);
    return 0;
}
