// CRC-32 (IEEE 802.3) with a 256-entry table generated on first call; files given on argv.
#include <stdio.h>

typedef unsigned int u32;

static u32 table[256];
static int table_ready = 0;

static void make_table(void)
{
    for (u32 n = 0; n < 256; n++) {
        u32 c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    table_ready = 1;
}

static u32 crc_file(FILE *fp)
{
    u32 c = ~0u;
    int ch;
    if (!table_ready)
        make_table();
    while ((ch = fgetc(fp)) != EOF)
        c = table[(c ^ (u32)ch) & 0xFF] ^ (c >> 8);
    return ~c;
}

int main(int argc, char **argv)
{
    int status = 0;
    if (argc < 2) {
        printf("%08X\n", crc_file(stdin));
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (!fp) {
            perror(argv[i]);
            status = 1;
            continue;
        }
        printf("%08X %s\n", crc_file(fp), argv[i]);
        fclose(fp);
    }
    return status;
}
