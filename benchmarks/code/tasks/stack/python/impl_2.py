"""Check that brackets are balanced, using a linked stack built from tuples."""

PAIRS = {")": "(", "]": "[", "}": "{"}


def balanced(text):
    top = None  # each node is (value, rest)
    for ch in text:
        if ch in "([{":
            top = (ch, top)
        elif ch in PAIRS:
            if top is None or top[0] != PAIRS[ch]:
                return False
            top = top[1]
    return top is None


for sample in ["(a[b]{c})", "((]", "", "{[()()]}"]:
    print(repr(sample), balanced(sample))
