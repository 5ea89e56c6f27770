/* gs_protocol.c - packet framing, (de)serialisation and checksum. */
#include <string.h>

#include "gs_common.h"
#include "gs_protocol.h"

uint32_t gs_checksum(const uint8_t *data, size_t len, uint16_t opcode, uint16_t seq)
{
    uint32_t h = PKT_CHECKSUM_SALT ^ ((uint32_t)opcode << 16 | seq);
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= data[i];
        h = (h << 5) | (h >> 27);
        h += 0x9E3779B9u;
    }
    return h ^ (uint32_t)len;
}

const char *gs_opcode_name(uint16_t opcode)
{
    switch (opcode) {
    case OP_LOGIN: return "LOGIN";
    case OP_MOVE: return "MOVE";
    case OP_LOGOUT: return "LOGOUT";
    case OP_PING: return "PING";
    case OP_CHAT: return "CHAT";
    case OP_WHISPER: return "WHISPER";
    case OP_ATTACK: return "ATTACK";
    case OP_USE_ITEM: return "USE_ITEM";
    case OP_PICKUP: return "PICKUP";
    case OP_LEVEL_UP: return "LEVEL_UP";
    case OP_TRADE_REQ: return "TRADE_REQ";
    case OP_TRADE_OK: return "TRADE_OK";
    case OP_SERVER_MSG: return "SERVER_MSG";
    case OP_ERROR: return "ERROR";
    default: return "UNKNOWN";
    }
}

void gs_reader_init(gs_reader *r, const uint8_t *buf, size_t len)
{
    r->buf = buf;
    r->len = len;
    r->pos = 0;
    r->underflow = 0;
}

uint8_t gs_get_u8(gs_reader *r)
{
    if (r->pos >= r->len) {
        r->underflow = 1;
        return 0;
    }
    return r->buf[r->pos++];
}

uint16_t gs_get_u16(gs_reader *r)
{
    uint16_t lo = gs_get_u8(r);
    uint16_t hi = gs_get_u8(r);
    return (uint16_t)(lo | (hi << 8));
}

uint32_t gs_get_u32(gs_reader *r)
{
    uint32_t lo = gs_get_u16(r);
    uint32_t hi = gs_get_u16(r);
    return lo | (hi << 16);
}

int gs_get_str(gs_reader *r, char *out, size_t cap)
{
    size_t n = gs_get_u8(r);
    size_t i;
    if (cap == 0)
        return -1;
    for (i = 0; i < n; i++) {
        uint8_t c = gs_get_u8(r);
        if (i + 1 < cap)
            out[i] = (char)c;
    }
    out[n < cap ? n : cap - 1] = '\0';
    return r->underflow ? -1 : (int)n;
}

void gs_writer_init(gs_writer *w, uint8_t *buf, size_t cap)
{
    w->buf = buf;
    w->cap = cap;
    w->pos = 0;
    w->overflow = 0;
}

void gs_put_u8(gs_writer *w, uint8_t v)
{
    if (w->pos + 1 > w->cap) {
        w->overflow = 1;
        return;
    }
    w->buf[w->pos++] = v;
}

void gs_put_u16(gs_writer *w, uint16_t v)
{
    gs_put_u8(w, (uint8_t)(v & 0xFF));
    gs_put_u8(w, (uint8_t)(v >> 8));
}

void gs_put_u32(gs_writer *w, uint32_t v)
{
    int shift;
    for (shift = 0; shift < 32; shift += 8)
        gs_put_u8(w, (uint8_t)((v >> shift) & 0xFF));
}

void gs_put_str(gs_writer *w, const char *s)
{
    size_t n = strlen(s);
    if (n > 255)
        n = 255;
    gs_put_u8(w, (uint8_t)n);
    while (n-- > 0)
        gs_put_u8(w, (uint8_t)*s++);
}

void gs_packet_build(gs_packet *pkt, uint16_t opcode, uint16_t seq, const uint8_t *body, uint16_t len)
{
    if (len > PKT_MAX_BODY)
        len = PKT_MAX_BODY;
    pkt->magic = PKT_MAGIC;
    pkt->opcode = opcode;
    pkt->seq = seq;
    pkt->length = len;
    memcpy(pkt->body, body, len);
    pkt->checksum = gs_checksum(pkt->body, len, opcode, seq);
}

size_t gs_packet_encode(const gs_packet *pkt, uint8_t *out, size_t cap)
{
    gs_writer w;
    size_t i;
    gs_writer_init(&w, out, cap);
    gs_put_u16(&w, pkt->magic);
    gs_put_u16(&w, pkt->opcode);
    gs_put_u16(&w, pkt->length);
    gs_put_u16(&w, pkt->seq);
    gs_put_u32(&w, pkt->checksum);
    for (i = 0; i < pkt->length; i++)
        gs_put_u8(&w, pkt->body[i]);
    return w.overflow ? 0 : w.pos;
}

int gs_packet_decode(const uint8_t *in, size_t len, gs_packet *pkt)
{
    gs_reader r;
    size_t i;
    if (len < PKT_HEADER_SIZE)
        return 0; /* need more data */
    gs_reader_init(&r, in, len);
    pkt->magic = gs_get_u16(&r);
    pkt->opcode = gs_get_u16(&r);
    pkt->length = gs_get_u16(&r);
    pkt->seq = gs_get_u16(&r);
    pkt->checksum = gs_get_u32(&r);
    if (pkt->magic != PKT_MAGIC) {
        gs_log(GS_LOG_WARN, "bad packet magic 0x%04x", pkt->magic);
        return -1;
    }
    if (pkt->length > PKT_MAX_BODY)
        return -1;
    if (len < (size_t)PKT_HEADER_SIZE + pkt->length)
        return 0;
    for (i = 0; i < pkt->length; i++)
        pkt->body[i] = gs_get_u8(&r);
    if (gs_checksum(pkt->body, pkt->length, pkt->opcode, pkt->seq) != pkt->checksum) {
        gs_log(GS_LOG_WARN, "checksum mismatch on %s seq=%u", gs_opcode_name(pkt->opcode), pkt->seq);
        return -1;
    }
    return PKT_HEADER_SIZE + pkt->length;
}
