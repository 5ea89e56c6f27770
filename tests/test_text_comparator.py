"""Text comparator: copied passages found at the right offsets in Chinese and English."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from comparators import get
from comparators.errors import InputError
from tests.text_fixtures import EN_HOST, EN_SOURCE, ZH_HOST, ZH_SOURCE

EN_SEP, ZH_SEP = " ", ""


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _embed(host: list[str], inserted: str, sep: str, at: int = 5) -> tuple[str, int, int]:
    """Host text with ``inserted`` placed after sentence ``at``; returns text and the span."""
    before = sep.join(host[:at]) + sep
    text = before + inserted + sep + sep.join(host[at:])
    return text, len(before), len(before) + len(inserted)


def _compare(tmp_path: Path, a: str, b: str, enc_a: str = "utf-8", enc_b: str = "utf-8", **params):
    c = get("text", **params)
    fa = c.extract(_write(tmp_path / "a.txt", a, enc_a))
    fb = c.extract(_write(tmp_path / "b.txt", b, enc_b))
    return c.compare(fa, fb)


def _overlap(m, a0: int, a1: int, b0: int, b1: int) -> tuple[float, float]:
    """Share of the true span covered by the match on each side."""
    oa = max(0, min(m.a.end_char, a1) - max(m.a.start_char, a0)) / (a1 - a0)
    ob = max(0, min(m.b.end_char, b1) - max(m.b.start_char, b0)) / (b1 - b0)
    return oa, ob


def _source(sentences: list[str], sep: str, first: int, last: int) -> tuple[str, int, int]:
    text = sep.join(sentences)
    passage = sep.join(sentences[first:last])
    start = text.index(passage)
    return text, start, start + len(passage)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_verbatim_passage_found_at_exact_offsets(tmp_path, lang):
    src, host, sep = (EN_SOURCE, EN_HOST, EN_SEP) if lang == "en" else (ZH_SOURCE, ZH_HOST, ZH_SEP)
    a, a0, a1 = _source(src, sep, 3, 8)
    b, b0, b1 = _embed(host, a[a0:a1], sep)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    m = r.matches[0]
    assert (m.a.start_char, m.a.end_char, m.b.start_char, m.b.end_char) == (a0, a1, b0, b1)
    assert m.category == "verbatim"
    assert a[m.a.start_char:m.a.end_char] == b[m.b.start_char:m.b.end_char]
    assert r.extra["units"]["matched_b"] == b1 - b0
    assert r.coverage_b == pytest.approx((b1 - b0) / len(b))
    assert r.score > 0.5


def _edit_en(sentence: str) -> str:
    swaps = {"climbed": "ascended", "evening": "night", "painted": "coloured", "see": "watch",
             "stormy": "wild", "careful": "neat", "drifted": "floated", "rang": "sounded",
             "brought": "carried", "afterwards": "later", "wrote": "sent a letter"}
    return " ".join(swaps.get(w, w) for w in sentence.split())


def _edit_zh(sentence: str) -> str:
    for old, new in (("每天", "天天"), ("孙女", "外孙女"), ("暗礁", "礁石"), ("船员", "水手"),
                     ("送给", "赠给"), ("孩子们", "小孩"), ("报纸", "报刊"), ("灯塔", "航标灯")):
        sentence = sentence.replace(old, new)
    return sentence


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_edited_and_reordered_passages(tmp_path, lang):
    src, host, sep, edit = ((EN_SOURCE, EN_HOST, EN_SEP, _edit_en) if lang == "en"
                            else (ZH_SOURCE, ZH_HOST, ZH_SEP, _edit_zh))
    a, a0, a1 = _source(src, sep, 2, 9)
    edited = [edit(s) for s in src[2:9]]
    b, b0, b1 = _embed(host, sep.join(edited), sep)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    oa, ob = _overlap(r.matches[0], a0, a1, b0, b1)
    assert oa > 0.9 and ob > 0.9
    # the English edits exchange words one for one (synonyms): issue 17 gives that its own label
    assert r.matches[0].category in ("lightly-edited", "heavily-edited", "synonym-substituted")

    shuffled = [edited[k] for k in (3, 0, 5, 1, 6, 2, 4)]
    b, b0, b1 = _embed(host, sep.join(shuffled), sep)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    oa, ob = _overlap(r.matches[0], a0, a1, b0, b1)
    assert oa > 0.85 and ob > 0.85
    assert r.matches[0].category == "reordered"


@pytest.mark.parametrize("direction", ["s2tw", "t2s"])
def test_script_conversion_detected(tmp_path, direction):
    convert = opencc.OpenCC(direction).convert
    base = ZH_SOURCE if direction == "s2tw" else [opencc.OpenCC("s2t").convert(s) for s in ZH_SOURCE]
    host = ZH_HOST if direction == "s2tw" else [opencc.OpenCC("s2t").convert(s) for s in ZH_HOST]
    a, a0, a1 = _source(base, ZH_SEP, 1, 7)
    host_b = [convert(s) for s in host]
    b, b0, b1 = _embed(host_b, convert(a[a0:a1]), ZH_SEP)
    r = _compare(tmp_path, a, b, enc_b="big5" if direction == "s2tw" else "utf-8")
    assert len(r.matches) == 1
    m = r.matches[0]
    assert (m.a.start_char, m.a.end_char, m.b.start_char, m.b.end_char) == (a0, a1, b0, b1)
    assert m.category == "script-converted"
    plain = _compare(tmp_path, a, b, simplify=False)
    assert not plain.matches or plain.matches[0].score < m.score


def test_offsets_refer_to_the_original_text_not_the_normalised_one(tmp_path):
    # full-width letters, a ligature and an enclosed numeral change length or form in NFKC
    prefix = "ＡＢＣ ﬁrst ① 漢字。"
    a, a0, a1 = _source(EN_SOURCE, EN_SEP, 2, 7)
    a = prefix + a
    a0, a1 = a0 + len(prefix), a1 + len(prefix)
    upper = a[a0:a1].upper().replace("THE", "ＴＨＥ")
    b, b0, b1 = _embed(EN_HOST, upper, EN_SEP)
    b = "ﬀ ﬁ ② " + b
    b0, b1 = b0 + 6, b1 + 6
    r = _compare(tmp_path, a, b)
    m = r.matches[0]
    assert (m.a.start_char, m.a.end_char) == (a0, a1)
    assert (m.b.start_char, m.b.end_char) == (b0, b1)
    assert b[m.b.start_char:m.b.end_char] == upper


def test_summary_style_copy(tmp_path):
    a, a0, a1 = _source(EN_SOURCE, EN_SEP, 0, 12)
    summary = ("The lighthouse keeper climbed the stairs at dusk. "
               "He kept a ledger of every ship that passed. "
               "A schooner with torn sails drifted toward the northern rocks. "
               "By morning the schooner lay anchored and its captain rowed ashore to thank him with oranges. "
               "He wrote to his daughter about the oranges.")
    b, b0, b1 = _embed(EN_HOST, summary, EN_SEP)
    r = _compare(tmp_path, a, b)
    assert r.matches, "summary not found"
    m = max(r.matches, key=lambda m: m.b.end_char - m.b.start_char)
    oa, ob = _overlap(m, a0, a1, b0, b1)
    assert ob > 0.8 and oa > 0.6
    assert m.category == "summarised"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_independent_texts_have_no_passages(tmp_path, lang):
    src, host, sep = (EN_SOURCE, EN_HOST, EN_SEP) if lang == "en" else (ZH_SOURCE, ZH_HOST, ZH_SEP)
    r = _compare(tmp_path, sep.join(src), sep.join(host))
    assert r.matches == ()
    assert r.score == 0.0


def test_shared_idioms_are_excluded_and_listed(tmp_path):
    a = ZH_SOURCE[:6] + ["他做事总是画蛇添足，结果自相矛盾，真是一言难尽。"] + ZH_SOURCE[6:]
    b = ZH_HOST[:6] + ["这件事画蛇添足又自相矛盾，说起来一言难尽。"] + ZH_HOST[6:]
    r = _compare(tmp_path, "".join(a), "".join(b))
    assert r.matches == ()
    # phrase by phrase (issue 17): each exclusion covers one phrase's own characters, on both sides
    assert {e.reason for e in r.excluded} == {"common phrase or idiom"}
    assert {x for e in r.excluded for x in e.detail["phrases"]} >= {"画蛇添足", "自相矛盾", "一言难尽"}
    for e in r.excluded:
        assert "".join(b)[e.b.start_char:e.b.end_char] == e.detail["phrases"][0]
        assert "".join(a)[e.a.start_char:e.a.end_char] == e.detail["phrases"][0]
    kept = _compare(tmp_path, "".join(a), "".join(b), filter_common=False, min_tokens=5)
    assert len(kept.matches) == 1


def test_attributed_quotation_is_excluded(tmp_path):
    a, a0, a1 = _source(ZH_SOURCE, ZH_SEP, 3, 7)
    quoted = "正如作者在《渔村纪事》中写道：“" + a[a0:a1] + "”"
    b, _, _ = _embed(ZH_HOST, quoted, ZH_SEP)
    r = _compare(tmp_path, a, b)
    assert r.matches == ()
    assert [e.reason for e in r.excluded] == ["attributed quotation"]
    unattributed = _embed(ZH_HOST, "“" + a[a0:a1] + "”", ZH_SEP)[0]
    assert len(_compare(tmp_path, a, unattributed).matches) == 1


def test_declared_base_material_is_excluded(tmp_path):
    c = get("text")
    a, a0, a1 = _source(EN_SOURCE, EN_SEP, 3, 8)
    b, _, _ = _embed(EN_HOST, a[a0:a1], EN_SEP)
    base = _write(tmp_path / "public.txt", a[a0:a1])
    fa, fb = c.extract(_write(tmp_path / "a.txt", a)), c.extract(_write(tmp_path / "b.txt", b))
    r = c.compare(fa, fb, base=[c.extract(base)])
    assert r.matches == ()
    assert r.excluded[0].reason == "declared base material (public.txt)"
    assert r.excluded[0].a.start_char == a0


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_decode_to_the_same_offsets(tmp_path, encoding):
    text = "".join(opencc.OpenCC("s2tw").convert(s) for s in ZH_SOURCE) if encoding == "big5" else "".join(ZH_SOURCE)
    c = get("text")
    f_utf8 = c.extract(_write(tmp_path / "u.txt", text))
    f_enc = c.extract(_write(tmp_path / "e.txt", text, encoding))
    assert f_enc.data["ids"] == f_utf8.data["ids"]
    assert f_enc.data["start"] == f_utf8.data["start"]
    r = c.compare(f_utf8, f_enc)
    assert r.coverage_a > 0.95 and r.coverage_b > 0.95


def test_signature_and_containment_keys(tmp_path):
    c = get("text")
    a, a0, a1 = _source(EN_SOURCE, EN_SEP, 3, 8)
    b, _, _ = _embed(EN_HOST, a[a0:a1], EN_SEP)
    fa, fb = c.extract(_write(tmp_path / "a.txt", a)), c.extract(_write(tmp_path / "b.txt", b))
    ka, kb = c.retrieval_keys(fa), c.retrieval_keys(fb)
    shared = len(set(ka.tolist()) & set(kb.tolist()))
    assert shared / min(len(ka), len(kb)) > 0.3
    assert len(fa.signature.values) == c.num_perm


def test_results_are_deterministic(tmp_path):
    a, a0, a1 = _source(ZH_SOURCE, ZH_SEP, 2, 9)
    b, _, _ = _embed(ZH_HOST, _edit_zh(a[a0:a1]), ZH_SEP)
    assert _compare(tmp_path, a, b).to_json() == _compare(tmp_path, a, b).to_json()


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"), (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
])
def test_bad_input_gives_clear_error(tmp_path, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(InputError) as err:
        get("text").extract(bad)
    assert "bad.txt" in str(err.value)
    good = _write(tmp_path / "good.txt", " ".join(EN_SOURCE))
    proc = subprocess.run([sys.executable, "-m", "appraisal.cli", "compare", str(good), str(bad), "--kind", "text",
                           "--json"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "bad.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_compare_returns_passages_with_offsets(tmp_path):
    a, a0, a1 = _source(EN_SOURCE, EN_SEP, 3, 8)
    b, b0, b1 = _embed(EN_HOST, a[a0:a1], EN_SEP)
    pa, pb = _write(tmp_path / "a.txt", a), _write(tmp_path / "b.txt", b)
    proc = subprocess.run([sys.executable, "-m", "appraisal.cli", "compare", str(pa), str(pb), "--kind", "text",
                           "--json"], capture_output=True, text=True, check=True)
    out = json.loads(proc.stdout)
    assert out["kind"] == "text" and out["comparator"]["version"]
    m = out["matches"][0]
    assert (m["a"]["start_char"], m["a"]["end_char"], m["b"]["start_char"], m["b"]["end_char"]) == (a0, a1, b0, b1)


def test_batch_finds_the_copied_document_among_suspects(tmp_path):
    a, a0, a1 = _source(ZH_SOURCE, ZH_SEP, 2, 8)
    (tmp_path / "src").mkdir()
    src = _write(tmp_path / "src" / "novel.txt", a)
    suspects = tmp_path / "suspects"
    suspects.mkdir()
    _write(suspects / "copy.txt", _embed(ZH_HOST, a[a0:a1], ZH_SEP)[0], "gb18030")
    _write(suspects / "other.txt", ZH_SEP.join(ZH_HOST))
    _write(suspects / "english.txt", EN_SEP.join(EN_HOST))
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "appraisal.cli", "batch", "--kind", "text", str(src.parent),
                           "--against", str(suspects), "--out", str(out), "--retrieval", "0", "--json"],
                          capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout)["errors"] == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    scores = {Path(r["b"]).name: r["score"] for r in rows}
    assert set(scores) == {"copy.txt", "other.txt", "english.txt"}
    assert scores["copy.txt"] > 0.5 and scores["other.txt"] == 0 and scores["english.txt"] == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_insertions_and_deletions_inside_a_passage(tmp_path, lang):
    src, host, sep = (EN_SOURCE, EN_HOST, EN_SEP) if lang == "en" else (ZH_SOURCE, ZH_HOST, ZH_SEP)
    a, a0, a1 = _source(src, sep, 1, 11)
    # sentence 4 deleted, one foreign sentence inserted after sentence 6
    copied = src[1:4] + src[5:7] + [host[11]] + src[7:11]
    b, b0, b1 = _embed(host[:11], sep.join(copied), sep, at=4)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    oa, ob = _overlap(r.matches[0], a0, a1, b0, b1)
    assert oa > 0.9 and ob > 0.95


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_random_word_edits(tmp_path, lang):
    import random

    rng = random.Random(7)
    src, host, sep = (EN_SOURCE, EN_HOST, EN_SEP) if lang == "en" else (ZH_SOURCE, ZH_HOST, ZH_SEP)
    a, a0, a1 = _source(src, sep, 2, 10)
    if lang == "en":
        fresh = iter(["amber", "hollow", "briskly", "crimson", "meadow", "distant", "silver", "restless", "narrow",
                      "gentle", "frozen", "velvet", "copper", "humble", "lantern", "orchard", "pebble", "thistle"] * 3)
        words = a[a0:a1].split(" ")
        # about 15 % of the words replaced; punctuation kept, as a careless copier would
        edited = " ".join(w if rng.random() > 0.15 else next(fresh) + w[len(w.rstrip(".,;!?")):] for w in words)
    else:
        chars = list(a[a0:a1])
        edited = "".join(c if rng.random() > 0.15 or not "\u4e00" <= c <= "\u9fff" else rng.choice("甲乙丙丁")
                         for c in chars)
    b, b0, b1 = _embed(host, edited, sep)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    oa, ob = _overlap(r.matches[0], a0, a1, b0, b1)
    assert oa > 0.9 and ob > 0.9
    # words replaced one for one, nothing inserted or deleted: measured as an in-place substitution
    # (the label does not check that the new words are synonyms; see comparators/text/categorise.py)
    assert r.matches[0].category in ("lightly-edited", "heavily-edited", "synonym-substituted")


def test_chinese_summary_style_copy(tmp_path):
    a, a0, a1 = _source(ZH_SOURCE, ZH_SEP, 0, 12)
    summary = ("老渔夫每天推着小船下水。台风过后一艘货船搁浅在暗礁上。老渔夫划着小船把十一个船员接到岸上。"
               "船长把怀表挂在了渔村祠堂的门梁上。县里修了一座小小的灯塔。")
    b, b0, b1 = _embed(ZH_HOST, summary, ZH_SEP)
    r = _compare(tmp_path, a, b)
    assert r.matches, "summary not found"
    m = max(r.matches, key=lambda m: m.b.end_char - m.b.start_char)
    oa, ob = _overlap(m, a0, a1, b0, b1)
    assert ob > 0.8 and oa > 0.6
    assert m.category == "summarised"


def test_corpus_boilerplate_is_excluded_after_fit(tmp_path):
    notice = ("All rights reserved. No part of this publication may be reproduced without the written permission "
              "of the publisher. The moral rights of the author have been asserted. ")
    c = get("text")
    corpus = []
    words = " ".join(EN_HOST + EN_SOURCE).split()
    for k in range(24):  # independent documents (shuffled words) that all carry the notice
        body = " ".join(random.Random(k).sample(words, 120))
        corpus.append(c.extract(_write(tmp_path / f"doc{k}.txt", notice + body)))
    a = _write(tmp_path / "a.txt", notice + " ".join(EN_SOURCE))
    b = _write(tmp_path / "b.txt", notice + " ".join(EN_HOST))
    before = c.compare(c.extract(a), c.extract(b))
    assert len(before.matches) == 1  # the shared notice aligns
    c.fit(corpus)
    after = c.compare(c.extract(a), c.extract(b))
    assert after.matches == ()
    assert after.excluded[0].reason.startswith("boilerplate: its sentences occur in at least")
    assert after.comparator.params["commonplace"]["files"] == 24
    assert after.comparator.params["commonplace"]["groups"] == 24


# -- issue 17: one finding per copied passage, exact boundaries, labels, phrase-level filtration ------------


def _three_paragraphs(lang: str) -> tuple[str, list[str]]:
    """A (the source, three paragraphs) and B's paragraphs: A's first, a new one, A's third."""
    src, host, sep = (EN_SOURCE, EN_HOST, EN_SEP) if lang == "en" else (ZH_SOURCE, ZH_HOST, ZH_SEP)
    a = "\n\n".join([sep.join(src[0:4]), sep.join(src[4:6]), sep.join(src[6:12])])
    return a, [sep.join(src[0:4]), sep.join(host[0:3]), sep.join(src[6:10])]


