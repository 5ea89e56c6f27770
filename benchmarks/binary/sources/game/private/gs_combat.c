/* gs_combat.c - damage formula, NPC combat and item use. */
#include "gs_world.h"

static uint32_t g_rng = 0x12345678u;

void gs_rng_seed(uint32_t seed)
{
    g_rng = seed ? seed : 1u;
}

uint32_t gs_rng_next(void)
{
    /* xorshift32 */
    g_rng ^= g_rng << 13;
    g_rng ^= g_rng >> 17;
    g_rng ^= g_rng << 5;
    return g_rng;
}

int gs_damage(int atk_level, int attack, int def_level, int defense, int *crit)
{
    int base = attack * 2 - defense;
    int spread;
    int diff = atk_level - def_level;
    if (base < 1)
        base = 1;
    if (diff > 10)
        diff = 10;
    if (diff < -10)
        diff = -10;
    base = base * (100 + diff * 5) / 100;
    spread = base / 8 + 1;
    base += (int)(gs_rng_next() % (uint32_t)(2 * spread + 1)) - spread;
    *crit = (gs_rng_next() % 100) < 7;
    if (*crit)
        base = base * 3 / 2;
    return base < 1 ? 1 : base;
}

int gs_attack_npc(gs_player *p, const gs_npc *npc, int *npc_hp)
{
    int crit;
    int dmg = gs_damage(p->level, gs_player_attack_power(p), npc->level, npc->defense, &crit);
    *npc_hp -= dmg;
    gs_log(GS_LOG_DEBUG, "%s hits %s for %d%s", p->name, npc->name, dmg, crit ? " (critical)" : "");
    if (*npc_hp <= 0) {
        int i;
        gs_player_gain_exp(p, (uint32_t)npc->exp);
        for (i = 0; i < npc->ndrops; i++) {
            double roll = (double)(gs_rng_next() % 10000) / 10000.0;
            if (roll < npc->drops[i].rate)
                gs_inv_add(p, npc->drops[i].item_id, 1);
        }
        p->gold += (uint32_t)(npc->level * 3);
        return 1;
    }
    /* counter attack */
    dmg = gs_damage(npc->level, npc->attack, p->level, gs_player_defense(p), &crit);
    p->hp -= dmg;
    if (p->hp <= 0) {
        gs_log(GS_LOG_INFO, "%s was slain by %s", p->name, npc->name);
        p->hp = p->hp_max / 2;
        p->x = 128;
        p->y = 128;
        return -1;
    }
    return 0;
}

int gs_use_item(gs_player *p, int item_id)
{
    const gs_item *it = gs_item_find(item_id);
    if (it == NULL || gs_inv_count(p, item_id) == 0)
        return -1;
    switch (it->type) {
    case ITEM_POTION:
        gs_inv_remove(p, item_id, 1);
        p->hp += it->heal;
        if (p->hp > p->hp_max)
            p->hp = p->hp_max;
        return 0;
    case ITEM_WEAPON:
        p->weapon_id = item_id;
        return 0;
    case ITEM_ARMOR:
        p->armor_id = item_id;
        return 0;
    default:
        return -1;
    }
}

int gs_player_attack_power(const gs_player *p)
{
    const gs_item *w = gs_item_find(p->weapon_id);
    return 4 + p->level * 2 + (w != NULL ? w->attack : 0);
}

int gs_player_defense(const gs_player *p)
{
    const gs_item *a = gs_item_find(p->armor_id);
    return 2 + p->level + (a != NULL ? a->defense : 0);
}
