import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Regex-driven lexer producing typed tokens. */
final class Lexer {
    enum Kind { NUMBER, NAME, STRING, OP }

    record Token(Kind kind, String text, int offset) { }

    private static final Pattern TOKEN = Pattern.compile(
        "\\s*(?:(\\d+(?:\\.\\d+)?)|([A-Za-z_]\\w*)|\"((?:[^\"\\\\]|\\\\.)*)\"|(==|!=|<=|>=|[-+*/()=<>,;]))");

    static List<Token> lex(String src) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(src);
        int pos = 0;
        while (pos < src.length() && m.find(pos) && m.start() == pos) {
            if (m.group(1) != null) {
                out.add(new Token(Kind.NUMBER, m.group(1), m.start(1)));
            } else if (m.group(2) != null) {
                out.add(new Token(Kind.NAME, m.group(2), m.start(2)));
            } else if (m.group(3) != null) {
                out.add(new Token(Kind.STRING, m.group(3), m.start(3)));
            } else {
                out.add(new Token(Kind.OP, m.group(4), m.start(4)));
            }
            pos = m.end();
        }
        if (src.substring(pos).isBlank()) {
            return out;
        }
        throw new IllegalArgumentException("unexpected input at " + pos);
    }

    public static void main(String[] args) {
        lex("if (count >= 10) print(\"big\", 3.5);").forEach(System.out::println);
    }
}
