"""Image findings end to end: intake of two images, run, report exhibit (docx, PDF) and the notebook viewer.

A is the photograph scikit-learn ships (``china.jpg``) saved as PNG; B is a crop of it with a
caption painted over, saved as JPEG. The case is built through the command line, reviewed
through the library call the notebook uses, and issued; the tests open the docx with
python-docx, decode the embedded picture, and run the viewer's code path for the finding.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
import sklearn.datasets
from conftest import cli, cli_ok, flip_one_byte, make_writable, material_file
from docx import Document
from docx.shared import Cm
from PIL import Image

from appraisal.custody.case import Case
from appraisal.custody.config import write_config
from appraisal.demo import configure_sample
from appraisal.report import exhibits
from appraisal.report.builder import build_docx
from appraisal.report.pdf import soffice
from appraisal.review import record_decision
from appraisal.review.browser import ReviewBrowser
from appraisal.review.view import case_files, finding_rows, finding_view
from comparators.image.exhibit import render
from comparators.image.read import read_image

PHOTO = Path(sklearn.datasets.__file__).parent / "images" / "china.jpg"
CROP = (100, 60, 580, 380)  # x0, y0, x1, y1 of B inside A
FINDING = "F-image-0001"


@pytest.fixture(scope="module")
def image_case(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("image-report")
    a = np.asarray(Image.open(PHOTO).convert("RGB")).copy()
    x0, y0, x1, y1 = CROP
    b = a[y0:y1, x0:x1].copy()
    cv2.putText(b, "COPY 2026", (30, 200), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (255, 255, 0), 8)
    path_a, path_b = root / "original.png", root / "poster.jpg"
    Image.fromarray(a).save(path_a)
    Image.fromarray(b).save(path_b, quality=90)
    case_dir = root / "case"
    cli_ok("case", "create", case_dir, "--title", "摄影作品相似性鉴定", "--client", "某市中级人民法院",
           "--number", "示例鉴定所[2026]知鉴字第3号", "--lang", "zh")
    added = [json.loads(cli_ok("case", "add", case_dir, path, "--side", side, "--label", label, "--json").out)
             for path, side, label in ((path_a, "A", "权利人摄影作品"), (path_b, "B", "被诉宣传海报"))]
    assert [m["kind"] for m in added] == ["image", "image"]
    run = json.loads(cli_ok("case", "run", case_dir, "--json").out)
    assert run["comparisons"][0]["kind"] == "image"
    with Case.open(case_dir, actor="张示例") as case:
        configure_sample(case)
        case.config.matters = ["检材 JC-01 与样本 YB-01 的图像是否存在相同或实质性相似"]
        write_config(case.root / "case.toml", case.config)
        result = case.comparisons()[0]["result"]
        for match in result["matches"]:
            record_decision(case, match["id"], "accepted", reason="经人工核对两图对应区域一致（测试数据）")
    use_pdf = soffice() is not None and shutil.which("pdftotext") is not None and shutil.which("pdfimages")
    issued_zh = json.loads(cli_ok("case", "report", case_dir, *(["--pdf"] if use_pdf else []), "--json").out)
    issued_en = json.loads(cli_ok("case", "report", case_dir, "--lang", "en", "--json").out)
    match = next(m for m in result["matches"] if m["id"] == FINDING)
    return {"case": case_dir, "a": a, "b": path_b, "result": result, "match": match,
            "zh": Path(issued_zh["report"]), "en": Path(issued_en["report"]),
            "pdf": Path(issued_zh["pdf"]) if issued_zh.get("pdf") else None}


def expected_picture(image_case: dict[str, object]) -> np.ndarray:
    """The exhibit drawn over the original arrays, independently of the case."""
    b = read_image(image_case["b"], 80_000_000).frames[0]
    return render(image_case["a"], b, {"matches": [image_case["match"]], "excluded": []})


def box_text(polygon: list[list[float]], sep: str = "，") -> str:
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    return f"x {min(xs):.0f}–{max(xs):.0f}{sep}y {min(ys):.0f}–{max(ys):.0f}"


def exhibit_section(document: Document, start: str, end: str) -> list[object]:
    """Body elements from the heading paragraph starting with ``start`` to the one starting with ``end``."""
    body = list(document.element.body)
    texts = ["".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")) for el in body]
    first = max(i for i, t in enumerate(texts) if t.startswith(start))  # the heading, after the list of attachments
    last = next(i for i in range(first + 1, len(body)) if texts[i].startswith(end))
    return body[first:last]


def test_the_comparison_found_the_crop_and_the_review_accepted_it(image_case: dict[str, object]) -> None:
    match = image_case["match"]
    xs = [p[0] for p in match["a"]["polygon"]]
    ys = [p[1] for p in match["a"]["polygon"]]
    x0, y0, x1, y1 = CROP
    assert abs(min(xs) - x0) < 4 and abs(max(xs) - x1) < 4 and abs(min(ys) - y0) < 4 and abs(max(ys) - y1) < 4
    assert match["category"].startswith("reproduced")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_exhibit_has_picture_caption_and_region_table(image_case: dict[str, object], lang: str) -> None:
    document = Document(str(image_case[lang]))
    match = image_case["match"]
    start, end = ("附件3 ", "附件4 ") if lang == "zh" else ("Attachment 3 ", "Attachment 4 ")
    section = exhibit_section(document, start, end)
    xml = [el.xml if hasattr(el, "xml") else "" for el in section]
    pictures = [i for i, x in enumerate(xml) if "<pic:pic" in x]
    assert len(pictures) == 1, "one picture in the exhibits section"
    caption = "附件3-1 发现项 F-image-0001" if lang == "zh" else "Attachment 3-1 Finding F-image-0001"
    texts = ["".join(t.text or "" for t in el.iter() if t.tag.endswith("}t")) for el in section]
    at = next(i for i, t in enumerate(texts) if t.startswith(caption))
    assert at < pictures[0], "the caption precedes the picture"
    assert "F-image-0001" in texts[at] and f"{match['score']:.3f}" in texts[at]
    # the picture: within the body width, the exhibit drawn over the two intake copies
    shapes = list(document.inline_shapes)
    assert len(shapes) == 1
    assert shapes[0].width <= Cm(15.8) + 1 and shapes[0].height <= Cm(11.0) + 1
    blip = shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    png = document.part.related_parts[blip].blob
    picture = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    expected = expected_picture(image_case)
    assert picture.shape == expected.shape
    assert np.array_equal(picture, expected)
    # the region table after the picture: pixel ranges, vertices, shares, inliers, model, mirrored
    table = next(t for t in document.tables if t.rows[0].cells[0].text in ("项目", "Item"))
    assert table._tbl in section[pictures[0]:]
    cells = "\n".join(c.text for r in table.rows for c in r.cells)
    sep = "，" if lang == "zh" else ", "
    assert box_text(match["a"]["polygon"], sep) in cells and box_text(match["b"]["polygon"], sep) in cells
    assert f"({match['a']['polygon'][0][0]:.1f}, {match['a']['polygon'][0][1]:.1f})" in cells
    detail = match["detail"]
    assert f"{100 * detail['share_a']:.1f}%" in cells and f"{100 * detail['share_b']:.1f}%" in cells
    assert str(detail["inliers"]) in cells
    assert "YB-01" in cells and "JC-01" in cells
    if lang == "zh":
        assert "几何一致的特征匹配点" in cells and any(m in cells for m in ("透视变换", "仿射变换", "相似变换"))
        assert "否" in cells and "像素）" in cells
        changed = detail["changed_b"]
        if changed:
            assert f"{len(changed)} 处：" in cells
    else:
        assert "geometrically consistent feature matches" in cells and "Mirrored" in cells


def test_chinese_image_labels_use_full_width_punctuation() -> None:
    from appraisal.report.labels import LABELS, category_name
    zh = {k: v for k, v in LABELS["zh"].items() if k.startswith("image_")}
    values = [v.split("=", 1)[1] for k in ("image_methods", "image_channels") for v in zh.pop(k).split("|")]
    values += list(zh.values())
    values += [category_name("zh", c + m) for c in ("reproduced", "reproduced with changes", "partly matching")
               for m in ("", " (mirrored)")]
    for value in values:
        assert not re.search(r"[,;:()]", re.sub(r"\{[^}]*\}", "", value)), value
    assert all("\u4e00" <= ch <= "\u9fff" for ch in category_name("zh", "reproduced")[:2])


def test_findings_table_and_analysis_name_the_pixel_region(image_case: dict[str, object]) -> None:
    document = Document(str(image_case["zh"]))
    text = "\n".join(p.text for p in document.paragraphs)
    region = exhibits.where(image_case["match"]["a"])
    assert region.startswith("YB-01/original.png:x") and region in text
    assert "图像区域相同" in text


def test_rebuild_of_the_image_report_is_byte_identical(image_case: dict[str, object]) -> None:
    with Case.open(image_case["case"]) as case:
        assert build_docx(case, "zh") == build_docx(case, "zh")


def test_unreadable_image_falls_back_to_the_region_table_with_a_note(image_case: dict[str, object],
                                                                     tmp_path: Path) -> None:
    case_dir = tmp_path / "case"
    shutil.copytree(image_case["case"], case_dir)
    target = material_file(case_dir, "JC-01", "poster.jpg")
    make_writable(target.parent)
    flip_one_byte(target, offset=400)
    refused = cli("case", "report", case_dir)
    assert refused.code == 1 and "JC-01" in refused.err
    with Case.open(case_dir) as case:
        files = case_files(case)
        assert files.file(image_case["match"]["b"]["path"]).data is None
        assert files.file(image_case["match"]["a"]["path"]).data is not None
        document = Document(str(Path(exhibits.__file__).parents[2] / "report_templates" / "report_zh.docx"))
        ctx = exhibits.ExhibitContext("zh", "附件3-1", 3, 1, files, image_case["result"])
        exhibits.renderer_for(image_case["match"]).render(document, image_case["match"], ctx)
        assert list(document.inline_shapes) == []
        text = "\n".join(p.text for p in document.paragraphs)
        assert "图像无法显示" in text and "JC-01/poster.jpg" in text and "YB-01/original.png" not in text
        cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert box_text(image_case["match"]["b"]["polygon"]) in cells
        rows = {r.id: r for r in finding_rows(case)}
        view = finding_view(rows[FINDING], files, "zh")
        assert view.png is None and "图像无法显示" in view.html


def test_viewer_shows_the_exhibit_picture_and_the_numbers(image_case: dict[str, object]) -> None:
    expected = expected_picture(image_case)
    with Case.open(image_case["case"]) as case:
        rows = {r.id: r for r in finding_rows(case)}
        row = rows[FINDING]
        assert row.modality == "image" and row.context["units"]["a"] == [640, 427]
        view = finding_view(row, case_files(case), "zh")
        assert view.png is not None and view.png.startswith(b"\x89PNG")
        picture = np.asarray(Image.open(io.BytesIO(view.png)).convert("RGB"))
        assert view.size == (expected.shape[1], expected.shape[0]) and np.array_equal(picture, expected)
        detail = row.detail
        assert box_text(row.a["polygon"]) in view.html and box_text(row.b["polygon"]) in view.html
        assert f"{100 * detail['share_a']:.1f}%" in view.html and f"特征匹配点 {detail['inliers']} 个" in view.html
        assert view._repr_html_().startswith('<img src="data:image/png;base64,')
        browser = ReviewBrowser(case, lang="en", expert="王某")
        browser.show(FINDING)
        assert browser.picture.value == finding_view(row, case_files(case), "en").png
        assert browser.picture.layout.display != "none"
        assert "geometrically consistent feature matches" in browser.viewer.value


def test_pdf_exhibit_page_has_the_picture_and_cjk_fonts(image_case: dict[str, object]) -> None:
    pdf = image_case["pdf"]
    if pdf is None:
        pytest.skip("LibreOffice/poppler not installed: PDF part skipped")
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                             text=True, check=True).stdout).group(1))
    page = None
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        if re.search(r"附件\s*3-1\s*发现项\s*F-image-0001", text):
            page = n
            assert "区域范围" in text and "面积占比" in text
    assert page is not None, "the exhibit caption is in the PDF"
    listing = subprocess.run(["pdfimages", "-list", "-f", str(page), "-l", str(page), str(pdf)],
                             capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    expected = expected_picture(image_case)
    sizes = {(int(line.split()[3]), int(line.split()[4])) for line in listing if line.strip()}
    ratio = expected.shape[1] / expected.shape[0]  # LibreOffice resamples to 300 dpi at the printed width
    assert any(abs(w / h - ratio) < 0.01 * ratio and w >= 1500 for w, h in sizes), sizes
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts
