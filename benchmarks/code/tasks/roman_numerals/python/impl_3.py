import re
import sys

VALID = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
TOKENS = [("CM", 900), ("CD", 400), ("XC", 90), ("XL", 40), ("IX", 9), ("IV", 4),
          ("M", 1000), ("D", 500), ("C", 100), ("L", 50), ("X", 10), ("V", 5), ("I", 1)]


def value_of(numeral):
    if not numeral or not VALID.match(numeral):
        raise ValueError("invalid numeral: " + numeral)
    i, total = 0, 0
    while i < len(numeral):
        for tok, val in TOKENS:
            if numeral.startswith(tok, i):
                total += val
                i += len(tok)
                break
    return total


def main(argv):
    status = 0
    for arg in argv:
        try:
            print(f"{arg} -> {value_of(arg)}")
        except ValueError as exc:
            print(exc, file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["XIX", "MMMCMXCIX", "IIII"]))
