/* gs_chat.c - chat commands typed by players ("/who", "/pos", ...). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gs_world.h"

typedef int (*chat_fn)(gs_player *p, const char *args, char *reply, int len);

static int cmd_help(gs_player *p, const char *args, char *reply, int len)
{
    (void)p;
    (void)args;
    return snprintf(reply, (size_t)len, "commands: /help /who /pos /roll /stats /notice");
}

static int cmd_who(gs_player *p, const char *args, char *reply, int len)
{
    (void)p;
    (void)args;
    return snprintf(reply, (size_t)len, "%d adventurers online in %s", gs_player_online(), GS_BRAND);
}

static int cmd_pos(gs_player *p, const char *args, char *reply, int len)
{
    (void)args;
    return snprintf(reply, (size_t)len, "map %d at (%d, %d)", p->map_id, p->x, p->y);
}

static int cmd_roll(gs_player *p, const char *args, char *reply, int len)
{
    int sides = atoi(args);
    if (sides < 2 || sides > 1000)
        sides = 100;
    return snprintf(reply, (size_t)len, "%s rolls %u (1-%d)", p->name, 1 + gs_rng_next() % (uint32_t)sides, sides);
}

static int cmd_stats(gs_player *p, const char *args, char *reply, int len)
{
    (void)args;
    return snprintf(reply, (size_t)len, "Lv %d  HP %d/%d  MP %d/%d  EXP %u/%u  ATK %d DEF %d  gold %u", p->level,
                    p->hp, p->hp_max, p->mp, p->mp_max, p->exp, gs_exp_for_level(p->level),
                    gs_player_attack_power(p), gs_player_defense(p), p->gold);
}

static int cmd_notice(gs_player *p, const char *args, char *reply, int len)
{
    if (p->gm_level < 1)
        return snprintf(reply, (size_t)len, "you are not allowed to do that");
    gs_log(GS_LOG_INFO, "GM notice by %s: %s", p->name, args);
    return snprintf(reply, (size_t)len, "[Notice] %s", args);
}

static const struct {
    const char *name;
    chat_fn fn;
} g_commands[] = {
    {"help", cmd_help}, {"who", cmd_who}, {"pos", cmd_pos},
    {"roll", cmd_roll}, {"stats", cmd_stats}, {"notice", cmd_notice},
};

int gs_chat_handle(gs_player *p, const char *text, char *reply, int reply_len)
{
    char word[32];
    size_t n, i;
    const char *args;

    if (text[0] != '/') {
        gs_log(GS_LOG_DEBUG, "<%s> %s", p->name, text);
        return snprintf(reply, (size_t)reply_len, "<%s> %s", p->name, text);
    }
    n = strcspn(text + 1, " ");
    if (n >= sizeof word)
        n = sizeof word - 1;
    memcpy(word, text + 1, n);
    word[n] = '\0';
    args = text + 1 + n;
    while (*args == ' ')
        args++;
    for (i = 0; i < sizeof g_commands / sizeof g_commands[0]; i++)
        if (strcmp(word, g_commands[i].name) == 0)
            return g_commands[i].fn(p, args, reply, reply_len);
    return snprintf(reply, (size_t)reply_len, "unknown command /%s", word);
}
