"""copydetect (PyPI ``copydetect``) as a peer: score one pair of source files.

copydetect tokenises a file with the Pygments lexer chosen by its extension, replaces
names and strings by placeholders, and winnows k-grams of the filtered *characters*.
Its defaults are a noise threshold of 25 and a guarantee threshold of 25, i.e. k = 25 and a
winnowing window of 1 (``CopyDetector`` computes ``win_size = guarantee - noise + 1``).

``compare_files`` gives two ratios: copied tokens / tokens of file A, and the same for B.
Its HTML report, run with the same files as test and reference set, lists a pair when
*either* direction passes the display threshold and ranks by that direction's ratio, so the
pair score used here is ``max(ratio_a, ratio_b)``.

A file whose extension has no Pygments lexer is still fingerprinted, but on raw text
(copydetect logs "not tokenized"); :func:`language_support` tells which extensions those are.
"""

from __future__ import annotations

import io
import logging
from importlib.metadata import version
from pathlib import Path

NOISE_THRESHOLD = 25
GUARANTEE_THRESHOLD = 25


def copydetect_version() -> str:
    """The installed copydetect version (and the Pygments version it tokenises with)."""
    return f"{version('copydetect')} (Pygments {version('Pygments')})"


def _decode(data: bytes) -> str:
    """UTF-8 text, else the charset-normalizer guess (copydetect's own ``DETECT`` needs chardet)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("latin-1")


def lexer_name(path: str | Path) -> str | None:
    """The Pygments lexer copydetect would use for ``path``, or ``None`` (raw text)."""
    import pygments.util
    from pygments import lexers

    try:
        lexer = lexers.get_lexer_for_filename(str(path))
    except pygments.util.ClassNotFound:
        return None
    return None if lexer.name == "Text only" else lexer.name


def language_support(extensions: list[str]) -> dict[str, str | None]:
    """Extension -> Pygments lexer name (``None``: copydetect compares raw text)."""
    return {ext: lexer_name(f"x{ext}") for ext in extensions}


class CopydetectScorer:
    """Fingerprint each file once and score pairs with ``copydetect.compare_files``."""

    name = "copydetect"

    def __init__(self, noise_t: int = NOISE_THRESHOLD, guarantee_t: int = GUARANTEE_THRESHOLD) -> None:
        self.k = noise_t
        self.win_size = guarantee_t - noise_t + 1
        self._cache: dict[Path, object] = {}
        logging.getLogger().setLevel(logging.ERROR)  # copydetect warns per untokenised file

    @property
    def params(self) -> dict[str, object]:
        """The settings that change a score."""
        return {"noise_t": self.k, "guarantee_t": self.k + self.win_size - 1, "k": self.k,
                "win_size": self.win_size, "score": "max(similarity_a, similarity_b)"}

    def fingerprint(self, path: Path) -> object:
        """copydetect's ``CodeFingerprint`` of a file (cached)."""
        from copydetect import CodeFingerprint

        path = Path(path)
        if path not in self._cache:
            text = _decode(path.read_bytes())
            self._cache[path] = CodeFingerprint(str(path), self.k, self.win_size, fp=io.StringIO(text))
        return self._cache[path]

    def score(self, a: Path, b: Path) -> float:
        """``max`` of copydetect's two similarity ratios for files ``a`` and ``b``."""
        from copydetect import compare_files

        _, (sim_a, sim_b), _ = compare_files(self.fingerprint(a), self.fingerprint(b))
        return float(max(sim_a, sim_b))
