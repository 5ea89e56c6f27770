/* freestanding-style base64 encoder: no headers, only getchar/putchar declared by hand */
int getchar(void);
int putchar(int c);

#define EOF_MARK (-1)

static char digit(unsigned v)
{
    static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    return set[v & 63u];
}

struct enc_state {
    unsigned hold;
    int count;
    int line;
};

static void flush_quad(struct enc_state *st, int real)
{
    int k;
    for (k = 0; k < 4; k++)
        putchar(k <= real ? digit(st->hold >> (18 - 6 * k)) : '=');
    st->line += 4;
    if (st->line == 64) {
        putchar('\n');
        st->line = 0;
    }
    st->hold = 0;
    st->count = 0;
}

static void push(struct enc_state *st, int byte)
{
    st->hold |= (unsigned)(byte & 0xFF) << (16 - 8 * st->count);
    if (++st->count == 3)
        flush_quad(st, 3);
}

int main(void)
{
    struct enc_state st = {0, 0, 0};
    int c;
    while ((c = getchar()) != EOF_MARK)
        push(&st, c);
    if (st.count)
        flush_quad(&st, st.count);
    if (st.line)
        putchar('\n');
    return 0;
}
