"""Header metadata: số hiệu, type, agencies, place and date, title, signers, recipients, legal bases.

The page-1 header is a two-column block (agency + number on the left, motto + place/date on the
right) serialized by OCR in some order; this module reads it by line patterns, not by position.
Decoys never win: a receipt stamp (`ĐẾN Số: 2115 Ngày: 07/4/2022`) is claimed first, and cited
documents are never the document's own number or date.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from extractors import agency as ag
from extractors.casing import CaseVocab, expand_abbreviations, recase
from extractors.doc_types import DocNumber, parse_doc_number, type_by_code, type_by_letters, type_by_name
from extractors.entities import find_entities
from extractors.layout import Layout, Line
from extractors.resources import read_csv
from extractors.signature import find_recipients, find_signers
from normalizers import LOWER, ONE_LOOKALIKES, UPPER, find_dates, fold_diacritics, is_all_caps, parse_vn_date, to_iso
from normalizers.dates import MONTH_WORD
from normalizers.lexicon import is_syllable
from pipeline.model import Header, Receipt, Warning

# `Sô:` is how OCR often reads `Số:`
_NUMBER_LINE = re.compile(r"(?:^|(?<=\s))S[ốô]\s*(?:hiệu\s*)?[:.]?\s*(?=[\d.…_ ]*(?:/\s*\d{4}\s*)?[/-]\s*[A-ZĐ])")
# `ngày` may run into a handwritten day OCR read as a letter (`Quảng Ngãi, ngàyÀ3 tháng 02`, `ngàx)đ`)
# the ký hiệu run into the place when the number and place-date columns are merged on one line
# (`Số: 1864 /CT-TTHT Thanh Hóa, ngày …`, `VPCP- KTTH Hà Nội, ngày …`)
_CODE_BEFORE_PLACE = re.compile(rf"^(?:[{UPPER}\d&]+-[{UPPER}\d&-]*\s*)+(?:[{UPPER}]{{2,}}\s+(?=[{UPPER}][{LOWER}]))?")
_PLACE_DATE = re.compile(rf"(?P<place>[{UPPER}][^,;:\d/]{{1,60}}?)\s*,\s*(?=(?:ng[aàáảãạ]|{MONTH_WORD}))", re.I)
_STAMP = re.compile(r"^\W*(?P<word>[ĐD]\w{1,4}N)\s*[:.]?\s*(?:Số\s*[:.]?\s*(?P<number>\d+))?", re.I)
_STAMP_FIELD = re.compile(r"^(Số|Ngày|Chuyển|Lưu hồ sơ số|Người nhận)\s*[:.]?", re.I)
_META_KEYS = {
    "số hiệu văn bản": "reference", "số hiệu": "reference", "loại văn bản": "doc_type",
    "cơ quan ban hành": "issuer", "nơi ban hành": "issuer", "ngày ban hành": "date",
    "người ký": "signer", "trích yếu": "title",
}
_META = re.compile(r"^\W*(?P<key>" + "|".join(_META_KEYS) + r")\s*:\s*(?P<value>.*)$", re.I)
_LEGAL_BASIS = re.compile(
    r"^(Căn cứ\s+(vào\s+)?(Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|"
    r"Kế hoạch|Công văn|Văn bản|Hướng dẫn|Thông báo|Chương trình|Kết luận|Quy định|Quy chế|Đề án)|Xét\s)",
)
# Title lines of the corpus pages sit 0–0.4 line heights apart; the body starts 1.2–2.9 below (a rule, a space)
_TITLE_GAP = 0.8
_STRAY_MARKS = " \"“”'‘’.,:;-_*"  # OCR specks around a type line (`“QUYẾT ĐỊNH`)
_SIGNING_TIME = re.compile(r"Thời gian ký\s*:?\s*(?:(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})|"
                           r"(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2}))")
_PRINTED_MONTH = re.compile(r"tháng\s*(\d{1,2})\b")
_OPEN_END = re.compile(r"\b(của|và|về|cho|với|tại|theo|từ|đến|trong|trên|các|những|đối với|thuộc)$", re.I)
_OWN_NUMBER = re.compile(r"^Số\s*:?\s*[\d.…_ ]*[/-]\s*[A-ZĐ]")
_PLACE_UNIT = re.compile(r"^(Thành phố|Tỉnh|TP\.?)\s+", re.I)
_DATE_WORDS = re.compile(r"\bngày\b.*\b(tháng|năm)\b", re.I)
_PAREN_LINE = re.compile(r"^\(.{3,150}\)[.;]?$")
_ADDRESSEE = re.compile(r"\s\S{0,4}\s*Kính gửi\b.*$", re.I)
_BULLETED_BASIS = r"([-–+•]\s*(?=Căn cứ))?"  # Party bases are bulleted: `- Căn cứ Điều lệ Đảng`
_TITLE_STOP = re.compile(
    "^" + _BULLETED_BASIS +
    r"(Căn cứ|Xét|Thực hiện|Theo|Nhằm|Để|Trên cơ sở|Kính gửi|Điều\s+\d|(Phần|Chương|Mục)\s+[IVXLC\d]|"
    r"Hôm nay|(Vào\s+)?[Nn]gày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*,|"  # a dated first sentence of the body
    r"\(?(Ban hành |Đính )?kèm theo|\(Ban hành|"
    rf"([IVXLCÌÍ]+|\d{{1,2}}|[A-Z])\s*[.\-)](?:\s|(?-i:(?=[{UPPER}][{LOWER}]))))", re.I,
)  # `I.Tổng quan …`: a heading typed with no space after its number
# Words that open a body sentence in ordinary type but continue a heading in capitals (`… ĐẤT CỤ THỂ` /
# `THEO PHƯƠNG PHÁP SO SÁNH …`)
_CAPS_CONTINUATION = re.compile(r"^(THEO|NHẰM|ĐỂ|THỰC HIỆN|XÉT|TRÊN CƠ SỞ)\s")
_APPENDIX = re.compile(r"^Phụ\s+lục(\s+số)?(\s*([IVXLC]+|\d{1,2}|[A-Z]))?\s*[.:]?$", re.I)  # `PHỤ LỤC1` as typed
_APPENDIX_TITLED = re.compile(r"^Phụ\s*lục\s*(?:[IVXLC]+|\d{1,2}|[A-Z])?\s*[.:\-–]\s*(?P<title>[^\W\d].{5,})$", re.I)
_BODY_START = re.compile("^" + _BULLETED_BASIS + r"(Căn cứ|Xét|Thực hiện|Theo|Nhằm|Trên cơ sở|Điều\s+\d|"
                         r"([IVXLC]+|\d{1,2})\s*[.\-)]\s)")
# OCR confidence of a number line below which its number is taken for handwriting: printed numbers on
# degraded 300-dpi scans read at 88–95; handwritten ones misread (932 → 344, 379 → 2479) at 45–76
_HANDWRITTEN_CONF = 80.0
_PRINTED_YEAR = re.compile(r"\bn[ăa]m\s*((?:19|20)\d{2})\b|\btháng\b\D*\b((?:19|20)\d{2})\s*\.?$")  # `năm` lost
# `V/v`; OCR reads the slash as `l`, `|`, `;` or `é ˆ` and the second v as x (`V/x`, `Vlv`, `Vé ˆv`)
_VV = re.compile(r"^V\s*(?:/|l|\||;|é\s*ˆ?)\s*[vx]\b\s*:?\s*", re.I)
_ATTACHED_TO = re.compile(r"kèm\s+theo\s[\s\S]{0,160}?\bcủa\s+(?P<body>[^()\n]{4,120})", re.I)
_LABEL_LINE = re.compile(r"^[^\W\d][^:]{0,30}:\s*\S")
_SUMMARY_FIELD = re.compile(r"^(?:\d{1,2}\s*[.)]\s*)?Trích\s+yếu\s*:\s*", re.I)
_OPEN_WORDS = ("của", "và", "về", "các", "thuộc", "cho", "với", "_")
# a day or month figure with a look-alike of 1 or 0 beside a digit (`]2`, `Ï0`, `0l`), as the date parser reads it
_LOOKALIKE_FIGURE = re.compile(rf"(?<!\w)(?:\d[{re.escape(ONE_LOOKALIKES)}Oo]|[{re.escape(ONE_LOOKALIKES)}Oo]\d)(?!\w)")
_PUNCT = ".,;:!?()[]\"“”'‘’`-_/"
_PROSE_START = re.compile(rf"^[{UPPER}][{LOWER}]+\s+[{LOWER}]")  # `Tên tổ chức`: a sentence's start, no name
_ABOUT = re.compile(r"^Về\s+[^\W\d]")  # `Về việc …`, `Về nội dung …`: how a trích yếu begins


@dataclass(slots=True)
class HeaderResult:
    header: Header
    warnings: list[Warning]
    parts: list[int] = field(default_factory=list)  # first line no. of each attached document after the main one
    title_end: int = 0  # line no. where the body starts
    vocab: CaseVocab | None = None  # how the document writes its words (for names read in capitals)


def extract_header(layout: Layout) -> HeaderResult:
    vocab = CaseVocab([ln.text for ln in layout.body()])
    h, warnings = Header(), []
    meta = _web_metadata(layout)
    h.receipt = _receipt_stamp(layout, warnings)
    lines = layout.free()
    type_idx = _type_line_index(lines)
    head = lines[:type_idx] if type_idx is not None else _head_without_type_line(lines)
    number_line = _read_number(head, h, meta, warnings)
    _read_place_date(head, number_line, h, meta, warnings)
    if any(w.code == "date_incomplete" for w in warnings):
        _date_from_signing(layout, h, warnings)
    _read_type(lines, type_idx, h, meta, warnings)
    title_lines = _read_title(lines, type_idx, h, vocab, number_line, warnings)
    title_end = (title_lines[-1].no if title_lines else (lines[type_idx].no if type_idx is not None else 0))
    _read_agencies([ln for ln in head if ln not in title_lines], number_line, h, vocab, warnings)
    layout.claim(head, "header")
    layout.claim(title_lines, "title")
    if type_idx is not None:
        layout.claim([lines[type_idx]], "type_line")
    free = layout.free()
    h.signers, used, signer_warnings = find_signers([ln for ln in free if ln.no > title_end], vocab)
    warnings += signer_warnings
    layout.claim(used, "signature")
    h.recipients, used = find_recipients(layout.free())
    layout.claim(used, "recipients")
    parts = _attached_parts(layout)
    h.legal_bases = _legal_bases(layout, title_end, parts)
    _infer_issuer(layout, h, meta, warnings, vocab)
    _issuer_place_as_in_text(layout, h, warnings)
    if h.title:
        if h.title.startswith("(") and h.title.endswith(")") and "(" not in h.title[1:]:
            h.title = _VV.sub("", h.title[1:-1]).strip()  # `(V/v Tăng cường giám sát trong phòng thi)`
        h.title = h.title[:1].upper() + h.title[1:]  # sentence case: Party titles print `về …` in lower case
    if h.number is None and h.symbol and not any(w.code == "number_unreadable" for w in warnings):
        warnings.append(Warning(code="number_blank", message=f"The number is left blank (Số: /{h.symbol})."))
    return HeaderResult(h, warnings, parts, title_end, vocab)


def _issuer_place_as_in_text(layout: Layout, h: Header, warnings: list[Warning]) -> None:
    if not h.issuing_body:
        return
    spelled = ag.issuer_spelled_as_in_text(h.issuing_body, [ln.text for ln in layout.lines])
    if spelled != h.issuing_body:
        warnings.append(Warning(code="issuer_respelled", span=h.provenance.get("issuing_body"), message=(
            f"Issuing body read as '{h.issuing_body}'; spelt as the document spells it elsewhere: '{spelled}'.")))
        h.issuing_body = spelled


# ── pieces of the header ────────────────────────────────────────────────────────────────────


def _web_metadata(layout: Layout) -> dict[str, tuple[str, Line]]:
    """`Cơ quan ban hành: …` blocks that legal-database portals put above the document."""
    meta: dict[str, tuple[str, Line]] = {}
    body = layout.body()
    # above the document (its motto or its number): a signing stamp's `Người ký: …`, `Cơ quan: …` under the
    # text is no portal grid
    start = next((k for k, ln in enumerate(body[:60]) if ag.is_motto(ln.text) or _OWN_NUMBER.match(ln.text)), 40)
    for ln in body[:min(start, 40)]:
        if (m := _META.match(ln.text)) and m["value"].strip():
            meta.setdefault(_META_KEYS[m["key"].lower()], (m["value"].strip(), ln))
    if meta:
        last = max(ln.no for _, ln in meta.values())
        tail = [ln for ln in body if ln.no <= last or (ln.no < last + 6 and re.match(r"^\W*[\wà-ỹ ]+:\s*$", ln.text))]
        layout.claim(tail, "web_metadata")
    return meta


def _receipt_stamp(layout: Layout, warnings: list[Warning]) -> Receipt | None:
    """An incoming-document stamp: `ĐẾN` (often misread `ĐIỀN`) + `Số:` + `Ngày:` lines."""
    body = layout.free()[:60]
    for i, ln in enumerate(body):
        m = _STAMP.match(ln.text)
        if not m or fold_diacritics(m["word"]).upper() not in ("DEN", "DIEN", "DEM", "DIEM"):
            continue
        fields = [x for x in body[i + 1 : i + 5] if _STAMP_FIELD.match(x.text)]
        if not (m["number"] or fields):
            continue
        used = [ln, *fields]
        stamp = " ".join(x.text for x in used)
        # labels and values may be in separate columns of the stamp box: `ĐẾN Số: Ngày: 2115 07/4/2022`
        dates = find_dates(stamp)
        undated = stamp
        for a, b, _ in reversed(dates):
            undated = undated[:a] + " " + undated[b:]
        number = m["number"] or next(iter(re.findall(r"\b\d{1,6}\b", undated)), None)
        receipt = Receipt(number=number, date=next((iso for _, _, iso in dates if iso), None), span=ln.span())
        prev = body[i - 1] if i else None
        if prev and is_all_caps(prev.text) and _stamp_office(body, i):
            receipt.received_by = ag.proper_agency(prev.text)
            used.append(prev)
        layout.claim(used, "receipt_stamp")
        warnings.append(Warning(code="receipt_stamp", span=ln.span(),
                                message=f"Receipt stamp ignored (Số {receipt.number}, ngày {receipt.date})."))
        return receipt
    return None


def _stamp_office(body: list[Line], i: int) -> bool:
    """Is the caps line just above the stamp the receiving office printed in it (not the agency block)?

    Yes when the document's number line came before it, or when an agency block still follows the stamp.
    """
    if any(_NUMBER_LINE.search(x.text) for x in body[: i - 1]):
        return True
    after = [x for x in body[i + 1 : i + 8] if not _STAMP_FIELD.match(x.text)]
    return bool(after) and is_all_caps(after[0].text) and ag.starts_with_agency(after[0].text)


def _type_line_index(lines: list[Line]) -> int | None:
    for i, ln in enumerate(lines[:60]):
        if _is_type_line(ln.text):
            return i
    return None


_NUMBER_ONLY = re.compile(r"^Số\s*[:.]?\s*(\d{1,6})?\s*$")
_SYMBOL_ONLY = re.compile(r"^/\s*[A-ZĐ][A-ZĐ0-9&.-]*(?:-[A-ZĐ0-9&.]+)*\s*$")
# OCR of a handwritten or stamped number: `Số:Z74É /QĐ-UBND`, `Sô#f /TTr- CAT-PC04`, `Số: 5 6 Õ/GM-UBND`.
# `Số` itself may lose its mark, or be read as another syllable before its colon (`sẻ: 3Ÿ /QLTTHN-TCHC`);
# the scrawl is short and holds no `/`.
# A year (`/2017`) or a half-written one (`/20/f0`) may stand between the scrawl and the symbol.
_YEAR_PART = r"/\s*[^\s/]{1,4}\s*"
_NUMBER_SCRAWL = re.compile(r"^\W{0,3}[Ss](?:[ốôồổỗộoóò6]|[^\W\d_](?=\s*:))\s*[:.;#]?\s*"
                            r"(?P<scrawl>[^\s/]{1,8}(?:\s[^\s/]{1,6}){0,2})?\s*"
                            rf"(?=(?:{_YEAR_PART}){{0,2}}/\s*[A-ZĐ])")
_GARBLED_YEAR = re.compile(rf"^(?:{_YEAR_PART}){{1,2}}(?=/\s*[A-ZĐ])")
# look-alikes of 1 that OCR gives for a printed one (`Số:0l`); not `O` for 0, which a handwritten 1 also gives
_DIGIT_LOOKALIKES = str.maketrans(ONE_LOOKALIKES, "1" * len(ONE_LOOKALIKES))


def _head_without_type_line(lines: list[Line]) -> list[Line]:
    """No type line (công văn, lost by OCR): the header ends where the body starts."""
    for i, ln in enumerate(lines[:25]):
        if i and (_BODY_START.match(ln.text) or len(ln.text) > 150):
            return lines[:i]
    return lines[:25]


def _read_number(head: list[Line], h: Header, meta: dict, warnings: list[Warning]) -> Line | None:
    for k, ln in enumerate(head):
        text = ln.text
        # a blank or handwritten number leaves `Số: 329` and `/BC-UBND` apart; plain text puts the motto between
        nxt = next((x for x in head[k + 1 : k + 8] if _SYMBOL_ONLY.match(x.text)), None)
        if nxt and _NUMBER_ONLY.match(text):
            text = f"{text} {nxt.text}"
        m = _NUMBER_LINE.search(text)
        if m and (num := parse_doc_number(_join_symbol(text[m.end():]))):
            if num.number and ln.conf is not None and ln.conf < _HANDWRITTEN_CONF:
                warnings.append(Warning(code="number_unreadable", span=ln.span(), message=(
                    f"The number before /{num.symbol} was read as {num.number!r} with low OCR confidence "
                    f"({ln.conf:.0f}): handwritten? Left null.")))
                num = dataclasses.replace(num, number=None)
            _apply_number(h, num)
            h.provenance["number"] = ln.span(m.start())
            if text != ln.text:
                h.provenance["symbol"] = nxt.span()
            return ln
    if "reference" in meta and (num := parse_doc_number(meta["reference"][0])):
        _apply_number(h, num)
        h.provenance["number"] = meta["reference"][1].span()
        return None
    return _read_scrawled_number(head, h, warnings)


def _printed_number(scrawl: str) -> str | None:
    """A printed number OCR garbled a little: specks before it (`ô: 2184`), look-alikes of 1 in it (`0l`).
    Mostly real digits, or it stays unread: a handwritten scrawl (`O4` for 01) is not guessed."""
    *before, last = scrawl.split() or [""]
    digits = last.translate(_DIGIT_LOOKALIKES)
    if any(len(t) > 2 or t.isdigit() for t in before) or not digits.isdigit():
        return None
    return digits if sum(ch.isdigit() for ch in last) * 2 >= len(last) else None


def _read_scrawled_number(head: list[Line], h: Header, warnings: list[Warning]) -> Line | None:
    """`Số:` + a number OCR could not read + `/ký hiệu`: the symbol is kept, the number is not guessed."""
    for ln in head:
        m = _NUMBER_SCRAWL.match(ln.text)
        rest = _join_symbol(ln.text[m.end():]).replace(" ", "") if m else ""
        if not m or not (num := parse_doc_number(rest) or parse_doc_number(_GARBLED_YEAR.sub("", rest))):
            continue
        scrawl = (m["scrawl"] or "").strip()
        if party := _PARTY_SCRAWL.match(scrawl):  # `Số: O4- GM/CBIOC`: the type code is the Party symbol's
            symbol = f"{party['code']}/{num.symbol}"
            scrawl, num = party["number"], DocNumber(None, None, symbol, party["code"], True)
        if scrawl.isdigit():
            num = dataclasses.replace(num, number=scrawl)
        elif printed := _printed_number(scrawl):
            warnings.append(Warning(code="number_corrected", span=ln.span(), message=(
                f"The number before /{num.symbol} was read as {scrawl!r}; taken as {printed!r} (look-alikes of "
                "1, specks before it).")))
            scrawl, num = printed, dataclasses.replace(num, number=printed)
        _apply_number(h, num)
        h.provenance["number"] = ln.span(m.start())
        if scrawl and not scrawl.isdigit():
            warnings.append(Warning(code="number_unreadable", span=ln.span(), message=(
                f"The number before /{num.symbol} could not be read ({scrawl!r}: handwritten or stamped?); "
                "left null.")))
        return ln
    return None


_PARTY_SCRAWL = re.compile(r"^(?P<number>\S{0,4}?)\s*-\s*(?P<code>[A-ZĐ][A-Za-zĐđ]{1,5})$")


def _join_symbol(text: str) -> str:
    """`329 /B C-UBND` (a symbol cut by letter spacing) → `329 /BC-UBND`; lower-case words end it."""
    text = re.sub(r"(?<=[A-ZĐ])-{2,}", "-", text)  # `SLĐTBXH-- VP`: a hyphen OCR read twice
    return re.sub(r"(?<=[A-ZĐ/\-])\s+(?=[A-ZĐ\-][A-ZĐ\-&]*(\s|$))", "", text)


def _apply_number(h: Header, num: DocNumber) -> None:
    h.number, h.symbol, h.reference = num.number, num.symbol, num.reference
    t = type_by_code(num.type_code) if num.type_code else None
    if t:
        h.doc_type, h.doc_type_code = t.name, t.code
    elif not num.party:
        h.doc_type, h.doc_type_code = "Công văn", "CV"  # a công văn's ký hiệu has no type part


def _read_place_date(head: list[Line], number_line: Line | None, h: Header, meta: dict, warnings: list) -> None:
    for ln, nxt in zip(head, head[1:] + [None]):
        text = ln.text
        if nxt and re.search(r"\b(ngày|tháng)\b[^,]*$", text) and not re.search(r"\d{4}\s*$", text):
            text = f"{text} {nxt.text}"  # `…, ngày 06 tháng 8` / `năm 2025` wrapped
        if ln is number_line and (m := _NUMBER_LINE.search(text)):
            text = text[m.end():].split(None, 1)[-1] if " " in text[m.end():] else ""
        m = _PLACE_DATE.search(text)
        if not m:
            continue
        year, month, day = parse_vn_date(text[m.end():])
        if year is None and (printed := _PRINTED_YEAR.search(text[m.end():])):
            # a handwritten day or month OCR cannot read (`ngày DŠ tháng l1 năm 2025`): the printed year stays
            year = int(printed[1] or printed[2])
            warnings.append(Warning(code="date_unreadable", span=ln.span(), message=(
                f"Day or month unreadable in '{ln.text}' (handwritten?); only the printed year {year} is kept.")))
        if year is None and re.search(r"\btháng\b.*\bnăm\b", text[m.end():]):
            # `Hà Nội, ngày 23 tháng 02 năm 20264`: the place-date line, its date misprinted or misread
            h.place = _place(m["place"], ln, warnings)
            h.provenance["place"] = ln.span()
            warnings.append(Warning(code="date_unreadable", span=ln.span(),
                                    message=f"No valid date in '{ln.text}'; the place is kept, the date left null."))
            return
        if year is None:
            continue
        h.place = _place(m["place"], ln, warnings)
        h.issued_year, h.issued_date = year, to_iso(year, month, day)
        h.provenance["issued_date"] = h.provenance["place"] = ln.span()
        if h.issued_date and (read := _LOOKALIKE_FIGURE.search(text[m.end():])):
            warnings.append(Warning(code="date_corrected", span=ln.span(), message=(
                f"Date figure read as '{read[0]}' (look-alikes of 1 or 0) in '{ln.text}'; taken as {h.issued_date}.")))
        if h.issued_date is None and not any(w.code == "date_unreadable" for w in warnings):
            warnings.append(Warning(code="date_incomplete", span=ln.span(),
                                    message=f"Day or month left blank in '{ln.text}'; only the year is known."))
        return
    if "date" in meta:
        year, month, day = parse_vn_date(meta["date"][0])
        h.issued_year, h.issued_date = year, to_iso(year, month, day)
        h.provenance["issued_date"] = meta["date"][1].span()


def _date_from_signing(layout: Layout, h: Header, warnings: list[Warning]) -> None:
    """A digitally signed document whose day was left blank (`ngày   tháng 8 năm 2026`): the signing
    stamp's `Thời gian ký: 28/08/2026 …` gives it, when its year (and month, if printed) agree."""
    if (where := h.provenance.get("issued_date")) is None or where.confidence is not None:
        return  # on a scan a blank is a handwritten day: the stamp may be another copy's
    month = _PRINTED_MONTH.search(layout.text[where.start:where.end] if where.end else "")
    for ln in layout.lines:
        if not (m := _SIGNING_TIME.search(ln.text)):
            continue
        day, mon, year = (int(m["d"]), int(m["m"]), int(m["y"])) if m["d"] else (int(m["d2"]), int(m["m2"]),
                                                                                  int(m["y2"]))
        if year != h.issued_year or (month and int(month[1]) != mon):
            return
        h.issued_date = to_iso(year, mon, day)
        h.provenance["issued_date"] = ln.span()
        warnings.append(Warning(code="date_from_signature", span=ln.span(), message=(
            f"The day is blank in the place-date line; taken from the signing stamp '{ln.text.strip()}'.")))
        return


