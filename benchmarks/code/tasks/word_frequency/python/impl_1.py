import re
import sys
from collections import Counter


def top_words(text, n=10):
    words = re.findall(r"[a-z']+", text.lower())
    return Counter(words).most_common(n)


if __name__ == "__main__":
    text = sys.stdin.read()
    for word, count in top_words(text):
        print(word, count)
