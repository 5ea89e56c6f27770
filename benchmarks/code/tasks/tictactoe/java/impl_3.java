public class Bitboard
{
    // each player is a 9-bit mask; a win is any of the eight line masks fully covered
    private static final int[] WINS = {0x007, 0x038, 0x1C0, 0x049, 0x092, 0x124, 0x111, 0x054};

    static boolean wins(int mask)
    {
        for (int w : WINS) if ((mask & w) == w) return true;
        return false;
    }

    static int maskOf(String board, char player)
    {
        int m = 0;
        for (int i = 0; i < 9; i++) if (board.charAt(i) == player) m |= 1 << i;
        return m;
    }

    public static void main(String[] args)
    {
        String board = args.length > 0 ? args[0] : "OXX-O-X-O";
        int x = maskOf(board, 'X'), o = maskOf(board, 'O');
        String verdict = wins(x) ? "X" : wins(o) ? "O" : Integer.bitCount(x | o) == 9 ? "draw" : "none yet";
        System.out.println(verdict);
    }
}
