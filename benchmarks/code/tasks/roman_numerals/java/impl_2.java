import java.util.Map;

/** Parses Roman numerals (right to left, subtracting smaller values before larger ones). */
final class RomanParser {
    private static final Map<Character, Integer> DIGITS = Map.of(
        'I', 1, 'V', 5, 'X', 10, 'L', 50, 'C', 100, 'D', 500, 'M', 1000);

    static int parse(String roman) {
        int total = 0;
        int previous = 0;
        for (int pos = roman.length() - 1; pos >= 0; pos--) {
            Integer digit = DIGITS.get(Character.toUpperCase(roman.charAt(pos)));
            if (digit == null) {
                throw new NumberFormatException("not a roman digit: " + roman.charAt(pos));
            }
            if (digit < previous) {
                total -= digit;
            } else {
                total += digit;
                previous = digit;
            }
        }
        return total;
    }

    public static void main(String[] args) {
        for (String s : new String[] {"XIV", "mcmxc", "MMXXIV"}) {
            System.out.println(s + " = " + parse(s));
        }
    }
}
