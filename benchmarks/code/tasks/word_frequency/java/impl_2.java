import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/** Tallies words of a text by hand-rolled scanning (no regular expressions). */
class Tally {
    private final TreeMap<String, int[]> table = new TreeMap<>();

    void feed(CharSequence text) {
        StringBuilder current = new StringBuilder();
        for (int k = 0; k <= text.length(); k++) {
            char ch = k < text.length() ? text.charAt(k) : ' ';
            if (Character.isLetterOrDigit(ch)) {
                current.append(Character.toLowerCase(ch));
            } else if (current.length() > 0) {
                table.computeIfAbsent(current.toString(), w -> new int[1])[0]++;
                current.setLength(0);
            }
        }
    }

    List<String> top(int n) {
        List<String> words = new ArrayList<>(table.keySet());
        Collections.sort(words, (x, y) -> {
            int d = Integer.compare(table.get(y)[0], table.get(x)[0]);
            return d != 0 ? d : x.compareTo(y);
        });
        return words.subList(0, Math.min(n, words.size()));
    }

    int count(String w) {
        int[] cell = table.get(w);
        return cell == null ? 0 : cell[0];
    }

    public static void main(String[] args) {
        Tally t = new Tally();
        t.feed("the cat and the hat; the bat sat on the mat and the cat");
        for (String w : t.top(3)) {
            System.out.printf("%-6s %d%n", w, t.count(w));
        }
    }
}
