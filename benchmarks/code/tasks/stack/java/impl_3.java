import java.util.ArrayDeque;
import java.util.Deque;

public class Rpn
{
    // evaluates reverse polish notation with a deque used as a stack
    public static double eval(String expr)
    {
        Deque<Double> st = new ArrayDeque<>();
        for (String tok : expr.trim().split("\\s+"))
        {
            switch (tok)
            {
                case "+": st.push(st.pop() + st.pop()); break;
                case "*": st.push(st.pop() * st.pop()); break;
                case "-": { double b = st.pop(); st.push(st.pop() - b); break; }
                case "/": { double b = st.pop(); st.push(st.pop() / b); break; }
                default: st.push(Double.parseDouble(tok));
            }
        }
        if (st.size() != 1) throw new IllegalArgumentException("malformed: " + expr);
        return st.peek();
    }

    public static void main(String[] args)
    {
        System.out.println(eval("3 4 + 2 *"));
        System.out.println(eval("10 2 8 * + 3 -"));
    }
}
