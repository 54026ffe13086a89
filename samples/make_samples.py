#!/usr/bin/env python3
"""Render the seed texts in samples/*.txt as realistic PDF test documents.

For every seed ``samples/<stem>.txt`` this writes

* ``samples/pdf/pdf_<stem>.pdf``  - a digital (text) PDF laid out per Nghị định 30/2020/NĐ-CP
  (A4, Liberation Serif 13 pt, header block, ruled tables, end block, page numbers);
* ``samples/scan/scan_<stem>.pdf`` - an image-only "scan" of it: every page rasterized at 300 dpi,
  off-white paper, small skew, blur, noise, a red seal (and a pen stroke) over each signature;
  no text layer.  Page 1 is a grayscale JPEG, pages with colour (seal, receipt stamp) RGB JPEG,
  the rest bitonal CCITT G4 (JPEG everywhere would not fit ~6 MB); each image is placed at
  exactly 300 dpi, so rasterizing the page at 300 dpi gives back the embedded pixels;
* ``tests/gold/pdf_<stem>.json`` and ``tests/gold/scan_<stem>.json`` - the gold answers,
  copied from ``tests/gold/<stem>.json`` with ``"file"`` updated.

The seed text is what an upstream OCR produced: tab-separated tables, ``<i>`` cells,
``**bold**`` runs, HTML-ish cells.  It is parsed generically (header lines by pattern, headings,
paragraphs, tables, the end block); the few things a seed lost (the agency block of 000/003/004)
or mangled (the split rows of 003's appendix table) are set in ``SEEDS`` below.

Deterministic: fixed seeds, reportlab in invariant mode.  Run from the repository root:
    .venv/bin/python samples/make_samples.py
Needs: reportlab, pypdfium2, Pillow, numpy; fonts: Liberation Serif/Sans 2.x (Debian fonts-liberation2;
the 1.07 fonts of Debian fonts-liberation lack the Vietnamese letters).
"""
from __future__ import annotations

import copy
import hashlib
import io
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from reportlab import rl_config

rl_config.invariant = 1  # no timestamps / random ids: byte-identical output on every run

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PDF_DIR = SAMPLES / "pdf"
SCAN_DIR = SAMPLES / "scan"
GOLD_DIR = ROOT / "tests" / "gold"

SEED = 20240530
DPI = 300
PAGE_W, PAGE_H = A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
BODY_SIZE = 13
MAX_SCAN_PAGE_BYTES = 400_000

# --------------------------------------------------------------------------------------------
# fonts
# --------------------------------------------------------------------------------------------
# Liberation 2.x (Debian fonts-liberation2) has the Vietnamese glyphs; 1.07 (fonts-liberation) has not
FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"),
             Path("/usr/share/fonts/liberation"), Path("/usr/local/share/fonts")]
SERIF, SERIF_B, SERIF_I, SERIF_BI = "LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", \
    "LiberationSerif-BoldItalic"
SANS, SANS_B = "LiberationSans", "LiberationSans-Bold"


def _load_font(name: str, file: str) -> TTFont:
    """The first font file of that name that has the Vietnamese letters (Ủ ạ ố ữ Đ)."""
    for d in FONT_DIRS:
        for p in sorted(d.rglob(file + ".ttf")) if d.exists() else []:
            font = TTFont(name, str(p))
            if all(ord(ch) in font.face.charToGlyph for ch in "ỦạốữĐđ"):
                return font
    sys.exit(f"no {file}.ttf with Vietnamese glyphs found (install fonts-liberation2)")


def register_fonts() -> None:
    for name in (SERIF, SERIF_B, SERIF_I, SERIF_BI, SANS, SANS_B):
        pdfmetrics.registerFont(_load_font(name, name + ("-Regular" if "-" not in name else "")))
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_B, italic=SERIF_I, boldItalic=SERIF_BI)
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_B, italic=SANS, boldItalic=SANS_B)


