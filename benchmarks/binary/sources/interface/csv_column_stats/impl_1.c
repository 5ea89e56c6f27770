/* CSV column stats: header kept in its own buffer and split in place, running min/max/sum per column */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_LEN 4097

typedef struct {
    const char *name;
    int numeric, text;
    double min, max, sum;
} column_t;

static void chomp(char *s)
{
    size_t n = strlen(s);
    if (n && s[n - 1] == '\n')
        s[--n] = '\0';
    if (n && s[n - 1] == '\r')
        s[--n] = '\0';
}

/* splits s at commas (in place) and returns the number of fields; fields[] grows with realloc */
static int split(char *s, char ***fields, int *cap)
{
    int n = 0;
    for (;;) {
        if (n == *cap) {
            int ncap = *cap ? *cap * 2 : 8;
            char **bigger = realloc(*fields, (size_t)ncap * sizeof(char *));
            if (!bigger)
                return n;
            *fields = bigger;
            *cap = ncap;
        }
        (*fields)[n++] = s;
        while (*s && *s != ',')
            s++;
        if (!*s)
            return n;
        *s++ = '\0';
    }
}

static void account(column_t *col, const char *field)
{
    char *end;
    double v;
    if (!*field)
        return;
    v = strtod(field, &end);
    if (end == field || *end) {
        col->text++;
        return;
    }
    if (col->numeric == 0 || v < col->min)
        col->min = v;
    if (col->numeric == 0 || v > col->max)
        col->max = v;
    col->sum += v;
    col->numeric++;
}

int main(void)
{
    char *header = calloc(LINE_MAX_LEN, 1);
    char line[LINE_MAX_LEN];
    char **fields = NULL;
    int cap = 0, ncols, rows = 0, i;
    column_t *cols;

    if (!header)
        return 1;
    if (!fgets(header, LINE_MAX_LEN, stdin)) {
        printf("rows=%d columns=%d\n", 0, 0);
        free(header);
        return 0;
    }
    chomp(header);
    ncols = split(header, &fields, &cap);
    cols = calloc((size_t)ncols, sizeof *cols);
    if (!cols)
        return 1;
    for (i = 0; i < ncols; i++)
        cols[i].name = fields[i];

    while (fgets(line, sizeof line, stdin)) {
        int n;
        chomp(line);
        if (!line[0])
            continue;
        rows++;
        n = split(line, &fields, &cap);
        for (i = 0; i < n && i < ncols; i++)
            account(&cols[i], fields[i]);
    }

    printf("rows=%d columns=%d\n", rows, ncols);
    for (i = 0; i < ncols; i++) {
        const column_t *c = &cols[i];
        if (c->numeric)
            printf("%s: numeric=%d text=%d min=%g max=%g mean=%g\n", c->name, c->numeric, c->text, c->min,
                   c->max, c->sum / c->numeric);
        else
            printf("%s: numeric=0 text=%d\n", c->name, c->text);
    }
    free(cols);
    free(fields);
    free(header);
    return 0;
}
