#include <ctype.h>
#include <stdio.h>
#include <string.h>

void tokenize(const char *s)
{
    char buf[128];
    int i = 0;
    while (s[i] != '\0') {
        if (isspace((unsigned char)s[i])) {
            i++;
        } else if (isdigit((unsigned char)s[i])) {
            int j = 0;
            while (isdigit((unsigned char)s[i]))
                buf[j++] = s[i++];
            buf[j] = '\0';
            printf("NUMBER %s\n", buf);
        } else if (isalpha((unsigned char)s[i])) {
            int j = 0;
            while (isalnum((unsigned char)s[i]))
                buf[j++] = s[i++];
            buf[j] = '\0';
            printf("IDENT %s\n", buf);
        } else {
            printf("SYMBOL %c\n", s[i]);
            i++;
        }
    }
}

int main(void)
{
    tokenize("sum = a1 + 250 * (b - c)");
    return 0;
}
