import operator
from collections import deque

OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


def rpn(expression: str) -> float:
    stack = deque()
    for token in expression.split():
        if token in OPS:
            try:
                right, left = stack.pop(), stack.pop()
            except IndexError:
                raise SyntaxError(f"not enough operands for {token}") from None
            stack.append(OPS[token](left, right))
        else:
            stack.append(float(token))
    if len(stack) != 1:
        raise SyntaxError("leftover operands: %d" % len(stack))
    return stack[0]


print(rpn("3 4 + 2 *"))
print(rpn("5 1 2 + 4 * + 3 -"))
