"""Word game: numbers divisible by some divisors are replaced by words."""
from typing import Iterator

RULES = ((3, "Fizz"), (5, "Buzz"))


def words_for(number: int, rules=RULES) -> str:
    spoken = "".join(word for divisor, word in rules if number % divisor == 0)
    return spoken or str(number)


def sequence(stop: int) -> Iterator[str]:
    number = 1
    while number <= stop:
        yield words_for(number)
        number += 1


def main() -> None:
    print("\n".join(sequence(100)))


if __name__ == "__main__":
    main()
