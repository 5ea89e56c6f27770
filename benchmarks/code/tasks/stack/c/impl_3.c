#include <stdio.h>
#include <ctype.h>

#define DEPTH 128
static double st[DEPTH];
static int sp;

static int push(double v) { if (sp >= DEPTH) return 0; st[sp++] = v; return 1; }
static double pop(void) { return sp > 0 ? st[--sp] : 0.0; }

/* postfix calculator over single-digit operands, e.g. "52+3*" */
int main(int argc, char **argv) {
  const char *e = argc > 1 ? argv[1] : "52+3*";
  for (; *e; e++) {
    if (isdigit((unsigned char)*e)) {
      push(*e - '0');
      continue;
    }
    double b = pop(), a = pop();
    switch (*e) {
      case '+': push(a + b); break;
      case '-': push(a - b); break;
      case '*': push(a * b); break;
      case '/': push(b != 0 ? a / b : 0); break;
      default: fprintf(stderr, "skip %c\n", *e); push(a); push(b);
    }
  }
  printf("%g (depth %d)\n", pop(), sp);
  return 0;
}