def sw(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


# --------------------------------------------------------------------------------------------
# per-seed settings: only what the seed text cannot tell
# --------------------------------------------------------------------------------------------
def rebuild_003(rows: list[list[str]]) -> tuple[list[list[str]], list[tuple]]:
    """003's appendix table came out of OCR as 11 physical rows with cells shifted between them.

    Rebuild the 6 logical rows of the original (TT | nhiệm vụ | chủ trì | tiếp nhận): a label row
    printed above its numbered row belongs to it, list continuations below it too; row 1 and row 2
    share one "đơn vị chủ trì" cell (vertically merged in the original, which is why OCR put it
    between them); row 3 lost its column break between "chủ trì" and "tiếp nhận".
    Returns the data rows and extra SPAN commands (row indexes relative to the data rows)."""
    r = [list(x) + [""] * (4 - len(x)) for x in rows]

    def join(*parts):
        return "\n".join(p for p in parts if p)

    r3_cells = r[3][2].split("\n")
    out = [
        [r[0][0], r[0][1], r[1][2], r[0][2]],
        [r[2][0], join(r[1][1], r[2][1]), "", r[2][2]],
        [r[3][0], r[3][1], r3_cells[0], join(*r3_cells[1:])],
        [r[6][0], join(r[4][1], r[5][1], r[6][1], r[7][1]), join(r[4][2], r[8][2]),
         join(r[5][2], r[6][2], r[8][3])],
        r[9],
        r[10],
    ]
    spans = [("SPAN", (2, 0), (2, 1))]
    return out, spans


SEEDS: dict[str, dict] = {
    # the OCR lost the agency block; the body and the signature say who issued it
    "000": {"agency": ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CAO BẰNG"]},
    "001": {},
    # 002 starts with a web portal's metadata block (dropped generically: the "•" lines)
    "002": {},
    # joint plan of the Sở and the UBND huyện: both names, stacked, in the left column
    "003": {"agency": ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "UBND HUYỆN CAO LÃNH"],
            "table_rebuild": {0: rebuild_003}, "col_frac": {0: [0.07, 0.43, 0.25, 0.25]},
            "stamp_ink": (0.16, 0.22, 0.66)},
    "004": {"agency": ["ỦY BAN NHÂN DÂN", "HUYỆN DƯƠNG MINH CHÂU"]},
}

# --------------------------------------------------------------------------------------------
# parsing the seed text
# --------------------------------------------------------------------------------------------
DOC_TYPES = ("QUYẾT ĐỊNH", "KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH", "BÁO CÁO", "TỜ TRÌNH",
             "CÔNG VĂN", "THÔNG BÁO", "HƯỚNG DẪN", "NGHỊ QUYẾT", "CHỈ THỊ", "ĐỀ ÁN", "PHƯƠNG ÁN")
RE_TYPE = re.compile("^(?:{})$".format("|".join(map(re.escape, DOC_TYPES))))
RE_NUMBER = re.compile(r"^Số\s*:?\s*[\d ]*[-/]")
RE_DATE = re.compile(r"^[^,]{2,40},\s*ngày\b.*\bnăm\s+\d{4}$")
RE_MOTTO = re.compile(r"^(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
                      r"Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc)$")
RE_PARTY = re.compile(r"^ĐẢNG CỘNG SẢN VIỆT NAM$")
RE_RULE = re.compile(r"^[-_=*.\s]+$")
RE_STAMP = re.compile(r"^(?:ĐẾN|ĐIỀN|ĐÊN|ĐỀN|DEN)\s+Số\s*:", re.IGNORECASE)
RE_SIGN = re.compile(r"^(?:TM\.|KT\.|TL\.|TUQ\.|TƯQ\.|Q\.|T/M|K/T|T/L)\s*\S")
RE_NAME = re.compile(r"^[A-ZÀ-ỸĐ][a-zà-ỹđ]+(?: [A-ZÀ-ỸĐ][a-zà-ỹđ]+){1,4}$")
RE_H_ROMAN = re.compile(r"^[IVXLC]+[.\-]\s")
RE_H_NUM = re.compile(r"^\d{1,2}[.\-]\s")
RE_H_SUB = re.compile(r"^\d{1,2}\.\d{1,2}[.\-]?\s")
RE_H_LETTER = re.compile(r"^[a-zđ][.)]\s")
RE_H_CAPLETTER = re.compile(r"^[A-Z]\.\s")
RE_ARTICLE = re.compile(r"^(Điều \d+\.)\s*(.*)$")
RE_STT = re.compile(r"^(?:[IVXLC]+|\d{1,3}|[a-zđ])[.)]?$")
RE_NUMERIC = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$")


def is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def strip_bold(s: str) -> str:
    return re.sub(r"\*+", "", s).strip()


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline(s: str) -> str:
    """Seed markup -> reportlab paragraph markup."""
    s = esc(s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", r"<i>\1</i>", s)
    return s.replace("*", "")


def html_cell(s: str) -> str:
    """An HTML-ish OCR cell (<p>, <ul> - a - b) -> text lines joined by newlines."""
    s = s.strip()
    if "<" not in s:
        return s
    parts = re.split(r"<ul[^>]*>", s)
    lines: list[str] = []
    for k, part in enumerate(parts):
        part = part.replace("</ul>", " ")
        if k == 0:
            ps = re.findall(r"<p>(.*?)</p>", part)
            rest = re.sub(r"<p>.*?</p>", " ", part)
            lines += [p.strip() for p in ps if p.strip()]
            if rest.strip():
                lines.append(re.sub(r"<[^>]+>", "", rest).strip())
        else:
            for item in re.split(r"(?:^|\s)-\s", " " + part):
                item = re.sub(r"<[^>]+>", "", item).strip()
                if item:
                    lines.append("- " + item)
    return "\n".join(x for x in lines if x)


def parse_table(rows_text: list[str]) -> dict:
    rows = [[c.strip() for c in line.split("\t")] for line in rows_text]
    ncols = max(len(r) for r in rows)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    # trailing all-empty columns (a tab at the end of every row) are not columns
    while ncols > 1 and all(not r[-1] for r in rows):
        rows = [r[:-1] for r in rows]
        ncols -= 1
    nhead = 0
    for i, r in enumerate(rows):
        if is_column_numbers(r):
            continue
        if RE_STT.match(r[0]) and any(r[1:]):
            nhead = i
            break
    return {"rows": rows, "ncols": ncols, "nhead": nhead}


def is_column_numbers(r: list[str]) -> bool:
    vals = [c for c in r if c]
    return len(vals) >= 3 and vals == [str(i) for i in range(1, len(vals) + 1)]


def parse_seed(text: str, cfg: dict) -> dict:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\r", "")
    lines = [ln.rstrip() for ln in text.split("\n")]
    # the web-portal metadata block ("• Số hiệu văn bản: …") is not part of the document
    bullets = [i for i, ln in enumerate(lines) if ln.lstrip().startswith("•")]
    if bullets:
        lines = lines[bullets[-1] + 1:]
    # ---- header region: everything before the type line
    t_idx = next(i for i, ln in enumerate(lines) if RE_TYPE.match(strip_bold(ln)))
    head = [ln.strip() for ln in lines[:t_idx]]
    doc: dict = {"agency": [], "number": None, "date": None, "party": False, "stamp": None}
    i = 0
    while i < len(head):
        ln = head[i]
        if not ln:
            i += 1
            continue
        if RE_STAMP.match(ln):
            # receipt stamp: department line above it, the stamp lines below until a blank
            block = []
            prev = [h for h in head[:i] if h]
            if prev and is_upper(prev[-1]) and prev[-1] not in doc["agency"] and not RE_MOTTO.match(prev[-1]):
                block.append(prev[-1])
                if prev[-1] in doc.get("_caps_after_number", []):
                    doc["_caps_after_number"].remove(prev[-1])
            j = i
            while j < len(head) and head[j]:
                block.append(head[j])
                j += 1
            block = [re.sub(r"^\S+(\s+Số\s*:)", r"ĐẾN\1", b) if RE_STAMP.match(b) else b for b in block]
            doc["stamp"] = block
            i = j
            continue
        if RE_NUMBER.match(ln):
            doc["number"] = ln
        elif RE_DATE.match(ln):
            doc["date"] = ln
        elif RE_PARTY.match(ln):
            doc["party"] = True
        elif RE_MOTTO.match(ln) or RE_RULE.match(ln):
            pass
        elif is_upper(ln):
            if doc["number"] is None:
                doc["agency"].append(ln)
            else:
                doc.setdefault("_caps_after_number", []).append(ln)
        i += 1
    doc.pop("_caps_after_number", None)
    if cfg.get("agency"):
        doc["agency"] = list(cfg["agency"])
    # a blank number / date (a draft) is printed with room to write it in by hand
    if doc["number"]:
        doc["number"] = re.sub(r"^Số\s*:\s*/", "Số:" + " " * 8 + "/", doc["number"])
    if doc["date"]:
        doc["date"] = re.sub(r"ngày\s+tháng\s+năm", "ngày" + " " * 6 + "tháng" + " " * 6 + "năm",
                             doc["date"])
    doc["type"] = strip_bold(lines[t_idx])
    # ---- the rest: chunks separated by blank lines; tables are runs of tab-separated lines
    items = chunk_body(lines[t_idx + 1:])
    # title: the first chunk after the type line, plus bold chunks continuing it (001)
    title_lines: list[str] = []
    while items and items[0]["kind"] == "chunk":
        it = items[0]
        if title_lines and not (it["lines"][0].startswith("**") and not heading_kind(it["lines"][0])):
            break
        title_lines += [strip_bold(x) for x in it["lines"]]
        items.pop(0)
    doc["title"] = title_lines
    doc["body"] = classify(items, doc)
    return doc


def chunk_body(lines: list[str]) -> list[dict]:
    items: list[dict] = []
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        if not ln.strip():
            i += 1
            continue
        if "\t" in ln:
            rows = []
            while i < n:
                if "\t" in lines[i]:
                    rows.append(lines[i])
                    i += 1
                elif not lines[i].strip():
                    j = i
                    while j < n and not lines[j].strip():
                        j += 1
                    if j < n and "\t" in lines[j]:
                        i = j
                    else:
                        break
                else:
                    break
            items.append({"kind": "table", "rows": rows})
            continue
        chunk = []
        st = ln.strip()
        if st.startswith("**") and not (st.endswith("**") and st.count("**") >= 2) and not st.endswith("*"):
            # a bold run spanning several lines: up to the line that closes it
            while i < n and lines[i].strip():
                chunk.append(lines[i].strip())
                i += 1
                if len(chunk) > 1 and chunk[-1].endswith("**"):
                    break
        else:
            while i < n and lines[i].strip() and "\t" not in lines[i]:
                chunk.append(lines[i].strip())
                i += 1
        items.append({"kind": "chunk", "lines": chunk})
    return items


def heading_kind(s: str) -> str | None:
    plain = strip_bold(s)
    if RE_H_ROMAN.match(plain):
        return "h1"
    if RE_H_SUB.match(plain) and len(plain) <= 200:
        return "h3"
    if RE_H_NUM.match(plain) and (len(plain) <= 130 and not plain.endswith(";")
                                  or len(plain) <= 200 and not re.search(r"[.;]$", plain)):
        return "h2"
    if RE_H_LETTER.match(plain) and len(plain) <= 130 and not re.search(r"[.;]$", plain):
        return "h4"
    if RE_H_CAPLETTER.match(plain) and len(plain) <= 130 and not plain.endswith("."):
        return "h2"
    return None


def classify(items: list[dict], doc: dict) -> list[dict]:
    """Chunks -> typed blocks (paragraphs, headings, tables, captions, end blocks, …)."""
    out: list[dict] = []
    end: dict | None = None
    seen_sign = False
    k = 0

    def flush_end():
        nonlocal end
        if end:
            out.append(end)
            end = None

    while k < len(items):
        it = items[k]
        k += 1
        if it["kind"] == "table":
            flush_end()
            out.append({"kind": "table", **parse_table(it["rows"])})
            continue
        lines = it["lines"]
        first = strip_bold(lines[0])
        # --- end block parts
        if first.rstrip(":") == "Nơi nhận":
            end = end or {"kind": "end", "recipients": [], "signs": []}
            rest = lines[1:]
            while not rest and k < len(items) and items[k]["kind"] == "chunk" and \
                    items[k]["lines"][0].startswith("- "):
                rest = items[k]["lines"]
                k += 1
            end["recipients"] += rest
            continue
        bold_block = lines[0].startswith("**") and lines[-1].endswith("**")
        if (RE_SIGN.match(first) or bold_block and all(is_upper(strip_bold(x)) and len(strip_bold(x)) <= 40
                                                        for x in lines) and not heading_kind(first)):
            end = end or {"kind": "end", "recipients": [], "signs": []}
            sign = {"lines": [strip_bold(x) for x in lines], "name": None}
            if k < len(items) and items[k]["kind"] == "chunk" and len(items[k]["lines"]) == 1 and \
                    RE_NAME.match(items[k]["lines"][0]):
                sign["name"] = items[k]["lines"][0]
                k += 1
            end["signs"].append(sign)
            seen_sign = True
            continue
        flush_end()
        # --- an attached document (the plan issued by the decision) / an appendix
        if seen_sign and RE_TYPE.match(first):
            out.append({"kind": "pagebreak"})
            out.append({"kind": "attached_header"})
            out.append({"kind": "type", "text": first})
            t = items[k]["lines"] if k < len(items) and items[k]["kind"] == "chunk" else []
            k += 1 if t else 0
            out.append(title_block(t))
            continue
        if re.match(r"^Phụ lục\b", first, re.IGNORECASE):
            out.append({"kind": "pagebreak"})
            out.append({"kind": "center", "text": first, "bold": True})
            t = items[k]["lines"] if k < len(items) and items[k]["kind"] == "chunk" else []
            k += 1 if t else 0
            out.append(title_block(t))
            continue
        if bold_block and len(lines) > 1 and heading_kind(first):
            lines = [" ".join(strip_bold(x) for x in lines)]
        for ln in lines:
            out.append(classify_line(ln, doc))
    flush_end()
    # paragraphs split by a page break in the seed: join a lower-case start to an unfinished one
    merged: list[dict] = []
    for b in out:
        if (b["kind"] == "para" and merged and merged[-1]["kind"] == "para" and not merged[-1].get("style")
                and not re.search(r"[.;:!?…*]$", merged[-1]["text"])
                and (b["text"][:1].islower() or not re.match(r"^[-+*\d]", b["text"]))):
            merged[-1]["text"] += " " + b["text"]
        else:
            merged.append(b)
    return merged


def title_block(lines: list[str]) -> dict:
    """Title lines of an attached document/appendix; a trailing "(Ban hành kèm theo …)" is italic."""
    main, note = [], []
    for ln in lines:
        ln = strip_bold(ln)
        m = re.match(r"^(.*?)\s*(\((?:Ban hành )?[Kk]èm theo.*\))$", ln)
        if m:
            if m.group(1):
                main.append(m.group(1))
            note.append(m.group(2))
        else:
            main.append(ln)
    return {"kind": "subtitle", "lines": main, "note": note}


def classify_line(ln: str, doc: dict) -> dict:
    plain = strip_bold(ln)
    m = re.match(r"^\*\*\s*(.+?)\s*\*$", ln)
    if m and not ln.endswith("**"):
        return {"kind": "para", "text": f"*{m.group(1)}*", "style": "italic_line"}
    if re.match(r"^Đơn vị tính\s*:", plain):
        return {"kind": "unit", "text": plain}
    if re.match(r"^Bảng \d+\s*[:.]", plain):
        return {"kind": "caption", "text": plain}
    h = heading_kind(ln)
    if h:
        return {"kind": "heading", "level": h, "text": plain}
    m = RE_ARTICLE.match(plain)
    if m:
        return {"kind": "para", "text": f"**{m.group(1)}** {m.group(2)}"}
    if is_upper(plain) and len(plain) <= 90:
        return {"kind": "center", "text": plain, "bold": True}
    style = None
    if doc["type"] == "QUYẾT ĐỊNH" and re.match(r"^(Căn cứ|Xét)\b", plain):
        style = "italic"
    return {"kind": "para", "text": ln, "style": style}


# --------------------------------------------------------------------------------------------
# layout
# --------------------------------------------------------------------------------------------
def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=SERIF, fontSize=BODY_SIZE, leading=16.5, bulletFontName=SERIF)
    s = {
        "para": ParagraphStyle("para", base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6),
        "h": ParagraphStyle("h", base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceBefore=3,
                            spaceAfter=6, fontName=SERIF_B),
        "type": ParagraphStyle("type", base, fontName=SERIF_B, fontSize=14, leading=18, alignment=TA_CENTER),
        "title": ParagraphStyle("title", base, fontName=SERIF_B, fontSize=14, leading=18, alignment=TA_CENTER),
        "center_b": ParagraphStyle("center_b", base, fontName=SERIF_B, alignment=TA_CENTER, spaceBefore=4,
                                   spaceAfter=8),
        "note": ParagraphStyle("note", base, fontName=SERIF_I, alignment=TA_CENTER, spaceAfter=4),
        "unit": ParagraphStyle("unit", base, fontName=SERIF_I, fontSize=12, alignment=TA_RIGHT, spaceAfter=3),
        "caption": ParagraphStyle("caption", base, fontName=SERIF_BI, fontSize=12, alignment=TA_CENTER,
                                  spaceBefore=4, spaceAfter=8),
        "nn_head": ParagraphStyle("nn_head", base, fontName=SERIF_BI, fontSize=12, leading=14),
        "nn": ParagraphStyle("nn", base, fontSize=11, leading=13, leftIndent=6, firstLineIndent=-6),
        "sign": ParagraphStyle("sign", base, fontName=SERIF_B, fontSize=13, leading=16, alignment=TA_CENTER),
    }
    return s


class HR(Flowable):
    """A short centred rule (under the title)."""

    def __init__(self, width, space_before=7, space_after=10, lw=0.6):
        super().__init__()
        self.w, self.sb, self.sa, self.lw = width, space_before, space_after, lw

    def wrap(self, aw, ah):
        self.aw = aw
        return aw, self.sb + self.sa

    def draw(self):
        x0 = (self.aw - self.w) / 2
        self.canv.setLineWidth(self.lw)
        self.canv.line(x0, self.sa, x0 + self.w, self.sa)


class HeaderBlock(Flowable):
    """The two-column block at the top of page 1 (NĐ 30/2020, Phụ lục I, ô 1-4).

    Left: agency lines (bold caps), a short rule (Party: an asterisk), "Số: …".
    Right: national motto + rule (Party: "ĐẢNG CỘNG SẢN VIỆT NAM" underlined), the italic
    place-and-date line on the same baseline as the number."""

    LEAD = 16
    TOP = 12  # first baseline below the top of the block
    MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"

    def __init__(self, agency: list[str], number: str | None, date: str | None, party: bool):
        super().__init__()
        self.agency, self.number, self.date, self.party = agency, number, date, party
        widest = max((sw(a, SERIF_B, 13) for a in agency), default=0)
        self.ag_size = 13 if widest <= 62 * mm else 12
        left_w = max([sw(a, SERIF_B, self.ag_size) for a in agency] + [sw(number or "", SERIF, 13)])
        self.left_w = min(max(left_w + 5 * mm, 62 * mm), TEXT_W - sw(self.MOTTO, SERIF_B, 12) - 3 * mm)
        n_left = len(agency) + (1 if party else 0)
        n_right = 1 if party else 2
        self.n = max(n_left, n_right)
        # last baseline, then the rule 7 pt under it, then the number/date row 22 pt under the rule
        self.rule_y = self.TOP + self.LEAD * (self.n - 1) + 7
        self.h = self.rule_y + (26 if (number or date) else 6)

    def wrap(self, aw, ah):
        self.aw = aw
        return aw, self.h

    def draw(self):
        c = self.canv
        lw, rw = self.left_w, self.aw - self.left_w
        cl, cr = lw / 2, lw + rw / 2
        c.setLineWidth(0.6)
        # left: agency lines, then a short rule (or the Party asterisk)
        y = self.h - self.TOP
        for a in self.agency:
            c.setFont(SERIF_B, self.ag_size)
            c.drawCentredString(cl, y, a)
            y -= self.LEAD
        wmax = max((sw(a, SERIF_B, self.ag_size) for a in self.agency), default=0)
        if self.party:
            c.setFont(SERIF, 13)
            c.drawCentredString(cl, y + 3, "*")
        else:
            rule = max(wmax / 3, 22 * mm)
            yr = self.h - self.TOP - self.LEAD * (len(self.agency) - 1) - 7
            c.line(cl - rule / 2, yr, cl + rule / 2, yr)
        # right: national motto and its rule, or the Party line underlined
        y = self.h - self.TOP
        if self.party:
            t = "ĐẢNG CỘNG SẢN VIỆT NAM"
            size = 13 if sw(t, SERIF_B, 13) < rw - 4 * mm else 12
            c.setFont(SERIF_B, size)
            c.drawCentredString(cr, y, t)
            w = sw(t, SERIF_B, size)
            c.line(cr - w / 2, y - 3.5, cr + w / 2, y - 3.5)
        else:
            t1, t2 = self.MOTTO, "Độc lập - Tự do - Hạnh phúc"
            size = 13 if sw(t1, SERIF_B, 13) < rw - 2 * mm else (12.5 if sw(t1, SERIF_B, 12.5) < rw - 2 * mm else 12)
            c.setFont(SERIF_B, size)
            c.drawCentredString(cr, y, t1)
            y -= self.LEAD
            c.setFont(SERIF_B, 13)
            c.drawCentredString(cr, y, t2)
            w = sw(t2, SERIF_B, 13)
            c.line(cr - w / 2, y - 7, cr + w / 2, y - 7)
        # bottom row: number (left), place and date (right, italic), same baseline
        yb = self.h - self.rule_y - 22
        if self.number:
            c.setFont(SERIF, 13)
            c.drawCentredString(cl, yb, self.number)
        if self.date:
            size = 13 if sw(self.date, SERIF_I, 13) < rw - 2 * mm else 12
            c.setFont(SERIF_I, size)
            c.drawCentredString(cr, yb, self.date)


SIGN_SPOTS: list[dict] = []  # filled while building: where each signature space landed


class SignSpace(Flowable):
    """Empty room for the hand signature and the seal; records where it was drawn."""

    def __init__(self, width, height, doc_key):
        super().__init__()
        self.width, self.height, self.doc_key = width, height, doc_key

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        x, y = self.canv.absolutePosition(0, 0)
        SIGN_SPOTS.append({"doc": self.doc_key, "page": self.canv.getPageNumber(), "x": x, "y": y,
                           "w": self.width, "h": self.height})


def end_block(b: dict, st: dict, doc_key: str) -> Flowable:
    left_w, col_w = TEXT_W * 0.53, TEXT_W * 0.47

    def sign_cell(sg):
        cell = [Paragraph(esc(x), st["sign"]) for x in sg["lines"]]
        cell.append(SignSpace(col_w - 12, 27 * mm, doc_key))
        if sg["name"]:
            cell.append(Paragraph(esc(sg["name"]), st["sign"]))
        return cell

    recips = []
    if b["recipients"]:
        recips.append(Paragraph("Nơi nhận:", st["nn_head"]))
        recips += [Paragraph(esc(x), st["nn"]) for x in b["recipients"]]
    signs = b["signs"]
    ts = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                     ("FONTNAME", (0, 0), (-1, -1), SERIF),
                     ("RIGHTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 0)])
    if len(signs) >= 2:
        data = [[sign_cell(signs[0]), sign_cell(signs[1])]]
        if recips:
            data.append([recips, ""])
            ts.add("TOPPADDING", (0, 1), (-1, 1), 10)
    else:
        data = [[recips or "", sign_cell(signs[0]) if signs else ""]]
    t = Table(data, colWidths=[left_w, col_w], hAlign="LEFT", spaceBefore=6)
    t.setStyle(ts)
    return t  # one row: never split (and, unlike KeepTogether, it can be kept with the paragraph before)


def col_widths(rows: list[list[str]], nhead: int, size: float, frac: list[float] | None) -> list[float]:
    ncols = len(rows[0])
    if frac:
        return [TEXT_W * f / sum(frac) for f in frac]
    pad = 8
    nat, word, vol = [0.0] * ncols, [0.0] * ncols, [0.0] * ncols
    for i, r in enumerate(rows):
        for c, cell in enumerate(r):
            font = SERIF_B if i < nhead else SERIF
            for line in cell.split("\n"):
                words = line.split()
                wmax = max((sw(w_, font, size) for w_ in words), default=0)
                word[c] = max(word[c], wmax + pad)
                if i >= nhead:
                    nat[c] = max(nat[c], sw(line, font, size) + pad)
                    vol[c] += sw(line, font, size)
                elif not is_column_numbers(r):
                    # a header label may wrap, but not into one word a line
                    nat[c] = max(nat[c], min(sw(line, font, size) + pad, 17 * mm))
    nat = [max(n, w_) for n, w_ in zip(nat, word)]
    if sum(nat) <= TEXT_W:
        widths = nat[:]
        widths[nat.index(max(nat))] += TEXT_W - sum(nat)
        return widths
    fixed = [c for c in range(ncols) if nat[c] <= 0.16 * TEXT_W]
    flex = [c for c in range(ncols) if c not in fixed]
    widths = nat[:]
    room = TEXT_W - sum(nat[c] for c in fixed)
    weights = {c: math.sqrt(vol[c]) or 1 for c in flex}
    tot = sum(weights.values())
    for c in flex:
        widths[c] = max(word[c], room * weights[c] / tot)
    scale = TEXT_W / sum(widths)
    return [w_ * scale for w_ in widths]


def header_spans(head: list[list[str]]) -> list[tuple]:
    """Merged header cells from the empty cells around a label (see module doc)."""
    H, W = len(head), len(head[0])
    covered = [[False] * W for _ in range(H)]
    spans = []
    for r in range(H):
        for c in range(W):
            if not head[r][c] or covered[r][c]:
                continue
            c2 = c
            while (c2 + 1 < W and not head[r][c2 + 1] and not covered[r][c2 + 1]
                   and any(head[rr][c2 + 1] for rr in range(r + 1, H))):
                c2 += 1
            r2 = r
            while r2 + 1 < H and all(not head[r2 + 1][cc] for cc in range(c, c2 + 1)):
                r2 += 1
            for rr in range(r, r2 + 1):
                for cc in range(c, c2 + 1):
                    covered[rr][cc] = True
            if (r2, c2) != (r, c):
                spans.append(("SPAN", (c, r), (c2, r2)))
    return spans


def build_table(b: dict, st: dict, cfg: dict, index: int) -> Table:
    rows, nhead = b["rows"], b["nhead"]
    extra_spans: list[tuple] = []
    html = any("<p>" in c or "<ul" in c for r in rows for c in r)
    if html:
        rows = [[html_cell(c) for c in r] for r in rows]
    rebuild = cfg.get("table_rebuild", {}).get(index)
    if rebuild:
        data_rows, extra_spans = rebuild(rows[nhead:])
        rows = rows[:nhead] + [r + [""] * (len(rows[0]) - len(r)) for r in data_rows]
        extra_spans = [(k, (a[0], a[1] + nhead), (z[0], z[1] + nhead)) for k, a, z in extra_spans]
    ncols = len(rows[0])
    size = 11 if ncols >= 6 else 12
    lead = size * 1.2
    cell_st = {
        "l": ParagraphStyle("cl", fontName=SERIF, fontSize=size, leading=lead, alignment=TA_LEFT),
        "c": ParagraphStyle("cc", fontName=SERIF, fontSize=size, leading=lead, alignment=TA_CENTER),
        "r": ParagraphStyle("cr", fontName=SERIF, fontSize=size, leading=lead, alignment=TA_RIGHT),
    }
    clean = [[re.sub(r"</?i>", "", c) for c in r] for r in rows]
    widths = col_widths(clean, nhead, size, cfg.get("col_frac", {}).get(index))
    cmds: list[tuple] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), SERIF),
                         ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                         ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    cmds += header_spans(rows[:nhead]) if nhead > 1 else []
    cmds += extra_spans
    data = []
    for i, r in enumerate(rows):
        out = []
        header = i < nhead
        colnums = is_column_numbers(r)
        group = not header and bool(re.match(r"^[IVXLC]+\.?$", r[0]))
        label = next((c for c in r[1:] if c), "") if not r[0] or not RE_STT.match(r[0]) else r[1]
        total = not header and bool(re.match(r"^t[ổo]ng\s+c[ộo]ng", re.sub(r"</?i>", "", r[0] or label),
                                             re.IGNORECASE))
        if total and r[0] and not RE_STT.match(r[0]) and not r[1]:
            cmds.append(("SPAN", (0, i), (1, i)))
        for c, cell in enumerate(r):
            italic = "<i>" in cell
            txt = esc(re.sub(r"</?i>", "", cell)).replace("\n", "<br/>")
            if header or colnums or c == 0:
                align = "c"
            elif RE_NUMERIC.match(re.sub(r"</?i>", "", cell)):
                align = "r"
            elif len(cell) <= 12 and c > 1:
                align = "c"
            else:
                align = "l"
            if total and c == 0 and not r[1]:
                align = "c"
            if header and not colnums:
                txt = f"<b>{txt}</b>"
            elif colnums:
                txt = f"<i>{txt}</i>"
            elif group or total:
                txt = f"<b>{txt}</b>"
            if italic:
                txt = f"<i>{txt}</i>"
            out.append(Paragraph(txt, cell_st[align]) if txt else "")
        data.append(out)
    t = Table(data, colWidths=widths, repeatRows=nhead, hAlign="CENTER")
    t.setStyle(TableStyle(cmds))
    return t


