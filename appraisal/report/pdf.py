"""PDF rendering of a report with LibreOffice headless, and the CJK-font self-check.

LibreOffice exits 0 even when every Chinese glyph became a box (REPORT_SPEC 4.4), so the
PDF is accepted only when ``pdffonts`` lists an embedded CJK font.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from appraisal.report.templates import TEMPLATES

CJK_FONT_MARKERS = ("CJK", "SimSun", "SimHei", "FangSong", "Song", "Hei", "Ming", "WenQuanYi")


class PdfError(Exception):
    """The PDF could not be produced or fails its self-check."""


def soffice() -> str | None:
    """Path of the LibreOffice binary, or ``None`` when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_bytes(docx: Path, require_cjk: bool = True, timeout: int = 180) -> bytes:
    """Convert ``docx`` to PDF in a private LibreOffice profile with the font aliases; the PDF's bytes.

    Writes nothing outside a temporary folder: the caller stores the bytes (through custody).
    """
    binary = soffice()
    if binary is None:
        raise PdfError("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="appraisal-lo-") as tmp:
        home = Path(tmp)
        (home / ".config" / "fontconfig").mkdir(parents=True)
        shutil.copy(TEMPLATES / "fonts.conf", home / ".config" / "fontconfig" / "fonts.conf")
        out_dir = home / "out"
        cmd = [binary, f"-env:UserInstallation=file://{home}/profile", "--headless",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)]
        env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice did not finish within {timeout} s") from None
        produced = out_dir / (docx.stem + ".pdf")
        if proc.returncode != 0 or not produced.exists():
            raise PdfError(f"LibreOffice failed (exit {proc.returncode}): {proc.stderr.strip()[:300]}")
        if require_cjk:
            check_cjk_fonts(produced)
        return produced.read_bytes()


def embedded_fonts(pdf: Path) -> list[str]:
    """Font names ``pdffonts`` reports for ``pdf``."""
    binary = shutil.which("pdffonts")
    if binary is None:
        raise PdfError("pdffonts is not installed (apt-get install poppler-utils)")
    out = subprocess.run([binary, str(pdf)], capture_output=True, text=True, check=False).stdout
    return [line.split()[0] for line in out.splitlines()[2:] if line.strip()]


def check_cjk_fonts(pdf: Path) -> None:
    """Raise PdfError unless a CJK font is embedded in ``pdf``."""
    fonts = embedded_fonts(pdf)
    if not any(marker.lower() in name.lower() for name in fonts for marker in CJK_FONT_MARKERS):
        raise PdfError(f"{pdf.name}: no CJK font embedded (fonts: {', '.join(fonts) or 'none'}); "
                       "install fonts-noto-cjk, or Chinese text prints as empty boxes")
