import java.util.stream.IntStream;

public class Primes
{
    // trial division by previously found primes, as a stream
    static boolean prime(int n)
    {
        if (n < 2) return false;
        return IntStream.rangeClosed(2, (int) Math.sqrt(n)).noneMatch(d -> n % d == 0);
    }

    public static void main(String[] args)
    {
        int bound = args.length == 1 ? Integer.parseInt(args[0]) : 100;
        int[] ps = IntStream.rangeClosed(2, bound).filter(Primes::prime).toArray();
        System.out.println(ps.length + " primes up to " + bound);
        for (int i = 0; i < ps.length; i++)
        {
            System.out.print(ps[i] + (i % 10 == 9 ? "\n" : " "));
        }
        System.out.println();
    }
}
