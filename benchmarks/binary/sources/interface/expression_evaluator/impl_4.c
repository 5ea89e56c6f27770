// Compile-then-run: a recursive-descent compiler emits postfix code into a heap buffer, a stack VM executes it.
#include <stdio.h>
#include <stdlib.h>

enum { OP_PUSH, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG };

typedef struct { int op; long arg; } Insn;

static Insn *code;
static int pc;
static const char *src;
static int syntax_error;

static int next_char(void)
{
    for (;;) {
        switch (*src) {
        case ' ': case '\t': case '\r': case '\n':
            src++;
            continue;
        default:
            return (unsigned char)*src;
        }
    }
}

static void emit(int op, long arg)
{
    code[pc].op = op;
    code[pc].arg = arg;
    pc++;
}

static void compile_sum(void);

static void compile_factor(void)
{
    int c = next_char();
    if (c == '-') { src++; compile_factor(); emit(OP_NEG, 0); }
    else if (c == '(') {
        src++;
        compile_sum();
        if (next_char() == ')') src++;
        else syntax_error = 1;
    } else if (c >= '0' && c <= '9') {
        char *after;
        long v = strtol(src, &after, 10);
        src = after;
        emit(OP_PUSH, v);
    } else {
        syntax_error = 1;
    }
}

static void compile_product(void)
{
    compile_factor();
    while (!syntax_error && (next_char() == '*' || next_char() == '/')) {
        int op = *src++ == '*' ? OP_MUL : OP_DIV;
        compile_factor();
        emit(op, 0);
    }
}

static void compile_sum(void)
{
    compile_product();
    while (!syntax_error && (next_char() == '+' || next_char() == '-')) {
        int op = *src++ == '+' ? OP_ADD : OP_SUB;
        compile_product();
        emit(op, 0);
    }
}

/* returns 0 on a division by zero */
static int run(long *stack, long *result)
{
    int i, sp = 0;
    for (i = 0; i < pc; i++) {
        const Insn *in = &code[i];
        long b;
        if (in->op == OP_PUSH) { stack[sp++] = in->arg; continue; }
        if (in->op == OP_NEG) { stack[sp - 1] = -stack[sp - 1]; continue; }
        b = stack[--sp];
        if (in->op == OP_ADD) stack[sp - 1] += b;
        else if (in->op == OP_SUB) stack[sp - 1] -= b;
        else if (in->op == OP_MUL) stack[sp - 1] *= b;
        else if (b == 0) return 0;
        else stack[sp - 1] /= b;
    }
    *result = stack[0];
    return 1;
}

int main(void)
{
    char line[1030];
    long *stack = (long *)malloc(sizeof(long) * 1030), value = 0;
    code = (Insn *)malloc(sizeof(Insn) * 2100);
    if (code == NULL || stack == NULL) return 1;
    while (fgets(line, (int)sizeof(line), stdin) != NULL) {
        src = line;
        if (next_char() == 0) continue;
        pc = 0;
        syntax_error = 0;
        compile_sum();
        if (next_char() != 0) syntax_error = 1;
        if (!syntax_error && run(stack, &value)) printf("%ld\n", value);
        else puts("error");
    }
    free(code);
    free(stack);
    return 0;
}
