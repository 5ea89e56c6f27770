/* gs_net.h - sockets and the per-connection packet dispatcher. */
#ifndef GS_NET_H
#define GS_NET_H

#include <stddef.h>
#include <stdint.h>

#include "gs_protocol.h"
#include "gs_world.h"

typedef struct {
    int sock;
    gs_player *player;
    uint8_t inbuf[4096];
    size_t inlen;
    uint16_t out_seq;
} gs_session;

/* Called with each encoded reply; the network layer sends it, the selftest captures it. */
typedef void (*gs_send_fn)(gs_session *s, const uint8_t *data, size_t len);

void gs_session_init(gs_session *s, int sock, gs_send_fn send_fn);
int gs_session_feed(gs_session *s, const uint8_t *data, size_t len);
int gs_dispatch(gs_session *s, const gs_packet *pkt);
int gs_net_run(int port, int max_clients);

#endif
