/* realmd.c - OpenRealm daemon: poll() based listener and a scripted self check. */
#include <stdlib.h>
#include <string.h>

#ifdef _WIN32
#include <winsock2.h>
typedef SOCKET sock_t;
#define poll WSAPoll
#define closesock closesocket
#else
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
typedef int sock_t;
#define closesock close
#endif

#include "realm.h"

#define SLOTS 32
#define NOSOCK ((sock_t)-1)

typedef struct Conn {
    Hero *hero;
    unsigned char rx[4096];
    unsigned rxn;
    unsigned txseq;
} Conn;

static int pump(Conn *cn, unsigned char *tx, unsigned *txn)
{
    Frame f;
    int used;
    *txn = 0;
    while ((used = Frame_Parse(cn->rx, cn->rxn, &f)) > 0) {
        int stop = Realm_Handle(&cn->hero, &f, tx, txn, &cn->txseq);
        cn->rxn -= (unsigned)used;
        memmove(cn->rx, cn->rx + used, cn->rxn);
        if (stop)
            return 1;
    }
    return used < 0 ? -1 : 0;
}

int Realm_Listen(unsigned short port)
{
    struct pollfd fds[SLOTS + 1];
    static Conn conns[SLOTS];
    struct sockaddr_in sa;
    sock_t lsn;
    int i, yes = 1;
#ifdef _WIN32
    WSADATA wd;
    WSAStartup(0x0202, &wd);
#endif
    lsn = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    setsockopt(lsn, SOL_SOCKET, SO_REUSEADDR, (const char *)&yes, sizeof yes);
    if (lsn == NOSOCK || bind(lsn, (struct sockaddr *)&sa, sizeof sa) || listen(lsn, 8)) {
        Say("net", "bind/listen on %u failed", port);
        return 1;
    }
    Say("net", "accepting players on tcp/%u", port);
    for (i = 0; i <= SLOTS; i++) {
        fds[i].fd = NOSOCK;
        fds[i].events = POLLIN;
    }
    fds[SLOTS].fd = lsn;
    for (;;) {
        if (poll(fds, SLOTS + 1, 1000) < 0)
            break;
        if (fds[SLOTS].revents & POLLIN) {
            sock_t c = accept(lsn, NULL, NULL);
            for (i = 0; i < SLOTS && c != NOSOCK; i++)
                if (fds[i].fd == NOSOCK) {
                    fds[i].fd = c;
                    memset(&conns[i], 0, sizeof conns[i]);
                    c = NOSOCK;
                }
            if (c != NOSOCK)
                closesock(c);
        }
        for (i = 0; i < SLOTS; i++) {
            unsigned char tx[8192];
            unsigned txn = 0;
            int got, state;
            if (fds[i].fd == NOSOCK || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            got = (int)recv(fds[i].fd, (char *)conns[i].rx + conns[i].rxn, (int)(sizeof conns[i].rx - conns[i].rxn), 0);
            if (got > 0)
                conns[i].rxn += (unsigned)got;
            state = got > 0 ? pump(&conns[i], tx, &txn) : 1;
            if (txn)
                send(fds[i].fd, (const char *)tx, (int)txn, 0);
            if (state != 0) {
                if (conns[i].hero)
                    Roster_Leave(conns[i].hero);
                closesock(fds[i].fd);
                fds[i].fd = NOSOCK;
            }
        }
    }
    return 0;
}

static unsigned script(unsigned char *buf)
{
    unsigned char body[64];
    Cursor c;
    unsigned n = 0, seq = 0;
    Cursor_Wrap(&c, body, sizeof body);
    Cursor_W32(&c, 77);
    Cursor_WText(&c, "Probe");
    Cursor_WText(&c, "openrealm-op");
    n += Frame_Write(buf + n, MSG_LOGIN, seq++, body, (unsigned)(c.p - body));
    Cursor_Wrap(&c, body, sizeof body);
    Cursor_W16(&c, 122);
    Cursor_W16(&c, 138);
    n += Frame_Write(buf + n, MSG_MOVE, seq++, body, 4);
    Cursor_Wrap(&c, body, sizeof body);
    Cursor_W16(&c, 101);
    n += Frame_Write(buf + n, MSG_ATTACK, seq++, body, 2);
    Cursor_Wrap(&c, body, sizeof body);
    Cursor_WText(&c, ".me");
    n += Frame_Write(buf + n, MSG_CHAT, seq++, body, (unsigned)(c.p - body));
    n += Frame_Write(buf + n, MSG_LOGOUT, seq++, body, 0);
    return n;
}

int main(int argc, char *argv[])
{
    const char *items = "data/items.csv", *beasts = "data/drops.json";
    unsigned short port = 7777;
    int a;
    for (a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--selftest")) {
            Conn cn;
            unsigned char tx[8192];
            unsigned txn, off = 0;
            int frames = 0;
            Frame f;
            Load_ItemTable(items);
            Load_Bestiary(beasts);
            memset(&cn, 0, sizeof cn);
            cn.rxn = script(cn.rx);
            pump(&cn, tx, &txn);
            while (off < txn) {
                int used = Frame_Parse(tx + off, txn - off, &f);
                if (used <= 0)
                    break;
                printf("reply op=%04x seq=%u len=%u\n", f.op, f.seq, f.len);
                off += (unsigned)used;
                frames++;
            }
            return frames >= 4 ? 0 : 1;
        }
        if (!strcmp(argv[a], "-p") && a + 1 < argc)
            port = (unsigned short)atoi(argv[++a]);
        else if (!strcmp(argv[a], "-i") && a + 1 < argc)
            items = argv[++a];
        else if (!strcmp(argv[a], "-b") && a + 1 < argc)
            beasts = argv[++a];
    }
    Say("main", "OpenRealm emulator 0.9 (protocol 0xAE01)");
    Load_ItemTable(items);
    Load_Bestiary(beasts);
    return Realm_Listen(port);
}
