"""Count how often each word occurs in a file, without the collections module."""
import string


def normalise(token):
    return token.strip(string.punctuation).lower()


def frequencies(lines):
    table = {}
    for line in lines:
        for raw in line.split():
            word = normalise(raw)
            if not word:
                continue
            if word in table:
                table[word] += 1
            else:
                table[word] = 1
    return table


def report(table, limit=5):
    ranked = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max((len(w) for w, _ in ranked[:limit]), default=0)
    return [f"{w.ljust(width)}  {c}" for w, c in ranked[:limit]]


sample = ["The quick brown fox.", "The lazy dog, the end!"]
print("\n".join(report(frequencies(sample))))
