class Counter:
    """Counts up and says Fizz/Buzz using a cycle of labels instead of modulo."""

    def __init__(self, top=100):
        self.top = top
        self.fizz = ["", "", "Fizz"]
        self.buzz = ["", "", "", "", "Buzz"]

    def lines(self):
        result = []
        for idx in range(self.top):
            label = self.fizz[idx % 3] + self.buzz[idx % 5]
            if not label:
                label = str(idx + 1)
            result.append(label)
        return result


def run():
    c = Counter()
    for line in c.lines():
        print(line)


run()
