"""The correction stage in the pipeline: what it touches (OCR'd text, headings, labels), what it never
touches (numbers, digital text layers), and how each change is reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extractors.corrections import correct_layout
from extractors.page_layout import layout_from_pages
from normalizers import normalize_text
from pipeline.model import Source
from pipeline.positioned import PageContent, Word
from pipeline.run import extract_pages, extract_text
from tests.conftest import ROOT

DOC = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
Số: 52/KH-UBND
Bắc Kạn, ngày 16 tháng 5 năm 2016

KẾ HOẠCH
Đấy mạnh chuyên giao công nghệ năm 2016

I. MỤC TIỂU
Tố chức thực hiện các mô hình ứng dụng tiên bộ khoa học; đào tạo cán bộ chuyên môn.

STT\tNội dung\tKinh phí
1\tChuyên giao công nghệ nuôi cấy mô\t1.500,00
2\tTập huấn cán bộ\t300,00
"""


def _doc(correct: bool = True):
    return extract_text(DOC, Source(path="kh.txt", sha256=""), correct)


def test_title_headings_labels_and_text_use_corrected_words():
    doc = _doc()
    assert doc.header.title == "Đẩy mạnh chuyển giao công nghệ năm 2016"
    assert doc.sections[0].heading.lower() == "mục tiêu"
    assert "Tổ chức thực hiện các mô hình ứng dụng tiến bộ khoa học; đào tạo cán bộ chuyên môn." in doc.text
    assert doc.tables[0].rows[0].label == "Chuyển giao công nghệ nuôi cấy mô"


def test_numbers_and_references_are_untouched():
    doc = _doc()
    assert doc.header.reference == "52/KH-UBND"
    assert [r.values[2] for r in doc.tables[0].rows] == [1500.0, 300.0]
    assert all(not any(ch.isdigit() for ch in c.from_) for c in doc.corrections)


def test_every_correction_points_at_its_word_in_text():
    doc = _doc()
    assert {(c.from_, c.to) for c in doc.corrections} == {
        ("Đấy mạnh", "Đẩy mạnh"), ("chuyên giao", "chuyển giao"), ("MỤC TIỂU", "MỤC TIÊU"), ("Tố chức", "Tổ chức"),
        ("tiên bộ", "tiến bộ"), ("Chuyên giao", "Chuyển giao")}
    source_lines = DOC.split("\n")
    for c in doc.corrections:
        assert doc.text[c.offset:c.offset + len(c.to)] == c.to
        assert c.rule == "lexicon" and c.reason and c.score > 0
        assert c.from_ in source_lines[c.span.line - 1]  # the span is the source line as read
        assert DOC[c.span.start:c.span.end] == c.from_


def test_no_correct_leaves_the_text_as_read():
    doc = _doc(correct=False)
    assert doc.corrections == []
    assert doc.header.title == "Đấy mạnh chuyên giao công nghệ năm 2016"
    assert "Tố chức thực hiện" in doc.text


def _page(kind: str) -> PageContent:
    words, top = [], 100.0
    for line in ("KẾ HOẠCH", "Tố chức thực hiện chuyên giao công nghệ"):
        x = 80.0
        for t in line.split():
            words.append(Word(t, x, top, x + 8 * len(t), top + 13, 1, conf=90.0 if kind == "ocr" else None))
            x += 8 * len(t) + 4
        top += 20
    return PageContent(1, 595, 842, kind, words)


def test_ocr_pages_are_corrected_digital_text_layers_are_not():
    ocr = extract_pages([_page("ocr")], Source(path="scan.pdf", sha256="", format="pdf", ocr=True))
    digital = extract_pages([_page("text")], Source(path="digital.pdf", sha256="", format="pdf"))
    assert "Tổ chức thực hiện chuyển giao công nghệ" in ocr.text and len(ocr.corrections) == 2
    assert "Tố chức thực hiện chuyên giao công nghệ" in digital.text and digital.corrections == []
    assert ocr.corrections[0].span.page == 1 and ocr.corrections[0].span.bbox is not None


def test_only_the_chosen_pages_change():
    layout = layout_from_pages([_page("ocr")])
    assert correct_layout(layout, normalize_text, pages={2}) == []
    assert len(correct_layout(layout, normalize_text, pages={1})) == 2


def test_cli_no_correct_flag(tmp_path):
    src = tmp_path / "kh.txt"
    src.write_text(DOC, encoding="utf-8")
    vanban = Path(sys.executable).parent / "vanban"
    for flag, out in ((), "on"), (("--no-correct",), "off"):
        subprocess.run([str(vanban), "extract", str(src), "-o", str(tmp_path / out), "-q", *flag], check=True,
                       cwd=ROOT, timeout=120)
    on = json.loads((tmp_path / "on" / "kh.json").read_text(encoding="utf-8"))
    off = json.loads((tmp_path / "off" / "kh.json").read_text(encoding="utf-8"))
    assert len(on["corrections"]) == 6 and off["corrections"] == []
    assert {"from", "to", "offset", "rule", "score", "reason", "span"} <= set(on["corrections"][0])
