// csvstat: lines of any length read with fgets into a growing buffer; stats kept in parallel arrays.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_line(char **buf, size_t *cap)
{
    size_t len = 0;
    if (*cap == 0) {
        *cap = 128;
        *buf = calloc(*cap, 1);
        if (*buf == NULL)
            return NULL;
    }
    while (fgets(*buf + len, (int)(*cap - len), stdin) != NULL) {
        len += strlen(*buf + len);
        if (len > 0 && (*buf)[len - 1] == '\n')
            return *buf;
        if (len + 1 >= *cap) {
            char *p = realloc(*buf, *cap * 2);
            if (p == NULL)
                return NULL;
            *buf = p;
            *cap *= 2;
        }
    }
    return len > 0 ? *buf : NULL;
}

static void trim_eol(char *s)
{
    size_t n = strlen(s);
    if (n > 0 && s[n - 1] == '\n')
        n--;
    if (n > 0 && s[n - 1] == '\r')
        n--;
    s[n] = 0;
}

int main(void)
{
    char *buf = NULL, *hdr;
    size_t cap = 0;
    int ncol = 1, nrow = 0, c, k;
    char **name;
    int *cnt, *txt;
    double *lo, *hi, *tot;

    if (read_line(&buf, &cap) == NULL) {
        printf("rows=%d columns=%d\n", 0, 0);
        free(buf);
        return 0;
    }
    trim_eol(buf);
    hdr = buf;               /* the header keeps this buffer */
    buf = NULL;
    cap = 0;
    for (k = 0; hdr[k]; k++)
        ncol += hdr[k] == ',';
    name = calloc((size_t)ncol, sizeof(char *));
    cnt = calloc((size_t)ncol, sizeof(int));
    txt = calloc((size_t)ncol, sizeof(int));
    lo = calloc((size_t)ncol, sizeof(double));
    hi = calloc((size_t)ncol, sizeof(double));
    tot = calloc((size_t)ncol, sizeof(double));
    if (!name || !cnt || !txt || !lo || !hi || !tot)
        return 1;
    name[0] = hdr;
    for (k = 0, c = 1; hdr[k]; k++)
        if (hdr[k] == ',') {
            hdr[k] = 0;
            name[c++] = hdr + k + 1;
        }

    while (read_line(&buf, &cap) != NULL) {
        char *p = buf;
        trim_eol(buf);
        if (*buf == 0)
            continue;
        nrow++;
        for (c = 0; c < ncol; c++) {
            char *start = p, *stop;
            double v;
            while (*p != 0 && *p != ',')
                p++;
            if (p > start) {
                v = strtod(start, &stop);
                if (stop == p && stop != start) {
                    if (cnt[c] == 0 || v < lo[c]) lo[c] = v;
                    if (cnt[c] == 0 || v > hi[c]) hi[c] = v;
                    tot[c] += v;
                    cnt[c]++;
                } else {
                    txt[c]++;
                }
            }
            if (*p == 0)
                break;
            p++;
        }
    }
    printf("rows=%d columns=%d\n", nrow, ncol);
    for (c = 0; c < ncol; c++) {
        if (cnt[c] > 0)
            printf("%s: numeric=%d text=%d min=%g max=%g mean=%g\n", name[c], cnt[c], txt[c], lo[c], hi[c],
                   tot[c] / cnt[c]);
        else
            printf("%s: numeric=%d text=%d\n", name[c], cnt[c], txt[c]);
    }
    free(name); free(cnt); free(txt); free(lo); free(hi); free(tot);
    free(hdr);
    free(buf);
    return 0;
}
