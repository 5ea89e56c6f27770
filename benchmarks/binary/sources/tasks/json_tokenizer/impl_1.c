/* JSON tokenizer: one big switch over the current character, tokens printed one per line */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

enum tok { T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK, T_COLON, T_COMMA, T_STRING, T_NUMBER, T_TRUE, T_FALSE, T_NULL };
static const char *const tok_names[] = {"LBRACE", "RBRACE", "LBRACKET", "RBRACKET", "COLON", "COMMA",
                                        "STRING", "NUMBER", "TRUE", "FALSE", "NULL"};

static int expect_word(FILE *in, const char *rest)
{
    while (*rest)
        if (fgetc(in) != *rest++)
            return 0;
    return 1;
}

int main(void)
{
    int c, count = 0, line = 1;
    while ((c = getchar()) != EOF) {
        enum tok t;
        switch (c) {
        case '\n': line++; continue;
        case ' ': case '\t': case '\r': continue;
        case '{': t = T_LBRACE; break;
        case '}': t = T_RBRACE; break;
        case '[': t = T_LBRACK; break;
        case ']': t = T_RBRACK; break;
        case ':': t = T_COLON; break;
        case ',': t = T_COMMA; break;
        case '"':
            printf("STRING \"");
            while ((c = getchar()) != EOF && c != '"') {
                putchar(c);
                if (c == '\\' && (c = getchar()) != EOF)
                    putchar(c);
            }
            printf("\"\n");
            count++;
            continue;
        case 't': if (!expect_word(stdin, "rue")) goto bad; t = T_TRUE; break;
        case 'f': if (!expect_word(stdin, "alse")) goto bad; t = T_FALSE; break;
        case 'n': if (!expect_word(stdin, "ull")) goto bad; t = T_NULL; break;
        default:
            if (c == '-' || isdigit(c)) {
                printf("NUMBER ");
                do
                    putchar(c);
                while ((c = getchar()) != EOF && (isdigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'));
                putchar('\n');
                if (c != EOF)
                    ungetc(c, stdin);
                count++;
                continue;
            }
            goto bad;
        }
        printf("%s\n", tok_names[t]);
        count++;
    }
    fprintf(stderr, "%d tokens\n", count);
    return 0;
bad:
    fprintf(stderr, "line %d: unexpected character '%c'\n", line, c);
    return EXIT_FAILURE;
}
