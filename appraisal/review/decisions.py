"""The expert's decisions on findings: accept, reject, or exclude as public/common material.

Every decision goes through :func:`record_decision`, which writes the ``annotations`` row and
its audit entry in one transaction: the notebook's buttons, a script and the tests all use the
same call. Decisions are append-only; the latest one for a finding is in force, earlier ones
stay in the store (and in the audit log) as the history of the review.
"""

from __future__ import annotations

from dataclasses import dataclass

from appraisal.custody.case import Case
from comparators.errors import InputError

ACCEPTED, REJECTED, EXCLUDED = "accepted", "rejected", "excluded"
DECISIONS = (ACCEPTED, REJECTED, EXCLUDED)
DECISION_LABELS = {
    "zh": {ACCEPTED: "采纳", REJECTED: "不采纳", EXCLUDED: "排除为公有或通用"},
    "en": {ACCEPTED: "accepted", REJECTED: "not accepted", EXCLUDED: "excluded as public or common"},
}
# Reasons for excluding material as public or common (Altai filtration; 去除第三方代码).
EXCLUSION_CATEGORIES = ("open-source", "public-domain", "third-party-library", "generated",
                        "boilerplate", "functional-necessity", "industry-standard", "common-expression")


@dataclass(frozen=True)
class Decision:
    """One recorded decision on one finding."""

    finding_id: str
    decision: str
    category: str | None
    reason: str
    expert: str
    ts_utc: str
    audit_seq: int


def record_decision(case: Case, finding_id: str, decision: str, *, reason: str = "",
                    category: str | None = None, expert: str | None = None) -> Decision:
    """Record the expert's decision on ``finding_id`` (annotations row + audit entry).

    A rejection needs a reason; an exclusion needs a category from :data:`EXCLUSION_CATEGORIES`
    and a reason. Raises :class:`InputError` for an unknown finding or an incomplete decision.
    """
    if decision not in DECISIONS:
        raise InputError(finding_id, f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}")
    row = case.conn.execute("SELECT id FROM findings WHERE id = ?", (finding_id,)).fetchone()
    if row is None:
        raise InputError(finding_id, "no such finding in this case")
    reason = reason.strip()
    if decision in (REJECTED, EXCLUDED) and not reason:
        raise InputError(finding_id, f"a decision '{decision}' needs a reason")
    if decision == EXCLUDED and category not in EXCLUSION_CATEGORIES:
        raise InputError(finding_id, f"an exclusion needs a category: {', '.join(EXCLUSION_CATEGORIES)}")
    if decision != EXCLUDED:
        category = None
    who = expert or case.actor
    entry = case.record_annotation(finding_id, decision, category, reason, who)
    return Decision(finding_id, decision, category, reason, who, entry["ts_utc"], entry["seq"])


def history(case: Case, finding_id: str | None = None) -> list[Decision]:
    """Every decision recorded (optionally for one finding), oldest first."""
    sql = "SELECT finding_id, decision, category, reason, expert, ts_utc, audit_seq FROM annotations"
    args: tuple = ()
    if finding_id is not None:
        sql += " WHERE finding_id = ?"
        args = (finding_id,)
    return [Decision(*r) for r in case.conn.execute(sql + " ORDER BY audit_seq", args).fetchall()]


def decisions(case: Case) -> dict[str, Decision]:
    """The decision in force for each reviewed finding (the latest one)."""
    return {d.finding_id: d for d in history(case)}


def pending(case: Case) -> list[str]:
    """Findings with no decision yet, in id order."""
    done = decisions(case)
    return [r[0] for r in case.conn.execute("SELECT id FROM findings ORDER BY id").fetchall() if r[0] not in done]


__all__ = ["ACCEPTED", "DECISIONS", "DECISION_LABELS", "Decision", "EXCLUDED", "EXCLUSION_CATEGORIES", "REJECTED",
           "decisions", "history", "pending", "record_decision"]
