import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An account that keeps a ledger of signed entries; the balance is their sum. */
class Ledger {
    record Entry(String memo, BigDecimal amount) { }

    private final List<Entry> entries = new ArrayList<>();
    private final BigDecimal overdraft;

    Ledger(BigDecimal overdraft) {
        this.overdraft = overdraft;
    }

    BigDecimal balance() {
        BigDecimal total = BigDecimal.ZERO;
        for (Entry e : entries) {
            total = total.add(e.amount());
        }
        return total;
    }

    boolean post(String memo, BigDecimal amount) {
        if (balance().add(amount).compareTo(overdraft.negate()) < 0) {
            return false; // would go past the overdraft limit
        }
        entries.add(new Entry(memo, amount));
        return true;
    }

    boolean transferTo(Ledger target, BigDecimal amount) {
        if (!post("transfer out", amount.negate())) {
            return false;
        }
        target.post("transfer in", amount);
        return true;
    }

    List<Entry> history() {
        return Collections.unmodifiableList(entries);
    }

    public static void main(String[] args) {
        Ledger a = new Ledger(new BigDecimal("20"));
        Ledger b = new Ledger(BigDecimal.ZERO);
        a.post("salary", new BigDecimal("100.00"));
        System.out.println(a.transferTo(b, new BigDecimal("115.50")) + " " + a.balance() + " " + b.balance());
        System.out.println(a.transferTo(b, new BigDecimal("10")) + " " + a.history().size());
    }
}
