/* build: platform=any kind=exe */
/* stopwatch - measures how long a command-free interval takes: press Enter to lap, EOF to stop. Uses the
 * monotonic clock (clock_gettime) on POSIX and QueryPerformanceCounter on Windows. */
#include <stdio.h>
#ifdef _WIN32
#include <windows.h>
#else
#include <time.h>
#endif

static double now_seconds(void)
{
#ifdef _WIN32
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart / (double)f.QuadPart;
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
#endif
}

int main(void)
{
    double start = now_seconds(), last = start;
    int lap = 0, c;
    puts("stopwatch running; Enter = lap, Ctrl-D = stop");
    while ((c = getchar()) != EOF) {
        if (c == '\n') {
            double t = now_seconds();
            printf("lap %2d  %8.3f s  (total %8.3f s)\n", ++lap, t - last, t - start);
            last = t;
        }
    }
    printf("total %.3f s over %d laps\n", now_seconds() - start, lap);
    return 0;
}
