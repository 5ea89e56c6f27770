"""The expert's notebook workflow: the walkthrough runs headless, the browser's buttons write the case."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import nbformat
import pytest
from docx import Document
from nbclient import NotebookClient

from appraisal.custody.case import Case
from appraisal.report.typography import typeset
from appraisal.review import decisions as review
from appraisal.review.browser import ReviewBrowser
from appraisal.review.dashboard import cjk_font, dashboard_figure, dashboard_png, file_coverage, score_bins
from appraisal.review.view import case_files, finding_rows, side_by_side_html, sort_rows
from tests.conftest import make_sample_case

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def sample_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample case run but not reviewed."""
    return make_sample_case(tmp_path_factory.mktemp("nb") / "case", configure=True)


@pytest.fixture()
def case_copy(sample_case: Path, tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(sample_case, target)
    for path in target.rglob("*"):
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o200)
    return target


def test_notebooks_are_kept_without_outputs() -> None:
    assert NOTEBOOKS, "notebooks/ holds the walkthrough"
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: outputs committed"


def test_walkthrough_runs_headless_and_its_decisions_reach_case_and_report(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    case_dir = tmp_path / "walk"
    monkeypatch.setenv("APPRAISAL_CASE", str(case_dir))
    monkeypatch.setenv("APPRAISAL_RESET", "1")
    monkeypatch.setenv("APPRAISAL_PDF", "0")
    nb = nbformat.read(ROOT / "notebooks" / "appraisal_walkthrough.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "dashboard drawn"
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs), "browser shown"
    text = "".join(o.get("text", "") for o in outputs)
    assert "rerun: identical" in text and "verification: ok" in text
    with Case.open(case_dir) as case:
        assert review.pending(case) == []
        decided = review.decisions(case)
        kinds = {d.decision for d in decided.values()}
        assert kinds == {"accepted", "rejected", "excluded"}
        assert not case.verify(record=False)
        annotate = [e for e in case.audit_entries() if e["action"] == "annotate"]
        assert {e["target"] for e in annotate} == set(decided)
        report = case.root / "reports" / "report-v1-zh.docx"
        body = "\n".join(p.text for p in Document(str(report)).paragraphs)
    rejected = next(fid for fid, d in decided.items() if d.decision == "rejected")
    assert rejected in body and typeset(decided[rejected].reason) in body  # set in Chinese typography


def test_browser_navigates_sorts_and_records_through_the_library(case_copy: Path) -> None:
    with Case.open(case_copy, actor="tester") as case:
        browser = ReviewBrowser(case, expert="王某")
        scores = [r.score for r in browser.rows]
        assert scores == sorted(scores, reverse=True)
        first = browser.current.id
        assert browser.previous().id == first  # stays at the start
        second = browser.next().id
        assert second != first and browser.list_box.index == 1
        browser.sort("id")
        assert [r.id for r in browser.rows] == sorted(r.id for r in browser.rows)
        assert browser.current.id == second  # sorting keeps the finding on display
        seq_before = len(case.audit_entries())
        assert browser.decide("rejected", reason="") is None  # a rejection needs a reason
        assert "reason" in browser.message.value and len(case.audit_entries()) == seq_before
        assert browser.decide("excluded", reason="公开示例") is None  # and an exclusion a category
        saved = browser.decide("excluded", reason="公开示例代码", category="open-source")
        assert saved is not None and saved.finding_id == second and saved.expert == "王某"
        assert browser.current.id != second  # advanced to the next finding
        assert review.decisions(case)[second].category == "open-source"
        assert case.audit_entries()[-1]["action"] == "annotate"
        # the form path: the toggle, category and reason boxes, then the button
        target = browser.current.id
        browser.decision_box.value = "accepted"
        browser.reason_box.value = "经核对一致"
        browser.record_button.click()
        assert review.decisions(case)[target].decision == "accepted"
        assert len(browser.pending()) == len(browser.rows) - 2
        assert not case.verify(record=False)


def test_side_by_side_marks_the_matched_span_and_escapes_html(case_copy: Path) -> None:
    with Case.open(case_copy) as case:
        rows = sort_rows(finding_rows(case), "id")
        files = case_files(case)
        code = next(r for r in rows if r.modality == "code" and "start_char" in r.a)
        page = side_by_side_html(code, files, "zh")
        source = files.file(code.a["path"]).text
        marked = source[code.a["start_char"]:code.a["end_char"]].splitlines()[0].strip()
        assert "<mark" in page and "样本 YB-01" in page and "检材 JC-01" in page
        import html
        assert html.escape(marked[:20]) in page
        assert files.file(code.a["path"]).sha256[:12] in page
        assert "<script" not in page
        text = next(r for r in rows if r.modality == "text")
        assert "chars" in side_by_side_html(text, files, "en")


def test_dashboard_data_and_png(case_copy: Path) -> None:
    with Case.open(case_copy) as case:
        coverage = file_coverage(case)
        statuses = {c.status for c in coverage}
        assert {"identical", "similar", "only-a", "only-b"} <= statuses
        assert all(0.0 <= c.coverage_a <= 1.0 and 0.0 <= c.coverage_b <= 1.0 for c in coverage)
        rows = finding_rows(case)
        bins = score_bins(rows)
        assert sum(int(v.sum()) for v in bins.values()) == len(rows)
        assert int(bins["pending"].sum()) == len(rows)  # nothing reviewed yet
        png = dashboard_png(case)
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


@pytest.mark.parametrize("lang, title", [("zh", "审查进度"), ("en", "Review progress")])
def test_dashboard_labels_draw_in_both_languages(case_copy: Path, lang: str, title: str) -> None:
    """Chinese labels draw with real glyphs (no tofu): matplotlib warns of every glyph its fonts lack."""
    if lang == "zh" and cjk_font() is None:
        pytest.skip("no CJK font installed (make setup installs fonts-noto-cjk as root)")
    from matplotlib.text import Text

    with Case.open(case_copy) as case, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        texts = {t.get_text() for t in dashboard_figure(case, lang).findobj(Text)}
        png = dashboard_png(case, lang=lang)
    assert title in texts and png[:4] == b"\x89PNG"
    assert not [w for w in caught if "missing from font" in str(w.message)]
