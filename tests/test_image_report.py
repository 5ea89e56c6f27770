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
    # the analysis states how image locations are given, and does not claim file:lines for them
    assert "图像的位置以原图像素坐标" in text and "起止行" not in text


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


# --------------------------------------------------------------------------- figures and opinion in pixels
ZH_PIXEL_LABELS = ("methods_image", "methods_tools", "effect_pixels", "reason_named", "results_table_pixels",
                   "cols_results_pixels", "opinion_positive_pixels", "opinion_negative_pixels",
                   "subject_pixels", "subject_join", "regions_text")


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def opinion_text(path: Path) -> str:
    """The paragraphs of 六、鉴定意见 / 6. Opinion up to the signature block."""
    texts = paragraphs(path)
    start = max(i for i, t in enumerate(texts) if t in ("六、鉴定意见", "6. Opinion"))
    end = next(i for i in range(start + 1, len(texts)) if not texts[i].strip())
    return "\n".join(texts[start + 1:end])


def results_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the results table (the one whose first column is the pair)."""
    table = next(t for t in Document(str(path)).tables if t.rows[0].cells[0].text in ("比对对象", "Pair"))
    rows = [[c.text for c in r.cells] for r in table.rows]
    return rows[0], rows[1:]


def pixels(cell: str) -> int:
    """``273,280`` -> 273280 (areas are written with thousands separators)."""
    assert re.fullmatch(r"\d{1,3}(,\d{3})*", cell), cell
    return int(cell.replace(",", ""))


def share(row: list[str], side: str) -> tuple[float, int, int]:
    """(percentage, numerator, denominator) of one side of a results row; checks they agree."""
    den, num, cell = (row[2], row[4], row[6]) if side == "a" else (row[3], row[5], row[7])
    found = re.fullmatch(r"([\d.]+)%", cell)
    assert found, cell
    value, num, den = float(found.group(1)), pixels(num), pixels(den)
    assert found.group(1) == f"{100 * num / den:.1f}", (cell, num, den)
    return value, num, den


def image_pair_case(root: Path, a: np.ndarray, b: np.ndarray, base: np.ndarray | None = None) -> Path:
    """A case of one image pair (and a declared base image) through the CLI, findings accepted, no opinion."""
    root.mkdir(parents=True, exist_ok=True)
    path_a, path_b = root / "original.png", root / "poster.jpg"
    Image.fromarray(a).save(path_a)
    Image.fromarray(b).save(path_b, quality=90)
    case_dir = root / "case"
    cli_ok("case", "create", case_dir, "--title", "摄影作品相似性鉴定", "--lang", "zh")
    cli_ok("case", "add", case_dir, path_a, "--side", "A", "--label", "权利人摄影作品")
    cli_ok("case", "add", case_dir, path_b, "--side", "B", "--label", "被诉宣传海报")
    if base is not None:
        Image.fromarray(base).save(root / "logo.png")
        cli_ok("case", "add", case_dir, root / "logo.png", "--side", "A", "--base", "--label", "公有标识")
    cli_ok("case", "run", case_dir)
    with Case.open(case_dir, actor="张示例") as case:
        configure_sample(case)
        case.config.matters = ["检材 JC-01 与样本 YB-01 的图像是否存在相同或实质性相似"]
        case.config.opinions = []
        write_config(case.root / "case.toml", case.config)
        for match in case.comparisons()[0]["result"]["matches"]:
            record_decision(case, match["id"], "accepted", reason="经人工核对两图对应区域一致（测试数据）")
    return case_dir


def draft_reports(case_dir: Path) -> dict[str, Path]:
    """Both languages issued as drafts (the opinion is not confirmed in case.toml)."""
    return {lang: Path(json.loads(cli_ok("case", "report", case_dir, "--draft", "--lang", lang, "--json").out)
                       ["report"]) for lang in ("zh", "en")}


@pytest.fixture(scope="module")
def unconfirmed(image_case: dict[str, object], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The crop case with the opinion removed from case.toml: the derived (unconfirmed) opinion."""
    case_dir = tmp_path_factory.mktemp("image-unconfirmed") / "case"
    shutil.copytree(image_case["case"], case_dir)
    with Case.open(case_dir) as case:
        case.config.opinions = []
        write_config(case.root / "case.toml", case.config)
    return draft_reports(case_dir)


