"""NPC shop: prices with reputation discount."""


def price_for(item_price, reputation):
    discount = 0
    if reputation >= 3000:
        discount = 15
    elif reputation >= 1500:
        discount = 10
    elif reputation >= 500:
        discount = 5
    return item_price * (100 - discount) // 100


def buy(player, item, count):
    total = price_for(item.price, player.reputation) * count
    if player.gold < total:
        raise ValueError("金币不足，无法购买")
    player.gold -= total
    player.inventory.add(item.id, count)
    return total
