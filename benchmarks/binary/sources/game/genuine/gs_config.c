/* gs_config.c - INI style configuration reader (conf/server.ini). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gs_common.h"

void gs_config_defaults(gs_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->port = 7777;
    cfg->max_players = GS_MAX_PLAYERS;
    cfg->tick_ms = 50;
    cfg->pvp_enabled = 0;
    snprintf(cfg->motd, sizeof cfg->motd, "Welcome to %s!", GS_BRAND);
    snprintf(cfg->items_path, sizeof cfg->items_path, "data/items.csv");
    snprintf(cfg->drops_path, sizeof cfg->drops_path, "data/drops.json");
}

static char *trim(char *s)
{
    char *end;
    while (isspace((unsigned char)*s))
        s++;
    end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        *--end = '\0';
    return s;
}

static void apply_key(gs_config *cfg, const char *section, const char *key, const char *value)
{
    if (strcmp(section, "network") == 0) {
        if (strcmp(key, "port") == 0)
            cfg->port = atoi(value);
        else if (strcmp(key, "max_players") == 0)
            cfg->max_players = atoi(value);
    } else if (strcmp(section, "world") == 0) {
        if (strcmp(key, "tick_ms") == 0)
            cfg->tick_ms = atoi(value);
        else if (strcmp(key, "pvp") == 0)
            cfg->pvp_enabled = (strcmp(value, "on") == 0 || strcmp(value, "1") == 0);
        else if (strcmp(key, "motd") == 0)
            snprintf(cfg->motd, sizeof cfg->motd, "%s", value);
    } else if (strcmp(section, "data") == 0) {
        if (strcmp(key, "items") == 0)
            snprintf(cfg->items_path, sizeof cfg->items_path, "%s", value);
        else if (strcmp(key, "drops") == 0)
            snprintf(cfg->drops_path, sizeof cfg->drops_path, "%s", value);
    }
}

int gs_config_load(gs_config *cfg, const char *path)
{
    FILE *fp = fopen(path, "r");
    char line[512];
    char section[64] = "";
    int lineno = 0;

    if (fp == NULL) {
        gs_log(GS_LOG_WARN, "config %s not found, using defaults", path);
        return -1;
    }
    while (fgets(line, sizeof line, fp) != NULL) {
        char *s = trim(line);
        char *eq;
        lineno++;
        if (*s == '\0' || *s == ';' || *s == '#')
            continue;
        if (*s == '[') {
            char *close = strchr(s, ']');
            if (close == NULL) {
                gs_log(GS_LOG_WARN, "config line %d: bad section", lineno);
                continue;
            }
            *close = '\0';
            snprintf(section, sizeof section, "%s", s + 1);
            continue;
        }
        eq = strchr(s, '=');
        if (eq == NULL)
            continue;
        *eq = '\0';
        apply_key(cfg, section, trim(s), trim(eq + 1));
    }
    fclose(fp);
    gs_log(GS_LOG_INFO, "config loaded from %s (port %d)", path, cfg->port);
    return 0;
}
