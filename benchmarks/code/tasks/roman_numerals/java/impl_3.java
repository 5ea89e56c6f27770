public class Numerals
{
    // digit-by-digit conversion using ones/fives/tens letters per decimal place
    private static final char[][] LETTERS = {{'I', 'V', 'X'}, {'X', 'L', 'C'}, {'C', 'D', 'M'}};

    static String place(int digit, char one, char five, char ten)
    {
        switch (digit)
        {
            case 0: return "";
            case 4: return "" + one + five;
            case 9: return "" + one + ten;
            default:
                String s = digit >= 5 ? String.valueOf(five) : "";
                return s + String.valueOf(one).repeat(digit % 5);
        }
    }

    static String convert(int n)
    {
        if (n <= 0 || n >= 4000) throw new IllegalArgumentException(n + " out of range");
        String out = "M".repeat(n / 1000);
        int rest = n % 1000;
        for (int p = 2; p >= 0; p--)
        {
            int d = (rest / (int) Math.pow(10, p)) % 10;
            out += place(d, LETTERS[p][0], LETTERS[p][1], LETTERS[p][2]);
        }
        return out;
    }

    public static void main(String[] args)
    {
        for (int n : new int[] {4, 49, 444, 3999}) System.out.println(n + " -> " + convert(n));
    }
}
