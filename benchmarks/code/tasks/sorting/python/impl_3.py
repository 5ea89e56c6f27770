import random


def insertion_sort(values):
    """Sorts a copy by insertion, shifting larger elements right."""
    result = list(values)
    for index in range(1, len(result)):
        current = result[index]
        position = index
        while position > 0 and result[position - 1] > current:
            result[position] = result[position - 1]
            position -= 1
        result[position] = current
    return result


def is_sorted(xs):
    return all(a <= b for a, b in zip(xs, xs[1:]))


rng = random.Random(42)
sample = [rng.randint(-50, 50) for _ in range(12)]
ordered = insertion_sort(sample)
print(sample)
print(ordered, is_sorted(ordered))
