VALUES = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


def to_roman(num):
    result = ""
    for value, symbol in VALUES:
        while num >= value:
            result += symbol
            num -= value
    return result


if __name__ == "__main__":
    for n in (3, 58, 1994):
        print(n, to_roman(n))