@pytest.fixture(scope="module")
def unrelated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Two unrelated photographs (scikit-learn's china.jpg and flower.jpg): no finding."""
    a = np.asarray(Image.open(PHOTO).convert("RGB")).copy()
    b = np.asarray(Image.open(PHOTO.parent / "flower.jpg").convert("RGB")).copy()
    case_dir = image_pair_case(tmp_path_factory.mktemp("image-unrelated"), a, b)
    with Case.open(case_dir) as case:
        result = case.comparisons()[0]["result"]
    return {"result": result, **draft_reports(case_dir)}


@pytest.fixture(scope="module")
def with_base(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A carries a logo (declared base material) that B, a crop of A, carries too."""
    photo = np.asarray(Image.open(PHOTO).convert("RGB")).copy()
    flower = np.asarray(Image.open(PHOTO.parent / "flower.jpg").convert("RGB"))
    logo = cv2.resize(np.ascontiguousarray(flower[100:300, 150:350]), (120, 120))
    a = photo.copy()
    a[20:140, 500:620] = logo
    x0, y0, x1, y1 = CROP
    case_dir = image_pair_case(tmp_path_factory.mktemp("image-base"), a, a[y0 - 50:y1, x0:x1 + 60].copy(), logo)
    with Case.open(case_dir) as case:
        result = case.comparisons()[0]["result"]
    return {"result": result, **draft_reports(case_dir)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_results_table_of_an_image_pair_is_in_pixels(image_case: dict[str, object], lang: str) -> None:
    header, rows = results_rows(image_case[lang])
    unit = "像素" if lang == "zh" else "px"
    assert all(unit in h for h in header[2:6]), header
    assert not any(("行" if lang == "zh" else "lines") in h for h in header), header
    assert len(header) == 9
    result = image_case["result"]
    (w_a, h_a), (w_b, h_b) = result["units"]["a"], result["units"]["b"]
    x0, y0, x1, y1 = CROP
    crop_share = 100 * (x1 - x0) * (y1 - y0) / (w_a * h_a)
    assert len(rows) == 2
    for row in rows:
        assert row[2] == f"{w_a * h_a:,}" and row[3] == f"{w_b * h_b:,}"  # 273,280 and 153,600: separators
        pct_a, num_a, den_a = share(row, "a")
        pct_b, _num_b, den_b = share(row, "b")
        assert den_a == w_a * h_a and den_b == w_b * h_b  # nothing excluded: the whole images
        assert abs(pct_a - crop_share) <= 0.1 * crop_share, (pct_a, crop_share)
        assert abs(pct_a - 100 * result["coverage_a"]) < 1.0 and abs(pct_b - 100 * result["coverage_b"]) < 1.0
        assert num_a > 0
        assert row[1] == "1"  # one region


def test_confirmed_positive_image_opinion_is_stated_in_pixels(image_case: dict[str, object]) -> None:
    zh, en = opinion_text(image_case["zh"]), opinion_text(image_case["en"])
    assert "待鉴定人确认" not in zh
    assert "存在相同或实质性相似的内容" in zh and "区域1处" in zh and "像素" in zh
    assert "占样本图像面积273,280像素的" in zh
    assert not re.search(r"\d+ ?行", zh) and "代码及文本" not in zh
    pct_a = re.search(r"占样本图像面积273,280像素的([\d.]+)%", zh).group(1)
    assert abs(float(pct_a) - 100 * image_case["result"]["coverage_a"]) < 1.0
    assert "1 region with an area of" in en and "pixels" in en and " lines" not in en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_derived_opinion_for_a_copied_image_is_positive_in_pixels(unconfirmed: dict[str, Path], lang: str) -> None:
    text = opinion_text(unconfirmed[lang])
    if lang == "zh":
        assert "待鉴定人确认" in text and "存在相同或实质性相似的内容" in text and "未发现" not in text
        assert "像素" in text and "行" not in text.split("】", 1)[1]
    else:
        assert "TO BE CONFIRMED" in text and "contain identical or substantially similar content" in text
        assert "pixels" in text and "no identical" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unrelated_images_get_a_negative_opinion_stated_in_pixels(unrelated: dict[str, object], lang: str) -> None:
    result = unrelated["result"]
    assert result["matches"] == [] and result["kind"] == "image"
    text = opinion_text(unrelated[lang])
    (w_a, h_a), (w_b, h_b) = result["units"]["a"], result["units"]["b"]
    if lang == "zh":
        assert "未发现相同或实质性相似的内容" in text
        assert f"样本图像面积{w_a * h_a:,}像素" in text and f"检材图像面积{w_b * h_b:,}像素" in text
    else:
        assert "no identical or substantially similar content was found" in text
        assert f"reference image area of {w_a * h_a:,} pixels" in text
    _header, rows = results_rows(unrelated[lang])
    assert share(rows[1], "a")[:2] == (0.0, 0) and rows[1][1] == "0"


def test_excluded_base_image_is_in_the_ledger_with_its_pixel_area(with_base: dict[str, object]) -> None:
    result = with_base["result"]
    assert [e["reason"].split(" (")[0] for e in result["excluded"]] == ["declared base material"]
    excluded = result["excluded"][0]
    table = next(t for t in Document(str(with_base["zh"])).tables if t.rows[0].cells[0].text == "排除项")
    row = [c.text for c in table.rows[1].cells]
    assert exhibits.where(excluded["a"]) in row[0] and exhibits.where(excluded["b"]) in row[0]
    assert "ZL-01/logo.png" in row[1] and "基础资料" in row[1]
    found = re.fullmatch(r"样本 ([\d,]+) 像素（占样本图像 ([\d.]+)%），检材 ([\d,]+) 像素（占检材图像 ([\d.]+)%）",
                         row[3])
    assert found, row[3]
    px_a = int(found.group(1).replace(",", ""))
    (w_a, h_a) = result["units"]["a"]
    assert abs(px_a - 120 * 120) <= 0.1 * 120 * 120  # the logo pasted into A is 120 x 120
    assert found.group(2) == f"{100 * px_a / (w_a * h_a):.1f}"
    # the results: the denominators after filtration lose the excluded area, the share stays within 100%
    _header, rows = results_rows(with_base["zh"])
    before, after = share(rows[0], "a"), share(rows[1], "a")
    assert before[2] == w_a * h_a and after[2] == w_a * h_a - px_a
    assert after[1] < before[1] and after[0] <= 100.0
    en = Document(str(with_base["en"]))
    table = next(t for t in en.tables if t.rows[0].cells[0].text == "Excluded item")
    assert re.fullmatch(r"reference [\d,]+ px \([\d.]+% of the image\), questioned [\d,]+ px \([\d.]+% of the "
                        r"image\)", table.rows[1].cells[3].text)


def test_methods_paragraph_describes_the_image_method_only(image_case: dict[str, object]) -> None:
    zh, en = "\n".join(paragraphs(image_case["zh"])), "\n".join(paragraphs(image_case["en"]))
    for term in ("SIFT", "MAGSAC++", "归一化互相关", "感知哈希", "镜像", "明度通道"):
        assert term in zh, term
    for term in ("SIFT", "ratio test", "MAGSAC++", "similarity or affine", "normalised cross-correlation",
                 "perceptual hashes", "logistic", "image benchmark"):
        assert term in en, term
    assert "k-gram" not in zh and "k-gram" not in en  # no code/text comparator in this case
    assert "相似度以独立实现之间的预期相似为基准" not in zh
    assert re.search(r"工具、版本、参数及验证结果见表\d+。", zh)


def test_new_chinese_pixel_wording_uses_full_width_punctuation() -> None:
    from appraisal.report.labels import LABELS
    for key in ZH_PIXEL_LABELS:
        assert not re.search(r"[,;:()]", re.sub(r"\{[^}]*\}", "", LABELS["zh"][key])), key


def test_an_opinion_over_lines_and_pixels_gives_one_clause_per_unit() -> None:
    from appraisal.custody.config import CaseConfig
    from appraisal.report.opinion import LINES, PIXELS, PairFigures, opinions
    code = PairFigures("YB-01", "JC-01", 0.9, LINES, files_after=2, num_a_after=120, den_a_after=1000,
                       num_b_after=110, den_b_after=900)
    image = PairFigures("YB-02", "JC-02", 1.0, PIXELS, regions_after=1, num_a_after=153_600, den_a_after=273_280,
                        num_b_after=150_000, den_b_after=153_600)
    blank = PairFigures("YB-03", "JC-03", 0.0, PIXELS, den_a_after=10_000, den_b_after=10_000)
    cfg = CaseConfig("test", matters=["图像及源代码是否存在相同或实质性相似"])
    (zh,) = opinions(cfg, [code, image], "zh")
    assert zh.type == "positive" and not zh.confirmed
    assert "代码及文本120行，占样本可比代码及文本1000行的12.0%" in zh.text
    assert "区域1处、面积153,600像素，占样本图像面积273,280像素的56.2%" in zh.text
    assert "153720" not in zh.text and "153,720" not in zh.text  # lines never added to pixels
    (en,) = opinions(cfg, [code, image], "en")
    assert "120 code and text lines" in en.text and "153,600 pixels" in en.text
    # an image with no finding next to one with: that clause says nothing was found
    (mixed,) = opinions(cfg, [image, blank], "zh")
    assert mixed.type == "positive" and "未发现" not in mixed.text  # same unit: summed
    (derived,) = opinions(cfg, [blank], "zh")
    assert derived.type == "negative" and "样本图像面积10,000像素" in derived.text
    (both,) = opinions(cfg, [PairFigures("YB-01", "JC-01", 0.1, LINES, den_a_after=50, den_b_after=60), image],
                       "zh")
    assert both.type == "positive" and "未发现相同或实质性相似" in both.text and "像素" in both.text
