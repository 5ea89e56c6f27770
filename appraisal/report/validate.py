"""Checks before a report is issued (REPORT_SPEC: MUST = refuse, SHOULD = warn).

Integrity (materials, audit chain) is checked by the case and raises ``IntegrityError``
(exit 1); everything else that blocks an export is a :class:`ReportBlocked` (an
``InputError``, exit 2) whose one message names every problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from appraisal.custody.config import CaseConfig
from appraisal.report.labels import OPINION_TYPES, UNDETERMINED
from appraisal.report.opinion import MatterOpinion, lint
from comparators.errors import InputError

NUMBER_FORMAT = re.compile(r"^.+[\[〔]\d{4}[\]〕].*第[1-9]\d*号$")


class ReportBlocked(InputError):
    """The report may not be issued; ``problems`` lists why."""

    def __init__(self, case_root: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(case_root, "report not issued: " + "; ".join(problems))


@dataclass
class Checks:
    """Result of :func:`check`: blocking problems and warnings."""

    blocking: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check(config: CaseConfig, opinions: list[MatterOpinion], pending: list[str],
          allow_unreviewed: bool) -> Checks:
    """Every MUST and SHOULD rule except integrity, which the case verifies itself."""
    out = Checks()
    missing = [key for key, value in (("institution", config.institution),
                                      ("institution_licence", config.institution_licence),
                                      ("matters", config.matters)) if not value]
    if not any(e.name and e.licence for e in config.experts):
        missing.append("experts (at least one with name and licence)")
    if missing:
        out.blocking.append(f"case.toml lacks required field(s): {', '.join(missing)}")
    for o in config.opinions:
        if o.type not in OPINION_TYPES:
            out.blocking.append(f"opinion for matter {o.matter}: type {o.type!r} is not one of "
                                f"{', '.join(OPINION_TYPES)}")
        if o.type == UNDETERMINED and not o.reason.strip():
            out.blocking.append(f"opinion for matter {o.matter} is 'undetermined' but gives no reason")
        if not 1 <= o.matter <= max(1, len(config.matters)):
            out.blocking.append(f"opinion names matter {o.matter}, but case.toml lists {len(config.matters)} matter(s)")
    unconfirmed = [o.matter for o in opinions if not o.confirmed]
    if unconfirmed:
        out.blocking.append("no opinion confirmed in case.toml [[opinions]] for matter(s) "
                            + ", ".join(str(k) for k in unconfirmed))
    if pending and not allow_unreviewed:
        shown = ", ".join(pending[:5]) + (f" and {len(pending) - 5} more" if len(pending) > 5 else "")
        out.blocking.append(f"{len(pending)} finding(s) not yet reviewed ({shown}); review them or "
                            "issue with --allow-unreviewed (they are then counted as accepted)")
    texts = [(f"opinion {o.matter}", o.text) for o in opinions]
    texts += [(f"opinion {o.matter} reason", o.reason) for o in config.opinions]
    texts += [(f"dissent of {e.name}", e.dissent) for e in config.experts if e.dissent]
    for where, text in texts:
        for phrase, why in lint(text):
            out.blocking.append(f"{where} contains the forbidden phrase {phrase!r} ({why}); "
                                "the opinion states technical facts, not legal conclusions")
    if config.number and not NUMBER_FORMAT.match(config.number):
        out.warnings.append(f"document number {config.number!r} does not follow "
                            "<机构缩略名>[<YYYY>]<专业缩略>鉴字第<N>号 (serial without zero padding)")
    if not config.number:
        out.warnings.append("case.toml has no document number")
    for key in ("institution_address", "institution_postcode", "institution_phone", "summary", "place",
                "report_date"):
        if not getattr(config, key):
            out.warnings.append(f"case.toml has no {key}")
    if len([e for e in config.experts if e.licence]) < 2:
        out.warnings.append("fewer than two experts with licence numbers (two per matter is usual practice)")
    return out
