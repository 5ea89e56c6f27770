import sys
import time


def epoch_day(text, fmt="%d.%m.%Y"):
    """Day number since 1970 from a formatted date (via time.strptime and calendar arithmetic)."""
    parsed = time.strptime(text, fmt)
    seconds = time.mktime(parsed[:3] + (12, 0, 0, 0, 0, -1))
    return round(seconds / 86400)


def main(args):
    if len(args) != 2:
        print("usage: days_between.py DD.MM.YYYY DD.MM.YYYY", file=sys.stderr)
        return 2
    try:
        span = epoch_day(args[1]) - epoch_day(args[0])
    except ValueError as problem:
        print("cannot read date:", problem, file=sys.stderr)
        return 1
    print(span if span >= 0 else -span)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or ["01.01.2024", "29.02.2024"]))