_SPECKS = "ˆ`'\".,;:-_~|*^ "  # OCR specks before a place (`ˆ Hà Nội`)


def _place(printed: str, ln: Line, warnings: list[Warning]) -> str:
    return _known_place(_CODE_BEFORE_PLACE.sub("", printed.strip(" *")).lstrip(_SPECKS), ln, warnings)


def _known_place(place: str, ln: Line, warnings: list[Warning]) -> str:
    """A place only marks off a province name (`Thành phố Hỗ Chi Minh`, another engine's OCR) is that
    province, with a warning; on an OCR'd line, one letter off too (`Bắc Kạgn`). A unit word before it
    (`Thành phố`, `Tỉnh`, `TP.`) is kept."""
    if not place:
        return place
    unit = _PLACE_UNIT.match(place)
    prefix, name = (place[: unit.end()], place[unit.end():]) if unit else ("", place)
    names = [r["name"] for r in read_csv("provinces.csv")]
    if name in names:
        return place
    close = {n for n in names if fold_diacritics(n) == fold_diacritics(name)
             or ln.conf is not None and abs(len(n) - len(name)) <= 1 and _edit_distance(n, name) == 1}
    if len(close) != 1:
        return place
    fixed = prefix + close.pop()
    warnings.append(Warning(code="place_corrected", span=ln.span(),
                            message=f"Place '{place}' read by OCR taken as the province '{fixed}'."))
    return fixed


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _read_type(lines: list[Line], type_idx: int | None, h: Header, meta: dict, warnings: list) -> None:
    named = _type_named(lines[type_idx].text) if type_idx is not None else None
    if named is None and "doc_type" in meta:
        named = type_by_name(meta["doc_type"][0])
    if named is None:
        return
    if h.doc_type_code and h.doc_type_code not in ("CV", named.code):
        warnings.append(Warning(code="type_mismatch", message=f"Type line says {named.name} but the symbol "
                                f"{h.symbol} says {h.doc_type}; the type line is kept."))
    h.doc_type, h.doc_type_code = named.name, named.code
    if type_idx is not None:
        h.provenance["doc_type"] = lines[type_idx].span()


