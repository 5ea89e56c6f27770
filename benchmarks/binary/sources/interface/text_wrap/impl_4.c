// Paragraph-at-a-time wrapper: words of a paragraph are queued in a linked list, then the list is filled out.
#include <stdio.h>
#include <stdlib.h>

#define GROW 1024

typedef struct Word {
    const char *s;
    size_t n;
    struct Word *next;
} Word;

static int Space(char ch)
{
    return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

static void FillParagraph(Word *head, size_t W)
{
    size_t lineLen = 0;
    for (; head != NULL; head = head->next) {
        if (lineLen != 0 && lineLen + 1 + head->n <= W) {
            putchar(' ');
            lineLen++;
        } else if (lineLen != 0) {
            putchar('\n');
            lineLen = 0;
        }
        fwrite(head->s, 1, head->n, stdout);
        lineLen += head->n;
    }
    putchar('\n');
}

static void FreeList(Word *w)
{
    while (w != NULL) {
        Word *nx = w->next;
        free(w);
        w = nx;
    }
}

int main(int argc, char **argv)
{
    char *buf = NULL;
    size_t have = 0, room = 0, got, pos = 0, W = 40;
    Word *first = NULL, **tail = &first;
    int paragraphs = 0;

    if (argc > 1 && strtol(argv[1], NULL, 10) >= 1)
        W = (size_t)strtol(argv[1], NULL, 10);
    do {
        if (have == room) {
            char *nb = (char *)realloc(buf, room + GROW);
            if (nb == NULL)
                return 1;
            buf = nb;
            room += GROW;
        }
        got = fread(buf + have, 1, room - have, stdin);
        have += got;
    } while (got > 0);

    while (pos < have) {
        int breaks = 0;
        Word *w;
        while (pos < have && Space(buf[pos]))
            if (buf[pos++] == '\n')
                breaks++;
        if (pos >= have)
            break;
        if (breaks >= 2 && first != NULL) {
            if (paragraphs++)
                putchar('\n');
            FillParagraph(first, W);
            FreeList(first);
            first = NULL;
            tail = &first;
        }
        w = (Word *)malloc(sizeof(Word));
        if (w == NULL)
            return 1;
        w->s = buf + pos;
        while (pos < have && !Space(buf[pos]))
            pos++;
        w->n = (size_t)(buf + pos - w->s);
        w->next = NULL;
        *tail = w;
        tail = &w->next;
    }
    if (first != NULL) {
        if (paragraphs)
            putchar('\n');
        FillParagraph(first, W);
        FreeList(first);
    }
    free(buf);
    return 0;
}
