#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int *items;
    int top;
    int capacity;
} Stack;

Stack *stack_create(int capacity)
{
    Stack *s = malloc(sizeof(Stack));
    s->items = malloc(sizeof(int) * capacity);
    s->top = -1;
    s->capacity = capacity;
    return s;
}

int stack_push(Stack *s, int value)
{
    if (s->top == s->capacity - 1)
        return -1;
    s->items[++s->top] = value;
    return 0;
}

int stack_pop(Stack *s, int *value)
{
    if (s->top < 0)
        return -1;
    *value = s->items[s->top--];
    return 0;
}

void stack_free(Stack *s)
{
    free(s->items);
    free(s);
}

int main(void)
{
    Stack *s = stack_create(10);
    int v;
    for (int i = 1; i <= 5; i++)
        stack_push(s, i * 10);
    while (stack_pop(s, &v) == 0)
        printf("%d\n", v);
    stack_free(s);
    return 0;
}