def draw_stamp(c, lines: list[str], ink: tuple, rng: np.random.Generator) -> None:
    """A rubber receipt stamp ("ĐẾN Số … Ngày …") in the top margin of page 1."""
    col = colors.Color(*ink, alpha=0.9)
    w, lead = 56 * mm, 8.3
    h = lead * len(lines) + 5.5
    x = MARGIN_LEFT + 50 * mm
    y = PAGE_H - 3 * mm - h  # inside the 20 mm top margin, clear of the header block
    angle = float(rng.uniform(1.5, 3.0))
    c.saveState()
    c.translate(x + w / 2, y + h / 2)
    c.rotate(angle)
    c.translate(-w / 2, -h / 2)
    c.setStrokeColor(col)
    c.setFillColor(col)
    c.setLineWidth(1.4)
    c.rect(0, 0, w, h)
    c.setLineWidth(0.5)
    c.rect(2, 2, w - 4, h - 4)
    yy = h - 3.2 - 6.2
    for k, ln in enumerate(lines):
        m = re.match(r"^(ĐẾN)\s+(.*)$", ln)
        if k == 0 and is_upper(ln):
            c.setFont(SANS_B, 7.5)
            c.drawCentredString(w / 2, yy, ln)
        elif m:
            c.setFont(SANS_B, 10)
            c.drawString(5, yy - 1, m.group(1))
            c.setFont(SANS, 8)
            c.drawString(5 + sw("ĐẾN", SANS_B, 10) + 8, yy, m.group(2))
        else:
            c.setFont(SANS, 8)
            c.drawString(5 + sw("ĐẾN", SANS_B, 10) + 8, yy, ln)
            if ln.endswith(":"):
                x0 = 5 + sw("ĐẾN", SANS_B, 10) + 8 + sw(ln, SANS, 8) + 2
                c.setDash(0.8, 1.5)
                c.setLineWidth(0.5)
                c.line(x0, yy - 1, w - 6, yy - 1)
                c.setDash()
        yy -= lead
    c.restoreState()


