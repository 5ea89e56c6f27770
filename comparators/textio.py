"""Reading text materials: encoding detection and the decoded text with its line map.

Offsets everywhere in the workbench are Unicode code points of the decoded text (end
exclusive) and lines are 1-based, so the text is decoded once, here, and never rewritten
(no newline conversion) before offsets are taken.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from charset_normalizer import from_bytes

from comparators.base import Region
from comparators.errors import InputError

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# Encodings tried after UTF-8, Chinese first (GB18030 is a superset of GBK and GB2312).
CANDIDATE_ENCODINGS = ("gb18030", "big5", "utf_16_le", "utf_16_be", "shift_jis", "euc_kr",
                       "cp1252", "latin_1")
_BOMS = ((codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"),
         (codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"),
         (codecs.BOM_UTF16_BE, "utf_16"))


@dataclass(frozen=True)
class DecodedText:
    """A decoded text and the encoding it was read with."""

    text: str
    encoding: str

    def line_starts(self) -> np.ndarray:
        """Code-point offset where each line starts (line 1 at index 0)."""
        return line_starts(self.text)


def line_starts(text: str) -> np.ndarray:
    """Offsets of the first character of each line of ``text``."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.concatenate(([0], np.flatnonzero(codes == 10) + 1)).astype(np.int64)


def offset_to_line(starts: np.ndarray, offsets: np.ndarray | int) -> np.ndarray | int:
    """1-based line number of each code-point offset, given :func:`line_starts`."""
    lines = np.searchsorted(starts, offsets, side="right")
    return int(lines) if np.ndim(lines) == 0 else lines


def utf16_without_bom(data: bytes) -> str | None:
    """``utf_16_le``/``utf_16_be`` when NULs sit on one byte parity, as in UTF-16 text."""
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    nul_even, nul_odd = even.count(0) / max(len(even), 1), odd.count(0) / max(len(odd), 1)
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf_16_le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf_16_be"
    return _utf16_cjk(head) if len(data) % 2 == 0 and len(head) >= 32 else None


def _utf16_cjk(head: bytes) -> str | None:
    """UTF-16 of (nearly) pure CJK text, which has no NUL bytes: every character must decode to
    CJK, CJK punctuation, full-width forms, printable ASCII or whitespace."""
    for encoding in ("utf_16_le", "utf_16_be"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
                        or "\uff00" <= c <= "\uffef" or " " <= c <= "~" or c in "\n\r\t")
        if plausible >= 0.97 * len(text):
            return encoding
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")


def mostly_printable(text: str, sample: int = 8192, min_share: float = 0.95) -> bool:
    """True when almost all of the first ``sample`` characters are printable or whitespace."""
    head = text[:sample]
    if not head:
        return True
    bad = len(_CONTROL.findall(head))
    return 1 - bad / len(head) >= min_share


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL bytes in a way no UTF-16 text would."""
    head = data[:8192]
    if b"\x00" not in head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return utf16_without_bom(head) is None


def _cjk_share(text: str) -> float:
    """Share of non-ASCII characters that are CJK ideographs, CJK punctuation or full-width forms."""
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return 0.0
    good = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
               or "\uff00" <= ch <= "\uffef" or "\u3400" <= ch <= "\u4dbf")
    return good / len(wide)


def _chinese_decoding(data: bytes) -> DecodedText | None:
    """GB18030 or Big5 when the bytes decode strictly as one of them into Chinese text.

    Chinese code bases often hold a few Chinese comments or messages among ASCII; general
    detectors then guess a single-byte Western encoding, so the two Chinese encodings are
    tried first and kept when their decoding is mostly CJK characters.
    """
    decoded: dict[str, str] = {}
    for encoding in ("gb18030", "big5"):
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    plausible = {enc: text for enc, text in decoded.items() if _cjk_share(text) >= 0.9}
    if not plausible:
        return None
    if len(plausible) == 1:
        encoding, text = next(iter(plausible.items()))
        return DecodedText(text, encoding)
    gb, b5 = _common_share(plausible["gb18030"], "gb"), _common_share(plausible["big5"], "big5")
    encoding = "big5" if b5 > gb else "gb18030"
    return DecodedText(plausible[encoding], encoding)


def _common_share(text: str, family: str) -> float:
    """Share of CJK ideographs that are frequent ones of the family's standard.

    GB 2312 holds the common simplified characters; Big5 lead bytes 0xA4-0xC6 hold its
    level-1 (frequent) traditional characters. A wrong decoding yields rare characters.
    """
    chars = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not chars:
        return 0.0
    good = 0
    for ch in chars:
        try:
            if family == "gb":
                ch.encode("gb2312")
                good += 1
            elif 0xA4 <= ch.encode("big5")[0] <= 0xC6:
                good += 1
        except UnicodeEncodeError:
            continue
    return good / len(chars)


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> DecodedText:
    """Decode ``data``: BOM, then strict UTF-8, then the most plausible candidate encoding.

    Raises InputError for binary data or bytes no candidate encoding explains.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding.replace("_sig", ""))
            except UnicodeDecodeError as exc:
                raise InputError(path, f"declares {encoding} by its byte-order mark but is not "
                                       f"valid {encoding} (byte {exc.start})") from None
    if looks_binary(data):
        raise InputError(path, "is a binary file, not text")
    if b"\x00" in data[:8192]:
        encoding = utf16_without_bom(data)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(path, "is a binary file, not text") from None
        if not mostly_printable(text):
            raise InputError(path, "is a binary file, not text")
        return DecodedText(text, encoding)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not mostly_printable(text):
            raise InputError(path, "is a binary file, not text")
        return DecodedText(text, "utf_8")
    chinese = _chinese_decoding(data)
    if chinese is not None:
        return chinese
    best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise InputError(path, "is not text in any supported encoding "
                               "(UTF-8/16, GB18030/GBK, Big5, ...)")
    encoding = codecs.lookup(best.encoding).name.replace("-", "_")
    return DecodedText(data.decode(encoding), encoding)


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read and decode a text file, with one clear InputError for any problem."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "is a broken symbolic link or a link loop" if p.is_symlink() else "does not exist")
    if p.is_dir():
        raise InputError(p, "is a directory, expected a file")
    if not p.is_file():
        raise InputError(p, "is not a regular file (a FIFO, device or socket)")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(p, f"is too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = p.read_bytes()
    except PermissionError:
        raise InputError(p, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(p, "is empty")
    return decode_bytes(data, p)


def text_region(path: str, starts: np.ndarray, start_char: int, end_char: int) -> Region:
    """A text/code :class:`Region` for code points ``start_char:end_char`` of a document."""
    start_line = offset_to_line(starts, start_char)
    end_line = offset_to_line(starts, max(end_char - 1, start_char))
    return Region(path=path, start_line=int(start_line), end_line=int(end_line),
                  start_char=int(start_char), end_char=int(end_char))
