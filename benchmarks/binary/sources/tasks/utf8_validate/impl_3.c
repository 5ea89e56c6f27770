/* decodes UTF-8 from stdin into code points, prints U+XXXX per char and replaces bad bytes with U+FFFD */
#include <stdint.h>
#include <stdio.h>

typedef struct {
    const unsigned char *p, *end;
} Src;

static int32_t decode_one(Src *s)
{
    static const uint32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    unsigned char b = *s->p++;
    int need;
    uint32_t cp;
    if (b < 0x80) return b;
    if (b >= 0xF0 && b <= 0xF4) { need = 3; cp = b & 0x07u; }
    else if (b >= 0xE0) { if (b > 0xEF) return -1; need = 2; cp = b & 0x0Fu; }
    else if (b >= 0xC0) { need = 1; cp = b & 0x1Fu; }
    else return -1;
    for (int i = 0; i < need; i++) {
        if (s->p >= s->end || (*s->p & 0xC0u) != 0x80u) return -1;
        cp = cp << 6 | (*s->p++ & 0x3Fu);
    }
    if (cp < min_for_len[need + 1] || cp > 0x10FFFFu || (cp >> 11) == 0x1Bu) return -1;
    return (int32_t)cp;
}

int main(void)
{
    unsigned char buf[65536];
    size_t n = fread(buf, 1, sizeof buf, stdin);
    Src s = {buf, buf + n};
    int bad = 0, col = 0;
    while (s.p < s.end) {
        int32_t cp = decode_one(&s);
        if (cp < 0) { bad++; cp = 0xFFFD; }
        printf("U+%04X%c", (unsigned)cp, ++col % 8 ? ' ' : '\n');
    }
    printf("\n%d replacement(s)\n", bad);
    return bad ? 1 : 0;
}
