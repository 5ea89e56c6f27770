import java.util.HashMap;
import java.util.Map;

public class Bank
{
    static class InsufficientFunds extends Exception
    {
        InsufficientFunds(long cents) { super("short by " + cents + " cents"); }
    }

    private final Map<Integer, Long> accounts = new HashMap<>();
    private int nextNumber = 1000;

    int open(long cents)
    {
        int no = nextNumber++;
        accounts.put(no, cents);
        return no;
    }

    void credit(int no, long cents) { accounts.merge(no, cents, Long::sum); }

    void debit(int no, long cents) throws InsufficientFunds
    {
        long have = accounts.getOrDefault(no, 0L);
        if (have < cents) throw new InsufficientFunds(cents - have);
        accounts.put(no, have - cents);
    }

    long centsIn(int no) { return accounts.getOrDefault(no, 0L); }

    public static void main(String[] args)
    {
        Bank bank = new Bank();
        int acc = bank.open(5_000);
        bank.credit(acc, 1_250);
        try
        {
            bank.debit(acc, 10_000);
        }
        catch (InsufficientFunds e)
        {
            System.out.println("refused: " + e.getMessage());
        }
        System.out.printf("%d.%02d%n", bank.centsIn(acc) / 100, bank.centsIn(acc) % 100);
    }
}