def _assert_two_separate_findings(r, b_text: str, new_paragraph: str) -> None:
    new0 = b_text.index(new_paragraph)
    new1 = new0 + len(new_paragraph)
    assert len(r.matches) == 2
    assert [m.id for m in r.matches] == ["F-text-0001", "F-text-0002"]
    for m in r.matches:
        assert m.b.end_char <= new0 or m.b.start_char >= new1, "a finding covers the new paragraph"
        assert m.category == "verbatim"
        assert b_text[m.b.start_char:m.b.end_char].strip() in b_text
    first, second = sorted(r.matches, key=lambda m: m.b.start_char)
    assert first.b.end_char <= new0 and second.b.start_char >= new1
    assert r.comparator.params["max_uncopied"] == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_copied_paragraphs_around_a_new_one_are_two_findings(tmp_path, lang):
    a, paragraphs = _three_paragraphs(lang)
    b = "\n\n".join(paragraphs)
    r = _compare(tmp_path, a, b)
    _assert_two_separate_findings(r, b, paragraphs[1])
    # with a looser limit the new paragraph's three sentences may be bridged: the parameter decides
    wide = _compare(tmp_path, a, b, max_uncopied=10)
    assert len(wide.matches) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_copied_paragraphs_around_a_new_one_in_a_docx(tmp_path, lang):
    import docx

    a, paragraphs = _three_paragraphs(lang)
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(tmp_path / "b.docx")
    c = get("text")
    fa = c.extract(_write(tmp_path / "a.txt", a))
    fb = c.extract(tmp_path / "b.docx")
    r = c.compare(fa, fb)
    from comparators.text.read import read_document

    b_text = read_document(tmp_path / "b.docx").text
    _assert_two_separate_findings(r, b_text, paragraphs[1])
    assert all(m.detail["cite_b"] for m in r.matches)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_verbatim_copy_does_not_run_into_the_surrounding_text(tmp_path, lang):
    # the copy starts and ends inside sentences of A: the finding stops at the copied characters
    src, host, sep = (EN_SOURCE, EN_HOST, EN_SEP) if lang == "en" else (ZH_SOURCE, ZH_HOST, ZH_SEP)
    a = sep.join(src)
    start = a.index(src[3]) + len(src[3]) // 2
    end = a.index(src[8]) + len(src[8]) // 2
    b, b0, b1 = _embed(host, a[start:end], sep)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    m = r.matches[0]
    assert start <= m.a.start_char and m.a.end_char <= end
    assert b0 <= m.b.start_char and m.b.end_char <= b1
    assert (m.a.end_char - m.a.start_char) >= 0.95 * (end - start)
    assert m.category == "verbatim"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_short_verbatim_copy_is_labelled_verbatim(tmp_path, lang):
    # Chinese: about 100 characters; English: two sentences (one would fall under ``min_tokens``)
    src, host, sep = (EN_SOURCE, EN_HOST, EN_SEP) if lang == "en" else (ZH_SOURCE, ZH_HOST, ZH_SEP)
    a, a0, a1 = _source(src, sep, 4, 6 if lang == "en" else 7)
    assert 80 <= a1 - a0 <= 200
    b, b0, b1 = _embed(host, a[a0:a1], sep)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    m = r.matches[0]
    assert (m.a.start_char, m.a.end_char, m.b.start_char, m.b.end_char) == (a0, a1, b0, b1)
    assert m.category == "verbatim"


