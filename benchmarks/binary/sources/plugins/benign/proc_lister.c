/* build: platform=linux kind=exe */
/* proc_lister - a tiny ps: reads /proc/PID/status for name, state, memory and tracer of every process. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

static void show(const char *pid)
{
    char path[300], line[256], name[64] = "?", state[32] = "?";
    long rss = 0;
    int tracer = 0, uid = -1;
    FILE *fp;
    snprintf(path, sizeof path, "/proc/%s/status", pid);
    fp = fopen(path, "r");
    if (!fp)
        return;
    while (fgets(line, sizeof line, fp)) {
        if (sscanf(line, "Name: %63s", name) == 1)
            continue;
        if (sscanf(line, "State: %31[^\n]", state) == 1)
            continue;
        if (sscanf(line, "VmRSS: %ld", &rss) == 1)
            continue;
        if (sscanf(line, "Uid: %d", &uid) == 1)
            continue;
        sscanf(line, "TracerPid: %d", &tracer);
    }
    fclose(fp);
    printf("%7s %6d %-16s %-14s %8ld kB%s\n", pid, uid, name, state, rss, tracer ? "  (traced)" : "");
}

int main(void)
{
    DIR *d = opendir("/proc");
    struct dirent *e;
    if (!d) {
        perror("/proc");
        return 1;
    }
    printf("%7s %6s %-16s %-14s %11s\n", "PID", "UID", "NAME", "STATE", "RSS");
    while ((e = readdir(d)) != NULL)
        if (isdigit((unsigned char)e->d_name[0]))
            show(e->d_name);
    closedir(d);
    return 0;
}
