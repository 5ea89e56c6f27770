/* gs_player.c - player table, level curve and inventory. */
#include <string.h>

#include "gs_world.h"

static gs_player g_players[GS_MAX_PLAYERS];

gs_player *gs_player_login(int sock, uint32_t account_id, const char *name)
{
    int i;
    if (gs_player_by_name(name) != NULL) {
        gs_log(GS_LOG_WARN, "duplicate login for %s", name);
        return NULL;
    }
    for (i = 0; i < GS_MAX_PLAYERS; i++) {
        gs_player *p = &g_players[i];
        if (p->in_use)
            continue;
        memset(p, 0, sizeof *p);
        p->in_use = 1;
        p->sock = sock;
        p->account_id = account_id;
        strncpy(p->name, name, GS_NAME_LEN - 1);
        p->level = 1;
        p->hp = p->hp_max = 100;
        p->mp = p->mp_max = 30;
        p->x = 128;
        p->y = 128;
        p->map_id = 1;
        p->weapon_id = 1;
        p->armor_id = 2;
        p->gold = 50;
        gs_inv_add(p, 3, 5);
        gs_log(GS_LOG_INFO, "player %s logged in (account %u, slot %d)", p->name, account_id, i);
        return p;
    }
    gs_log(GS_LOG_ERROR, "server full, rejecting %s", name);
    return NULL;
}

void gs_player_logout(gs_player *p)
{
    if (p == NULL || !p->in_use)
        return;
    gs_log(GS_LOG_INFO, "player %s logged out at level %d", p->name, p->level);
    p->in_use = 0;
}

gs_player *gs_player_by_name(const char *name)
{
    int i;
    for (i = 0; i < GS_MAX_PLAYERS; i++)
        if (g_players[i].in_use && strcmp(g_players[i].name, name) == 0)
            return &g_players[i];
    return NULL;
}

gs_player *gs_player_at(int index)
{
    if (index < 0 || index >= GS_MAX_PLAYERS || !g_players[index].in_use)
        return NULL;
    return &g_players[index];
}

int gs_player_online(void)
{
    int i, n = 0;
    for (i = 0; i < GS_MAX_PLAYERS; i++)
        n += g_players[i].in_use;
    return n;
}

/* Experience needed to advance from `level` to `level + 1`. */
uint32_t gs_exp_for_level(int level)
{
    uint32_t base = 100;
    int i;
    if (level >= GS_MAX_LEVEL)
        return 0;
    for (i = 1; i < level; i++)
        base = base * 115 / 100 + 20;
    return base;
}

int gs_player_gain_exp(gs_player *p, uint32_t amount)
{
    int levels = 0;
    p->exp += (uint32_t)(amount * GS_EXP_RATE);
    while (p->level < GS_MAX_LEVEL && p->exp >= gs_exp_for_level(p->level)) {
        p->exp -= gs_exp_for_level(p->level);
        p->level++;
        p->hp_max += 12;
        p->mp_max += 5;
        p->hp = p->hp_max;
        p->mp = p->mp_max;
        levels++;
        gs_log(GS_LOG_INFO, "%s reached level %d", p->name, p->level);
    }
    return levels;
}

int gs_inv_add(gs_player *p, int item_id, int count)
{
    const gs_item *it = gs_item_find(item_id);
    int stack = it != NULL && it->stack_max > 0 ? it->stack_max : 1;
    int i;
    for (i = 0; i < GS_INV_SLOTS && count > 0; i++) {
        gs_slot *s = &p->inv[i];
        if (s->item_id == item_id && s->count < stack) {
            int room = stack - s->count;
            int take = count < room ? count : room;
            s->count += take;
            count -= take;
        }
    }
    for (i = 0; i < GS_INV_SLOTS && count > 0; i++) {
        gs_slot *s = &p->inv[i];
        if (s->count == 0) {
            int take = count < stack ? count : stack;
            s->item_id = item_id;
            s->count = take;
            count -= take;
        }
    }
    if (count > 0)
        gs_log(GS_LOG_WARN, "inventory of %s full, %d x item %d lost", p->name, count, item_id);
    return count == 0 ? 0 : -1;
}

int gs_inv_remove(gs_player *p, int item_id, int count)
{
    int i;
    if (gs_inv_count(p, item_id) < count)
        return -1;
    for (i = GS_INV_SLOTS - 1; i >= 0 && count > 0; i--) {
        gs_slot *s = &p->inv[i];
        if (s->item_id == item_id) {
            int take = count < s->count ? count : s->count;
            s->count -= take;
            count -= take;
            if (s->count == 0)
                s->item_id = 0;
        }
    }
    return 0;
}

int gs_inv_count(const gs_player *p, int item_id)
{
    int i, n = 0;
    for (i = 0; i < GS_INV_SLOTS; i++)
        if (p->inv[i].item_id == item_id)
            n += p->inv[i].count;
    return n;
}

int gs_player_move(gs_player *p, int x, int y)
{
    int dx = x - p->x, dy = y - p->y;
    if (dx * dx + dy * dy > 64) { /* more than 8 tiles per step: speed hack */
        gs_log(GS_LOG_WARN, "speed check failed for %s (%d,%d)->(%d,%d)", p->name, p->x, p->y, x, y);
        return -1;
    }
    if (x < 0 || y < 0 || x > 1023 || y > 1023)
        return -1;
    p->x = x;
    p->y = y;
    return 0;
}
