import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

public class Memo<A, R>
{
    // small memoizer that evicts by last-use timestamps (linear scan, fine for tiny sizes)
    private final List<A> keys = new ArrayList<>();
    private final List<R> results = new ArrayList<>();
    private final List<Long> lastUse = new ArrayList<>();
    private final Function<A, R> fn;
    private final int size;
    private long clock;
    int misses;

    Memo(Function<A, R> fn, int size) { this.fn = fn; this.size = size; }

    R apply(A arg)
    {
        clock++;
        int at = keys.indexOf(arg);
        if (at >= 0)
        {
            lastUse.set(at, clock);
            return results.get(at);
        }
        misses++;
        R r = fn.apply(arg);
        if (keys.size() < size)
        {
            keys.add(arg); results.add(r); lastUse.add(clock);
            return r;
        }
        int oldest = 0;
        for (int i = 1; i < lastUse.size(); i++) if (lastUse.get(i) < lastUse.get(oldest)) oldest = i;
        keys.set(oldest, arg); results.set(oldest, r); lastUse.set(oldest, clock);
        return r;
    }

    public static void main(String[] args)
    {
        Memo<Integer, Integer> square = new Memo<>(x -> x * x, 3);
        for (int x : new int[] {1, 2, 3, 1, 4, 2, 1}) square.apply(x);
        System.out.println("misses=" + square.misses);
    }
}
