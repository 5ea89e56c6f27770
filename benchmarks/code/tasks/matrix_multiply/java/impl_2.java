/** Immutable integer matrix stored in one flat array (row major). */
final class Matrix {
    private final int rows;
    private final int cols;
    private final long[] cells;

    Matrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.cells = new long[rows * cols];
    }

    static Matrix of(int rows, int cols, long... values) {
        Matrix m = new Matrix(rows, cols);
        System.arraycopy(values, 0, m.cells, 0, values.length);
        return m;
    }

    long at(int r, int c) {
        return cells[r * cols + c];
    }

    Matrix times(Matrix other) {
        if (cols != other.rows) {
            throw new ArithmeticException(cols + " != " + other.rows);
        }
        Matrix out = new Matrix(rows, other.cols);
        // i-k-j order walks both operands sequentially
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                long left = at(r, k);
                for (int c = 0; c < other.cols; c++) {
                    out.cells[r * out.cols + c] += left * other.at(k, c);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                sb.append(c == 0 ? "" : " ").append(at(r, c));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        Matrix a = of(2, 3, 1, 2, 3, 4, 5, 6);
        Matrix b = of(3, 2, 7, 8, 9, 10, 11, 12);
        System.out.print(a.times(b));
    }
}