def _read_title(lines: list[Line], type_idx: int | None, h: Header, vocab: CaseVocab,
                number_line: Line | None, warnings: list[Warning]) -> list[Line]:
    if type_idx is None:
        return (_vv_title(lines, h, number_line) or _heading_title(lines, h, vocab, number_line)
                or _caps_title(lines, h, vocab, number_line, warnings))
    type_line = lines[type_idx]
    inline = _title_on_type_line(type_line.text)
    taken = _title_lines(lines, type_idx, inline)
    title = _title_text([p for p in [inline, *(ln.text for ln in taken)] if p], vocab)
    if len(title.split()) < 2:  # one word under the type line (`IGPQH`, a number line OCR garbled) is no trích yếu
        _summary_field(lines, h)
        return []
    h.title = title
    h.provenance["title"] = (type_line if inline else taken[0]).span()
    return taken


def _summary_field(lines: list[Line], h: Header) -> None:
    """A form with no trích yếu under its type line (a phiếu trình) states it in a field: `2. Trích yếu: V/v …`.
    The field's lines stay in the body (they are one of the form's numbered items)."""
    for i, ln in enumerate(lines[:40]):
        if not (m := _SUMMARY_FIELD.match(ln.text)):
            continue
        parts = [ln.text[m.end() :]]
        for nxt in lines[i + 1 : i + 4]:
            if not nxt.text[:1].islower() and not parts[-1].rstrip().endswith(_OPEN_WORDS):
                break
            parts.append(nxt.text)
        title = _VV.sub("", " ".join(part.strip(" _") for part in parts)).strip(" .,;_")
        if len(title.split()) >= 2:
            h.title = title[:1].upper() + title[1:]
            h.provenance["title"] = ln.span(m.end())
        return


