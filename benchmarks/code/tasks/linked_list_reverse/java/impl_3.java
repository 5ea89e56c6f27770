import java.util.ArrayDeque;
import java.util.Deque;

public class StackReverse
{
    static final class ListNode
    {
        final long key;
        ListNode link;
        ListNode(long key, ListNode link) { this.key = key; this.link = link; }
    }

    // pushes every node on a stack, then relinks them in pop order
    static ListNode flip(ListNode list)
    {
        if (list == null) return null;
        Deque<ListNode> pending = new ArrayDeque<>();
        for (ListNode p = list; p != null; p = p.link) pending.push(p);
        ListNode head = pending.pop(), tail = head;
        while (!pending.isEmpty())
        {
            tail.link = pending.pop();
            tail = tail.link;
        }
        tail.link = null;
        return head;
    }

    public static void main(String[] args)
    {
        ListNode l = null;
        for (long k = 5; k >= 1; k--) l = new ListNode(k * 100, l);
        for (ListNode p = flip(l); p != null; p = p.link) System.out.print(p.key + " ");
        System.out.println();
    }
}
