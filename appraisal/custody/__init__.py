"""Custody: the only code that writes a case folder.

- :mod:`~appraisal.custody.case` — intake (copy, hash, read-only), verification, runs, findings,
  and the public recording calls (:meth:`Case.record_annotation`, :meth:`Case.record_report`,
  :meth:`Case.write_report_file`) through which review and report change a case;
- :mod:`~appraisal.custody.store` — the SQLite schema and transactions;
- :mod:`~appraisal.custody.audit` — the append-only hash-chained audit log, the ``audit.head`` rule
  and the check of a report's pin;
- :mod:`~appraisal.custody.lock` — the case lock (one writing process per case);
- :mod:`~appraisal.custody.config` — ``case.toml`` (commission data);
- :mod:`~appraisal.custody.rerun` — recompute a case in a clean folder and compare.

May import :mod:`comparators` (to run comparisons) and nothing else of :mod:`appraisal` but
:mod:`appraisal.version`. Never prints.
"""

from appraisal.custody.case import Case, IntegrityError, Material

__all__ = ["Case", "IntegrityError", "Material"]
