/* gs_protocol.h - wire protocol of the Aetheria client/server. */
#ifndef GS_PROTOCOL_H
#define GS_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#define PKT_MAGIC 0xAE01u
#define PKT_HEADER_SIZE 12
#define PKT_MAX_BODY 1024
#define PKT_CHECKSUM_SALT 0x5EED1234u

/* Opcodes: high byte is the subsystem. */
#define OP_LOGIN 0x1001
#define OP_MOVE 0x1002
#define OP_LOGOUT 0x1003
#define OP_PING 0x1004
#define OP_CHAT 0x2001
#define OP_WHISPER 0x2002
#define OP_ATTACK 0x3001
#define OP_USE_ITEM 0x3002
#define OP_PICKUP 0x3003
#define OP_LEVEL_UP 0x3004
#define OP_TRADE_REQ 0x4001
#define OP_TRADE_OK 0x4002
#define OP_SERVER_MSG 0x5001
#define OP_ERROR 0x5FFF

typedef struct {
    uint16_t magic;
    uint16_t opcode;
    uint16_t length;
    uint16_t seq;
    uint32_t checksum;
    uint8_t body[PKT_MAX_BODY];
} gs_packet;

typedef struct {
    uint8_t *buf;
    size_t cap;
    size_t pos;
    int overflow;
} gs_writer;

typedef struct {
    const uint8_t *buf;
    size_t len;
    size_t pos;
    int underflow;
} gs_reader;

uint32_t gs_checksum(const uint8_t *data, size_t len, uint16_t opcode, uint16_t seq);
const char *gs_opcode_name(uint16_t opcode);

void gs_writer_init(gs_writer *w, uint8_t *buf, size_t cap);
void gs_put_u8(gs_writer *w, uint8_t v);
void gs_put_u16(gs_writer *w, uint16_t v);
void gs_put_u32(gs_writer *w, uint32_t v);
void gs_put_str(gs_writer *w, const char *s);

void gs_reader_init(gs_reader *r, const uint8_t *buf, size_t len);
uint8_t gs_get_u8(gs_reader *r);
uint16_t gs_get_u16(gs_reader *r);
uint32_t gs_get_u32(gs_reader *r);
int gs_get_str(gs_reader *r, char *out, size_t cap);

size_t gs_packet_encode(const gs_packet *pkt, uint8_t *out, size_t cap);
int gs_packet_decode(const uint8_t *in, size_t len, gs_packet *pkt);
void gs_packet_build(gs_packet *pkt, uint16_t opcode, uint16_t seq, const uint8_t *body, uint16_t len);

#endif
