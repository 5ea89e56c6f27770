"""Where the report templates live (``report_templates/`` at the project root).

One small module owned by neither the builder nor the PDF conversion, so that both can read
the templates without importing each other.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "report_templates"
