/* crc32 without any library headers: polynomial division, MSB-first on bit-reversed bytes */
int getchar(void);
int printf(const char *fmt, ...);

static unsigned reverse8(unsigned b)
{
    unsigned r = 0;
    int i;
    for (i = 0; i < 8; i++)
        if (b & (1u << i))
            r |= 1u << (7 - i);
    return r;
}

static unsigned reverse32(unsigned v)
{
    return reverse8(v & 0xFFu) << 24 | reverse8((v >> 8) & 0xFFu) << 16 | reverse8((v >> 16) & 0xFFu) << 8 |
           reverse8(v >> 24);
}

int main(void)
{
    unsigned reg = 0xFFFFFFFFu;
    const unsigned poly = 0x04C11DB7u;
    int c;
    long count = 0;
    while ((c = getchar()) >= 0) {
        int k;
        reg ^= reverse8((unsigned)c) << 24;
        for (k = 0; k < 8; k++)
            reg = (reg & 0x80000000u) ? (reg << 1) ^ poly : reg << 1;
        count++;
    }
    printf("crc32=%08x over %ld bytes\n", reverse32(reg) ^ 0xFFFFFFFFu, count);
    return 0;
}
