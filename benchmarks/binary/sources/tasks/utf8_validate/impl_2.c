// DFA-based UTF-8 checker: byte classes and a state table (states count pending continuation bytes)
#include <stdio.h>

enum { ACCEPT = 0, REJECT = 1 };

/* byte class: 0 ascii, 1 cont 80-8F, 2 cont 90-9F, 3 cont A0-BF, 4 C2-DF, 5 E0, 6 E1-EC/EE-EF, 7 ED,
   8 F0, 9 F1-F3, 10 F4, 11 invalid (C0,C1,F5-FF) */
static int byte_class(int b)
{
    if (b < 0x80) return 0;
    if (b < 0x90) return 1;
    if (b < 0xA0) return 2;
    if (b < 0xC0) return 3;
    if (b < 0xC2) return 11;
    if (b < 0xE0) return 4;
    if (b == 0xE0) return 5;
    if (b == 0xED) return 7;
    if (b < 0xF0) return 6;
    if (b == 0xF0) return 8;
    if (b < 0xF4) return 9;
    if (b == 0xF4) return 10;
    return 11;
}

/* states: 0 accept, 1 reject, 2 need1, 3 need2, 4 E0 (A0-BF), 5 ED (80-9F), 6 F0 (90-BF), 7 need3, 8 F4 (80-8F) */
static const unsigned char next[9][12] = {
    {0, 1, 1, 1, 2, 4, 3, 5, 6, 7, 8, 1},
    {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    {1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1},
    {1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1},
    {1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1},
    {1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1},
    {1, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1},
    {1, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1},
    {1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
};

int main(int argc, char **argv)
{
    int status = 0;
    for (int a = 1; a < argc || (a == 1 && argc == 1); a++) {
        FILE *f = argc == 1 ? stdin : fopen(argv[a], "rb");
        unsigned s = ACCEPT;
        long off = 0;
        int c;
        if (!f) { perror(argv[a]); status = 2; continue; }
        while ((c = fgetc(f)) != EOF && s != REJECT) {
            s = next[s][byte_class(c)];
            off++;
        }
        printf("%s: %s\n", argc == 1 ? "<stdin>" : argv[a], s == ACCEPT ? "ok" : "bad");
        if (s != ACCEPT) status = 1;
        if (f != stdin) fclose(f);
    }
    return status;
}
