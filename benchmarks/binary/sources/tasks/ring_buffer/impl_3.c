/* Sliding-window moving average built on a circular array of doubles; numbers on stdin, window on argv */
#include <stdio.h>
#include <stdlib.h>

struct window {
    double *vals;
    int size, next, filled;
    double sum;
};

static struct window *window_new(int size)
{
    struct window *w = malloc(sizeof *w);
    if (!w) return NULL;
    w->vals = calloc((size_t)size, sizeof(double));
    if (!w->vals) { free(w); return NULL; }
    w->size = size;
    w->next = w->filled = 0;
    w->sum = 0.0;
    return w;
}

static double window_add(struct window *w, double x)
{
    if (w->filled == w->size)
        w->sum -= w->vals[w->next]; /* overwrite oldest */
    else
        w->filled++;
    w->vals[w->next] = x;
    w->sum += x;
    if (++w->next == w->size)
        w->next = 0;
    return w->sum / w->filled;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 5;
    struct window *w;
    double x;
    if (n < 1) n = 1;
    w = window_new(n);
    if (!w) return 1;
    while (scanf("%lf", &x) == 1)
        printf("%.3f\n", window_add(w, x));
    free(w->vals);
    free(w);
    return 0;
}
