import java.util.BitSet;

/** Odd-only sieve on a BitSet: bit k stands for the number 2k+1. */
final class OddSieve {
    private final BitSet composite;
    private final int limit;

    OddSieve(int limit) {
        this.limit = limit;
        this.composite = new BitSet(limit / 2 + 1);
        for (int k = 1; (2 * k + 1) * (2 * k + 1) <= limit; k++) {
            if (!composite.get(k)) {
                int p = 2 * k + 1;
                for (int m = p * p; m <= limit; m += 2 * p) {
                    composite.set(m / 2);
                }
            }
        }
    }

    boolean isPrime(int n) {
        if (n < 2 || n > limit) {
            return n == 2;
        }
        return n == 2 || (n % 2 == 1 && !composite.get(n / 2));
    }

    int count() {
        int c = limit >= 2 ? 1 : 0;
        for (int n = 3; n <= limit; n += 2) {
            if (isPrime(n)) {
                c++;
            }
        }
        return c;
    }

    public static void main(String[] args) {
        OddSieve s = new OddSieve(1_000_000);
        System.out.println("primes below a million: " + s.count());
        System.out.println(s.isPrime(999_983) + " " + s.isPrime(999_981));
    }
}
