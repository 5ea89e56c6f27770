/* tables.c - item and creature tables kept as linked lists. */
#include <stdlib.h>
#include <string.h>

#include "realm.h"

ItemDef *g_itemdefs;
Creature *g_bestiary;

int Load_ItemTable(const char *file)
{
    FILE *in = fopen(file, "r");
    char row[300];
    int rows = 0;
    if (!in) {
        Say("tables", "cannot open %s", file);
        return -1;
    }
    if (!fgets(row, sizeof row, in)) { /* header row: id,name,type,attack,defense,heal,price,stack_max */
        fclose(in);
        return 0;
    }
    while (fgets(row, sizeof row, in)) {
        ItemDef *it = calloc(1, sizeof *it);
        if (!it)
            break;
        if (sscanf(row, "%d,%39[^,],%11[^,],%d,%d,%d,%d,%d", &it->id, it->name, it->kind, &it->attack,
                   &it->defense, &it->heal, &it->price, &it->stack_max) != 8) {
            free(it);
            continue;
        }
        it->next = g_itemdefs;
        g_itemdefs = it;
        rows++;
    }
    fclose(in);
    Say("tables", "%d item definitions", rows);
    return rows;
}

/* Finds "key": in [from, to) and returns a pointer just after the colon. */
static const char *field(const char *from, const char *to, const char *key)
{
    size_t kl = strlen(key);
    const char *p;
    for (p = from; p + kl + 2 < to; p++)
        if (p[0] == '"' && strncmp(p + 1, key, kl) == 0 && p[kl + 1] == '"') {
            p += kl + 2;
            while (p < to && (*p == ' ' || *p == ':'))
                p++;
            return p;
        }
    return NULL;
}

static int num(const char *from, const char *to, const char *key)
{
    const char *v = field(from, to, key);
    return v ? atoi(v) : 0;
}

int Load_Bestiary(const char *file)
{
    FILE *in = fopen(file, "rb");
    static char text[65536];
    size_t got;
    char *obj;
    int count = 0;
    if (!in) {
        Say("tables", "cannot open %s", file);
        return -1;
    }
    got = fread(text, 1, sizeof text - 1, in);
    fclose(in);
    text[got] = 0;
    /* each creature object starts with "npc_id" and ends before the next one */
    obj = strstr(text, "\"npc_id\"");
    while (obj) {
        char *next = strstr(obj + 1, "\"npc_id\"");
        char *stop = next ? next : text + got;
        Creature *c = calloc(1, sizeof *c);
        const char *nm, *loot;
        if (!c)
            break;
        c->npc_id = num(obj, stop, "npc_id");
        c->level = num(obj, stop, "level");
        c->hp = num(obj, stop, "hp");
        c->attack = num(obj, stop, "attack");
        c->defense = num(obj, stop, "defense");
        c->exp = num(obj, stop, "exp");
        nm = field(obj, stop, "name");
        if (nm && *nm == '"')
            sscanf(nm + 1, "%39[^\"]", c->name);
        loot = field(obj, stop, "drops");
        while (loot && c->loot_n < 6) {
            const char *it = field(loot, stop, "item");
            const char *rt = it ? field(it, stop, "rate") : NULL;
            if (!rt)
                break;
            c->loot_item[c->loot_n] = atoi(it);
            c->loot_permille[c->loot_n] = (int)(atof(rt) * 1000.0 + 0.5);
            c->loot_n++;
            loot = rt;
        }
        c->next = g_bestiary;
        g_bestiary = c;
        count++;
        obj = next;
    }
    Say("tables", "%d creatures in bestiary", count);
    return count;
}

ItemDef *Lookup_Item(int id)
{
    ItemDef *i = g_itemdefs;
    while (i && i->id != id)
        i = i->next;
    return i;
}

Creature *Lookup_Creature(int id)
{
    Creature *c = g_bestiary;
    while (c && c->npc_id != id)
        c = c->next;
    return c;
}
