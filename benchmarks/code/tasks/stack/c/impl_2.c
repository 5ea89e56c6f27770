/* linked stack of strings, used to reverse the words of a line */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct frame {
    char *text;
    struct frame *under;
};

static struct frame *push(struct frame *top, const char *text)
{
    struct frame *f = malloc(sizeof *f);
    if (!f) {
        perror("malloc");
        exit(1);
    }
    f->text = strdup(text);
    f->under = top;
    return f;
}

static struct frame *pop(struct frame *top, char *out, size_t n)
{
    struct frame *rest = top->under;
    snprintf(out, n, "%s", top->text);
    free(top->text);
    free(top);
    return rest;
}

int main(void)
{
    char line[256], word[256];
    struct frame *top = NULL;
    if (!fgets(line, sizeof line, stdin))
        return 0;
    for (char *w = strtok(line, " \t\n"); w; w = strtok(NULL, " \t\n"))
        top = push(top, w);
    while (top) {
        top = pop(top, word, sizeof word);
        printf("%s%s", word, top ? " " : "\n");
    }
    return 0;
}
