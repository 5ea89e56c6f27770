/* crc32: nibble-wise (16 entry table), computes the checksum of each command-line argument */
#include <stdio.h>
#include <string.h>

static const unsigned long nibble_tab[16] = {
    0x00000000ul, 0x1DB71064ul, 0x3B6E20C8ul, 0x26D930ACul, 0x76DC4190ul, 0x6B6B51F4ul, 0x4DB26158ul, 0x5005713Cul,
    0xEDB88320ul, 0xF00F9344ul, 0xD6D6A3E8ul, 0xCB61B38Cul, 0x9B64C2B0ul, 0x86D3D2D4ul, 0xA00AE278ul, 0xBDBDF21Cul,
};

static unsigned long crc_nibbles(const char *s, size_t n)
{
    unsigned long r = 0xFFFFFFFFul;
    size_t i;
    for (i = 0; i < n; i++) {
        r ^= (unsigned char)s[i];
        r = (r >> 4) ^ nibble_tab[r & 15];
        r = (r >> 4) ^ nibble_tab[r & 15];
    }
    return (r ^ 0xFFFFFFFFul) & 0xFFFFFFFFul;
}

int main(int argc, char **argv)
{
    int i;
    if (argc == 1) {
        const char *probe = "123456789";
        unsigned long v = crc_nibbles(probe, strlen(probe));
        printf("check value %08lx %s\n", v, v == 0xCBF43926ul ? "(ok)" : "(WRONG)");
        return v != 0xCBF43926ul;
    }
    for (i = 1; i < argc; i++)
        printf("%-20s %08lx\n", argv[i], crc_nibbles(argv[i], strlen(argv[i])));
    return 0;
}
