#include <stdio.h>
#include <string.h>

typedef struct {
    char owner[64];
    double balance;
} Account;

void account_init(Account *a, const char *owner, double initial)
{
    strncpy(a->owner, owner, sizeof(a->owner) - 1);
    a->owner[sizeof(a->owner) - 1] = '\0';
    a->balance = initial;
}

int deposit(Account *a, double amount)
{
    if (amount <= 0)
        return -1;
    a->balance += amount;
    return 0;
}

int withdraw(Account *a, double amount)
{
    if (amount > a->balance)
        return -1;
    a->balance -= amount;
    return 0;
}

int main(void)
{
    Account acc;
    account_init(&acc, "Bob", 100.0);
    deposit(&acc, 25.0);
    if (withdraw(&acc, 500.0) != 0)
        printf("insufficient funds\n");
    withdraw(&acc, 20.0);
    printf("%s has %.2f\n", acc.owner, acc.balance);
    return 0;
}
