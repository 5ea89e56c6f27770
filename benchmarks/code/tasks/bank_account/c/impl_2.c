/* accounts in cents with a transaction log; errors reported by enum */
#include <stdio.h>
#include <stdint.h>

enum status { OK = 0, ERR_AMOUNT, ERR_FUNDS, ERR_FULL };

#define LOG_SIZE 32

struct account {
    int64_t cents;
    int64_t log[LOG_SIZE];
    unsigned nlog;
};

static enum status apply(struct account *acct, int64_t delta)
{
    if (delta == 0)
        return ERR_AMOUNT;
    if (acct->cents + delta < 0)
        return ERR_FUNDS;
    if (acct->nlog == LOG_SIZE)
        return ERR_FULL;
    acct->cents += delta;
    acct->log[acct->nlog++] = delta;
    return OK;
}

static enum status transfer(struct account *from, struct account *to, int64_t cents)
{
    enum status s = apply(from, -cents);
    if (s != OK)
        return s;
    s = apply(to, cents);
    if (s != OK)
        apply(from, cents); /* roll back */
    return s;
}

static const char *describe(enum status s)
{
    switch (s) {
    case OK: return "ok";
    case ERR_AMOUNT: return "bad amount";
    case ERR_FUNDS: return "not enough money";
    default: return "log full";
    }
}

int main(void)
{
    struct account a = { 0 }, b = { 0 };
    apply(&a, 10000);
    printf("%s\n", describe(transfer(&a, &b, 2500)));
    printf("%s\n", describe(transfer(&b, &a, 9000)));
    printf("a=%lld b=%lld entries=%u\n", (long long)a.cents, (long long)b.cents, a.nlog);
    return 0;
}