def render_pdf(stem: str, doc: dict, cfg: dict, out: Path) -> None:
    key = stem[:3]
    st = styles()
    rng = np.random.default_rng(SEED + int(key))
    story: list = [HeaderBlock(doc["agency"], doc["number"], doc["date"], doc["party"]), Spacer(1, 9 * mm),
                   Paragraph(esc(doc["type"]), st["type"])]
    story.append(Paragraph("<br/>".join(esc(x) for x in doc["title"]), st["title"]))
    story.append(HR(45 * mm))
    story.append(Spacer(1, 2 * mm))
    table_index = 0
    for b in doc["body"]:
        k = b["kind"]
        if k == "para":
            style = st["para"]
            txt = inline(b["text"])
            if b.get("style") in ("italic", "italic_line"):
                txt = f"<i>{txt}</i>"
            story.append(Paragraph(txt, style))
        elif k == "heading":
            txt = esc(b["text"])
            if b["level"] == "h4":
                txt = f"<i>{txt}</i>"
            p = Paragraph(txt, st["h"])
            p.keepWithNext = True
            story.append(p)
        elif k == "center":
            p = Paragraph(esc(b["text"]), st["center_b"])
            p.keepWithNext = True
            story.append(p)
        elif k == "unit":
            p = Paragraph(esc(b["text"]), st["unit"])
            p.keepWithNext = True
            story.append(p)
        elif k == "caption":
            story.append(Paragraph(esc(b["text"]), st["caption"]))
        elif k == "table":
            story.append(Spacer(1, 2))
            story.append(build_table(b, st, cfg, table_index))
            story.append(Spacer(1, 6))
            table_index += 1
        elif k == "end":
            # never a signature alone on a page: the last paragraph goes with it
            if story and isinstance(story[-1], Paragraph):
                story[-1].keepWithNext = True
            story.append(end_block(b, st, key))
        elif k == "pagebreak":
            story.append(PageBreak())
        elif k == "attached_header":
            story.append(HeaderBlock(doc["agency"], None, None, doc["party"]))
            story.append(Spacer(1, 8 * mm))
        elif k == "type":
            story.append(Paragraph(esc(b["text"]), st["type"]))
        elif k == "subtitle":
            if b["lines"]:
                story.append(Paragraph("<br/>".join(esc(x) for x in b["lines"]), st["title"]))
            for x in b["note"]:
                story.append(Paragraph(esc(x), st["note"]))
            story.append(HR(45 * mm, space_after=8))
        else:
            raise ValueError(k)

    def first_page(c, _doc):
        if doc.get("stamp"):
            draw_stamp(c, doc["stamp"], cfg.get("stamp_ink", (0.78, 0.1, 0.14)), rng)

    def later_pages(c, _doc):
        c.setFont(SERIF, 13)
        c.drawCentredString(MARGIN_LEFT + TEXT_W / 2, PAGE_H - 12 * mm, str(c.getPageNumber()))

    d = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title="", author="",
                          creator="samples/make_samples.py", invariant=1, initialFontName=SERIF,
                          initialFontSize=BODY_SIZE)
    d.build(story, onFirstPage=first_page, onLaterPages=later_pages)