def test_copied_passage_with_an_idiom_is_found_and_only_the_idiom_listed(tmp_path):
    idiom_sentence = "过年那天，全村老小欢欢喜喜地聚在祠堂前，看孩子们放鞭炮，一直闹到半夜。"
    a = "".join(ZH_SOURCE[:7] + [idiom_sentence] + ZH_SOURCE[7:])
    copy = ZH_SOURCE[6] + idiom_sentence + ZH_SOURCE[7]
    b, b0, b1 = _embed(ZH_HOST, copy, ZH_SEP)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    m = r.matches[0]
    assert (m.b.start_char, m.b.end_char) == (b0, b1)
    assert m.category == "verbatim"
    common = [e for e in r.excluded if e.reason == "common phrase or idiom"]
    idiom = [e for e in common if e.detail["phrases"] == ["欢欢喜喜"]]
    assert len(idiom) == 1
    e = idiom[0]
    assert b[e.b.start_char:e.b.end_char] == "欢欢喜喜" and a[e.a.start_char:e.a.end_char] == "欢欢喜喜"
    assert e.detail["inside"] == m.id
    for e in common:  # every exclusion is one phrase's own characters, never the passage
        assert b[e.b.start_char:e.b.end_char] == e.detail["phrases"][0]
    assert r.extra["units"]["matched_b"] == b1 - b0


