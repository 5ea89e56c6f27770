import java.util.stream.IntStream;

public class Product
{
    public static int[][] mul(int[][] x, int[][] y)
    {
        return IntStream.range(0, x.length)
            .mapToObj(r -> IntStream.range(0, y[0].length)
                .map(c -> dot(x[r], column(y, c)))
                .toArray())
            .toArray(int[][]::new);
    }

    private static int[] column(int[][] m, int c)
    {
        int[] col = new int[m.length];
        for (int i = 0; i < m.length; ++i) col[i] = m[i][c];
        return col;
    }

    private static int dot(int[] u, int[] v)
    {
        int s = 0;
        for (int i = 0; i < u.length; ++i) s += u[i] * v[i];
        return s;
    }

    public static void main(String[] args)
    {
        int[][] id = {{1, 0}, {0, 1}};
        int[][] m = {{2, 3}, {4, 5}};
        for (int[] row : mul(m, id))
        {
            StringBuilder line = new StringBuilder();
            for (int v : row) line.append(v).append('\t');
            System.out.println(line.toString().trim());
        }
    }
}
