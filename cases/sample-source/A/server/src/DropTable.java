package com.example.server;

import java.util.List;
import java.util.Random;

/** Rolls item drops for a defeated monster. */
public class DropTable {
    private final List<DropEntry> entries;
    private final Random random;

    public DropTable(List<DropEntry> entries, long seed) {
        this.entries = entries;
        this.random = new Random(seed);
    }

    public DropEntry roll(int luckBonus) {
        int total = 0;
        for (DropEntry e : entries) {
            total += e.weight();
        }
        int pick = random.nextInt(total + luckBonus);
        int acc = 0;
        for (DropEntry e : entries) {
            acc += e.weight();
            if (pick < acc) {
                return e;
            }
        }
        return entries.get(entries.size() - 1);
    }

    public double expectedGold() {
        double sum = 0.0;
        int total = 0;
        for (DropEntry e : entries) {
            sum += e.gold() * e.weight();
            total += e.weight();
        }
        return total == 0 ? 0.0 : sum / total;
    }
}
