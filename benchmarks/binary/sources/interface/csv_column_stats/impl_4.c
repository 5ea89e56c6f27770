// Character-driven CSV scanner: a small state machine walks each line, fields are handed to a per-column sink.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BUF = 4096 + 2 };

typedef struct Acc {
    long nnum, ntext;
    double minimum, maximum, total;
} Acc;

typedef struct Table {
    char **names;
    Acc *acc;
    int width, room;
} Table;

static void add_column(Table *t, char *name)
{
    if (t->width == t->room) {
        t->room += 4;
        t->names = (char **)realloc(t->names, sizeof(char *) * (size_t)t->room);
    }
    t->names[t->width++] = name;
}

static void sink(Acc *a, char *begin, char *end)
{
    char *stop;
    double x;
    if (begin == end)
        return;
    x = strtod(begin, &stop);
    if (stop != end || stop == begin) {
        a->ntext += 1;
        return;
    }
    if (!a->nnum) {
        a->minimum = a->maximum = x;
    } else {
        a->minimum = x < a->minimum ? x : a->minimum;
        a->maximum = x > a->maximum ? x : a->maximum;
    }
    a->total += x;
    a->nnum += 1;
}

static size_t strip(char *s)
{
    size_t n = strlen(s);
    if (n && s[n - 1] == '\n') s[--n] = 0;
    if (n && s[n - 1] == '\r') s[--n] = 0;
    return n;
}

int main(void)
{
    Table t;
    char *header = (char *)calloc(BUF, sizeof(char)), line[BUF];
    long rows = 0;
    int col;

    t.room = 8;
    t.names = (char **)calloc((size_t)t.room, sizeof(char *));
    t.acc = NULL;
    t.width = 0;
    if (!header || !fgets(header, BUF, stdin)) {
        printf("rows=%ld columns=%d\n", rows, 0);
        free(header);
        return 0;
    }
    strip(header);
    {
        char *p = header;
        add_column(&t, p);
        for (; *p; p++)
            if (*p == ',') {
                *p = 0;
                add_column(&t, p + 1);
            }
    }
    t.acc = (Acc *)calloc((size_t)t.width, sizeof(Acc));
    if (!t.names || !t.acc)
        return 1;

    while (fgets(line, BUF, stdin)) {
        char *p, *field;
        if (strip(line) == 0)
            continue;
        rows++;
        col = 0;
        field = line;
        for (p = line;; p++) {
            if (*p == ',' || *p == 0) {
                if (col < t.width)
                    sink(&t.acc[col], field, p);
                col++;
                if (*p == 0)
                    break;
                field = p + 1;
            }
        }
    }

    printf("rows=%ld columns=%d\n", rows, t.width);
    for (col = 0; col < t.width; col++) {
        Acc *a = &t.acc[col];
        if (a->nnum == 0) {
            printf("%s: numeric=%ld text=%ld\n", t.names[col], a->nnum, a->ntext);
            continue;
        }
        printf("%s: numeric=%ld text=%ld min=%g max=%g mean=%g\n", t.names[col], a->nnum, a->ntext, a->minimum,
               a->maximum, a->total / (double)a->nnum);
    }
    free(t.acc);
    free(t.names);
    free(header);
    return 0;
}
