"""Review: the expert's decisions on findings and the notebook interface over them.

- :mod:`~appraisal.review.decisions` — accept / reject / exclude, recorded through custody;
- :mod:`~appraisal.review.view` — findings list and side-by-side HTML (no widgets);
- :mod:`~appraisal.review.browser` — the ipywidgets browser whose buttons call ``decisions``;
- :mod:`~appraisal.review.dashboard` — the plots of a case.

Reads a case through :mod:`appraisal.custody` and writes it only through its recording
calls; reads excerpts through :mod:`appraisal.report.exhibits`. Importing this package
loads no widget library: ``from appraisal.review import record_decision`` is cheap.
The decisions in force are ``appraisal.review.decisions.decisions(case)`` (the module keeps its name).
"""

from appraisal.review.decisions import (
    ACCEPTED,
    DECISION_LABELS,
    DECISIONS,
    EXCLUDED,
    EXCLUSION_CATEGORIES,
    REJECTED,
    Decision,
    history,
    pending,
    record_decision,
)

__all__ = ["ACCEPTED", "DECISIONS", "DECISION_LABELS", "Decision", "EXCLUDED", "EXCLUSION_CATEGORIES", "REJECTED",
           "history", "pending", "record_decision"]
