import java.util.ArrayList;
import java.util.List;

/**
 * Produces the classic word game sequence, with the rules kept in a table.
 */
final class WordGame {
    private static final int[] DIVISORS = {3, 5, 7};
    private static final String[] WORDS = {"Fizz", "Buzz", "Bazz"};

    private final boolean withSeven;

    WordGame(boolean withSeven) {
        this.withSeven = withSeven;
    }

    String say(int n) {
        StringBuilder sb = new StringBuilder();
        int rules = withSeven ? DIVISORS.length : 2;
        for (int r = 0; r < rules; r++) {
            if (n % DIVISORS[r] == 0) {
                sb.append(WORDS[r]);
            }
        }
        return sb.length() == 0 ? Integer.toString(n) : sb.toString();
    }

    List<String> play(int upTo) {
        List<String> out = new ArrayList<>();
        int n = 1;
        while (n <= upTo) {
            out.add(say(n));
            n++;
        }
        return out;
    }

    public static void main(String[] argv) {
        WordGame game = new WordGame(false);
        System.out.println(String.join("\n", game.play(100)));
    }
}
