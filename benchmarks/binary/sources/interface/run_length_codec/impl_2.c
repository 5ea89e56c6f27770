// RLE filter: one loop over stdin lines with a switch on the mode; encoder tracks (prev, run) as it scans.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum Mode { ENCODE, DECODE, BAD };

static enum Mode parse_mode(int argc, char **argv)
{
    if (argc < 2)
        return BAD;
    if (!strcmp(argv[1], "-e"))
        return ENCODE;
    if (!strcmp(argv[1], "-d"))
        return DECODE;
    return BAD;
}

int main(int argc, char **argv)
{
    static char buf[1002 + 16];
    enum Mode mode = parse_mode(argc, argv);
    int len, i, run;
    char prev;

    if (mode == BAD) {
        printf("usage: %s -e|-d\n", argv[0]);
        return 2;
    }
    while (fgets(buf, (int)sizeof(buf), stdin) != NULL) {
        len = (int)strlen(buf);
        if (len > 0 && buf[len - 1] == '\n')
            buf[--len] = 0;
        switch (mode) {
        case ENCODE:
            run = 0;
            prev = 0;
            for (i = 0; i <= len; i++) {
                if (run > 0 && (i == len || buf[i] != prev)) {
                    printf("%d", run);
                    putchar(prev);
                    run = 0;
                }
                if (i < len) {
                    prev = buf[i];
                    run++;
                }
            }
            break;
        case DECODE: {
            char *cur = buf, *after;
            while (*cur != 0) {
                long times = strtol(cur, &after, 10);
                if (after == cur || *after == 0 || times < 0 || times > 100000) {
                    putchar('?');
                    break;
                }
                while (times-- > 0)
                    putchar(*after);
                cur = after + 1;
            }
            break;
        }
        default:
            break;
        }
        putchar('\n');
    }
    return 0;
}
