/* crc32 of stdin, bit-at-a-time reflected algorithm */
#include <stdint.h>
#include <stdio.h>

static uint32_t crc32_update(uint32_t crc, const unsigned char *p, size_t n)
{
    while (n--) {
        int bit;
        crc ^= *p++;
        for (bit = 0; bit < 8; bit++)
            crc = (crc & 1) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
    }
    return crc;
}

int main(void)
{
    unsigned char buf[8192];
    size_t got;
    uint32_t crc = 0xFFFFFFFFu;
    unsigned long total = 0;
    while ((got = fread(buf, 1, sizeof buf, stdin)) > 0) {
        crc = crc32_update(crc, buf, got);
        total += (unsigned long)got;
    }
    printf("%08x  %lu bytes\n", (unsigned)(crc ^ 0xFFFFFFFFu), total);
    return 0;
}
