public class TicTacToe {
    public static char winner(char[][] b) {
        for (int i = 0; i < 3; i++) {
            if (b[i][0] != ' ' && b[i][0] == b[i][1] && b[i][1] == b[i][2]) {
                return b[i][0];
            }
            if (b[0][i] != ' ' && b[0][i] == b[1][i] && b[1][i] == b[2][i]) {
                return b[0][i];
            }
        }
        if (b[1][1] != ' ' && b[0][0] == b[1][1] && b[1][1] == b[2][2]) {
            return b[1][1];
        }
        if (b[1][1] != ' ' && b[0][2] == b[1][1] && b[1][1] == b[2][0]) {
            return b[1][1];
        }
        return ' ';
    }

    public static void main(String[] args) {
        char[][] board = {
            {'X', 'O', 'X'},
            {' ', 'X', 'O'},
            {'O', ' ', 'X'}
        };
        char w = winner(board);
        System.out.println(w == ' ' ? "no winner" : "winner: " + w);
    }
}
