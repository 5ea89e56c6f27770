/* gs_log.c - timestamped server logging. */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "gs_common.h"

static gs_log_level g_min_level = GS_LOG_INFO;
static const char *const g_level_names[] = {"DEBUG", "INFO", "WARN", "ERROR"};

void gs_log_set_level(gs_log_level level)
{
    g_min_level = level;
}

void gs_log(gs_log_level level, const char *fmt, ...)
{
    char stamp[32];
    time_t now;
    struct tm *tmv;
    va_list ap;

    if (level < g_min_level)
        return;
    now = time(NULL);
    tmv = localtime(&now);
    if (tmv == NULL || strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", tmv) == 0)
        stamp[0] = '\0';
    fprintf(stderr, "[RebornCore] %s %-5s ", stamp, g_level_names[level]);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