# --------------------------------------------------------------------------------------------
# the scanned version
# --------------------------------------------------------------------------------------------
def seal_mask(diam: int, rng: np.random.Generator) -> np.ndarray:
    """Alpha mask (0..1) of a round seal: double ring, text-like marks between, a star inside."""
    s = diam + 8
    im = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(im)
    c = s / 2
    r_out = diam / 2 - 2
    d.ellipse([c - r_out, c - r_out, c + r_out, c + r_out], outline=255, width=9)
    r_in = r_out - 58
    d.ellipse([c - r_in, c - r_in, c + r_in, c + r_in], outline=255, width=3)
    # text-like marks around the ring, upright towards the centre, a gap at the bottom
    r_txt = (r_out + r_in) / 2
    n = 26
    for k in range(n):
        a = math.radians(215 + k * (290 / (n - 1)))  # from lower-left over the top to lower-right
        glyph = Image.new("L", (30, 36), 0)
        g = ImageDraw.Draw(glyph)
        for _ in range(int(rng.integers(2, 5))):
            kind = int(rng.integers(0, 4))
            x0, y0 = rng.integers(3, 12), rng.integers(3, 12)
            if kind == 0:
                g.line([(x0 + 6, 4), (x0 + 6, 32)], fill=255, width=4)
            elif kind == 1:
                g.line([(4, y0 + 8), (26, y0 + 8)], fill=255, width=4)
            elif kind == 2:
                g.line([(4, 32), (x0 + 12, 4), (26, 32)], fill=255, width=4)
            else:
                g.arc([4, 4, 26, 32], start=int(rng.integers(0, 180)), end=int(rng.integers(200, 360)),
                      fill=255, width=4)
        deg = -math.degrees(a) - 90
        gr = glyph.rotate(deg, resample=Image.BICUBIC, expand=True)
        px = c + r_txt * math.cos(a) - gr.width / 2
        py = c - r_txt * math.sin(a) - gr.height / 2
        im.paste(255, (int(px), int(py)), gr)
    # star and two lines of small marks in the middle
    rs = 44
    pts = []
    for k in range(10):
        rr = rs if k % 2 == 0 else rs * 0.42
        a = math.radians(90 + k * 36)
        pts.append((c + rr * math.cos(a), c - 18 - rr * math.sin(a)))
    d.polygon(pts, fill=255)
    for row, yy in enumerate((c + 42, c + 74)):
        ww = 150 if row == 0 else 110
        xx = c - ww / 2
        while xx < c + ww / 2 - 10:
            lw = int(rng.integers(10, 22))
            d.rectangle([xx, yy, xx + lw, yy + 16], fill=255)
            xx += lw + int(rng.integers(5, 9))
    a = np.asarray(im.filter(ImageFilter.GaussianBlur(1.3)), dtype=np.float32) / 255.0
    # uneven inking
    ink = rng.random((s // 16 + 1, s // 16 + 1)).astype(np.float32)
    ink = np.asarray(Image.fromarray((ink * 255).astype(np.uint8)).resize((s, s), Image.BICUBIC),
                     dtype=np.float32) / 255.0
    a *= 0.55 + 0.45 * ink
    a *= rng.random(a.shape).astype(np.float32) > 0.06  # pores
    return np.clip(a * 1.1, 0, 1)


def scribble(draw: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, rng) -> None:
    """A hand signature-like stroke in blue-black ink."""
    pts = []
    n = 160
    f1, f2 = rng.uniform(5, 8), rng.uniform(11, 15)
    for k in range(n):
        t = k / (n - 1)
        px = x + w * (0.1 + 0.8 * t) + 0.06 * w * math.sin(2 * math.pi * f2 * t)
        py = y + h * (0.5 + 0.32 * math.sin(2 * math.pi * f1 * t) * (1 - 0.6 * t) - 0.15 * t)
        pts.append((px, py))
    draw.line(pts, fill=(35, 40, 95), width=4, joint="curve")
    draw.line([(x + w * 0.15, y + h * 0.78), (x + w * 0.85, y + h * 0.62)], fill=(35, 40, 95), width=3)


def write_image_pdf(out: Path, pages: list[dict]) -> None:
    """A minimal PDF whose pages are just one image each, placed at exactly DPI (no text, no fonts).

    page: {"w": px, "h": px, "kind": "jpeg"|"g4", "gray": bool, "data": bytes}"""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    add(b"<< /Type /Catalog /Pages 2 0 R >>")
    add(b"")  # pages tree, filled in below
    kids = []
    for pg in pages:
        w, h = pg["w"], pg["h"]
        if pg["kind"] == "jpeg":
            cs = b"/DeviceGray" if pg["gray"] else b"/DeviceRGB"
            head = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8"
                    b" /Filter /DCTDecode /Length %d >>" % (w, h, cs, len(pg["data"])))
        else:
            head = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                    b" /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns %d /Rows %d"
                    b" /BlackIs1 true >> /Length %d >>" % (w, h, w, h, len(pg["data"])))
        img = add(head + b"\nstream\n" + pg["data"] + b"\nendstream")
        # page = image size at exactly DPI; rounded down a hair so that readers computing
        # ceil(points * dpi / 72) in float32 (pdfium) get w x h pixels, not one more
        pw, ph = (math.floor(v * 72 / DPI * 10000 - 0.5) / 10000 for v in (w, h))
        content = b"q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q" % (pw, ph)
        cont = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.4f %.4f] /Resources << /XObject"
                        b" << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (pw, ph, img, cont)))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    buf = io.BytesIO()
    buf.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(buf.tell())
        buf.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = buf.tell()
    buf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        buf.write(b"%010d 00000 n \n" % off)
    buf.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    out.write_bytes(buf.getvalue())