def _title_lines(lines: list[Line], type_idx: int, inline: str) -> list[Line]:
    """The lines under the type line that make the trích yếu."""
    type_line, taken = lines[type_idx], []
    first = type_idx + 1 + (type_idx + 1 < len(lines) and _issuer_line(lines[type_idx + 1].text))
    for k, ln in enumerate(lines[first : type_idx + 15], start=first):  # a title citing circulars runs ten lines
        text = ln.text
        if taken and is_all_caps(text) and not is_all_caps(taken[-1].text) \
                and _BASIS.match(next((x.text for x in lines[k + 1 :] if not x.blank), "")):
            break  # the issuing authority, in capitals over the Căn cứ (`TRƯỞNG THUẾ TỈNH QUẢNG NINH`), bold or not
        if sum(ch.isalpha() for ch in text) < 2 or (
                not taken and not any(len(t) > 1 and is_syllable(t.strip(_PUNCT)) for t in text.split())):
            continue  # specks OCR read off the rule or a scrawl under the type line (`;`, `4 L / Ạ 4`)
        if inline and not (is_all_caps(text) or _PAREN_LINE.match(text)):
            break  # `BÁO CÁO GIÁ THỊ TRƯỜNG THÁNG 05/2019`: only a caps or bracketed line continues it
        wrapped = text[:1].islower()  # `theo định hướng …`: a title's wrapped line, whatever word it starts with
        if (taken or inline) and ((_TITLE_STOP.match(text) and not wrapped) or len(text) > 300 or text.endswith(":")
                                  or _ends_title(taken or [type_line], ln)):
            break
        if not taken and _TITLE_STOP.match(text) and not text.startswith(("Thực hiện", "Về", "Theo")):
            break
        if not taken and not inline and _body_sentence(text):
            break  # a giấy mời without trích yếu: `Ủy ban nhân dân tỉnh tổ chức buổi làm việc …` is the body
        taken.append(ln)
    return taken


