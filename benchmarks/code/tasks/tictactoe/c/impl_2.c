/* board as a flat string; walks all lines through a direction table */
#include <stdio.h>
#include <string.h>

static const int starts[8] = { 0, 3, 6, 0, 1, 2, 0, 2 };
static const int steps[8] = { 1, 1, 1, 3, 3, 3, 4, 2 };

static char check(const char *cells)
{
    for (int l = 0; l < 8; l++) {
        char c = cells[starts[l]];
        if (c == '-')
            continue;
        if (cells[starts[l] + steps[l]] == c && cells[starts[l] + 2 * steps[l]] == c)
            return c;
    }
    return strchr(cells, '-') ? '?' : '=';
}

int main(int argc, char **argv)
{
    const char *boards[] = { "XXX-OO---", "XOXOXOOXO", "XOXXOOOXX", "---------" };
    int n = argc > 1 ? argc - 1 : 4;
    for (int i = 0; i < n; i++) {
        const char *b = argc > 1 ? argv[i + 1] : boards[i];
        if (strlen(b) != 9) {
            fprintf(stderr, "%s: need 9 cells\n", b);
            continue;
        }
        char r = check(b);
        printf("%s -> %s\n", b, r == '?' ? "in play" : r == '=' ? "draw" : r == 'X' ? "X wins" : "O wins");
    }
    return 0;
}
