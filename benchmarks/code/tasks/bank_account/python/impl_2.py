"""Ledger-style account: every operation is recorded, balance is derived."""
from dataclasses import dataclass, field
from decimal import Decimal
from typing import List


class Overdrawn(Exception):
    pass


@dataclass
class Transaction:
    kind: str
    amount: Decimal


@dataclass
class Account:
    holder: str
    limit: Decimal = Decimal("0")
    history: List[Transaction] = field(default_factory=list)

    @property
    def balance(self) -> Decimal:
        return sum((t.amount for t in self.history), Decimal("0"))

    def put(self, amount: Decimal) -> None:
        self.history.append(Transaction("in", amount))

    def take(self, amount: Decimal) -> None:
        if self.balance - amount < -self.limit:
            raise Overdrawn(f"{self.holder} cannot take {amount}")
        self.history.append(Transaction("out", -amount))


acc = Account("dave", limit=Decimal("50"))
acc.put(Decimal("20.25"))
acc.take(Decimal("60"))
try:
    acc.take(Decimal("20"))
except Overdrawn as err:
    print("refused:", err)
print(acc.balance, len(acc.history))
