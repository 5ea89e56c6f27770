from datetime import date


def days_between(a, b):
    d1 = date.fromisoformat(a)
    d2 = date.fromisoformat(b)
    return abs((d2 - d1).days)


if __name__ == "__main__":
    print(days_between("2024-01-01", "2024-12-25"))
    print(days_between("2020-02-28", "2020-03-01"))