def test_edited_copy_with_an_idiom_is_not_excluded_as_common(tmp_path):
    # the copy is edited around the idiom: it must still be found, not excluded as an idiom-only match
    idiom_a = "过年那天，全村老小欢欢喜喜地聚在祠堂前，看孩子们放鞭炮。"
    idiom_b = "过年那日，全村老少欢欢喜喜地聚到祠堂门前，看小孩放爆竹。"
    a = "".join(ZH_SOURCE[:7] + [idiom_a] + ZH_SOURCE[7:])
    b, b0, b1 = _embed(ZH_HOST, _edit_zh(ZH_SOURCE[6]) + idiom_b + _edit_zh(ZH_SOURCE[7]), ZH_SEP)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    assert _overlap(r.matches[0], 0, len(a), b0, b1)[1] > 0.9
    assert all(e.b.end_char - e.b.start_char <= 8 for e in r.excluded)


def test_synonym_substitution_has_its_own_label(tmp_path):
    a, a0, a1 = _source(EN_SOURCE, EN_SEP, 2, 9)
    swaps = {"climbed": "ascended", "evening": "night", "painted": "coloured", "stormy": "wild",
             "careful": "neat", "drifted": "floated", "rang": "sounded", "passed": "went", "ached": "hurt"}
    edited = " ".join(swaps.get(w, w) for w in a[a0:a1].split(" "))
    b, b0, b1 = _embed(EN_HOST, edited, EN_SEP)
    r = _compare(tmp_path, a, b)
    assert len(r.matches) == 1
    assert r.matches[0].category == "synonym-substituted"
    assert r.matches[0].detail["substituted"] > 0 and r.matches[0].detail["indels"] == 0


