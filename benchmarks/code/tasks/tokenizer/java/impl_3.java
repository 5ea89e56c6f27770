import java.io.IOException;
import java.io.StreamTokenizer;
import java.io.StringReader;

public class Splitter
{
    // relies on java.io.StreamTokenizer; prints one token per line with its class
    public static void main(String[] args) throws IOException
    {
        String text = args.length > 0 ? args[0] : "width = 12.5 * (height - 3) // comment";
        StreamTokenizer st = new StreamTokenizer(new StringReader(text));
        st.slashSlashComments(true);
        st.ordinaryChar('/');
        st.ordinaryChar('-');
        int count = 0;
        while (st.nextToken() != StreamTokenizer.TT_EOF)
        {
            String kind;
            String value;
            switch (st.ttype)
            {
                case StreamTokenizer.TT_NUMBER: kind = "num"; value = Double.toString(st.nval); break;
                case StreamTokenizer.TT_WORD: kind = "word"; value = st.sval; break;
                default: kind = "sym"; value = Character.toString((char) st.ttype);
            }
            System.out.println(++count + "\t" + kind + "\t" + value);
        }
    }
}
