/* gs_session.c - decoding incoming bytes and dispatching opcodes. */
#include <stdio.h>
#include <string.h>

#include "gs_net.h"

static gs_send_fn g_send;

void gs_session_init(gs_session *s, int sock, gs_send_fn send_fn)
{
    memset(s, 0, sizeof *s);
    s->sock = sock;
    g_send = send_fn;
}

static void reply(gs_session *s, uint16_t opcode, const uint8_t *body, size_t len)
{
    gs_packet pkt;
    uint8_t wire[PKT_HEADER_SIZE + PKT_MAX_BODY];
    size_t n;
    gs_packet_build(&pkt, opcode, s->out_seq++, body, (uint16_t)len);
    n = gs_packet_encode(&pkt, wire, sizeof wire);
    if (n > 0 && g_send != NULL)
        g_send(s, wire, n);
}

static void reply_text(gs_session *s, uint16_t opcode, const char *text)
{
    uint8_t body[300];
    gs_writer w;
    gs_writer_init(&w, body, sizeof body);
    gs_put_str(&w, text);
    reply(s, opcode, body, w.pos);
}

static int on_login(gs_session *s, gs_reader *r)
{
    char name[GS_NAME_LEN];
    char pass[64];
    uint32_t account = gs_get_u32(r);
    uint8_t body[64];
    gs_writer w;

    if (gs_get_str(r, name, sizeof name) < 1 || gs_get_str(r, pass, sizeof pass) < 0)
        return -1;
    s->player = gs_player_login(s->sock, account, name);
    if (s->player == NULL) {
        reply_text(s, OP_ERROR, "login rejected");
        return -1;
    }
    if (strcmp(pass, "reborn-admin") == 0)
        s->player->gm_level = 1;
    gs_writer_init(&w, body, sizeof body);
    gs_put_u32(&w, account);
    gs_put_u16(&w, (uint16_t)s->player->level);
    gs_put_u16(&w, (uint16_t)s->player->x);
    gs_put_u16(&w, (uint16_t)s->player->y);
    reply(s, OP_LOGIN, body, w.pos);
    return 0;
}

static int on_move(gs_session *s, gs_reader *r)
{
    int x = gs_get_u16(r);
    int y = gs_get_u16(r);
    uint8_t body[8];
    gs_writer w;
    if (gs_player_move(s->player, x, y) != 0) {
        reply_text(s, OP_ERROR, "invalid move");
        return 0;
    }
    gs_writer_init(&w, body, sizeof body);
    gs_put_u16(&w, (uint16_t)s->player->x);
    gs_put_u16(&w, (uint16_t)s->player->y);
    reply(s, OP_MOVE, body, w.pos);
    return 0;
}

static int on_attack(gs_session *s, gs_reader *r)
{
    int npc_id = gs_get_u16(r);
    const gs_npc *npc = gs_npc_find(npc_id);
    int npc_hp, rounds = 0, outcome = 0, level_before;
    uint8_t body[16];
    gs_writer w;

    if (npc == NULL) {
        reply_text(s, OP_ERROR, "no such target");
        return 0;
    }
    level_before = s->player->level;
    npc_hp = npc->hp;
    while (outcome == 0 && rounds++ < 50)
        outcome = gs_attack_npc(s->player, npc, &npc_hp);
    gs_writer_init(&w, body, sizeof body);
    gs_put_u16(&w, (uint16_t)npc_id);
    gs_put_u8(&w, (uint8_t)(outcome + 1));
    gs_put_u16(&w, (uint16_t)s->player->hp);
    gs_put_u32(&w, s->player->exp);
    reply(s, OP_ATTACK, body, w.pos);
    if (s->player->level != level_before) {
        gs_writer_init(&w, body, sizeof body);
        gs_put_u16(&w, (uint16_t)s->player->level);
        reply(s, OP_LEVEL_UP, body, w.pos);
    }
    return 0;
}

static int on_chat(gs_session *s, gs_reader *r)
{
    char text[256];
    char out[256];
    if (gs_get_str(r, text, sizeof text) < 0)
        return -1;
    gs_chat_handle(s->player, text, out, sizeof out);
    reply_text(s, OP_CHAT, out);
    return 0;
}

int gs_dispatch(gs_session *s, const gs_packet *pkt)
{
    gs_reader r;
    gs_reader_init(&r, pkt->body, pkt->length);
    if (pkt->opcode != OP_LOGIN && s->player == NULL) {
        reply_text(s, OP_ERROR, "not logged in");
        return -1;
    }
    switch (pkt->opcode) {
    case OP_LOGIN: return on_login(s, &r);
    case OP_MOVE: return on_move(s, &r);
    case OP_ATTACK: return on_attack(s, &r);
    case OP_USE_ITEM:
        if (gs_use_item(s->player, gs_get_u16(&r)) != 0)
            reply_text(s, OP_ERROR, "cannot use that item");
        else
            reply_text(s, OP_USE_ITEM, "ok");
        return 0;
    case OP_CHAT: return on_chat(s, &r);
    case OP_PING: reply(s, OP_PING, pkt->body, pkt->length); return 0;
    case OP_LOGOUT:
        gs_player_logout(s->player);
        s->player = NULL;
        return 1;
    default:
        gs_log(GS_LOG_WARN, "unhandled opcode 0x%04x (%s)", pkt->opcode, gs_opcode_name(pkt->opcode));
        return 0;
    }
}

int gs_session_feed(gs_session *s, const uint8_t *data, size_t len)
{
    gs_packet pkt;
    int used;
    if (s->inlen + len > sizeof s->inbuf)
        return -1;
    memcpy(s->inbuf + s->inlen, data, len);
    s->inlen += len;
    while ((used = gs_packet_decode(s->inbuf, s->inlen, &pkt)) > 0) {
        int rc = gs_dispatch(s, &pkt);
        memmove(s->inbuf, s->inbuf + used, s->inlen - (size_t)used);
        s->inlen -= (size_t)used;
        if (rc != 0)
            return rc;
    }
    return used < 0 ? -1 : 0;
}
