import java.util.HashMap;

/** LRU cache with its own doubly linked list and sentinel nodes. */
final class Lru {
    private static final class Entry {
        int key;
        int value;
        Entry prev;
        Entry next;
    }

    private final HashMap<Integer, Entry> index = new HashMap<>();
    private final Entry head = new Entry();
    private final Entry tail = new Entry();
    private final int limit;

    Lru(int limit) {
        this.limit = limit;
        head.next = tail;
        tail.prev = head;
    }

    private void unlink(Entry e) {
        e.prev.next = e.next;
        e.next.prev = e.prev;
    }

    private void pushFront(Entry e) {
        e.next = head.next;
        e.prev = head;
        head.next.prev = e;
        head.next = e;
    }

    int get(int key) {
        Entry e = index.get(key);
        if (e == null) {
            return -1;
        }
        unlink(e);
        pushFront(e);
        return e.value;
    }

    void put(int key, int value) {
        Entry e = index.get(key);
        if (e != null) {
            e.value = value;
            unlink(e);
            pushFront(e);
            return;
        }
        if (index.size() == limit) {
            Entry victim = tail.prev;
            unlink(victim);
            index.remove(victim.key);
        }
        e = new Entry();
        e.key = key;
        e.value = value;
        index.put(key, e);
        pushFront(e);
    }

    public static void main(String[] args) {
        Lru c = new Lru(2);
        c.put(1, 1);
        c.put(2, 2);
        System.out.println(c.get(1));
        c.put(3, 3);
        System.out.println(c.get(2) + " " + c.get(3));
    }
}
