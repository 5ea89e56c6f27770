import threading

_accounts = {}
_lock = threading.Lock()


def open_account(number, cents=0):
    with _lock:
        if number in _accounts:
            return False
        _accounts[number] = cents
        return True


def move(src, dst, cents):
    """Transfer between two accounts atomically; returns an error string or None."""
    if cents <= 0:
        return "amount must be positive"
    with _lock:
        if _accounts.get(src, 0) < cents:
            return "insufficient balance in %s" % src
        _accounts[src] -= cents
        _accounts[dst] = _accounts.get(dst, 0) + cents
    return None


open_account("A-1", 1000)
open_account("B-2")
print(move("A-1", "B-2", 250) or "done")
print(move("B-2", "A-1", 999) or "done")
print(sorted(_accounts.items()))
