"""Count days between dates by hand (proleptic Gregorian calendar)."""

MONTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def ordinal(year: int, month: int, day: int) -> int:
    prior_years = year - 1
    count = prior_years * 365 + prior_years // 4 - prior_years // 100 + prior_years // 400
    count += sum(MONTHS[: month - 1])
    if month > 2 and leap(year):
        count += 1
    return count + day


def between(first: str, second: str) -> int:
    y1, m1, d1 = map(int, first.split("-"))
    y2, m2, d2 = map(int, second.split("-"))
    return ordinal(y2, m2, d2) - ordinal(y1, m1, d1)


for a, b in [("1999-12-31", "2000-03-01"), ("2023-06-15", "2024-06-15")]:
    print(f"{a} -> {b}: {between(a, b)} days")
