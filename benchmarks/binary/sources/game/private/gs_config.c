/* gs_config.c - INI style configuration reader (conf/server.ini). */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gs_common.h"

void gs_config_defaults(gs_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->port = 8484;
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

enum key_kind { KEY_INT, KEY_BOOL, KEY_TEXT };

struct key_spec {
    const char *section;
    const char *key;
    enum key_kind kind;
    size_t offset;
    size_t size;
};

#define KEY(sec, k, kind, field) {sec, k, kind, offsetof(gs_config, field), sizeof(((gs_config *)0)->field)}

static const struct key_spec g_keys[] = {
    KEY("network", "port", KEY_INT, port),
    KEY("network", "max_players", KEY_INT, max_players),
    KEY("world", "tick_ms", KEY_INT, tick_ms),
    KEY("world", "pvp", KEY_BOOL, pvp_enabled),
    KEY("world", "motd", KEY_TEXT, motd),
    KEY("data", "items", KEY_TEXT, items_path),
    KEY("data", "drops", KEY_TEXT, drops_path),
};

static void apply_key(gs_config *cfg, const char *section, const char *key, const char *value)
{
    size_t i;
    for (i = 0; i < sizeof g_keys / sizeof g_keys[0]; i++) {
        const struct key_spec *k = &g_keys[i];
        char *field = (char *)cfg + k->offset;
        if (strcmp(k->section, section) != 0 || strcmp(k->key, key) != 0)
            continue;
        if (k->kind == KEY_INT)
            *(int *)(void *)field = atoi(value);
        else if (k->kind == KEY_BOOL)
            *(int *)(void *)field = (strcmp(value, "on") == 0 || strcmp(value, "1") == 0);
        else
            snprintf(field, k->size, "%s", value);
        return;
    }
    gs_log(GS_LOG_DEBUG, "unknown config key %s.%s", section, key);
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
