public class IntStack {
    private int[] data;
    private int size;

    public IntStack(int capacity) {
        data = new int[capacity];
        size = 0;
    }

    public void push(int x) {
        if (size == data.length) {
            int[] bigger = new int[data.length * 2];
            System.arraycopy(data, 0, bigger, 0, size);
            data = bigger;
        }
        data[size++] = x;
    }

    public int pop() {
        if (size == 0) {
            throw new RuntimeException("stack is empty");
        }
        return data[--size];
    }

    public int peek() {
        if (size == 0) {
            throw new RuntimeException("stack is empty");
        }
        return data[size - 1];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public static void main(String[] args) {
        IntStack s = new IntStack(2);
        for (int i = 0; i < 5; i++) {
            s.push(i * i);
        }
        while (!s.isEmpty()) {
            System.out.println(s.pop());
        }
    }
}