_BASIS = re.compile(r"^\W*(Căn cứ|Xét)\b")
_INVITING = re.compile(r"\bkính\s+mời\b", re.I)


def _body_sentence(text: str) -> bool:
    """A sentence whose subject is a body (`Ủy ban nhân dân tỉnh tổ chức …`), or an invitation's formula
    (`… trân trọng kính mời …`): a trích yếu is a noun phrase."""
    if is_all_caps(text):
        return False
    if _INVITING.search(text):
        return True
    ents = find_entities(text, ("ORG",))
    return bool(ents) and ents[0].start == 0


def _title_text(parts: list[str], vocab: CaseVocab) -> str:
    """One line of the title: its caps lines in sentence case, a bracketed line after them as printed."""
    caps = next((k for k, p in enumerate(parts) if not is_all_caps(p)), len(parts))
    head = " ".join(parts[:caps]).strip(" :.")
    return " ".join([recase(head, vocab) if head else "", *parts[caps:]]).strip(" :.")


def _title_on_type_line(text: str) -> str:
    """The trích yếu printed on the type's own line (`BÁO CÁO GIÁ THỊ TRƯỜNG THÁNG 05/2019`), else ''.
    One or two words more qualify the type (`CHƯƠNG TRÌNH HÀNH ĐỘNG`, `KẾ HOẠCH LIÊN TỊCH`)."""
    named = _type_named(text)
    words = text.strip(_STRAY_MARKS).split()[len(named.name.split()):] if named else []
    words = [w for w in words if any(ch.isalpha() or ch.isdigit() for ch in w)]  # `THÔNG BÁO - - TĨNH`: a seal's specks
    return " ".join(words).strip(" :.-") if len(words) >= 3 else ""


