#include <stdio.h>
#include <stdlib.h>

/* a tiny command interpreter: "d 10", "w 5", "b", "q" */
static long balance = 0;

static void run(char op, long amount) {
  if (op == 'd') {
    balance += amount;
  } else if (op == 'w') {
    if (amount > balance) {
      fprintf(stderr, "cannot withdraw %ld, only %ld left\n", amount, balance);
      return;
    }
    balance -= amount;
  }
  printf("balance %ld\n", balance);
}

int main(void) {
  char line[80];
  while (fgets(line, sizeof line, stdin)) {
    char op;
    long amt = 0;
    if (sscanf(line, " %c %ld", &op, &amt) < 1) continue;
    if (op == 'q') break;
    if (amt < 0) {
      puts("negative amounts are not allowed");
      continue;
    }
    run(op, amt);
  }
  return EXIT_SUCCESS;
}
