import java.util.Iterator;
import java.util.NoSuchElementException;

/** Linked stack with an iterator from top to bottom. */
final class LinkedStack<E> implements Iterable<E> {
    private static final class Cell<E> {
        final E value;
        final Cell<E> below;

        Cell(E value, Cell<E> below) {
            this.value = value;
            this.below = below;
        }
    }

    private Cell<E> top;
    private int depth;

    void push(E item) {
        top = new Cell<>(item, top);
        depth++;
    }

    E pop() {
        if (top == null) {
            throw new NoSuchElementException();
        }
        E v = top.value;
        top = top.below;
        depth--;
        return v;
    }

    int depth() {
        return depth;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private Cell<E> at = top;

            public boolean hasNext() {
                return at != null;
            }

            public E next() {
                if (at == null) {
                    throw new NoSuchElementException();
                }
                E v = at.value;
                at = at.below;
                return v;
            }
        };
    }

    // checks bracket balance using the stack
    static boolean balanced(String s) {
        LinkedStack<Character> open = new LinkedStack<>();
        for (char ch : s.toCharArray()) {
            if ("([{".indexOf(ch) >= 0) {
                open.push(ch);
            } else if (")]}".indexOf(ch) >= 0) {
                if (open.depth() == 0 || "([{".indexOf(open.pop()) != ")]}".indexOf(ch)) {
                    return false;
                }
            }
        }
        return open.depth() == 0;
    }

    public static void main(String[] args) {
        System.out.println(balanced("{a[b(c)]}") + " " + balanced("(]"));
    }
}
