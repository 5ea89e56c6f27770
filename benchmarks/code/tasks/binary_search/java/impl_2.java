import java.util.List;

final class Finder<T extends Comparable<T>> {
    private final List<T> items;

    Finder(List<T> sortedItems) {
        items = sortedItems;
    }

    // recursive variant over the half-open range [from, to)
    private int find(T target, int from, int to) {
        if (from >= to) {
            return -(from + 1);
        }
        int middle = (from + to) >>> 1;
        int cmp = items.get(middle).compareTo(target);
        if (cmp == 0) {
            return middle;
        }
        return cmp < 0 ? find(target, middle + 1, to) : find(target, from, middle);
    }

    int indexOf(T target) {
        return find(target, 0, items.size());
    }

    boolean contains(T target) {
        return indexOf(target) >= 0;
    }

    public static void main(String[] args) {
        Finder<String> f = new Finder<>(List.of("ant", "bee", "cat", "dog", "eel"));
        System.out.println(f.indexOf("cat") + " " + f.contains("fox") + " " + f.indexOf("fox"));
    }
}
