"""DOCX (Word files) → text lines, read with python-docx, body elements in document order.

Paragraphs are lines (a paragraph set entirely in bold keeps `**`); text boxes and shapes
(`w:txbxContent`, where drafts often put the header) are read where they are anchored; tables go
through `layout_tables`: the header or signature block laid out in cells is read left column first,
a data table becomes `<table>` markup with its merged cells (`gridSpan` → colspan, `vMerge` →
rowspan) for the table extractor.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.readers.table_markup import COVERED, span, table_text_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxError(ValueError):
    """The file is not a readable Word document."""


def docx_to_text(data: bytes) -> str:
    import docx  # imported when a DOCX is read: it pulls in its XML stack

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocxError(f"not a readable Word document ({type(e).__name__}: {e})") from e
    lines: list[str] = []
    for el in document.element.body.iterchildren():
        if el.tag == _W + "p":
            lines += _paragraph_lines(el)
        elif el.tag == _W + "tbl":
            lines += table_text_lines(_table_cells(el))
    return "\n".join(lines).strip() + "\n"


def _paragraph_lines(p) -> list[str]:
    boxes = [line for box in p.iter(_W + "txbxContent") for q in box.iter(_W + "p") for line in _own_text(q)]
    return boxes + _own_text(p)


def _own_text(p) -> list[str]:
    """The paragraph's own lines (a line break `w:br` starts a new one), not those of text boxes
    anchored in it; a paragraph set entirely in bold keeps `**`."""
    runs = [r for r in p.iter(_W + "r") if not any(a.tag == _W + "txbxContent" for a in r.iterancestors())]
    text = "".join(_run_text(r) for r in runs)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    bold = bool(runs) and all(_bold(r) for r in runs if _run_text(r).strip())
    return [f"**{line}**" if bold else line for line in lines if line]


def _run_text(run) -> str:
    parts = {_W + "t": None, _W + "br": "\n", _W + "cr": "\n", _W + "tab": " "}
    return "".join((el.text or "") if el.tag == _W + "t" else parts[el.tag] for el in run if el.tag in parts)


def _bold(run) -> bool:
    b = run.find(f"{_W}rPr/{_W}b")
    return b is not None and b.get(_W + "val") not in ("0", "false")


def _table_cells(tbl) -> list[list[tuple[str, dict[str, str]]]]:
    rows: list[list[tuple[str, dict[str, str]]]] = []
    for tr in tbl.iter(_W + "tr"):
        if next(tr.iterancestors(_W + "tbl")) is not tbl:
            continue  # a row of a nested table is read with its cell
        row = []
        for tc in tr.iterchildren(_W + "tc"):
            props = tc.find(_W + "tcPr")
            attrs: dict[str, str] = {}
            span = props.find(_W + "gridSpan") if props is not None else None
            if span is not None:
                attrs["colspan"] = span.get(_W + "val", "1")
            merge = props.find(_W + "vMerge") if props is not None else None
            if merge is not None and merge.get(_W + "val") != "restart":
                row.append(("", {**attrs, COVERED: "1"}))  # under the cell above: a slot, not a cell
                continue
            text = "\n".join(line for p in tc.iter(_W + "p") for line in _own_text(p))
            row.append((text.replace("**", ""), attrs))
        rows.append(row)
    _merged_down(rows)
    return rows


def _merged_down(rows: list[list[tuple[str, dict[str, str]]]]) -> None:
    """A cell continued down the rows (`vMerge`) gets `rowspan` over its covered slots, as HTML writes it."""
    top: dict[int, dict[str, str]] = {}  # grid column → attributes of the last cell that starts there
    for row in rows:
        col = 0
        for _text, attrs in row:
            if COVERED in attrs and col in top:
                top[col]["rowspan"] = str(int(top[col].get("rowspan", "1")) + 1)
            elif COVERED not in attrs:
                top[col] = attrs
            col += span(attrs.get("colspan"))
