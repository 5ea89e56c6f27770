"""The appraisal workbench: cases, custody, audit log, findings, reports, batch, CLI."""

from appraisal.version import __version__, tool_version

__all__ = ["__version__", "tool_version"]