def g4_strip(im: Image.Image) -> bytes:
    """CCITT G4 data of a 1-bit image (one TIFF strip, as PDF's CCITTFaxDecode wants it)."""
    buf = io.BytesIO()
    im.save(buf, format="TIFF", compression="group4", strip_size=(im.width + 7) // 8 * im.height + 1)
    buf.seek(0)
    t = Image.open(buf)
    offs, counts = t.tag_v2[273], t.tag_v2[279]
    assert len(offs) == 1, "expected a single strip"
    raw = buf.getvalue()
    return raw[offs[0]: offs[0] + counts[0]]


def scan_pdf(src: Path, out: Path, key: str) -> list[tuple[str, int]]:
    """Rasterize at 300 dpi and age it like a scan.  Pages with colour (the seal, the receipt stamp)
    are RGB JPEG, page 1 is grayscale JPEG, the others bitonal CCITT G4 (as an office scanner's
    auto colour mode does) - JPEG for every page would not fit the size budget."""
    import pypdfium2 as pdfium

    rng = np.random.default_rng(SEED * 7 + int(key))
    pdf = pdfium.PdfDocument(str(src))
    spots = [s for s in SIGN_SPOTS if s["doc"] == key]
    pages, report = [], []
    paper = np.array([244.0, 242.0, 235.0], dtype=np.float32)
    for pno in range(len(pdf)):
        img = pdf[pno].render(scale=DPI / 72).to_pil().convert("RGB")
        H, W = img.height, img.width
        arr = np.asarray(img, dtype=np.float32)
        colour = bool(np.any(np.abs(arr[..., 0] - arr[..., 2]) > 60))  # the receipt stamp
        # paper: off-white, slightly uneven illumination
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        shade = 1.0 - 0.035 * ((xx / W - rng.uniform(0.3, 0.7)) ** 2 + (yy / H - 0.5) ** 2)
        arr = arr / 255.0 * paper * shade[..., None]
        del yy, xx, shade
        here = [s for s in spots if s["page"] == pno + 1]
        if here:
            colour = True
            im2 = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
            dr = ImageDraw.Draw(im2)
            k = DPI / 72
            for s in here:
                sx, sy = s["x"] * k, (PAGE_H - s["y"] - s["h"]) * k
                scribble(dr, sx + s["w"] * k * 0.3, sy + s["h"] * k * 0.1, s["w"] * k * 0.45,
                         s["h"] * k * 0.8, rng)
            arr = np.asarray(im2, dtype=np.float32).copy()
            for s in here:
                diam = int(38 * mm * k)
                a = seal_mask(diam, rng)
                cx = (s["x"] + s["w"] * 0.28) * k + rng.uniform(-20, 20)
                cy = (PAGE_H - s["y"] - s["h"] * 0.5) * k + rng.uniform(-20, 20)
                x0, y0 = int(cx - a.shape[1] / 2), int(cy - a.shape[0] / 2)
                ys, xs = slice(max(y0, 0), min(y0 + a.shape[0], H)), slice(max(x0, 0), min(x0 + a.shape[1], W))
                a = a[ys.start - y0: ys.stop - y0, xs.start - x0: xs.stop - x0] * 0.88
                red = np.array([205.0, 28.0, 38.0], dtype=np.float32) / 255.0
                arr[ys, xs] *= 1.0 - a[..., None] * (1.0 - red)
        mode = "rgb" if colour else ("gray" if pno == 0 else "bw")
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        if mode != "rgb":
            im = im.convert("L")
        fill = tuple(int(v) for v in paper * 0.985) if mode == "rgb" else int(paper.mean() * 0.985)
        angle = float(rng.uniform(0.3, 1.5) * rng.choice([-1, 1]))
        im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=fill)
        im = im.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.6, 1.0))))
        arr = np.asarray(im, dtype=np.float32).copy()
        noise = rng.normal(0.0, 9.0 if mode == "bw" else 2.0, (H, W)).astype(np.float32)
        arr += noise[..., None] if arr.ndim == 3 else noise
        del noise
        for _ in range(int(rng.integers(60, 140))):  # dust specks
            y, x = int(rng.integers(0, H - 3)), int(rng.integers(0, W - 3))
            arr[y:y + int(rng.integers(1, 4)), x:x + int(rng.integers(1, 4))] *= rng.uniform(0.3, 0.7)
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        del arr
        if mode == "bw":
            bw = im.point(lambda v: 255 if v > 150 else 0).convert("1")
            data = g4_strip(bw)
            pages.append({"w": W, "h": H, "kind": "g4", "gray": True, "data": data})
        else:
            q = int(rng.integers(45, 53))
            while True:
                buf = io.BytesIO()
                im.save(buf, format="JPEG", quality=q, optimize=True, subsampling=2, dpi=(DPI, DPI))
                if buf.tell() <= MAX_SCAN_PAGE_BYTES or q <= 25:
                    break
                q -= 3
            data = buf.getvalue()
            pages.append({"w": W, "h": H, "kind": "jpeg", "gray": mode == "gray", "data": data})
        report.append((mode, len(data)))
    pdf.close()
    write_image_pdf(out, pages)
    return report


