/* gs_main.c - entry point: loads data, runs the selftest or the network loop. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gs_net.h"

static int g_replies;

static void capture_send(gs_session *s, const uint8_t *data, size_t len)
{
    gs_packet pkt;
    (void)s;
    if (gs_packet_decode(data, len, &pkt) > 0) {
        g_replies++;
        printf("  <- %-10s seq=%u len=%u\n", gs_opcode_name(pkt.opcode), pkt.seq, pkt.length);
    }
}

static void send_client(gs_session *s, uint16_t op, uint16_t seq, const uint8_t *body, size_t len)
{
    gs_packet pkt;
    uint8_t wire[PKT_HEADER_SIZE + PKT_MAX_BODY];
    size_t n;
    gs_packet_build(&pkt, op, seq, body, (uint16_t)len);
    n = gs_packet_encode(&pkt, wire, sizeof wire);
    printf("  -> %-10s seq=%u len=%u\n", gs_opcode_name(op), seq, (unsigned)len);
    gs_session_feed(s, wire, n);
}

static int selftest(void)
{
    gs_session s;
    uint8_t body[128];
    gs_writer w;
    uint16_t seq = 0;

    gs_session_init(&s, -1, capture_send);
    gs_writer_init(&w, body, sizeof body);
    gs_put_u32(&w, 1001);
    gs_put_str(&w, "RebornGM");
    gs_put_str(&w, "reborn-admin");
    send_client(&s, OP_LOGIN, seq++, body, w.pos);

    gs_writer_init(&w, body, sizeof body);
    gs_put_u16(&w, 131);
    gs_put_u16(&w, 126);
    send_client(&s, OP_MOVE, seq++, body, w.pos);

    gs_writer_init(&w, body, sizeof body);
    gs_put_u16(&w, 101);
    send_client(&s, OP_ATTACK, seq++, body, w.pos);

    gs_writer_init(&w, body, sizeof body);
    gs_put_u16(&w, 3);
    send_client(&s, OP_USE_ITEM, seq++, body, w.pos);

    gs_writer_init(&w, body, sizeof body);
    gs_put_str(&w, "/stats");
    send_client(&s, OP_CHAT, seq++, body, w.pos);

    send_client(&s, OP_LOGOUT, seq++, body, 0);
    printf("selftest: %d replies, %d players online\n", g_replies, gs_player_online());
    return g_replies >= 5 ? 0 : 1;
}

int main(int argc, char **argv)
{
    gs_config cfg;
    const char *conf_path = "conf/server.ini";
    int test = 0;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--selftest") == 0)
            test = 1;
        else if (strcmp(argv[i], "--debug") == 0)
            gs_log_set_level(GS_LOG_DEBUG);
        else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
            conf_path = argv[++i];
        else {
            fprintf(stderr, "usage: %s [--selftest] [--debug] [--config FILE]\n", argv[0]);
            return 2;
        }
    }
    gs_log(GS_LOG_INFO, "starting %s server %s", GS_BRAND, GS_VERSION);
    gs_config_defaults(&cfg);
    gs_config_load(&cfg, conf_path);
    gs_items_load(cfg.items_path);
    gs_drops_load(cfg.drops_path);
    gs_rng_seed(test ? 42u : (uint32_t)time(NULL));
    if (test)
        return selftest();
    return gs_net_run(cfg.port, cfg.max_players) == 0 ? 0 : 1;
}
