/* build: platform=any kind=exe libs_windows=ws2_32 */
/* chat_client - line based IRC-like client: connects to HOST PORT, sends NICK, relays stdin lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#define close_socket closesocket
#else
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>
#define close_socket close
#endif

static int dial(const char *host, const char *port)
{
    struct addrinfo hints, *res, *ai;
    int fd = -1;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &res) != 0)
        return -1;
    for (ai = res; ai; ai = ai->ai_next) {
        fd = (int)socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0)
            continue;
        if (connect(fd, ai->ai_addr, (int)ai->ai_addrlen) == 0)
            break;
        close_socket(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    return fd;
}

int main(int argc, char **argv)
{
    char line[512], reply[512];
    int fd, n;
#ifdef _WIN32
    WSADATA wsa;
    WSAStartup(MAKEWORD(2, 2), &wsa);
#endif
    if (argc < 4) {
        fprintf(stderr, "usage: %s HOST PORT NICK\n", argv[0]);
        return 2;
    }
    fd = dial(argv[1], argv[2]);
    if (fd < 0) {
        fprintf(stderr, "cannot connect to %s:%s\n", argv[1], argv[2]);
        return 1;
    }
    n = snprintf(line, sizeof line, "NICK %s\r\n", argv[3]);
    send(fd, line, n, 0);
    while (fgets(line, sizeof line, stdin)) {
        char msg[600];
        line[strcspn(line, "\r\n")] = '\0';
        n = snprintf(msg, sizeof msg, "MSG %s\r\n", line);
        if (send(fd, msg, n, 0) < 0)
            break;
        n = (int)recv(fd, reply, sizeof reply - 1, 0);
        if (n <= 0)
            break;
        reply[n] = '\0';
        fputs(reply, stdout);
    }
    close_socket(fd);
    return 0;
}