# --------------------------------------------------------------------------------------------
# gold
# --------------------------------------------------------------------------------------------
def write_gold(stem: str, kind: str, rel: str) -> Path:
    gold = json.loads((GOLD_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    g = copy.deepcopy(gold)
    g["file"] = rel
    out = GOLD_DIR / f"{kind}_{stem}.json"
    out.write_text(json.dumps(g, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


def main() -> int:
    register_fonts()
    PDF_DIR.mkdir(exist_ok=True)
    SCAN_DIR.mkdir(exist_ok=True)
    seeds = sorted(SAMPLES.glob("[0-9][0-9][0-9]_*.txt"))
    for path in seeds:
        stem = path.stem
        cfg = SEEDS.get(stem[:3], {})
        doc = parse_seed(path.read_text(encoding="utf-8"), cfg)
        pdf_out = PDF_DIR / f"pdf_{stem}.pdf"
        render_pdf(stem, doc, cfg, pdf_out)
        scan_out = SCAN_DIR / f"scan_{stem}.pdf"
        report = scan_pdf(pdf_out, scan_out, stem[:3])
        write_gold(stem, "pdf", f"pdf/pdf_{stem}.pdf")
        write_gold(stem, "scan", f"scan/scan_{stem}.pdf")
        digest = hashlib.sha256(pdf_out.read_bytes()).hexdigest()[:12]
        print(f"{stem}: pdf {pdf_out.stat().st_size:>7} B ({len(report)} pages, sha {digest}), "
              f"scan {scan_out.stat().st_size:>8} B: " + " ".join(f"{m}:{n // 1000}k" for m, n in report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
