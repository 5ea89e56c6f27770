/* table driven JSON lexer: character classes + a DFA transition table; counts tokens by type */
#include <stdio.h>

enum cls { C_WS, C_PUNCT, C_QUOTE, C_BSLASH, C_DIGIT, C_SIGN, C_ALPHA, C_OTHER, NCLS };
enum st { S_START, S_STR, S_ESC, S_NUM, S_WORD, NST };

static enum cls classify(int c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return C_WS;
    if (c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',') return C_PUNCT;
    if (c == '"') return C_QUOTE;
    if (c == '\\') return C_BSLASH;
    if (c >= '0' && c <= '9') return C_DIGIT;
    if (c == '-' || c == '+' || c == '.') return C_SIGN;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return C_ALPHA;
    return C_OTHER;
}

/* next state; -1 = emit current token and re-scan char from START, -2 = error */
static const signed char delta[NST][NCLS] = {
    /*            WS  PUNCT QUOTE BSL DIGIT SIGN ALPHA OTHER */
    /* START */ {S_START, S_START, S_STR, -2, S_NUM, S_NUM, S_WORD, -2},
    /* STR   */ {S_STR, S_STR, S_START, S_ESC, S_STR, S_STR, S_STR, S_STR},
    /* ESC   */ {S_STR, S_STR, S_STR, S_STR, S_STR, S_STR, S_STR, S_STR},
    /* NUM   */ {-1, -1, -2, -2, S_NUM, S_NUM, S_NUM, -2},
    /* WORD  */ {-1, -1, -2, -2, -2, -2, S_WORD, -2},
};

int main(void)
{
    long counts[5] = {0, 0, 0, 0, 0}; /* punct, string, number, word, total */
    int s = S_START, c;
    for (;;) {
        int next;
        c = getchar();
        if (c == EOF) {
            if (s == S_NUM) counts[2]++;
            if (s == S_WORD) counts[3]++;
            break;
        }
        next = delta[s][classify(c)];
        if (next == -1) {
            counts[s == S_NUM ? 2 : 3]++;
            s = S_START;
            next = delta[s][classify(c)];
        }
        if (next == -2) {
            fprintf(stderr, "lexical error at '%c'\n", c);
            return 1;
        }
        if (s == S_START && classify(c) == C_PUNCT) counts[0]++;
        if (s == S_STR && next == S_START) counts[1]++;
        s = next;
    }
    counts[4] = counts[0] + counts[1] + counts[2] + counts[3];
    printf("punctuation %ld\nstrings %ld\nnumbers %ld\nliterals %ld\ntotal %ld\n", counts[0], counts[1], counts[2],
           counts[3], counts[4]);
    return s == S_STR || s == S_ESC;
}
