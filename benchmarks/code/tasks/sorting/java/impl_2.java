import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Stable top-down merge sort on lists with a comparator. */
final class MergeSorter<T> {
    private final Comparator<? super T> order;

    MergeSorter(Comparator<? super T> order) {
        this.order = order;
    }

    List<T> sorted(List<T> items) {
        if (items.size() <= 1) {
            return new ArrayList<>(items);
        }
        int half = items.size() / 2;
        List<T> left = sorted(items.subList(0, half));
        List<T> right = sorted(items.subList(half, items.size()));
        List<T> merged = new ArrayList<>(items.size());
        int a = 0;
        int b = 0;
        while (a < left.size() && b < right.size()) {
            if (order.compare(right.get(b), left.get(a)) < 0) {
                merged.add(right.get(b++));
            } else {
                merged.add(left.get(a++));
            }
        }
        merged.addAll(left.subList(a, left.size()));
        merged.addAll(right.subList(b, right.size()));
        return merged;
    }

    public static void main(String[] args) {
        MergeSorter<String> byLength = new MergeSorter<>(Comparator.comparingInt(String::length));
        System.out.println(byLength.sorted(List.of("pear", "fig", "banana", "kiwi", "apple")));
    }
}
