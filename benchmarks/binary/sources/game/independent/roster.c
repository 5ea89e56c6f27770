/* roster.c - heroes in a name-hashed table, bags, and the game rules. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "realm.h"

#define BUCKETS 97

static Hero *g_buckets[BUCKETS];
static int g_online;

void Say(const char *tag, const char *fmt, ...)
{
    va_list ap;
    printf("openrealm/%s: ", tag);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

static unsigned bucket_of(const char *nick)
{
    unsigned h = 5381;
    while (*nick)
        h = h * 33 + (unsigned char)*nick++;
    return h % BUCKETS;
}

Hero *Roster_Find(const char *nick)
{
    Hero *h;
    for (h = g_buckets[bucket_of(nick)]; h; h = h->chain)
        if (!strcmp(h->nick, nick))
            return h;
    return NULL;
}

Hero *Roster_Join(const char *nick, unsigned long account)
{
    unsigned b;
    Hero *h;
    if (!*nick || Roster_Find(nick) || g_online >= 500)
        return NULL;
    h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    strncpy(h->nick, nick, sizeof h->nick - 1);
    h->account = account;
    h->lvl = 1;
    h->hpcap = h->hp = 90;
    h->atk = 10;
    h->def = 4;
    h->map = 1;
    h->px = 120;
    h->py = 140;
    Bag_Put(h, 3, 3);
    b = bucket_of(nick);
    h->chain = g_buckets[b];
    g_buckets[b] = h;
    g_online++;
    Say("roster", "%s entered the realm (#%lu)", nick, account);
    return h;
}

void Roster_Leave(Hero *h)
{
    Hero **pp;
    if (!h)
        return;
    for (pp = &g_buckets[bucket_of(h->nick)]; *pp; pp = &(*pp)->chain)
        if (*pp == h) {
            *pp = h->chain;
            break;
        }
    Say("roster", "%s left the realm", h->nick);
    Bag_Free(h);
    free(h);
    g_online--;
}

int Roster_Size(void)
{
    return g_online;
}

void Bag_Put(Hero *h, int item, int qty)
{
    Bag *b;
    for (b = h->bag; b; b = b->next)
        if (b->item == item) {
            b->qty += qty;
            return;
        }
    b = malloc(sizeof *b);
    if (!b)
        return;
    b->item = item;
    b->qty = qty;
    b->next = h->bag;
    h->bag = b;
}

int Bag_Take(Hero *h, int item)
{
    Bag **pp = &h->bag;
    while (*pp && (*pp)->item != item)
        pp = &(*pp)->next;
    if (!*pp)
        return 0;
    if (--(*pp)->qty == 0) {
        Bag *dead = *pp;
        *pp = dead->next;
        free(dead);
    }
    return 1;
}

void Bag_Free(Hero *h)
{
    while (h->bag) {
        Bag *n = h->bag->next;
        free(h->bag);
        h->bag = n;
    }
}

/* Quadratic experience curve, table built on first use. */
unsigned long Rules_XpToNext(int lvl)
{
    static unsigned long table[100];
    static int ready;
    if (!ready) {
        int i;
        for (i = 0; i < 100; i++)
            table[i] = 50ul * (unsigned long)(i + 1) * (unsigned long)(i + 1) + 50ul;
        ready = 1;
    }
    return (lvl >= 1 && lvl < 100) ? table[lvl - 1] : (unsigned long)-1;
}

int Rules_Award(Hero *h, unsigned long xp)
{
    int gained = 0;
    h->xp += xp;
    while (h->xp >= Rules_XpToNext(h->lvl)) {
        h->xp -= Rules_XpToNext(h->lvl);
        h->lvl++;
        h->hpcap += 10;
        h->atk += 2;
        h->def += 1;
        h->hp = h->hpcap;
        gained++;
    }
    return gained;
}

static int roll(unsigned *seed, int n)
{
    *seed = *seed * 1103515245u + 12345u;
    return (int)((*seed >> 16) % (unsigned)n);
}

/* Trades blows until one side falls; returns 1 if the hero wins. */
int Rules_Fight(Hero *h, Creature *c, unsigned *seed)
{
    int foe = c->hp;
    int weapon = 0;
    Bag *b;
    for (b = h->bag; b; b = b->next) {
        ItemDef *d = Lookup_Item(b->item);
        if (d && !strcmp(d->kind, "weapon") && d->attack > weapon)
            weapon = d->attack;
    }
    while (foe > 0 && h->hp > 0) {
        int hit = h->atk + weapon + roll(seed, 6) - c->defense / 2;
        int back = c->attack + roll(seed, 4) - h->def / 2;
        foe -= hit > 1 ? hit : 1;
        if (foe > 0)
            h->hp -= back > 0 ? back : 0;
    }
    if (h->hp <= 0) {
        h->hp = 1;
        return 0;
    }
    Rules_Award(h, (unsigned long)c->exp);
    {
        int k;
        for (k = 0; k < c->loot_n; k++)
            if (roll(seed, 1000) < c->loot_permille[k])
                Bag_Put(h, c->loot_item[k], 1);
    }
    return 1;
}

int Rules_Consume(Hero *h, int item)
{
    ItemDef *d = Lookup_Item(item);
    if (!d || strcmp(d->kind, "potion") || !Bag_Take(h, item))
        return 0;
    h->hp += d->heal;
    if (h->hp > h->hpcap)
        h->hp = h->hpcap;
    return 1;
}
