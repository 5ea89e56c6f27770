/* gs_common.h - shared declarations for the Aetheria game server. */
#ifndef GS_COMMON_H
#define GS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#define GS_VERSION "1.4.2"
#define GS_BRAND "Aetheria Online"
#define GS_MAX_PLAYERS 256
#define GS_MAX_ITEMS 128
#define GS_MAX_NPCS 64
#define GS_MAX_DROPS 8
#define GS_INV_SLOTS 24
#define GS_NAME_LEN 24
#define GS_MAX_LEVEL 60

/* Rates applied to experience and drop chance (1.0 on the official server). */
#define GS_EXP_RATE 1.0
#define GS_DROP_RATE 1.0

typedef enum { GS_LOG_DEBUG = 0, GS_LOG_INFO, GS_LOG_WARN, GS_LOG_ERROR } gs_log_level;

void gs_log(gs_log_level level, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void gs_log_set_level(gs_log_level level);

typedef struct {
    int port;
    int max_players;
    int tick_ms;
    int pvp_enabled;
    char motd[128];
    char items_path[256];
    char drops_path[256];
} gs_config;

int gs_config_load(gs_config *cfg, const char *path);
void gs_config_defaults(gs_config *cfg);

#endif
