import java.util.Scanner;

public class LowerBound
{
    // first position whose value is not less than x
    static int lowerBound(long[] v, long x)
    {
        int first = 0, count = v.length;
        while (count > 0)
        {
            int step = count / 2;
            int it = first + step;
            if (v[it] < x)
            {
                first = it + 1;
                count -= step + 1;
            }
            else
            {
                count = step;
            }
        }
        return first;
    }

    public static void main(String[] args)
    {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = in.nextLong();
        long q = in.nextLong();
        int p = lowerBound(v, q);
        System.out.println(p < n && v[p] == q ? "found at " + p : "missing, insert at " + p);
    }
}
