/** Day differences without java.time: count days from a fixed epoch. */
final class Calendar2 {
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    static boolean leap(int y) {
        return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    }

    static int dayNumber(int year, int month, int day) {
        int n = 0;
        for (int y = 1900; y < year; y++) {
            n += leap(y) ? 366 : 365;
        }
        for (int m = 1; m < month; m++) {
            n += MONTH_DAYS[m - 1] + (m == 2 && leap(year) ? 1 : 0);
        }
        return n + day - 1;
    }

    static int between(int[] a, int[] b) {
        return dayNumber(b[0], b[1], b[2]) - dayNumber(a[0], a[1], a[2]);
    }

    static int[] parse(String iso) {
        String[] p = iso.split("-");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    public static void main(String[] args) {
        String from = args.length > 1 ? args[0] : "1999-12-31";
        String to = args.length > 1 ? args[1] : "2000-03-01";
        System.out.println(between(parse(from), parse(to)) + " days");
    }
}
