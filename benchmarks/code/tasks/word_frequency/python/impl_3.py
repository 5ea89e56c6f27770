from collections import defaultdict
import argparse


class WordStats:
    def __init__(self):
        self.by_word = defaultdict(int)
        self.total = 0

    def consume(self, stream):
        for chunk in stream:
            token = []
            for ch in chunk:
                if ch.isalnum():
                    token.append(ch.lower())
                elif token:
                    self._count("".join(token))
                    token = []
            if token:
                self._count("".join(token))

    def _count(self, w):
        self.by_word[w] += 1
        self.total += 1

    def share(self, w):
        return self.by_word.get(w, 0) / self.total if self.total else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ns = ap.parse_args()
    stats = WordStats()
    with open(ns.path, encoding="utf-8") as fh:
        stats.consume(fh)
    for w in sorted(stats.by_word, key=stats.by_word.get, reverse=True)[:10]:
        print(f"{w}: {stats.by_word[w]} ({stats.share(w):.1%})")


if __name__ == "__main__":
    main()
