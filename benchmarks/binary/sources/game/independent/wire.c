/* wire.c - frame codec for the Aetheria protocol, written from the packet captures. */
#include <string.h>

#include "realm.h"

#define LE16(b) ((unsigned)(b)[0] | ((unsigned)(b)[1] << 8))
#define LE32(b) ((uint32_t)LE16(b) | ((uint32_t)LE16((b) + 2) << 16))

uint32_t Frame_Sum(const unsigned char *d, unsigned n, unsigned op, unsigned seq)
{
    uint32_t acc = FRAME_KEY ^ ((uint32_t)(op & 0xFFFF) << 16) ^ (seq & 0xFFFF);
    const unsigned char *stop = d + n;
    while (d < stop) {
        acc = (acc ^ *d++);
        acc = ((acc << 5) | (acc >> 27)) + 0x9E3779B9u;
    }
    return acc ^ n;
}

int Frame_Parse(const unsigned char *raw, unsigned avail, Frame *f)
{
    if (avail < FRAME_HDR)
        return 0;
    if (LE16(raw) != FRAME_MAGIC)
        return -1;
    f->op = LE16(raw + 2);
    f->len = LE16(raw + 4);
    f->seq = LE16(raw + 6);
    f->sum = LE32(raw + 8);
    if (f->len > FRAME_BODY_MAX)
        return -1;
    if (avail < FRAME_HDR + f->len)
        return 0;
    memcpy(f->data, raw + FRAME_HDR, f->len);
    return Frame_Sum(f->data, f->len, f->op, f->seq) == f->sum ? (int)(FRAME_HDR + f->len) : -1;
}

unsigned Frame_Write(unsigned char *raw, unsigned op, unsigned seq, const unsigned char *d, unsigned n)
{
    uint32_t s = Frame_Sum(d, n, op, seq);
    unsigned hdr[4];
    int i;
    hdr[0] = FRAME_MAGIC;
    hdr[1] = op;
    hdr[2] = n;
    hdr[3] = seq;
    for (i = 0; i < 4; i++) {
        raw[2 * i] = (unsigned char)hdr[i];
        raw[2 * i + 1] = (unsigned char)(hdr[i] >> 8);
    }
    for (i = 0; i < 4; i++)
        raw[8 + i] = (unsigned char)(s >> (8 * i));
    memcpy(raw + FRAME_HDR, d, n);
    return FRAME_HDR + n;
}

void Cursor_Wrap(Cursor *c, unsigned char *buf, unsigned n)
{
    c->p = buf;
    c->end = buf + n;
    c->bad = 0;
}

static int room(Cursor *c, unsigned n)
{
    if ((unsigned)(c->end - c->p) < n) {
        c->bad = 1;
        return 0;
    }
    return 1;
}

void Cursor_W16(Cursor *c, unsigned v)
{
    if (!room(c, 2))
        return;
    *c->p++ = (unsigned char)v;
    *c->p++ = (unsigned char)(v >> 8);
}

void Cursor_W32(Cursor *c, uint32_t v)
{
    if (!room(c, 4))
        return;
    c->p[0] = (unsigned char)v;
    c->p[1] = (unsigned char)(v >> 8);
    c->p[2] = (unsigned char)(v >> 16);
    c->p[3] = (unsigned char)(v >> 24);
    c->p += 4;
}

void Cursor_WText(Cursor *c, const char *s)
{
    unsigned n = (unsigned)strlen(s);
    n = n > 255 ? 255 : n;
    if (!room(c, n + 1))
        return;
    *c->p++ = (unsigned char)n;
    memcpy(c->p, s, n);
    c->p += n;
}

unsigned Cursor_R16(Cursor *c)
{
    unsigned v;
    if (!room(c, 2))
        return 0;
    v = LE16(c->p);
    c->p += 2;
    return v;
}

uint32_t Cursor_R32(Cursor *c)
{
    uint32_t v;
    if (!room(c, 4))
        return 0;
    v = LE32(c->p);
    c->p += 4;
    return v;
}

void Cursor_RText(Cursor *c, char *dst, unsigned cap)
{
    unsigned n, k;
    dst[0] = 0;
    if (!room(c, 1))
        return;
    n = *c->p++;
    if (!room(c, n))
        return;
    k = n < cap - 1 ? n : cap - 1;
    memcpy(dst, c->p, k);
    dst[k] = 0;
    c->p += n;
}
