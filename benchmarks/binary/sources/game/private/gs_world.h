/* gs_world.h - players, items, NPCs and game rules. */
#ifndef GS_WORLD_H
#define GS_WORLD_H

#include <stdint.h>

#include "gs_common.h"

typedef enum { ITEM_WEAPON = 1, ITEM_ARMOR = 2, ITEM_POTION = 3, ITEM_MATERIAL = 4, ITEM_QUEST = 5 } gs_item_type;

typedef struct {
    int id;
    char name[32];
    gs_item_type type;
    int attack;
    int defense;
    int heal;
    int price;
    int stack_max;
} gs_item;

typedef struct {
    int item_id;
    double rate; /* probability 0..1 */
} gs_drop;

typedef struct {
    int id;
    char name[32];
    int level;
    int hp;
    int attack;
    int defense;
    int exp;
    int ndrops;
    gs_drop drops[GS_MAX_DROPS];
} gs_npc;

typedef struct {
    int item_id;
    int count;
} gs_slot;

typedef struct {
    int in_use;
    int sock;
    uint32_t account_id;
    char name[GS_NAME_LEN];
    int gm_level;
    int level;
    uint32_t exp;
    int hp, hp_max;
    int mp, mp_max;
    int x, y, map_id;
    int weapon_id, armor_id;
    uint32_t gold;
    gs_slot inv[GS_INV_SLOTS];
    uint16_t last_seq;
} gs_player;

/* items / npcs (gs_data.c) */
int gs_items_load(const char *path);
int gs_drops_load(const char *path);
const gs_item *gs_item_find(int id);
const gs_npc *gs_npc_find(int id);
int gs_item_count(void);
int gs_npc_count(void);

/* players (gs_player.c) */
gs_player *gs_player_login(int sock, uint32_t account_id, const char *name);
void gs_player_logout(gs_player *p);
gs_player *gs_player_by_name(const char *name);
gs_player *gs_player_at(int index);
int gs_player_online(void);
uint32_t gs_exp_for_level(int level);
int gs_player_gain_exp(gs_player *p, uint32_t amount);
int gs_inv_add(gs_player *p, int item_id, int count);
int gs_inv_remove(gs_player *p, int item_id, int count);
int gs_inv_count(const gs_player *p, int item_id);
int gs_player_move(gs_player *p, int x, int y);

/* combat (gs_combat.c) */
void gs_rng_seed(uint32_t seed);
uint32_t gs_rng_next(void);
int gs_damage(int atk_level, int attack, int def_level, int defense, int *crit);
int gs_attack_npc(gs_player *p, const gs_npc *npc, int *npc_hp);
int gs_use_item(gs_player *p, int item_id);
int gs_player_attack_power(const gs_player *p);
int gs_player_defense(const gs_player *p);

/* chat (gs_chat.c) */
int gs_chat_handle(gs_player *p, const char *text, char *reply, int reply_len);

#endif
