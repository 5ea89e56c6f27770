#include <stdio.h>

char winner(char b[3][3])
{
    for (int i = 0; i < 3; i++) {
        if (b[i][0] != ' ' && b[i][0] == b[i][1] && b[i][1] == b[i][2])
            return b[i][0];
        if (b[0][i] != ' ' && b[0][i] == b[1][i] && b[1][i] == b[2][i])
            return b[0][i];
    }
    if (b[1][1] != ' ' && b[0][0] == b[1][1] && b[1][1] == b[2][2])
        return b[1][1];
    if (b[1][1] != ' ' && b[0][2] == b[1][1] && b[1][1] == b[2][0])
        return b[1][1];
    return ' ';
}

int main(void)
{
    char board[3][3] = {
        { 'O', 'X', 'X' },
        { ' ', 'O', 'X' },
        { 'X', ' ', 'O' },
    };
    char w = winner(board);
    if (w == ' ')
        printf("no winner\n");
    else
        printf("winner: %c\n", w);
    return 0;
}