def _heading_title(lines: list[Line], h: Header, vocab: CaseVocab, number_line: Line | None) -> list[Line]:
    """A document with no header block (an appendix or a table sent alone): its title is the capitalised
    heading it opens with, after a `Phụ lục …` line if any, or on that line (`Phụ lục 2. Lịch trình …`)."""
    if lines and (m := _APPENDIX_TITLED.match(lines[0].text)):
        h.title = m["title"].strip(" :.")
        h.provenance["title"] = lines[0].span(m.start("title"))
        return [lines[0]]
    if number_line is not None or any(ag.is_motto(ln.text) for ln in lines[:8]):
        return []
    start = 1 if lines and _APPENDIX.match(lines[0].text) else 0
    taken: list[Line] = []
    for ln in lines[start : start + 6]:
        if sum(ch.isalpha() for ch in ln.text) < 2:
            continue  # a speck between two lines of the heading
        if not taken and (ag.starts_with_agency(ln.text) or (_LABEL_LINE.match(ln.text) and not is_all_caps(ln.text))):
            continue  # the issuing body above the heading, a file label (`Tên tệp: T12-2022-HAG`)
        if not is_all_caps(ln.text) or (_TITLE_STOP.match(ln.text) and not _CAPS_CONTINUATION.match(ln.text)) \
                or ag.starts_with_agency(ln.text):
            break
        taken.append(ln)
    title = " ".join(ln.text for ln in taken).strip(" :.")
    if len(title.split()) < 3:
        return []
    if h.doc_type is None and (rest := _title_on_type_line(title)):
        # `BÁO CÁO THỰC HIỆN VAY VÀ TRẢ NỢ ĐỊNH KỲ`: the heading names the type, the rest is the title
        named = _type_named(title)
        h.doc_type, h.doc_type_code, title = named.name, named.code, rest
        h.provenance["doc_type"] = taken[0].span()
    h.title = recase(title, vocab)
    h.provenance["title"] = taken[0].span()
    return taken


def _caps_title(lines: list[Line], h: Header, vocab: CaseVocab, number_line: Line | None,
                warnings: list[Warning]) -> list[Line]:
    """No type line (a portal's copy replaced it by its own sentence, or OCR lost it): the trích yếu is a
    `Về …` line between the number and date lines and the body, else the block of capitals there."""
    if number_line is None or number_line not in lines:
        return []
    below = lines[lines.index(number_line) + 1 : lines.index(number_line) + 10]
    below = below[: next((k for k, ln in enumerate(below) if _BODY_START.match(ln.text) or _TITLE_STOP.match(ln.text)),
                         len(below))]
    taken = _about_lines(below)
    title = " ".join(ln.text for ln in taken).strip(" :.")
    if not taken:
        taken = _capital_lines(below)
        title = recase(" ".join(ln.text for ln in taken).strip(" :."), vocab)
        if len(title.split()) < 3:
            return []
    h.title, h.provenance["title"] = title, taken[0].span()
    warnings.append(Warning(code="title_without_type_line", span=taken[0].span(),
                            message=f"No type line; the lines under the number taken as the title: '{title}'."))
    return taken


def _about_lines(below: list[Line]) -> list[Line]:
    """`Về nội dung, thời gian …` and its wrapped lines: a trích yếu in its own words, whatever OCR made
    of the lines above it."""
    at = next((k for k, ln in enumerate(below) if _ABOUT.match(ln.text)), None)
    return [] if at is None else [below[at], *(ln for ln in below[at + 1 :] if not is_all_caps(ln.text))]


def _capital_lines(below: list[Line]) -> list[Line]:
    taken: list[Line] = []
    for ln in below:
        text = ln.text
        caps = is_all_caps(text) and sum(ch.isalpha() for ch in text) >= 2
        if caps and not (ag.is_motto(text) or ag.starts_with_agency(text) or _DATE_WORDS.search(text)):
            taken.append(ln)
        elif taken:
            break
    return taken


def _ends_title(taken: list[Line], nxt: Line) -> bool:
    """Stop before an agency or authority line (above Căn cứ) or after a finished sentence; a bracketed
    line right under the title belongs to it (`(Từ ngày 08/7/2019 - 12/7/2019)`, `(lần 2)`)."""
    last = taken[-1].text
    if _PAREN_LINE.match(last) or _gap_after(taken[-1], nxt) > _TITLE_GAP:
        return True
    if taken[-1].bbox is None and len(taken) >= 2 and taken[-2].no + 1 == taken[-1].no < nxt.no - 1:
        return True  # text: a title of consecutive lines ends at a blank line (`… của đất nước` / `Tại phiên họp …`)
    if _OPEN_END.search(last):
        return False  # `… của` / `Thông tư số 57/2021/TT-BTC …`: a line ending in a preposition goes on
    if _PAREN_LINE.match(nxt.text) and _below(taken[-1], nxt):
        return False
    if is_all_caps(nxt.text) and (ag.starts_with_agency(nxt.text) or ag.starts_with_position(nxt.text)) \
            and not re.search(r"\d", nxt.text) and not nxt.text.startswith("PHÓ "):
        # the issuing authority above Căn cứ: `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`, `BỘ TRƯỞNG BỘ …`; it names
        # no year and no deputy (`… CỦA CHỦ TỊCH / PHÓ CHỦ TỊCH UBND XÃ QUẢNG PHÚ NĂM 2019` is the title)
        return True
    if is_all_caps(last) != is_all_caps(nxt.text) and not nxt.bold:
        return True
    return last.endswith((".", ";")) or (len(last) > 120 and not nxt.bold and not nxt.text[:1].islower())