def test_cli_compare_kind_text_refuses_a_folder_in_one_line(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    _write(folder / "one.txt", EN_SEP.join(EN_SOURCE))
    other = _write(tmp_path / "b.txt", EN_SEP.join(EN_SOURCE[:6]))
    for a, b in ((folder, other), (other, folder)):
        proc = subprocess.run([sys.executable, "-m", "appraisal.cli", "compare", str(a), str(b), "--kind", "text",
                               "--json"], capture_output=True, text=True)
        assert proc.returncode == 2
        assert proc.stdout == ""
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and str(folder) in lines[0] and "folder" in lines[0]
        assert "Traceback" not in proc.stderr
    # the same folder with --kind auto is still compared, as a package, and says so
    proc = subprocess.run([sys.executable, "-m", "appraisal.cli", "compare", str(folder), str(other), "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["kind"] == "package"


def test_report_method_section_quotes_the_label_thresholds_recorded_in_params(tmp_path):
    from types import SimpleNamespace

    from appraisal.report.builder import _text_label_thresholds
    from appraisal.report.labels import label
    from comparators.text import categorise

    r = _compare(tmp_path, EN_SEP.join(EN_SOURCE), EN_SEP.join(EN_HOST))
    data = SimpleNamespace(comparisons=[{"result": r.to_dict()}])
    thresholds = _text_label_thresholds(data)
    assert thresholds == categorise.THRESHOLDS
    for lang in ("zh", "en"):
        text = label(lang, "methods_text_labels").format(**thresholds)
        assert str(categorise.VERBATIM_MIN) in text and str(categorise.SYNONYM_MIN_RATIO) in text
    assert _text_label_thresholds(SimpleNamespace(comparisons=[])) == {}


def test_abbreviations_initials_and_semicolons_end_no_sentence() -> None:
    """"Mr.", "Dr." or an English semicolon inside a sentence does not make it two: an inserted sentence
    naming Mr. Knightley is one uncopied sentence, not two (which would cut a finding under
    ``max_uncopied`` = 1)."""
    from comparators.text.normalize import normalise
    from comparators.text.units import tokenise

    text = ("Mr. John Knightley proved more talkative than his brother. Dr. Grant, e.g. at supper, spoke to "
            "J. K. Smith. The end came at last. Mrs. Weston smiled.")
    units = tokenise(normalise(text))
    ends = [text[e - 1] for e in units.sent_end.tolist()]
    assert len(units.sent) - 1 == 4 and ends == [".", ".", ".", "."]
    assert text[:units.sent_end[0]].endswith("than his brother.")
    clauses = tokenise(normalise("She loved him; there was no withdrawing. 他来了；她走了。"))
    assert len(clauses.sent) - 1 == 3  # an English semicolon joins clauses; a Chinese one still ends a unit
