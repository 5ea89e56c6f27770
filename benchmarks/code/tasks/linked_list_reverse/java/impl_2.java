/** A singly linked list of strings that can reverse itself recursively. */
final class Chain {
    private record Link(String item, Link rest) { }

    private Link first;

    Chain(String... items) {
        for (int i = items.length - 1; i >= 0; i--) {
            first = new Link(items[i], first);
        }
    }

    // rebuilds the links back to front; the records are immutable so new ones are made
    private static Link reversed(Link from, Link acc) {
        if (from == null) {
            return acc;
        }
        return reversed(from.rest(), new Link(from.item(), acc));
    }

    Chain reverse() {
        Chain out = new Chain();
        out.first = reversed(first, null);
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        Link l = first;
        while (l != null) {
            sb.append(l.item());
            l = l.rest();
            if (l != null) {
                sb.append(", ");
            }
        }
        return sb.append(']').toString();
    }

    public static void main(String[] args) {
        Chain c = new Chain("red", "green", "blue");
        System.out.println(c + " reversed is " + c.reverse());
    }
}
