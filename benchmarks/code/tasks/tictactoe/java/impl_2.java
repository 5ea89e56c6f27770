/** Board kept as a 9-character string; winning lines listed once. */
final class Board {
    private static final int[][] LINES = {
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8},
        {0, 3, 6}, {1, 4, 7}, {2, 5, 8},
        {0, 4, 8}, {2, 4, 6}
    };

    private final String cells;

    Board(String cells) {
        if (cells.length() != 9) {
            throw new IllegalArgumentException("need 9 cells");
        }
        this.cells = cells;
    }

    enum Outcome { X_WINS, O_WINS, DRAW, ONGOING }

    Outcome outcome() {
        for (int[] line : LINES) {
            char c = cells.charAt(line[0]);
            if (c != '.' && c == cells.charAt(line[1]) && c == cells.charAt(line[2])) {
                return c == 'X' ? Outcome.X_WINS : Outcome.O_WINS;
            }
        }
        return cells.indexOf('.') < 0 ? Outcome.DRAW : Outcome.ONGOING;
    }

    public static void main(String[] args) {
        for (String s : new String[] {"XXXOO....", "XOXXOOOXX", "O..XO..XO", "X........"}) {
            System.out.println(s + " " + new Board(s).outcome());
        }
    }
}
