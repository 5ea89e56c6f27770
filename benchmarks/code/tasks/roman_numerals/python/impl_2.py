"""Parse Roman numerals and check them by converting back."""

DIGITS = dict(I=1, V=5, X=10, L=50, C=100, D=500, M=1000)


def from_roman(text: str) -> int:
    text = text.upper()
    total = 0
    for here, after in zip(text, text[1:] + " "):
        value = DIGITS[here]
        if after != " " and DIGITS[after] > value:
            total -= value
        else:
            total += value
    return total


def to_roman(n: int) -> str:
    parts = []
    for letters, power in (("M", 1000), ("CDM", 100), ("XLC", 10), ("IVX", 1)):
        d, n = divmod(n, power)
        if power == 1000:
            parts.append("M" * d)
            continue
        one, five, ten = letters
        parts.append(["", one, one * 2, one * 3, one + five, five, five + one, five + one * 2,
                      five + one * 3, one + ten][d])
    return "".join(parts)


for numeral in ["MCMXCIV", "xlii", "MMXXIV"]:
    value = from_roman(numeral)
    assert to_roman(value) == numeral.upper(), numeral
    print(numeral, value)
