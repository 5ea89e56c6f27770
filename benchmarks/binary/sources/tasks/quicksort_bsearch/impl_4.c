/* iterative quicksort with an explicit stack + interpolation search; no library headers */
int printf(const char *fmt, ...);

#define N 1000

static unsigned lcg_state = 12345u;

static int next_value(void)
{
    lcg_state = lcg_state * 22695477u + 1u;
    return (int)((lcg_state >> 10) % 50000u);
}

static void sort_iter(int *a, int n)
{
    int stack[128];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top > 0) {
        int hi = stack[--top];
        int lo = stack[--top];
        int p, i, j, t;
        if (lo >= hi)
            continue;
        p = a[(lo + hi) / 2];
        i = lo;
        j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) {
                t = a[i]; a[i] = a[j]; a[j] = t;
                i++;
                j--;
            }
        }
        if (top + 4 <= 128) {
            stack[top++] = lo; stack[top++] = j;
            stack[top++] = i; stack[top++] = hi;
        }
    }
}

static int interp_search(const int *a, int n, int key)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi && key >= a[lo] && key <= a[hi]) {
        int pos;
        if (a[hi] == a[lo])
            return a[lo] == key ? lo : -1;
        pos = lo + (int)((long)(key - a[lo]) * (hi - lo) / (a[hi] - a[lo]));
        if (a[pos] == key)
            return pos;
        if (a[pos] < key)
            lo = pos + 1;
        else
            hi = pos - 1;
    }
    return -1;
}

int main(void)
{
    int a[N], i, hits = 0;
    for (i = 0; i < N; i++)
        a[i] = next_value();
    sort_iter(a, N);
    for (i = 1; i < N; i++)
        if (a[i - 1] > a[i])
            return 1;
    for (i = 0; i < 50000; i += 97)
        hits += interp_search(a, N, i) >= 0;
    printf("sorted %d values, min %d max %d, %d probe hits\n", N, a[0], a[N - 1], hits);
    return 0;
}
