/* bit-packed sieve of Eratosthenes; counts primes below a limit */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

#define GET(b, i) ((b)[(i) >> 3] & (1u << ((i) & 7)))
#define SET(b, i) ((b)[(i) >> 3] |= (uint8_t)(1u << ((i) & 7)))

static size_t count_primes(size_t limit)
{
    uint8_t *bits = calloc(limit / 8 + 1, 1);
    size_t count = 0;
    if (bits == NULL)
        return 0;
    for (size_t p = 2; p < limit; p++) {
        if (GET(bits, p))
            continue;
        count++;
        for (size_t m = p * p; m < limit; m += p)
            SET(bits, m);
    }
    free(bits);
    return count;
}

int main(void)
{
    size_t limits[] = { 10, 100, 1000, 100000 };
    for (size_t k = 0; k < sizeof limits / sizeof limits[0]; k++)
        printf("pi(%zu) = %zu\n", limits[k], count_primes(limits[k]));
    return 0;
}
