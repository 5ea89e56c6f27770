"""Shop module."""


def purchase(ply, it, n):
    cost = calc_price(it.price, ply.reputation) * n
    if ply.gold < cost:
        raise ValueError("金币不足，无法购买")
    ply.gold -= cost
    ply.inventory.add(it.id, n)
    return cost


def calc_price(base, rep):
    off = 0
    if rep >= 3000:
        off = 15
    elif rep >= 1500:
        off = 10
    elif rep >= 500:
        off = 5
    return base * (100 - off) // 100
