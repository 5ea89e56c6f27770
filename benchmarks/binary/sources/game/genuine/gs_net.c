/* gs_net.c - TCP listener and select() loop. */
#include <stdio.h>
#include <string.h>

#ifdef _WIN32
#include <winsock2.h>
typedef int socklen_t;
#define gs_close closesocket
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>
#define gs_close close
#endif

#include "gs_net.h"

#define GS_MAX_CLIENTS 64

static void net_send(gs_session *s, const uint8_t *data, size_t len)
{
    if (send(s->sock, (const char *)data, (int)len, 0) < 0)
        gs_log(GS_LOG_WARN, "send failed on socket %d", s->sock);
}

static int open_listener(int port)
{
    struct sockaddr_in addr;
    int one = 1;
    int fd = (int)socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, (const char *)&one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    addr.sin_port = htons((uint16_t)port);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 16) < 0) {
        gs_log(GS_LOG_ERROR, "cannot listen on port %d", port);
        gs_close(fd);
        return -1;
    }
    return fd;
}

int gs_net_run(int port, int max_clients)
{
    static gs_session sessions[GS_MAX_CLIENTS];
    int listener;
    int i;
#ifdef _WIN32
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
        return -1;
#endif
    if (max_clients > GS_MAX_CLIENTS)
        max_clients = GS_MAX_CLIENTS;
    for (i = 0; i < GS_MAX_CLIENTS; i++)
        sessions[i].sock = -1;
    listener = open_listener(port);
    if (listener < 0)
        return -1;
    gs_log(GS_LOG_INFO, "%s server v%s listening on port %d", GS_BRAND, GS_VERSION, port);

    for (;;) {
        fd_set rd;
        int maxfd = listener;
        FD_ZERO(&rd);
        FD_SET(listener, &rd);
        for (i = 0; i < max_clients; i++) {
            if (sessions[i].sock >= 0) {
                FD_SET(sessions[i].sock, &rd);
                if (sessions[i].sock > maxfd)
                    maxfd = sessions[i].sock;
            }
        }
        if (select(maxfd + 1, &rd, NULL, NULL, NULL) < 0)
            break;
        if (FD_ISSET(listener, &rd)) {
            struct sockaddr_in peer;
            socklen_t plen = sizeof peer;
            int fd = (int)accept(listener, (struct sockaddr *)&peer, &plen);
            for (i = 0; fd >= 0 && i < max_clients; i++) {
                if (sessions[i].sock < 0) {
                    gs_session_init(&sessions[i], fd, net_send);
                    gs_log(GS_LOG_INFO, "connection from %s", inet_ntoa(peer.sin_addr));
                    fd = -1;
                }
            }
            if (fd >= 0)
                gs_close(fd);
        }
        for (i = 0; i < max_clients; i++) {
            uint8_t buf[1024];
            int n;
            if (sessions[i].sock < 0 || !FD_ISSET(sessions[i].sock, &rd))
                continue;
            n = (int)recv(sessions[i].sock, (char *)buf, sizeof buf, 0);
            if (n <= 0 || gs_session_feed(&sessions[i], buf, (size_t)n) != 0) {
                gs_player_logout(sessions[i].player);
                gs_close(sessions[i].sock);
                sessions[i].sock = -1;
            }
        }
    }
    gs_close(listener);
    return 0;
}