def _gap_after(above: Line, ln: Line) -> float:
    """White space between two lines of a page, in line heights (0 for text without positions)."""
    if not (above.bbox and ln.bbox) or above.page != ln.page:
        return 0.0
    return (ln.bbox[1] - above.bbox[3]) / max(above.bbox[3] - above.bbox[1], 1.0)


def _vv_title(lines: list[Line], h: Header, number_line: Line | None) -> list[Line]:
    """Công văn: the trích yếu is the `V/v …` line(s) under the number, or a `Về việc …` right under it."""
    at = lines.index(number_line) if number_line in lines else None
    for i, ln in enumerate(lines[:30]):
        if _VV.match(ln.text) or (at is not None and at < i <= at + 2 and _ABOUT.match(ln.text)):
            taken = [ln]
            for nxt in lines[i + 1 : i + 6]:
                if _TITLE_STOP.match(nxt.text) or not (nxt.text[:1].islower() or _below(taken[-1], nxt)) \
                        or (_ADDRESSEE.search(nxt.text) and not nxt.text[:1].islower()):
                    break  # a subject's wrapped line goes on in lower case; `Cole THỘNG … Kính gửi:` is a stamp's
                taken.append(nxt)
            title = _VV.sub("", " ".join(x.text for x in taken))
            title = _ADDRESSEE.split(title)[0].strip().rstrip(" .;-")  # OCR put `Kính gửi:` on a subject line
            h.title = title[:1].upper() + title[1:]
            h.provenance["title"] = ln.span()
            if _VV.match(ln.text) and h.doc_type_code != "CV" and not (h.symbol or "").startswith("CV") and (
                    h.symbol or not h.doc_type_code):
                # only a công văn has a `V/v` subject: `1802/CT-THNVDT` is Cục Thuế's, not a Chỉ thị
                h.doc_type, h.doc_type_code = "Công văn", "CV"
            return taken
    return []


def _below(above: Line, ln: Line) -> bool:
    """Is `ln` the next line of the same column block? On a page, by position; in text, by being the
    next source line (no blank between) that is neither a caps line nor the place-date line."""
    if ln.page != above.page:
        return False
    if not (above.bbox and ln.bbox):
        caps = is_all_caps(ln.text) and not re.search(r"\d", ln.text)  # `335/2025/NĐ-CP` ends a subject
        return ((ln.source_line or ln.no) == (above.source_line or above.no) + 1 and not caps
                and not _PLACE_DATE.search(ln.text))
    height = above.bbox[3] - above.bbox[1]
    overlap = min(above.bbox[2], ln.bbox[2]) - max(above.bbox[0], ln.bbox[0])
    return 0 <= ln.bbox[1] - above.bbox[3] < height and overlap > 0.5 * (ln.bbox[2] - ln.bbox[0])


def _read_agencies(head: list[Line], number_line: Line | None, h: Header, vocab: CaseVocab,
                   warnings: list[Warning]) -> None:
    stop = number_line.no if number_line else (head[-1].no + 1 if head else 0)
    if any(_APPENDIX.match(ln.text) or _APPENDIX_TITLED.match(ln.text) for ln in head[:4]):
        # an appendix sent alone opens with its heading (a signing stamp's lines may come first): no agency
        # block, the parent document it is attached to names the issuer
        return
    texts = []
    for ln in head:
        if ln.no >= stop:
            break
        text = ag.strip_motto(ln.text)
        if texts and _prose(text):
            break  # the agency block is over: its capitals further down are the body's (`NỘI DUNG XÉT`)
        if text and is_all_caps(text) and not ag.is_motto(text) and not ag.is_rule(text) and not _APPENDIX.match(text):
            texts.append(text)
    groups = ag.group_agency_lines(texts)
    if not groups:
        return
    names = [ag.proper_agency(g, vocab) for g in groups]
    h.parent_body = names[-2] if len(names) > 1 else None
    h.issuing_body = ag.with_parent_place(names[-1], h.parent_body)
    h.provenance["issuing_body"] = head[0].span()
    if restored := _marks_restored(" ".join(texts), h.issuing_body):
        warnings.append(Warning(code="agency_marks_restored", span=head[0].span(), message=(
            f"Words of the issuing body read with other marks ({', '.join(restored)}) were taken as written in "
            f"the lists of agency heads, units and provinces: '{h.issuing_body}'.")))


def _prose(text: str) -> bool:
    """A line of ordinary text (`Ngày nộp hồ sơ: …`, `Tên tổ chức, cá nhân: …`), not the place and date."""
    return bool(_PROSE_START.match(text)) and len(text.split()) >= 3 and not _DATE_WORDS.search(text) \
        and not ag.is_motto(text) and not ag.starts_with_agency(text)


def _marks_restored(read: str, name: str) -> list[str]:
    """Words of `name` that stand in `read` only with other marks (`SƠ` → `Sở`, `Hỗ` → `Hồ`)."""
    as_read = set(read.lower().split())
    folded = {fold_diacritics(w) for w in as_read}
    return [w for w in name.split() if w.lower() not in as_read and fold_diacritics(w.lower()) in folded]


def _attached_parts(layout: Layout) -> list[int]:
    """Start lines of what follows the signature: an attached document (`KẾ HOẠCH … kèm theo …`) or a `Phụ lục`."""
    # reading-order line numbers (a span's line is the source line, elsewhere in fixed-width text)
    signed_at = min((no for no, role in layout.claimed.items() if role == "signature"), default=None)
    if signed_at is None:
        return []
    return [ln.no for ln in layout.free() if ln.no > signed_at and (_is_type_line(ln.text) or _APPENDIX.match(ln.text))]


