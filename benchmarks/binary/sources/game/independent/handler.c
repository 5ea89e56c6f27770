/* handler.c - one function per message, chosen through a lookup table. */
#include <stdlib.h>
#include <string.h>

#include "realm.h"

typedef struct Ctx {
    Hero **who;
    Cursor in;
    unsigned char *out;
    unsigned *outlen;
    unsigned *outseq;
} Ctx;

static void emit(Ctx *x, unsigned op, unsigned char *body, unsigned n)
{
    *x->outlen += Frame_Write(x->out + *x->outlen, op, (*x->outseq)++, body, n);
}

static void emit_text(Ctx *x, unsigned op, const char *msg)
{
    unsigned char body[260];
    Cursor c;
    Cursor_Wrap(&c, body, sizeof body);
    Cursor_WText(&c, msg);
    emit(x, op, body, (unsigned)(c.p - body));
}

static int h_login(Ctx *x)
{
    char nick[24], secret[48];
    unsigned long acct = Cursor_R32(&x->in);
    unsigned char body[16];
    Cursor c;
    Cursor_RText(&x->in, nick, sizeof nick);
    Cursor_RText(&x->in, secret, sizeof secret);
    if (*x->who || !(*x->who = Roster_Join(nick, acct))) {
        emit_text(x, MSG_ERROR, "name taken or realm full");
        return 0;
    }
    (*x->who)->admin = strcmp(secret, "openrealm-op") == 0;
    Cursor_Wrap(&c, body, sizeof body);
    Cursor_W32(&c, (uint32_t)acct);
    Cursor_W16(&c, (unsigned)(*x->who)->lvl);
    Cursor_W16(&c, (unsigned)(*x->who)->px);
    Cursor_W16(&c, (unsigned)(*x->who)->py);
    emit(x, MSG_LOGIN, body, (unsigned)(c.p - body));
    return 0;
}

static int h_move(Ctx *x)
{
    Hero *h = *x->who;
    int nx = (int)Cursor_R16(&x->in);
    int ny = (int)Cursor_R16(&x->in);
    unsigned char body[4];
    Cursor c;
    if (abs(nx - h->px) > 6 || abs(ny - h->py) > 6) {
        Say("anticheat", "%s tried to jump to %d,%d", h->nick, nx, ny);
        nx = h->px;
        ny = h->py;
    }
    h->px = nx;
    h->py = ny;
    Cursor_Wrap(&c, body, sizeof body);
    Cursor_W16(&c, (unsigned)nx);
    Cursor_W16(&c, (unsigned)ny);
    emit(x, MSG_MOVE, body, 4);
    return 0;
}

static int h_attack(Ctx *x)
{
    static unsigned seed = 2024;
    Hero *h = *x->who;
    unsigned target = Cursor_R16(&x->in);
    Creature *c = Lookup_Creature((int)target);
    int before = h->lvl, won;
    unsigned char body[16];
    Cursor w;
    if (!c) {
        emit_text(x, MSG_ERROR, "target not found");
        return 0;
    }
    won = Rules_Fight(h, c, &seed);
    Cursor_Wrap(&w, body, sizeof body);
    Cursor_W16(&w, target);
    *w.p++ = (unsigned char)(won ? 2 : 0);
    Cursor_W16(&w, (unsigned)h->hp);
    Cursor_W32(&w, (uint32_t)h->xp);
    emit(x, MSG_ATTACK, body, (unsigned)(w.p - body));
    if (h->lvl > before) {
        Cursor_Wrap(&w, body, sizeof body);
        Cursor_W16(&w, (unsigned)h->lvl);
        emit(x, MSG_LEVEL_UP, body, 2);
    }
    return 0;
}

static int h_use(Ctx *x)
{
    int item = (int)Cursor_R16(&x->in);
    if (Rules_Consume(*x->who, item))
        emit_text(x, MSG_USE_ITEM, "consumed");
    else
        emit_text(x, MSG_ERROR, "you cannot drink that");
    return 0;
}

static void dot_command(Hero *h, const char *line, char *answer, size_t cap)
{
    if (!strncmp(line, ".online", 7))
        snprintf(answer, cap, "realm population: %d", Roster_Size());
    else if (!strncmp(line, ".where", 6))
        snprintf(answer, cap, "you stand on map %d, tile %d/%d", h->map, h->px, h->py);
    else if (!strncmp(line, ".me", 3))
        snprintf(answer, cap, "%s level %d hp %d/%d xp %lu of %lu", h->nick, h->lvl, h->hp, h->hpcap, h->xp,
                 Rules_XpToNext(h->lvl));
    else if (!strncmp(line, ".announce ", 10) && h->admin)
        snprintf(answer, cap, "*** %s ***", line + 10);
    else
        snprintf(answer, cap, "try .online .where .me");
}

static int h_chat(Ctx *x)
{
    char line[256], answer[300];
    Cursor_RText(&x->in, line, sizeof line);
    if (line[0] == '.')
        dot_command(*x->who, line, answer, sizeof answer);
    else
        snprintf(answer, sizeof answer, "%s says: %s", (*x->who)->nick, line);
    emit_text(x, MSG_CHAT, answer);
    return 0;
}

static int h_ping(Ctx *x)
{
    emit(x, MSG_PING, x->in.p, (unsigned)(x->in.end - x->in.p));
    return 0;
}

static int h_bye(Ctx *x)
{
    Roster_Leave(*x->who);
    *x->who = NULL;
    return 1;
}

static const struct Route {
    unsigned op;
    int need_hero;
    int (*fn)(Ctx *);
} k_routes[] = {
    {MSG_LOGIN, 0, h_login}, {MSG_MOVE, 1, h_move}, {MSG_ATTACK, 1, h_attack}, {MSG_USE_ITEM, 1, h_use},
    {MSG_CHAT, 1, h_chat},   {MSG_PING, 0, h_ping}, {MSG_LOGOUT, 1, h_bye},
};

int Realm_Handle(Hero **who, const Frame *in, unsigned char *out, unsigned *outlen, unsigned *outseq)
{
    Ctx x;
    size_t i;
    x.who = who;
    Cursor_Wrap(&x.in, (unsigned char *)in->data, in->len);
    x.out = out;
    x.outlen = outlen;
    x.outseq = outseq;
    for (i = 0; i < sizeof k_routes / sizeof *k_routes; i++) {
        if (k_routes[i].op != in->op)
            continue;
        if (k_routes[i].need_hero && !*who) {
            emit_text(&x, MSG_ERROR, "login first");
            return 0;
        }
        return k_routes[i].fn(&x);
    }
    Say("handler", "ignored message %#x", in->op);
    return 0;
}
