"""The review browser for JupyterLab (ipywidgets): list, side-by-side viewer, decisions.

The widgets only call library functions: the list and viewer come from
:mod:`appraisal.review.view` (an image finding adds the exhibit picture, an ``Image`` widget
above the figures), and every decision button calls
:func:`appraisal.review.record_decision`, which writes the case store and the audit log.
Nothing is kept in widget state that the case does not also hold, so a kernel restart
loses nothing, and every button has a method (:meth:`ReviewBrowser.decide`,
:meth:`~ReviewBrowser.next`, …) that scripts and tests call without a browser.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from appraisal.custody.case import Case
from appraisal.review import decisions as review
from appraisal.review.view import (
    SORT_KEYS,
    FindingRow,
    case_files,
    decision_counts,
    finding_rows,
    finding_view,
    sort_rows,
)
from comparators.errors import InputError

_TEXT = {
    "zh": {"sort": "排序", "prev": "◀ 上一项", "next": "下一项 ▶", "category": "排除类别", "reason": "理由",
           "expert": "鉴定人", "record": "记录决定", "decision": "决定",
           "counts": "已采纳 {accepted} · 不采纳 {rejected} · 排除 {excluded} · 待审 {pending}",
           "saved": "已记录:{id} {decision}(审计序号 {seq})",
           "empty": "本案没有发现项。"},
    "en": {"sort": "Sort", "prev": "◀ previous", "next": "next ▶", "category": "Exclusion category", "reason": "Reason",
           "expert": "Expert", "record": "Record decision", "decision": "Decision",
           "counts": "accepted {accepted} · not accepted {rejected} · excluded {excluded} · pending {pending}",
           "saved": "recorded: {id} {decision} (audit seq {seq})", "empty": "This case has no findings."},
}


class ReviewBrowser:
    """Findings of one case: sortable list, side-by-side viewer, next/previous, decisions."""

    def __init__(self, case: Case, *, lang: str | None = None, expert: str | None = None,
                 sort: str = "score") -> None:
        self.case = case
        self.lang = lang or case.config.lang or "zh"
        self.expert = expert or case.actor
        self._files = case_files(case)
        self._sort = sort
        self.rows: list[FindingRow] = sort_rows(finding_rows(case), sort)
        self.index = 0
        text = _TEXT[self.lang]
        self.sort_box = w.Dropdown(options=list(SORT_KEYS), value=sort, description=text["sort"])
        self.list_box = w.Select(options=self._options(), rows=10, layout=w.Layout(width="100%"))
        self.viewer = w.HTML()
        self.picture = w.Image(format="png", layout=w.Layout(max_width="100%", display="none"))
        self.prev_button = w.Button(description=text["prev"])
        self.next_button = w.Button(description=text["next"])
        labels = review.DECISION_LABELS[self.lang]
        self.decision_box = w.ToggleButtons(options=[(labels[d], d) for d in review.DECISIONS],
                                            description=text["decision"])
        self.category_box = w.Dropdown(options=list(review.EXCLUSION_CATEGORIES), description=text["category"])
        self.reason_box = w.Textarea(description=text["reason"], layout=w.Layout(width="100%"))
        self.expert_box = w.Text(value=self.expert, description=text["expert"])
        self.record_button = w.Button(description=text["record"], button_style="primary")
        self.message = w.HTML()
        self.counts = w.HTML()
        self.sort_box.observe(lambda change: self.sort(change["new"]), names="value")
        self.list_box.observe(self._on_select, names="index")
        self.prev_button.on_click(lambda _b: self.previous())
        self.next_button.on_click(lambda _b: self.next())
        self.record_button.on_click(lambda _b: self._record_from_form())
        self.widget = w.VBox([
            w.HBox([self.sort_box, self.counts]), self.list_box, w.HBox([self.prev_button, self.next_button]),
            self.picture, self.viewer, self.decision_box, self.category_box, self.reason_box,
            w.HBox([self.expert_box, self.record_button]), self.message])
        self.show(0)

    # -- navigation --------------------------------------------------------------------
    @property
    def current(self) -> FindingRow | None:
        """The finding on display (None when the case has none)."""
        return self.rows[self.index] if self.rows else None

    def show(self, index_or_id: int | str) -> FindingRow | None:
        """Display the finding at a list position or with a finding id."""
        if not self.rows:
            self.viewer.value = _TEXT[self.lang]["empty"]
            self._update_counts()
            return None
        if isinstance(index_or_id, str):
            ids = [r.id for r in self.rows]
            if index_or_id not in ids:
                raise InputError(index_or_id, "no such finding in this case")
            index_or_id = ids.index(index_or_id)
        self.index = max(0, min(index_or_id, len(self.rows) - 1))
        row = self.rows[self.index]
        view = finding_view(row, self._files, self.lang)
        self.viewer.value = view.html
        self.picture.value = view.png or b""
        self.picture.layout.display = None if view.png else "none"
        if self.list_box.index != self.index:
            self.list_box.index = self.index
        if row.status in review.DECISIONS:
            self.decision_box.value = row.status
        self.reason_box.value = row.reason
        self._update_counts()
        return row

    def next(self) -> FindingRow | None:
        """Show the next finding (stays on the last one)."""
        return self.show(self.index + 1)

    def previous(self) -> FindingRow | None:
        """Show the previous finding (stays on the first one)."""
        return self.show(self.index - 1)

    def sort(self, key: str) -> None:
        """Re-order the list by ``key`` (see :data:`appraisal.review.view.SORT_KEYS`), keeping the current finding."""
        current = self.current.id if self.current else None
        self._sort = key
        self.rows = sort_rows(self.rows, key)
        if self.sort_box.value != key:
            self.sort_box.value = key
        self.list_box.options = self._options()
        if current:
            self.show(current)

    # -- decisions ---------------------------------------------------------------------
    def decide(self, decision: str, reason: str = "", category: str | None = None,
               advance: bool = True) -> review.Decision | None:
        """Record a decision on the current finding through :func:`appraisal.review.record_decision`.

        An incomplete decision (a rejection without reason, an exclusion without category)
        is shown in the message line and returns None; nothing is written.
        """
        row = self.current
        if row is None:
            return None
        try:
            saved = review.record_decision(self.case, row.id, decision, reason=reason, category=category,
                                           expert=self.expert_box.value.strip() or self.expert)
        except InputError as exc:
            self.message.value = f'<span style="color:#b00">{exc}</span>'
            return None
        self._refresh(row.id)
        self.message.value = _TEXT[self.lang]["saved"].format(
            id=saved.finding_id, decision=review.DECISION_LABELS[self.lang][saved.decision], seq=saved.audit_seq)
        if advance:
            self.next()
        return saved

    def pending(self) -> list[str]:
        """Ids of the findings without a decision, in list order."""
        return [r.id for r in self.rows if r.status not in review.DECISIONS]

    def _record_from_form(self) -> None:
        decision = self.decision_box.value
        category = self.category_box.value if decision == review.EXCLUDED else None
        self.decide(decision, reason=self.reason_box.value, category=category)

    def _refresh(self, keep: str) -> None:
        self.rows = sort_rows(finding_rows(self.case), self._sort)
        self.list_box.options = self._options()
        self.show(keep)

    def _options(self) -> list[str]:
        return [row.label(self.lang) for row in self.rows]

    def _on_select(self, change: dict[str, Any]) -> None:
        if change["new"] is not None and change["new"] != self.index:
            self.show(change["new"])

    def _update_counts(self) -> None:
        self.counts.value = _TEXT[self.lang]["counts"].format(**decision_counts(self.rows))

    def _ipython_display_(self) -> None:
        from IPython.display import display
        display(self.widget)
