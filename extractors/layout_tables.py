"""Tables used for layout, not data: the header and the signature block laid out in table cells.

Web portals, Word files and Markdown exports put the two-column header in a table
(`| ỦY BAN NHÂN DÂN TỈNH … | CỘNG HÒA XÃ HỘI … |`, then `| Số: 378/QĐ-UBND | …, ngày … |`) and the
end block in another (`| Nơi nhận: … | TM. ỦY BAN NHÂN DÂN … |`, often with an empty first cell).
They are the same two columns a PDF page has, so they are read the same way: left column first,
each cell one line per paragraph. A table is a layout table when it is small (≤ 3 columns, ≤ 6 rows)
and holds the marks of those blocks.
"""

from __future__ import annotations

import re

import lxml.html

from normalizers import UPPER
from pipeline.markup import cell_text

_MARKS = re.compile(  # at a line start, as the blocks print them: a cell citing `Quyết định số 12/QĐ-UBND` is data
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do|^Số\s*:?\s*[\d.…_ ]*[/-]\s*[A-ZĐ]|"
    r"^Nơi nhận|^(TM|KT|TL|TUQ|T/M|K/T|T/L)\s*[./]\s*\S|^Kính gửi",
    re.M,
)
# before an authority prefix, and before a recipient's bullet (`Nơi nhận: - Như Điều 3; - Lưu: VT.`)
_AUTHORITY_SPLIT = re.compile(rf"\s+(?=(?:TM|KT|TL|TUQ|T/M|K/T|T/L)\s*[./]\s*[{UPPER}])|(?<=[;:.])\s+(?=[-–+•]\s)")
_DEPUTY = re.compile(r"^(?P<head>(?:KT|K/T)\s*[./]\s*.+?)\s+(?P<deputy>PHÓ\s.*)$")  # `KT. CHỦ TỊCH PHÓ CHỦ TỊCH`
_RULE = re.compile(r"^[-_=.*\s]{3,}$")
_TRAILING_RULE = re.compile(r"\s+[-_=]{3,}$")  # `TỈNH KON TUM -------`: the short rule under the agency


def is_layout_table(rows: list[list[str]]) -> bool:
    filled = [[c for c in row if c.strip()] for row in rows]
    if not filled or len(rows) > 6 or max(len(r) for r in filled) > 3:
        return False
    # Markdown emphasis (`**Nơi nhận:**`) is no text: the marks are tested on the words
    words = (line.strip().strip("*_ ") for row in rows for c in row for line in c.split("\n"))
    return bool(_MARKS.search("\n".join(words)))


def column_lines(rows: list[list[str]]) -> list[tuple[int, str]]:
    """The cells' lines with their row index, left column first, then the right (cells split at their
    paragraph breaks)."""
    width = max(len(r) for r in rows)
    return [(k, line) for col in range(width) for k, row in enumerate(rows) if col < len(row)
            for line in cell_lines(row[col])]


def cell_lines(cell: str) -> list[str]:
    """A cell's paragraphs; a cell flattened to one line is split where the blocks change: before each
    authority prefix and between the ALL-CAPS position and the signer's name."""
    out: list[str] = []
    for para in cell.split("\n"):
        para = _TRAILING_RULE.sub("", " ".join(para.split()))
        if not para or _RULE.match(para):
            continue
        for part in _AUTHORITY_SPLIT.split(para):
            if m := _DEPUTY.match(part):
                out += [m["head"], *_caps_then_name(m["deputy"])]
            else:
                out += _caps_then_name(part)
    return out


def _caps_then_name(text: str) -> list[str]:
    """`PHÓ CHỦ TỊCH Nguyễn Văn A` → the ALL-CAPS part and the proper-case name (2–5 words) after it."""
    words = text.split()
    for k in range(len(words) - 2, max(len(words) - 6, 0) - 1, -1):
        caps, name = words[:k], words[k:]
        if caps and all(w.isupper() or not any(ch.isalpha() for ch in w) for w in caps) and all(
                w[:1].isupper() and w[1:].islower() for w in name):
            return [" ".join(caps), " ".join(name)]
    return [text]


def html_table_cells(fragment: str) -> list[list[str]]:
    """The cell texts of the first table in an HTML fragment (a table inside Markdown), row by row."""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    table = next(root.iter("table"), None)
    if table is None:
        return []
    return [[cell_text(c) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")] for tr in table.iter("tr")]
