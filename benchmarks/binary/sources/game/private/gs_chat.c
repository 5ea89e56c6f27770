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
    return snprintf(reply, (size_t)len, "commands: /help /who /pos /roll /stats | GM: /notice /item /level /tele");
}

static int cmd_who(gs_player *p, const char *args, char *reply, int len)
{
    (void)p;
    (void)args;
    return snprintf(reply, (size_t)len, "%d players online on %s (x25 exp / x5 drop)", gs_player_online(), GS_BRAND);
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

static int cmd_item(gs_player *p, const char *args, char *reply, int len)
{
    int id = 0, count = 1;
    if (p->gm_level < 1)
        return snprintf(reply, (size_t)len, "GM only");
    if (sscanf(args, "%d %d", &id, &count) < 1 || gs_item_find(id) == NULL)
        return snprintf(reply, (size_t)len, "usage: /item <id> [count]");
    gs_inv_add(p, id, count);
    gs_log(GS_LOG_INFO, "GM %s spawned %d x item %d", p->name, count, id);
    return snprintf(reply, (size_t)len, "spawned %d x %s", count, gs_item_find(id)->name);
}

static int cmd_level(gs_player *p, const char *args, char *reply, int len)
{
    int lv = atoi(args);
    if (p->gm_level < 1)
        return snprintf(reply, (size_t)len, "GM only");
    if (lv < 1 || lv > GS_MAX_LEVEL)
        lv = GS_MAX_LEVEL;
    p->level = lv;
    p->exp = 0;
    p->hp_max = 100 + 12 * (lv - 1);
    p->hp = p->hp_max;
    return snprintf(reply, (size_t)len, "level set to %d", lv);
}

static int cmd_tele(gs_player *p, const char *args, char *reply, int len)
{
    int map = 1, x = 128, y = 128;
    if (p->gm_level < 1)
        return snprintf(reply, (size_t)len, "GM only");
    if (sscanf(args, "%d %d %d", &map, &x, &y) != 3)
        return snprintf(reply, (size_t)len, "usage: /tele <map> <x> <y>");
    p->map_id = map;
    p->x = x;
    p->y = y;
    return snprintf(reply, (size_t)len, "teleported to map %d (%d, %d)", map, x, y);
}

static const struct {
    const char *name;
    chat_fn fn;
} g_commands[] = {
    {"help", cmd_help}, {"who", cmd_who}, {"pos", cmd_pos},
    {"roll", cmd_roll}, {"stats", cmd_stats}, {"notice", cmd_notice},
    {"item", cmd_item}, {"level", cmd_level}, {"tele", cmd_tele},
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
