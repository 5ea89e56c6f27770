/*
 * realm.h - "OpenRealm", a clean-room server for the Aetheria client protocol.
 * Everything except the wire format was designed independently.
 */
#ifndef REALM_H
#define REALM_H

#include <stdint.h>
#include <stdio.h>

/* ---- wire format dictated by the client ---- */
enum {
    MSG_LOGIN = 0x1001,
    MSG_MOVE = 0x1002,
    MSG_LOGOUT = 0x1003,
    MSG_PING = 0x1004,
    MSG_CHAT = 0x2001,
    MSG_WHISPER = 0x2002,
    MSG_ATTACK = 0x3001,
    MSG_USE_ITEM = 0x3002,
    MSG_PICKUP = 0x3003,
    MSG_LEVEL_UP = 0x3004,
    MSG_TRADE_REQ = 0x4001,
    MSG_TRADE_OK = 0x4002,
    MSG_SERVER_MSG = 0x5001,
    MSG_ERROR = 0x5FFF
};

#define FRAME_MAGIC 0xAE01
#define FRAME_HDR 12
#define FRAME_BODY_MAX 1024
#define FRAME_KEY 0x5EED1234u

typedef struct Frame {
    unsigned op, seq, len;
    uint32_t sum;
    unsigned char data[FRAME_BODY_MAX];
} Frame;

typedef struct Cursor {
    unsigned char *p, *end;
    int bad;
} Cursor;

uint32_t Frame_Sum(const unsigned char *d, unsigned n, unsigned op, unsigned seq);
int Frame_Parse(const unsigned char *raw, unsigned avail, Frame *f);
unsigned Frame_Write(unsigned char *raw, unsigned op, unsigned seq, const unsigned char *d, unsigned n);
void Cursor_Wrap(Cursor *c, unsigned char *buf, unsigned n);
void Cursor_W16(Cursor *c, unsigned v);
void Cursor_W32(Cursor *c, uint32_t v);
void Cursor_WText(Cursor *c, const char *s);
unsigned Cursor_R16(Cursor *c);
uint32_t Cursor_R32(Cursor *c);
void Cursor_RText(Cursor *c, char *dst, unsigned cap);

/* ---- world ---- */
typedef struct ItemDef {
    int id, attack, defense, heal, price, stack_max;
    char kind[12];
    char name[40];
    struct ItemDef *next;
} ItemDef;

typedef struct Creature {
    int npc_id, level, hp, attack, defense, exp;
    char name[40];
    int loot_item[6];
    int loot_permille[6];
    int loot_n;
    struct Creature *next;
} Creature;

typedef struct Bag {
    int item, qty;
    struct Bag *next;
} Bag;

typedef struct Hero {
    char nick[24];
    unsigned long account;
    int lvl, hp, hpcap, atk, def;
    unsigned long xp;
    int map, px, py;
    int admin;
    Bag *bag;
    struct Hero *chain;
} Hero;

extern ItemDef *g_itemdefs;
extern Creature *g_bestiary;

int Load_ItemTable(const char *file);
int Load_Bestiary(const char *file);
ItemDef *Lookup_Item(int id);
Creature *Lookup_Creature(int id);

Hero *Roster_Join(const char *nick, unsigned long account);
Hero *Roster_Find(const char *nick);
void Roster_Leave(Hero *h);
int Roster_Size(void);

void Bag_Put(Hero *h, int item, int qty);
int Bag_Take(Hero *h, int item);
void Bag_Free(Hero *h);

unsigned long Rules_XpToNext(int lvl);
int Rules_Award(Hero *h, unsigned long xp);
int Rules_Fight(Hero *h, Creature *c, unsigned *seed);
int Rules_Consume(Hero *h, int item);

void Say(const char *tag, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

int Realm_Handle(Hero **who, const Frame *in, unsigned char *out, unsigned *outlen, unsigned *outseq);
int Realm_Listen(unsigned short port);

#endif
