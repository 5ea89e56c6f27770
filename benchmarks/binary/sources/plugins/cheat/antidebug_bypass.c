/* build: platform=linux kind=shared libs=dl */
/* antidebug_bypass - preloaded into a protected game: makes ptrace(PTRACE_TRACEME) always succeed and hides
 * the tracer from /proc/self/status (TracerPid) so the anti-cheat believes no debugger is attached. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

typedef FILE *(*fopen_fn)(const char *, const char *);

long ptrace(enum __ptrace_request request, ...)
{
    /* pretend every anti-debug self-trace works; never forward it */
    (void)request;
    return 0;
}

static FILE *sanitized_status(FILE *real)
{
    FILE *fake = tmpfile();
    char line[256];
    if (!fake)
        return real;
    while (fgets(line, sizeof line, real)) {
        if (strncmp(line, "TracerPid:", 10) == 0)
            fputs("TracerPid:\t0\n", fake);
        else
            fputs(line, fake);
    }
    fclose(real);
    rewind(fake);
    return fake;
}

FILE *fopen(const char *path, const char *mode)
{
    static fopen_fn real_fopen;
    FILE *fp;
    if (!real_fopen)
        real_fopen = (fopen_fn)dlsym(RTLD_NEXT, "fopen");
    if (!real_fopen)
        return NULL;
    fp = real_fopen(path, mode);
    if (fp && (strcmp(path, "/proc/self/status") == 0 || strstr(path, "/status") != NULL))
        return sanitized_status(fp);
    return fp;
}

int am_i_traced(void)
{
    FILE *fp = fopen("/proc/self/status", "r");
    char line[256];
    int tracer = 0;
    if (!fp)
        return -1;
    while (fgets(line, sizeof line, fp))
        if (sscanf(line, "TracerPid: %d", &tracer) == 1)
            break;
    fclose(fp);
    return tracer != 0;
}
