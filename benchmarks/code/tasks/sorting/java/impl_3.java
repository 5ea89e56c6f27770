public class Insertion
{
    // insertion sort with binary search for the insertion point
    static void insertionSort(double[] a)
    {
        for (int i = 1; i < a.length; i++)
        {
            double x = a[i];
            int lo = 0, hi = i;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (a[mid] <= x) lo = mid + 1;
                else hi = mid;
            }
            System.arraycopy(a, lo, a, lo + 1, i - lo);
            a[lo] = x;
        }
    }

    public static void main(String[] args)
    {
        double[] v = {3.5, -1.0, 2.25, 9.0, 0.0, 2.25};
        insertionSort(v);
        StringBuilder sb = new StringBuilder();
        for (double d : v) sb.append(d).append(' ');
        System.out.println(sb.toString().trim());
    }
}
