"""The exhibit of an audio comparison: both recordings on one time axis each, the aligned segments
numbered on both, the alignment path (time in A against time in B), and for a musical-work match
the chroma of the two matched sections side by side, B shifted into A's key. One PNG for the report and the notebook.

The picture carries no words, only A/B, numbers, seconds ("s") and pitch names, so it reads the
same in a Chinese and an English report; the report's legend (in the report's language) says what
each panel shows. Rendering is deterministic (Agg backend, fixed size and fonts, no timestamps in
the PNG), so the same comparison gives the same file byte for byte.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from comparators.audio.read import read_audio

RATE = 4000  # enough for an envelope drawing
COLOURS = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def write(path_a: Path, path_b: Path, comparison: dict[str, Any], out: Path, max_seconds: float = 1800.0) -> Path:
    """Read both recordings and write the exhibit PNG to ``out``."""
    a = read_audio(Path(path_a), RATE, max_seconds).samples
    b = read_audio(Path(path_b), RATE, max_seconds).samples
    out.parent.mkdir(parents=True, exist_ok=True)
    render(a, b, comparison, out)
    return out


def _envelope(y: np.ndarray, width: int = 1200) -> tuple[np.ndarray, np.ndarray]:
    n = max(1, len(y) // width)
    blocks = np.abs(y[: (len(y) // n) * n]).reshape(-1, n).max(axis=1)
    return np.arange(len(blocks)) * n / float(RATE), blocks


def render(a: np.ndarray, b: np.ndarray, comparison: dict[str, Any], out: Path) -> None:
    """Draw the exhibit of ``comparison`` (its dict form) over signals ``a`` and ``b`` at :data:`RATE`."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matches = comparison.get("matches", [])
    work = next((m for m in matches if (m.get("detail") or {}).get("question") == "work"), None)
    rows = 4 if work else 3
    fig = plt.figure(figsize=(11, 10.0 if work else 7.5), dpi=100)
    grid = fig.add_gridspec(rows, 2, height_ratios=[1, 1, 2.2, 1.6][:rows], width_ratios=[1.4, 1])
    for row, (y, side, label) in enumerate(((a, "a", "A"), (b, "b", "B"))):
        ax = fig.add_subplot(grid[row, :])
        t, env = _envelope(y)
        ax.fill_between(t, -env, env, color="#888888", linewidth=0)
        for n, m in enumerate(matches):
            r = m[side]
            colour = COLOURS[n % len(COLOURS)]
            ax.axvspan(r["start_s"], r["end_s"], color=colour, alpha=0.25)
            ax.text((r["start_s"] + r["end_s"]) / 2, 0.92 - 0.14 * (n % 6), str(n + 1), color=colour, ha="center",
                    va="top", fontsize=11, fontweight="bold", transform=ax.get_xaxis_transform())
        for e in comparison.get("excluded", []):
            r = e.get(side)
            if r and r.get("start_s") is not None:
                ax.axvspan(r["start_s"], r["end_s"], color="#000000", alpha=0.08, hatch="//")
        ax.set_xlim(0, max(len(y) / float(RATE), 1e-3))
        ax.set_yticks([])
        ax.set_ylabel(label, rotation=0, labelpad=12, fontsize=12)
        ax.set_xlabel("s", fontsize=8)
        ax.tick_params(labelsize=8)
    path_ax = fig.add_subplot(grid[2, 0])
    for n, m in enumerate(matches):
        colour = COLOURS[n % len(COLOURS)]
        path_ax.plot([m["a"]["start_s"], m["a"]["end_s"]], [m["b"]["start_s"], m["b"]["end_s"]], color=colour,
                     linewidth=3, solid_capstyle="butt")
        d = m.get("detail", {})
        factor = d.get("time_factor", d.get("tempo_factor"))
        pitch = d.get("pitch_semitones", d.get("transposition_semitones"))
        label = f"{n + 1}: ×{factor} {pitch:+g}" if factor is not None and pitch is not None else str(n + 1)
        path_ax.annotate(label, (m["a"]["end_s"], m["b"]["end_s"]), fontsize=8, color=colour)
    path_ax.set_xlim(0, len(a) / float(RATE))
    path_ax.set_ylim(0, len(b) / float(RATE))
    path_ax.set_xlabel("A (s)", fontsize=9)
    path_ax.set_ylabel("B (s)", fontsize=9)
    path_ax.tick_params(labelsize=8)
    path_ax.grid(True, alpha=0.3)
    info = fig.add_subplot(grid[2, 1])
    info.axis("off")
    lines = []
    for n, m in enumerate(matches):
        lines.append(f"{n + 1}  ({m['score']:.3f})")
        lines.append(f"   A {m['a']['start_s']:.2f}-{m['a']['end_s']:.2f} s")
        lines.append(f"   B {m['b']['start_s']:.2f}-{m['b']['end_s']:.2f} s")
    info.text(0.0, 1.0, "\n".join(lines[:16]), va="top", ha="left", fontsize=8, family="DejaVu Sans Mono")
    if work:
        _chroma_panels(fig, grid, a, b, work)
    fig.tight_layout()
    fig.savefig(out, format="png", metadata={"Software": None})
    plt.close(fig)


def _chroma_panels(fig: Any, grid: Any, a: np.ndarray, b: np.ndarray, match: dict[str, Any]) -> None:
    """The matched sections' chroma side by side, B shifted into A's key (the transposition found)."""
    import librosa

    shift = int((match.get("detail") or {}).get("transposition_semitones", 0))
    for col, (y, side, title) in enumerate(((a, "a", "A"), (b, "b", "B"))):
        r = match[side]
        clip = y[int(r["start_s"] * RATE):int(r["end_s"] * RATE)]
        ax = fig.add_subplot(grid[3, col])
        if len(clip) < 2048:
            ax.axis("off")
            continue
        chroma = librosa.feature.chroma_stft(y=clip.astype(np.float32), sr=RATE, n_fft=2048, hop_length=512)
        if side == "b" and shift:
            chroma = np.roll(chroma, -shift, axis=0)
            title += f" → A ({-shift:+d})"
        ax.imshow(chroma, origin="lower", aspect="auto", cmap="magma", interpolation="nearest",
                  extent=(r["start_s"], r["end_s"], -0.5, 11.5))
        ax.set_yticks(range(12))
        ax.set_yticklabels(["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"], fontsize=6)
        ax.set_xlabel("s", fontsize=8)
        ax.set_title(title, fontsize=9)
        ax.tick_params(labelsize=7)
