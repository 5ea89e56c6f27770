"""Audio exhibits: both recordings with the finding's segment marked, the alignment path, the figures.

The picture is :func:`comparators.audio.exhibit.render` over the two intake copies, decoded from
the bytes :class:`~appraisal.report.exhibits.CaseFiles` returns only after their SHA-256 matches
the intake record, with this one finding as segment 1. :func:`figures` turns the stored match
into the rows of the segment table (file and hash, start–end and duration on both sides, the
question, time factor, pitch change, agreeing fingerprints or the section alignment); the report
(:class:`AudioExhibit`) and the notebook viewer show the same rows. When a recording cannot be
shown, the table is given with a note instead.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from appraisal.report.exhibits import ExhibitContext, FileSource, RegionTable, exhibit_caption, where
from appraisal.report.image_exhibit import Figures, _region_table
from appraisal.report.labels import label
from appraisal.report.tables import no_indent
from comparators.audio.exhibit import RATE
from comparators.audio.exhibit import render as render_exhibit
from comparators.audio.read import read_audio
from comparators.errors import InputError

WIDTH_CM = 15.8


def is_audio_finding(finding: dict[str, Any]) -> bool:
    """Whether both regions of ``finding`` are time segments (what the audio comparator writes)."""
    return all((finding.get(k) or {}).get("start_s") is not None for k in ("a", "b"))


def exhibit_png(finding: dict[str, Any], files: FileSource, comparison: dict[str, Any] | None = None) -> bytes | None:
    """The exhibit picture (PNG bytes) of one finding, or None when either recording cannot be shown."""
    signals = []
    for side in ("a", "b"):
        path = (finding.get(side) or {}).get("path", "")
        data = getattr(files.file(path), "data", None) if path else None
        if not data:
            return None
        try:
            signals.append(read_audio(Path(path), RATE, 1e9, data=data).samples)
        except InputError:
            return None
    excluded = (comparison or {}).get("excluded", [])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "exhibit.png"
        render_exhibit(signals[0], signals[1], {"matches": [finding], "excluded": excluded,
                                                "score": finding.get("score", 0.0)}, out)
        return out.read_bytes()


def segment_wav(region: dict[str, Any], files: FileSource, rate: int = 11025) -> bytes | None:
    """The segment of one side (from the verified intake bytes) as a mono 16-bit WAV, for listening;
    None when the recording cannot be read or no longer matches its hash."""
    import soundfile as sf

    path = region.get("path", "")
    data = getattr(files.file(path), "data", None) if path else None
    if not data:
        return None
    try:
        samples = read_audio(Path(path), rate, 1e9, data=data).samples
    except InputError:
        return None
    clip = samples[int(float(region["start_s"]) * rate):int(float(region["end_s"]) * rate)]
    out = io.BytesIO()
    sf.write(out, clip, rate, format="WAV", subtype="PCM_16")
    return out.getvalue()


def figures(finding: dict[str, Any], lang: str, files: FileSource,
            comparison: dict[str, Any] | None = None) -> Figures:
    """The rows of the segment table of ``finding`` in ``lang``."""
    detail = finding.get("detail") or {}
    lengths = ((comparison or {}).get("units") or {})
    file_row, segment_row = [], []
    for side in ("a", "b"):
        region = finding[side]
        source = files.file(region.get("path", ""))
        text = f"{where({'path': region.get('path', '')})}  SHA-256 {source.sha256[:12]}"
        if lengths.get(side):
            text += "\n" + label(lang, "audio_duration").format(dur=f"{float(lengths[side]):.2f}")
        file_row.append(text)
        start, end = float(region["start_s"]), float(region["end_s"])
        segment_row.append(label(lang, "audio_segment_value").format(start=f"{start:.2f}", end=f"{end:.2f}",
                                                                     dur=f"{end - start:.2f}"))
    sides = [(label(lang, "image_file"), *file_row), (label(lang, "audio_segment"), *segment_row)]
    question = detail.get("question", "recording")
    pair = [(label(lang, "audio_question"), label(lang, f"audio_question_{question}"))]
    factor = detail.get("time_factor", detail.get("tempo_factor"))
    if factor:
        pair.append((label(lang, "audio_factor"), label(lang, "audio_factor_value").format(
            f=f"{float(factor):.4f}", inv=f"{1 / float(factor):.4f}")))
    pitch = detail.get("pitch_semitones", detail.get("transposition_semitones"))
    if pitch is not None:
        pair.append((label(lang, "audio_pitch"), label(lang, "audio_pitch_value").format(st=f"{float(pitch):+.2f}")))
    if "hits" in detail:
        pair.append((label(lang, "audio_hits"), label(lang, "audio_hits_value").format(
            n=detail["hits"], pct=f"{100 * float(detail.get('density', 0.0)):.1f}")))
    if "qmax" in detail:
        pair.append((label(lang, "audio_qmax"), label(lang, "audio_qmax_value").format(
            q=detail["qmax"], pct=f"{100 * float(detail.get('recurrence', 0.0)):.1f}")))
    return Figures(sides, pair)


def legend(finding: dict[str, Any], lang: str, comparison: dict[str, Any] | None = None) -> str:
    """The sentence under the picture."""
    excluded = label(lang, "audio_legend_excluded") if (comparison or {}).get("excluded") else ""
    chroma = label(lang, "audio_legend_chroma") if (finding.get("detail") or {}).get("question") == "work" else ""
    return label(lang, "audio_legend").format(id=finding["id"], excluded=excluded, chroma=chroma)


class AudioExhibit:
    """Audio findings in the report: caption, picture at body width, legend, segment table."""

    def render(self, document: Any, finding: dict[str, Any], ctx: ExhibitContext) -> None:
        if not is_audio_finding(finding):
            RegionTable().render(document, finding, ctx)
            return
        exhibit_caption(document, finding, ctx)
        png = exhibit_png(finding, ctx.files, ctx.comparison)
        if png is None:
            names = label(ctx.lang, "image_files_sep").join(
                where({"path": finding[s].get("path", "")}) for s in ("a", "b"))
            note = no_indent(document.add_paragraph(style="Table Text"))
            note.add_run(label(ctx.lang, "audio_unreadable").format(files=names)).italic = True
            note.paragraph_format.keep_with_next = True
        else:
            paragraph = no_indent(document.add_paragraph(style="Table Text"))
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = True
            paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(WIDTH_CM))
            text = no_indent(document.add_paragraph(legend(finding, ctx.lang, ctx.comparison), style="Table Text"))
            text.paragraph_format.space_after = Pt(3)
            text.paragraph_format.keep_with_next = True
            for run in text.runs:
                run.font.size = Pt(8)
        _region_table(document, figures(finding, ctx.lang, ctx.files, ctx.comparison), finding, ctx)
