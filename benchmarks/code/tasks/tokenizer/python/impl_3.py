import io
import tokenize as pytok


class WordSplitter:
    """Splits text into words and punctuation using a small state machine."""

    LETTER, DIGIT, OTHER, SPACE = range(4)

    def classify(self, ch):
        if ch.isspace():
            return self.SPACE
        if ch.isalpha():
            return self.LETTER
        if ch.isdigit():
            return self.DIGIT
        return self.OTHER

    def split(self, text):
        out, buf, state = [], "", None
        for ch in text:
            cls = self.classify(ch)
            if buf and (cls != state or cls == self.OTHER):
                out.append(buf)
                buf = ""
            if cls != self.SPACE:
                buf += ch
            state = cls
        if buf:
            out.append(buf)
        return out


def python_tokens(source):
    # for comparison: the standard library tokenizer on the same text
    return [t.string for t in pytok.generate_tokens(io.StringIO(source).readline) if t.string.strip()]


s = "total = 3 * (price + 12)"
print(WordSplitter().split(s))
print(python_tokens(s))
