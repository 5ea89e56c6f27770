/* gs_data.c - item table (CSV) and NPC drop table (JSON subset) loaders. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gs_world.h"

static gs_item g_items[GS_MAX_ITEMS];
static int g_nitems;
static gs_npc g_npcs[GS_MAX_NPCS];
static int g_nnpcs;

/* Built-in fallback used when data/items.csv is missing. */
static const gs_item g_default_items[] = {
    {1, "Rusty Sword", ITEM_WEAPON, 5, 0, 0, 10, 1},
    {2, "Leather Vest", ITEM_ARMOR, 0, 3, 0, 12, 1},
    {3, "Red Potion", ITEM_POTION, 0, 0, 50, 5, 99},
    {4, "Wolf Pelt", ITEM_MATERIAL, 0, 0, 0, 2, 50},
};

static gs_item_type parse_type(const char *s)
{
    if (strcmp(s, "weapon") == 0)
        return ITEM_WEAPON;
    if (strcmp(s, "armor") == 0)
        return ITEM_ARMOR;
    if (strcmp(s, "potion") == 0)
        return ITEM_POTION;
    if (strcmp(s, "quest") == 0)
        return ITEM_QUEST;
    return ITEM_MATERIAL;
}

static int split_csv(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        p = strchr(p, ',');
        if (p == NULL)
            break;
        *p++ = '\0';
    }
    return n;
}

int gs_items_load(const char *path)
{
    FILE *fp = fopen(path, "r");
    char line[256];
    int header = 1;

    g_nitems = 0;
    if (fp == NULL) {
        memcpy(g_items, g_default_items, sizeof g_default_items);
        g_nitems = (int)(sizeof g_default_items / sizeof g_default_items[0]);
        gs_log(GS_LOG_WARN, "items file %s missing, loaded %d built-in items", path, g_nitems);
        return g_nitems;
    }
    while (fgets(line, sizeof line, fp) != NULL && g_nitems < GS_MAX_ITEMS) {
        char *f[8];
        gs_item *it;
        line[strcspn(line, "\r\n")] = '\0';
        if (header) { /* id,name,type,attack,defense,heal,price,stack_max */
            header = 0;
            continue;
        }
        if (split_csv(line, f, 8) != 8)
            continue;
        it = &g_items[g_nitems++];
        it->id = atoi(f[0]);
        snprintf(it->name, sizeof it->name, "%s", f[1]);
        it->type = parse_type(f[2]);
        it->attack = atoi(f[3]);
        it->defense = atoi(f[4]);
        it->heal = atoi(f[5]);
        it->price = atoi(f[6]);
        it->stack_max = atoi(f[7]);
    }
    fclose(fp);
    gs_log(GS_LOG_INFO, "loaded %d items from %s", g_nitems, path);
    return g_nitems;
}

/* --- minimal JSON scanner: enough for data/drops.json --- */
typedef struct {
    const char *p;
} json_cur;

static void jskip(json_cur *c)
{
    while (*c->p && (isspace((unsigned char)*c->p) || *c->p == ','))
        c->p++;
}

static int jexpect(json_cur *c, char ch)
{
    jskip(c);
    if (*c->p != ch)
        return 0;
    c->p++;
    return 1;
}

static int jstring(json_cur *c, char *out, size_t cap)
{
    size_t n = 0;
    jskip(c);
    if (*c->p != '"')
        return 0;
    c->p++;
    while (*c->p && *c->p != '"') {
        if (*c->p == '\\' && c->p[1])
            c->p++;
        if (n + 1 < cap)
            out[n++] = *c->p;
        c->p++;
    }
    out[n] = '\0';
    if (*c->p == '"')
        c->p++;
    return 1;
}

static double jnumber(json_cur *c)
{
    char *end;
    double v;
    jskip(c);
    v = strtod(c->p, &end);
    c->p = end;
    return v;
}

static void parse_drops(json_cur *c, gs_npc *npc)
{
    char key[32];
    if (!jexpect(c, '['))
        return;
    while (jexpect(c, '{')) {
        gs_drop d = {0, 0.0};
        while (jstring(c, key, sizeof key)) {
            jexpect(c, ':');
            if (strcmp(key, "item") == 0)
                d.item_id = (int)jnumber(c);
            else if (strcmp(key, "rate") == 0)
                d.rate = jnumber(c) * GS_DROP_RATE;
        }
        jexpect(c, '}');
        if (npc->ndrops < GS_MAX_DROPS)
            npc->drops[npc->ndrops++] = d;
    }
    jexpect(c, ']');
}

int gs_drops_load(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *text;
    long size;
    json_cur c;
    char key[32];

    g_nnpcs = 0;
    if (fp == NULL) {
        gs_log(GS_LOG_WARN, "drop table %s missing", path);
        return 0;
    }
    fseek(fp, 0, SEEK_END);
    size = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    text = malloc((size_t)size + 1);
    if (text == NULL || fread(text, 1, (size_t)size, fp) != (size_t)size) {
        free(text);
        fclose(fp);
        return -1;
    }
    text[size] = '\0';
    fclose(fp);

    c.p = text;
    if (jexpect(&c, '[')) {
        while (g_nnpcs < GS_MAX_NPCS && jexpect(&c, '{')) {
            gs_npc *npc = &g_npcs[g_nnpcs];
            memset(npc, 0, sizeof *npc);
            while (jstring(&c, key, sizeof key)) {
                jexpect(&c, ':');
                if (strcmp(key, "npc_id") == 0)
                    npc->id = (int)jnumber(&c);
                else if (strcmp(key, "name") == 0)
                    jstring(&c, npc->name, sizeof npc->name);
                else if (strcmp(key, "level") == 0)
                    npc->level = (int)jnumber(&c);
                else if (strcmp(key, "hp") == 0)
                    npc->hp = (int)jnumber(&c);
                else if (strcmp(key, "attack") == 0)
                    npc->attack = (int)jnumber(&c);
                else if (strcmp(key, "defense") == 0)
                    npc->defense = (int)jnumber(&c);
                else if (strcmp(key, "exp") == 0)
                    npc->exp = (int)(jnumber(&c) * GS_EXP_RATE);
                else if (strcmp(key, "drops") == 0)
                    parse_drops(&c, npc);
            }
            jexpect(&c, '}');
            g_nnpcs++;
        }
    }
    free(text);
    gs_log(GS_LOG_INFO, "loaded %d npcs from %s", g_nnpcs, path);
    return g_nnpcs;
}

const gs_item *gs_item_find(int id)
{
    int i;
    for (i = 0; i < g_nitems; i++)
        if (g_items[i].id == id)
            return &g_items[i];
    return NULL;
}

const gs_npc *gs_npc_find(int id)
{
    int i;
    for (i = 0; i < g_nnpcs; i++)
        if (g_npcs[i].id == id)
            return &g_npcs[i];
    return NULL;
}

int gs_item_count(void)
{
    return g_nitems;
}

int gs_npc_count(void)
{
    return g_nnpcs;
}
