/* build: platform=any kind=exe libs_windows=ws2_32 */
/* game_client - client for the "Starfall Arena" board game: its own message ids and framing, sent over UDP
 * with sendto to the lobby server; waits for an acknowledgement per message. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <winsock2.h>
#define close_socket closesocket
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#define close_socket close
#endif

#define SF_HELLO 0x0A01
#define SF_JOIN_TABLE 0x0A02
#define SF_PLACE_TILE 0x0B10
#define SF_END_TURN 0x0B11
#define SF_EMOTE 0x0C01
#define SF_BYE 0x0AFF

static size_t frame(uint8_t *out, uint16_t id, uint32_t turn, const char *text)
{
    size_t n = strlen(text);
    uint8_t crc = 0;
    size_t i;
    if (n > 200)
        n = 200;
    out[0] = 'S';
    out[1] = 'F';
    out[2] = (uint8_t)(id >> 8); /* big endian, unlike most game protocols */
    out[3] = (uint8_t)id;
    out[4] = (uint8_t)(turn >> 24);
    out[5] = (uint8_t)(turn >> 16);
    out[6] = (uint8_t)(turn >> 8);
    out[7] = (uint8_t)turn;
    out[8] = (uint8_t)n;
    memcpy(out + 9, text, n);
    for (i = 0; i < 9 + n; i++)
        crc = (uint8_t)(crc * 31 + out[i]);
    out[9 + n] = crc;
    return 10 + n;
}

int main(int argc, char **argv)
{
    static const struct {
        uint16_t id;
        const char *text;
    } script[] = {
        {SF_HELLO, "player=guest"}, {SF_JOIN_TABLE, "table=7"}, {SF_PLACE_TILE, "tile=C4 rot=90"},
        {SF_END_TURN, ""},          {SF_EMOTE, "gg"},           {SF_BYE, ""},
    };
    struct sockaddr_in lobby;
    uint8_t pkt[256];
    size_t i;
    int fd;
#ifdef _WIN32
    WSADATA wsa;
    WSAStartup(MAKEWORD(2, 2), &wsa);
#endif
    fd = (int)socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        return 1;
    memset(&lobby, 0, sizeof lobby);
    lobby.sin_family = AF_INET;
    lobby.sin_port = htons((uint16_t)(argc > 2 ? atoi(argv[2]) : 4100));
    lobby.sin_addr.s_addr = inet_addr(argc > 1 ? argv[1] : "127.0.0.1");
    for (i = 0; i < sizeof script / sizeof script[0]; i++) {
        size_t n = frame(pkt, script[i].id, (uint32_t)i, script[i].text);
        if (sendto(fd, (const char *)pkt, (int)n, 0, (struct sockaddr *)&lobby, sizeof lobby) < 0)
            perror("sendto");
        printf("sent message 0x%04x (%lu bytes)\n", script[i].id, (unsigned long)n);
    }
    close_socket(fd);
    return 0;
}