def _is_type_line(text: str) -> bool:
    text = text.strip()
    return is_all_caps(text) and not text.endswith(":") and len(text.split()) <= 8 and bool(_type_named(text))


def _issuer_line(text: str) -> bool:
    """`CỦA BAN THƯỜNG VỤ TỈNH ỦY` under `CHỈ THỊ` (Hướng dẫn 36): the type line's second half, not the title."""
    return is_all_caps(text) and text.startswith("CỦA ") and ag.starts_with_agency(text[4:])


def _type_named(text: str):
    """The type a caps line names, its marks as printed or as OCR shifted them (`QUYÉT ĐỊNH`, `“QUYẾT ĐỊNH`)."""
    text = text.strip(_STRAY_MARKS)
    return type_by_name(text) or (type_by_letters(text) if is_all_caps(text) else None)


def _legal_bases(layout: Layout, title_end: int, parts: list[int]) -> list[str]:
    out = []
    end = parts[0] if parts else 10**9
    for ln in layout.free():
        if ln.no <= title_end or ln.no >= end:
            continue
        if _LEGAL_BASIS.match(ln.text):
            out.append(ln.text)
        elif out or re.match(r"^(Điều\s+\d|QUYẾT ĐỊNH|[IVX]+\s*[.\-])", ln.text):
            if not out:
                break
            if not ln.text.startswith(("Căn cứ", "Xét")):
                break
    return out


# ── issuer when the agency block is missing ─────────────────────────────────────────────────


def _infer_issuer(layout: Layout, h: Header, meta: dict, warnings: list[Warning], vocab: CaseVocab) -> None:
    bodies = [s.body for s in h.signers if s.body]
    if len(bodies) > 1:
        _joint_issuers(h, bodies)
        warnings.append(Warning(code="issuing_body_inferred", message=f"Joint document: issuers read from the "
                                f"signature blocks and ordered by the symbol {h.symbol}: {h.issuing_body}; "
                                f"{', '.join(h.co_issuing_bodies)}."))
    if h.issuing_body:
        return
    guess = _issuer_from_body(layout, h) or _issuer_of_parent(layout)
    if guess is None and "issuer" in meta and ag.starts_with_agency(meta["issuer"][0]):
        guess = ag.proper_agency(meta["issuer"][0], vocab)
    if guess:
        h.issuing_body = guess
        if (where := _line_naming(layout, guess)) is not None:
            h.provenance["issuing_body"] = where.span()
        warnings.append(Warning(code="issuing_body_inferred", span=h.provenance.get("issuing_body"),
                                message=f"No agency block; issuing body inferred as '{guess}' from the text."))
    else:
        warnings.append(Warning(code="issuing_body_missing", message="Issuing body not found."))


def _line_naming(layout: Layout, name: str) -> Line | None:
    """The first line that names the body (its first three words, marks and case aside): where it was read."""
    key = " ".join(fold_diacritics(name).lower().split()[:3])
    folded = (" ".join(fold_diacritics(expand_abbreviations(ln.text)).lower().split()) for ln in layout.lines)
    return next((ln for ln, text in zip(layout.lines, folded) if key in text), None)


def _issuer_of_parent(layout: Layout) -> str | None:
    """An appendix sent alone: `(Kèm theo Quyết định số 66/2021/QĐ-UBND … của Ủy ban nhân dân tỉnh An Giang)`
    names the body that issued it, after the position that signed (`của Hiệu trưởng Trường Đại học …`)."""
    first = [ln for ln in layout.body() if layout.claimed.get(ln.no) != "signing_stamp"][:12]
    m = _ATTACHED_TO.search("\n".join(ln.text for ln in first))
    if not m:
        return None
    # a parent's initials after a comma (`Trường Đại học Việt Nhật, ĐHQGHN`) are not the body's name
    body = expand_abbreviations(re.sub(rf",\s*[{UPPER}]{{3,}}$", "", m["body"].strip(" .;,)")))
    ents = find_entities(body, ("ORG", "ORG_HEAD"))
    return ag.proper_agency(body[ents[0].start :]) if ents else None


def _joint_issuers(h: Header, bodies: list[str]) -> None:
    """Joint documents: one agency per signature block, ordered as in the symbol (KH-SKHCN-UBND)."""
    codes = [c.upper() for c in (parse_doc_number(h.reference or f"1/{h.symbol}") or _no_codes()).agency_codes]

    def rank(body: str) -> int:
        abbr = _initials(body)
        return next((i for i, c in enumerate(codes) if abbr.startswith(c) or c.startswith(abbr)), len(codes))

    ordered = sorted(dict.fromkeys(bodies), key=rank)
    where = h.place if h.place and not ag.place_part(ordered[0]) else None
    lead = ordered[0]
    if where and lead.startswith("Sở ") and _is_province(where):
        lead = f"{lead} tỉnh {where}"
    h.issuing_body, h.co_issuing_bodies = lead, ordered[1:]


def _no_codes():
    return DocNumber(None, None, "", None, False)


def _initials(name: str) -> str:
    place = ag.place_part(name)
    core = name[: len(name) - len(place)] if place else name
    return "".join(w[0] for w in core.split() if w.lower() not in ("và", "&", "-")).upper()


def _is_province(place: str) -> bool:
    return any(r["name"].lower() == place.lower() for r in read_csv("provinces.csv"))


def _issuer_from_body(layout: Layout, h: Header) -> str | None:
    """The collective that signs (`TM. ỦY BAN NHÂN DÂN`, or the symbol's agency) named with its place in the body."""
    heads = [a.split(" ", 1)[1] for s in h.signers for a in s.authority if a.startswith(("TM.", "T/M"))]
    if not heads and h.symbol:
        codes = (parse_doc_number(f"1/{h.symbol}") or _no_codes()).agency_codes
        heads = [recase(c) for c in codes[-1:]]
    mentions = [(ln.text, pos, name) for head in heads for ln in layout.free()
                for pos, name in ag.agency_mentions(ln.text, head)]
    if not mentions:
        return next((head for head in heads if ag.is_national(head)), None)
    where = expand_abbreviations(h.place or "").lower()

    def rank(m: tuple[str, int, str]) -> int:
        text, pos, name = m
        cited = text[:pos].rstrip().lower().endswith("của")
        return (0 if (ag.place_part(name) or "").lower() == where else 2) + (1 if cited else 0)

    return min(mentions, key=rank)[2]
