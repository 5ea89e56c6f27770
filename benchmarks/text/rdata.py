"""Read character vectors out of an R lazy-load database (``Rdata.rdb`` + ``Rdata.rdx``) without R.

Only what R's XDR serialisation format needs for data packages of text (pairlists, vectors, strings, symbols,
references, attributes) is understood; anything else raises. Used for Debian's ``r-cran-janeaustenr``.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from typing import Any

_NIL, _EMPTYENV, _REF = 254, 242, 255
_SYM, _LIST, _CHAR, _LGL, _INT, _REAL, _STR, _VEC = 1, 2, 9, 10, 13, 14, 16, 19


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0
        self.refs: list[Any] = []

    def int(self) -> int:
        (value,) = struct.unpack_from(">i", self.data, self.pos)
        self.pos += 4
        return int(value)

    def run(self) -> Any:
        if self.data[:2] != b"X\n":
            raise ValueError("not an XDR-serialised R object")
        self.pos = 2
        version = self.int()
        self.int()  # writer's R version
        self.int()  # minimal reader version
        if version == 3:
            n = self.int()  # length of the native encoding's name, then the name
            self.pos += n
        return self.item()

    def item(self) -> Any:
        flags = self.int()
        kind = flags & 0xFF
        has_attr, has_tag = flags & (1 << 9), flags & (1 << 10)
        if kind in (_NIL, _EMPTYENV):
            return None
        if kind == _REF:
            return self.refs[(flags >> 8) - 1]
        if kind == _SYM:
            name = self.item()
            self.refs.append(name)
            return name
        if kind == _CHAR:
            n = self.int()
            if n == -1:
                return None
            text = self.data[self.pos:self.pos + n].decode("utf-8")
            self.pos += n
            return text
        if kind == _LIST:
            if has_attr:
                self.item()
            tag = self.item() if has_tag else None
            car = self.item()
            cdr = self.item()
            return [(tag, car)] + (cdr or [])
        if kind in (_STR, _VEC):
            value: Any = [self.item() for _ in range(self.int())]
        elif kind in (_INT, _LGL):
            n = self.int()
            value = list(struct.unpack_from(f">{n}i", self.data, self.pos))
            self.pos += 4 * n
        elif kind == _REAL:
            n = self.int()
            value = list(struct.unpack_from(f">{n}d", self.data, self.pos))
            self.pos += 8 * n
        else:
            raise ValueError(f"unsupported R object type {kind}")
        if has_attr:
            attributes = dict(self.item() or [])
            return _Attributed(value, attributes)
        return value


class _Attributed:
    """A vector with attributes (``names`` in particular)."""

    def __init__(self, value: Any, attributes: dict[str, Any]) -> None:
        self.value = value
        self.attributes = attributes


def _plain(obj: Any) -> Any:
    return obj.value if isinstance(obj, _Attributed) else obj


def lazyload_index(rdx: bytes) -> dict[str, tuple[int, int]]:
    """Object name -> (offset, length) in the ``.rdb`` file, from the gzip-compressed ``.rdx`` index."""
    index = _Reader(gzip.decompress(rdx)).run()
    if not isinstance(index, _Attributed):
        raise ValueError("unexpected .rdx layout")
    parts = dict(zip(index.attributes["names"], index.value))
    variables = parts["variables"]
    names = variables.attributes["names"]
    return {name: (int(pos[0]), int(pos[1])) for name, pos in zip(names, variables.value)}


def character_vector(rdb: bytes, rdx: bytes, name: str) -> list[str]:
    """The character vector ``name`` stored in a lazy-load database (NA strings become "")."""
    offset, length = lazyload_index(rdx)[name]
    chunk = rdb[offset:offset + length]
    value = _plain(_Reader(zlib.decompress(chunk[4:])).run())
    if not isinstance(value, list) or not all(v is None or isinstance(v, str) for v in value):
        raise ValueError(f"{name} is not a character vector")
    return [v or "" for v in value]
