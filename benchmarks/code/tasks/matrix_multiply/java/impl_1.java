public class MatMul {
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length, m = b[0].length, k = b.length;
        if (a[0].length != k) {
            throw new IllegalArgumentException("shape mismatch");
        }
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i][p] * b[p][j];
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    public static void main(String[] args) {
        double[][] a = {{1, 2}, {3, 4}};
        double[][] b = {{5, 6}, {7, 8}};
        double[][] c = multiply(a, b);
        for (double[] row : c) {
            System.out.println(java.util.Arrays.toString(row));
        }
    }
}
