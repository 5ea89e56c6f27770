#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int n = 100;
    if (argc > 1)
        n = atoi(argv[1]);
    for (int i = 1; i <= n; i++) {
        if (i % 15 == 0)
            puts("FizzBuzz");
        else if (i % 3 == 0)
            puts("Fizz");
        else if (i % 5 == 0)
            puts("Buzz");
        else
            printf("%d\n", i);
    }
    return 0;
}
