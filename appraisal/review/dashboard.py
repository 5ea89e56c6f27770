"""Summary dashboard of a case: score distribution, coverage per file, review progress.

:func:`file_coverage` and :func:`score_bins` are plain data (tested headless);
:func:`dashboard_figure` draws them with matplotlib (the notebook displays it).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from appraisal.custody.case import Case
from appraisal.review.view import PENDING, STATUS_LABELS, FindingRow, decision_counts, finding_rows

STATUS_COLOURS = {"accepted": "#2a7d2e", "rejected": "#9e9e9e", "excluded": "#d08c1b", PENDING: "#4a78c2"}
# CJK families matplotlib may find on the machine (fonts-noto-cjk first: the Makefile installs it).
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Noto Serif CJK JP",
                "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "AR PL UMing CN")
LABELS = {
    "zh": {"scores": "发现得分分布", "score": "得分", "findings": "发现数", "coverage": "覆盖率",
           "per_file": "各文件覆盖率", "a": "A（样本）", "b": "B（检材）", "progress": "审查进度",
           "title": "{case}：{n} 项发现，{m} 组比对"},
    "en": {"scores": "Finding scores", "score": "score", "findings": "findings", "coverage": "coverage",
           "per_file": "Coverage per file", "a": "A (claimed original)", "b": "B (accused)",
           "progress": "Review progress", "title": "{case}: {n} findings in {m} comparison(s)"},
}


@dataclass(frozen=True)
class FileCoverage:
    """Share of one file covered by matches on each side (0 for files only on one side)."""

    pair: str  # "YB-01/JC-01"
    file_a: str
    file_b: str
    coverage_a: float
    coverage_b: float
    status: str  # identical | similar | only-a | only-b


def file_coverage(case: Case) -> list[FileCoverage]:
    """Per-file coverage of every package comparison (single-file comparisons give one row)."""
    out: list[FileCoverage] = []
    for item in case.comparisons():
        pair, result = f"{item['a_id']}/{item['b_id']}", item["result"]
        files = result.get("files")
        if not files:
            out.append(FileCoverage(pair, item["a_id"], item["b_id"], result["coverage_a"], result["coverage_b"],
                                    "similar"))
            continue
        out += [FileCoverage(pair, f["a"], f["b"], 1.0, 1.0, "identical") for f in files.get("identical", [])]
        out += [FileCoverage(pair, f["a"], f["b"], f["comparison"]["coverage_a"], f["comparison"]["coverage_b"],
                             "similar") for f in files.get("similar", [])]
        out += [FileCoverage(pair, f["path"], "", 0.0, 0.0, "only-a") for f in files.get("only_a", [])]
        out += [FileCoverage(pair, "", f["path"], 0.0, 0.0, "only-b") for f in files.get("only_b", [])]
    return out


def score_bins(rows: list[FindingRow], bins: int = 10) -> dict[str, np.ndarray]:
    """Histogram counts of finding scores in ``bins`` equal bins over [0, 1], per decision status."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    out = {}
    for status in STATUS_COLOURS:
        scores = np.array([r.score for r in rows if r.status == status], dtype=float)
        out[status] = np.histogram(np.clip(scores, 0.0, 1.0), bins=edges)[0]
    return out


@functools.cache
def cjk_font() -> str | None:
    """The first CJK font family matplotlib can use on this machine, or None."""
    from matplotlib import font_manager

    available = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FAMILIES if name in available), None)


def dashboard_figure(case: Case, lang: str | None = None) -> Any:
    """A matplotlib Figure with three panels: scores by status, coverage per file, decisions.

    ``lang`` "zh" labels it in Chinese, "en" in English; None picks Chinese when a CJK font is installed. The
    font list puts that CJK font after DejaVu Sans, so Chinese file names draw in either language; every text
    keeps the font list it was created with, so the figure draws correctly wherever it is saved.
    """
    from matplotlib import rc_context

    lang = lang or ("zh" if cjk_font() else "en")
    with rc_context(_font_rc()):
        return _draw(case, LABELS[lang], STATUS_LABELS[lang])


def _font_rc() -> dict[str, list[str]]:
    """matplotlib settings: DejaVu Sans for Latin text, falling back glyph by glyph to the CJK font."""
    font = cjk_font()
    return {"font.family": ["DejaVu Sans", font] if font else ["DejaVu Sans"]}


def _draw(case: Case, text: dict[str, str], status_names: dict[str, str]) -> Any:
    from matplotlib.figure import Figure

    rows = finding_rows(case)
    coverage = file_coverage(case)
    fig = Figure(figsize=(12, 4 + 0.18 * len(coverage)), layout="constrained")
    ax_scores, ax_cov, ax_dec = fig.subplots(1, 3, width_ratios=[1, 1.6, 0.8])
    counts = score_bins(rows)
    left = np.linspace(0.0, 0.9, 10)
    bottom = np.zeros(10)
    for status, values in counts.items():
        ax_scores.bar(left, values, width=0.1, align="edge", bottom=bottom, color=STATUS_COLOURS[status],
                      label=status_names[status])
        bottom += values
    ax_scores.set(xlabel=text["score"], ylabel=text["findings"], title=text["scores"], xlim=(0, 1))
    ax_scores.legend(fontsize=8)
    names = [f"{c.file_a or '—'} ↔ {c.file_b or '—'}" for c in coverage]
    y = np.arange(len(coverage))
    ax_cov.barh(y - 0.2, [c.coverage_a for c in coverage], height=0.4, label=text["a"], color="#4a78c2")
    ax_cov.barh(y + 0.2, [c.coverage_b for c in coverage], height=0.4, label=text["b"], color="#c2594a")
    ax_cov.set_yticks(y, names, fontsize=7)
    ax_cov.invert_yaxis()
    ax_cov.set(xlabel=text["coverage"], title=text["per_file"], xlim=(0, 1))
    ax_cov.legend(fontsize=8)
    decided = decision_counts(rows)
    ax_dec.bar([status_names[k] for k in decided], list(decided.values()),
               color=[STATUS_COLOURS[k] for k in decided])
    ax_dec.set(title=text["progress"], ylabel=text["findings"])
    for label in ax_dec.get_xticklabels():
        label.set(fontsize=8, rotation=30, ha="right", rotation_mode="anchor")
    fig.suptitle(text["title"].format(case=case.config.case_id, n=len(rows), m=len(case.comparisons())))
    return fig


def dashboard_png(case: Case, dpi: int = 90, lang: str | None = None) -> bytes:
    """The dashboard as PNG bytes (for notebooks without a matplotlib backend, and for files)."""
    import io

    buffer = io.BytesIO()
    dashboard_figure(case, lang).savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
