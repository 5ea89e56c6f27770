/* two-pass column statistics: every numeric value is stored per column, min/max/mean computed at the end */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct series {
    double *v;
    int len, cap;
    int texts;
};

static int push(struct series *s, double x)
{
    if (s->len == s->cap) {
        int cap = s->cap < 16 ? 16 : s->cap * 2;
        double *nv = realloc(s->v, sizeof(double) * (size_t)cap);
        if (!nv)
            return -1;
        s->v = nv;
        s->cap = cap;
    }
    s->v[s->len++] = x;
    return 0;
}

static int field_end(const char *line, int at)
{
    while (line[at] != '\0' && line[at] != ',')
        at++;
    return at;
}

static void report(const char *name, int name_len, const struct series *s)
{
    double mn, mx, sum = 0;
    int i;
    if (s->len == 0) {
        printf("%.*s: numeric=0 text=%d\n", name_len, name, s->texts);
        return;
    }
    mn = mx = s->v[0];
    for (i = 0; i < s->len; i++) {
        sum += s->v[i];
        if (s->v[i] < mn) mn = s->v[i];
        if (s->v[i] > mx) mx = s->v[i];
    }
    printf("%.*s: numeric=%d text=%d min=%g max=%g mean=%g\n", name_len, name, s->len, s->texts, mn, mx,
           sum / s->len);
}

int main(void)
{
    static char head[4100], row[4100];
    struct series *col;
    int ncols = 0, nrows = 0, at, i, len;

    if (fgets(head, sizeof head, stdin) == NULL) {
        printf("rows=%d columns=%d\n", nrows, ncols);
        return 0;
    }
    len = (int)strlen(head);
    if (len > 0 && head[len - 1] == '\n') head[--len] = '\0';
    if (len > 0 && head[len - 1] == '\r') head[--len] = '\0';
    for (at = 0;; at++) {
        at = field_end(head, at);
        ncols++;
        if (head[at] == '\0') break;
    }
    col = calloc((size_t)ncols, sizeof *col);
    if (col == NULL) return 1;

    while (fgets(row, sizeof row, stdin) != NULL) {
        len = (int)strlen(row);
        if (len > 0 && row[len - 1] == '\n') row[--len] = '\0';
        if (len > 0 && row[len - 1] == '\r') row[--len] = '\0';
        if (len == 0) continue;
        nrows++;
        for (i = 0, at = 0; i < ncols; i++) {
            int stop = field_end(row, at);
            if (stop > at) {
                char *end;
                double x = strtod(row + at, &end);
                if (end == row + stop && end != row + at) {
                    if (push(&col[i], x) != 0) return 1;
                } else {
                    col[i].texts++;
                }
            }
            if (row[stop] == '\0') break;
            at = stop + 1;
        }
    }

    printf("rows=%d columns=%d\n", nrows, ncols);
    for (i = 0, at = 0; i < ncols; i++) {
        int stop = field_end(head, at);
        report(head + at, stop - at, &col[i]);
        at = stop + 1;
        free(col[i].v);
    }
    free(col);
    return 0;
}
