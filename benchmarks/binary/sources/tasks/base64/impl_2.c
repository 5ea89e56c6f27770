// Base64 with a reverse lookup table built at start-up, streaming 3-byte groups.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static char enc_tab[64];
static int8_t dec_tab[256];

static void init_tables(void)
{
    int i = 0;
    memset(dec_tab, -1, sizeof dec_tab);
    for (char c = 'A'; c <= 'Z'; c++) enc_tab[i++] = c;
    for (char c = 'a'; c <= 'z'; c++) enc_tab[i++] = c;
    for (char c = '0'; c <= '9'; c++) enc_tab[i++] = c;
    enc_tab[i++] = '+';
    enc_tab[i++] = '/';
    for (i = 0; i < 64; i++) dec_tab[(unsigned char)enc_tab[i]] = (int8_t)i;
}

static void emit_group(const uint8_t *g, int n)
{
    uint32_t word = (uint32_t)g[0] << 16 | (uint32_t)(n > 1 ? g[1] : 0) << 8 | (uint32_t)(n > 2 ? g[2] : 0);
    char out[4];
    out[0] = enc_tab[(word >> 18) & 63];
    out[1] = enc_tab[(word >> 12) & 63];
    out[2] = n > 1 ? enc_tab[(word >> 6) & 63] : '=';
    out[3] = n > 2 ? enc_tab[word & 63] : '=';
    fwrite(out, 1, 4, stdout);
}

static int run_encode(void)
{
    uint8_t g[3];
    size_t n;
    int col = 0;
    while ((n = fread(g, 1, 3, stdin)) > 0) {
        emit_group(g, (int)n);
        if ((col += 4) >= 76) { putchar('\n'); col = 0; }
        if (n < 3) break;
    }
    if (col) putchar('\n');
    return 0;
}

static int run_decode(void)
{
    int ch, have = 0;
    uint32_t quad = 0;
    while ((ch = getchar()) != EOF) {
        if (ch == '=') break;
        if (dec_tab[ch] < 0) {
            if (ch == '\n' || ch == ' ' || ch == '\r') continue;
            fprintf(stderr, "invalid base64 character 0x%02x\n", ch);
            return 1;
        }
        quad = quad << 6 | (uint32_t)dec_tab[ch];
        if (++have == 4) {
            putchar((int)(quad >> 16 & 255)); putchar((int)(quad >> 8 & 255)); putchar((int)(quad & 255));
            have = 0; quad = 0;
        }
    }
    if (have == 2) putchar((int)(quad >> 4 & 255));
    if (have == 3) { putchar((int)(quad >> 10 & 255)); putchar((int)(quad >> 2 & 255)); }
    return 0;
}

int main(int argc, char *argv[])
{
    init_tables();
    return (argc == 2 && !strcmp(argv[1], "--decode")) ? run_decode() : run_encode();
}
