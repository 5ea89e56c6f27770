/* build: platform=linux kind=shared libs=dl */
/* speedhack_preload - LD_PRELOAD=./speedhack.so SPEED=3 ./game : every clock the game reads runs faster. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

typedef int (*gtod_fn)(struct timeval *, void *);
typedef int (*cgt_fn)(clockid_t, struct timespec *);
typedef time_t (*time_fn)(time_t *);

static gtod_fn real_gettimeofday;
static cgt_fn real_clock_gettime;
static time_fn real_time;
static double speed = 2.0;
static struct timespec base_real, base_fake;
static int started;

static void speedhack_init(void)
{
    const char *env;
    if (started)
        return;
    real_gettimeofday = (gtod_fn)dlsym(RTLD_NEXT, "gettimeofday");
    real_clock_gettime = (cgt_fn)dlsym(RTLD_NEXT, "clock_gettime");
    real_time = (time_fn)dlsym(RTLD_NEXT, "time");
    env = getenv("SPEED");
    if (env && atof(env) > 0.0)
        speed = atof(env);
    if (real_clock_gettime)
        real_clock_gettime(CLOCK_MONOTONIC, &base_real);
    base_fake = base_real;
    started = 1;
}

static void scale(const struct timespec *now, struct timespec *out)
{
    double elapsed = (double)(now->tv_sec - base_real.tv_sec) + (double)(now->tv_nsec - base_real.tv_nsec) / 1e9;
    double fake = (double)base_fake.tv_sec + (double)base_fake.tv_nsec / 1e9 + elapsed * speed;
    out->tv_sec = (time_t)fake;
    out->tv_nsec = (long)((fake - (double)out->tv_sec) * 1e9);
}

int clock_gettime(clockid_t clk, struct timespec *ts)
{
    struct timespec now;
    int rc;
    speedhack_init();
    if (!real_clock_gettime)
        return -1;
    if (clk != CLOCK_MONOTONIC)
        return real_clock_gettime(clk, ts);
    rc = real_clock_gettime(clk, &now);
    scale(&now, ts);
    return rc;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    struct timespec now, fake;
    speedhack_init();
    if (!real_clock_gettime)
        return real_gettimeofday ? real_gettimeofday(tv, tz) : -1;
    real_clock_gettime(CLOCK_MONOTONIC, &now);
    scale(&now, &fake);
    tv->tv_sec = fake.tv_sec;
    tv->tv_usec = (suseconds_t)(fake.tv_nsec / 1000);
    return 0;
}

time_t time(time_t *out)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    if (out)
        *out = tv.tv_sec;
    return tv.tv_sec;
}
