"""The heading tree: `Phần`, `Chương`, `Mục`, `Điều 1.`, `I.`/`I-`, `A.`, `1.`/`1-`, `1.1.`/`2.1-`, `a)`, `Phụ lục`.

Only body lines are considered: table rows, the header, signatures and recipients were claimed by
other extractors, so a table row numbered I, II is never a section. Levels follow the order in
which numbering styles appear (see `numbering`); an attached document (`KẾ HOẠCH … ban hành kèm
theo`) starts a new part whose headings are top-level again.
"""

from __future__ import annotations

import re

from extractors.layout import Layout, Line
from extractors.numbering import LevelStack, next_roman, roman_lookalike, style_of
from normalizers import ONE_LOOKALIKES, is_all_caps
from pipeline.model import Section, Warning

# `PHẦN THỨ NHẤT` (Party guidance, long plans): the part's number in words
_ORDINALS = r"(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"
_NAMED = re.compile(
    r"^(?P<kind>Phần|Chương|Mục|Điều|Phụ lục)\s+(?P<n>[IVXLC]+|\d{1,3}[a-z]?|[A-Z]|thứ\s+" + _ORDINALS + r")\b"
    r"\s*[.:\-]?\s*(?P<rest>.*)$", re.I
)
_NAMED_BARE = re.compile(r"^(?P<kind>Phụ lục)\s*$", re.I)
_NUMBERED = re.compile(r"^(?P<n>[IVXLC]+|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*(?P<sep>[.\-)–])\s*(?P<rest>\S.*)$")
_NAMED_RANK = {"phần": "named:phần", "chương": "named:chương", "mục": "named:mục", "điều": "named:điều",
               "phụ lục": "named:phụ lục"}
_MAX_HEADING = 250
_TITLED = ("named:phần", "named:chương", "named:mục", "named:phụ lục")


def _title_line(ln: Line) -> bool:
    return (is_all_caps(ln.text) or ln.bold) and len(ln.text) < 200 and not _NUMBERED.match(ln.text)


def extract_sections(layout: Layout, parts: list[int], title_end: int) -> tuple[list[Section], list[Warning]]:
    notes: list[Warning] = []
    roots: list[Section] = []
    stack: list[Section] = []
    levels = LevelStack()
    last_upper: str | None = None
    last_roman: str | None = None
    last_named: dict[str, str] = {}  # the last Chương, Phần, Mục numeral
    part = 1
    lines = [ln for ln in layout.free() if ln.no > title_end or ln.no in parts]
    right_edge = max((ln.bbox[2] for ln in lines if ln.bbox), default=None)
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.no in parts:
            part, stack = part + 1, []
            levels.reset()
            if not _NAMED_BARE.match(ln.text) and not _NAMED.match(ln.text):
                i += 1  # the type line of an attached document is not a heading; a Phụ lục is
                continue
        parsed = None if _wrapped(lines[i - 1] if i else None, ln, right_edge) else _parse_heading(ln, last_upper)
        misread = (_misread_roman(ln, last_roman, parsed) or _misread_one(ln, lines[i + 1 : i + 60], last_upper)
                   or (_misread_chapter(ln, last_named) if parsed is None else None))
        if misread:
            parsed = misread
            notes.append(Warning(code="heading_number_guessed", span=ln.span(), message=(
                f"Heading '{ln.text[:40]}' read as {misread[0]}: OCR misreads Roman numerals.")))
        if parsed is None:
            if stack:
                stack[-1].text += ("\n" if stack[-1].text else "") + ln.text
            i += 1
            continue
        number, style, heading, body = parsed
        if style in _TITLED:
            last_named[style] = number.split()[-1]
        if style == "upper":
            last_upper = number
        if style == "roman":
            last_roman = number
        heading, used = _continue_heading(heading, ln, lines[i + 1 :], right_edge)
        if not heading and not body and style in _TITLED and i + 1 < len(lines) and _title_line(lines[i + 1]):
            heading, used = lines[i + 1].text.rstrip(" :."), 1  # `Chương I` / `QUY ĐỊNH CHUNG`
        level = levels.level(style)
        node = Section(number=number, level=level, heading=heading, text=body, part=part, span=ln.span())
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        i += 1 + used
    return roots, notes


def _misread_roman(ln: Line, last_roman: str | None, parsed: tuple | None) -> tuple[str, str, str, str] | None:
    """`H. MỤC TIÊU` or a second `II.` after `II.`: the next Roman numeral, misread by OCR.

    Only ALL-CAPS headings, only the numeral expected next in sequence, and only when the line
    did not already parse as a plausible heading (a letter `H.` in an A, B, … list stays a letter).
    """
    m = re.match(r"^(\S{1,4}?)\s*[.\-,]\s*(\S.*)$", ln.text)
    expected = next_roman(last_roman)
    if not m or not expected or not is_all_caps(m[2][:30]):
        return None
    repeated = parsed is not None and parsed[1] == "roman" and parsed[0] == last_roman
    lookalike = roman_lookalike(m[1], expected) and (parsed is None or parsed[1] == "upper")
    return (expected, "roman", _heading(m[2]), "") if repeated or lookalike else None


_NAMED_MISREAD = re.compile(r"^(?P<kind>Phần|Chương|Mục)\s+(?P<n>[IVXLCHlÌÍÏ|\]1!]{1,5})\s*[.:\-]?\s*(?P<rest>.*)$",
                            re.I)


def _misread_chapter(ln: Line, last_named: dict[str, str]) -> tuple[str, str, str, str] | None:
    """`Chương HI` after `Chương I`, `Chương HH` after it: the next Roman numeral, misread by OCR."""
    m = _NAMED_MISREAD.match(ln.text)
    if not m:
        return None
    kind = m["kind"].capitalize()
    expected = next_roman(last_named.get(_NAMED_RANK[kind.lower()])) or "I"
    if not roman_lookalike(m["n"], expected):
        return None
    return f"{kind} {expected}", _NAMED_RANK[kind.lower()], _heading(m["rest"]), ""


def _misread_one(ln: Line, following: list[Line], last_upper: str | None) -> tuple[str, str, str, str] | None:
    """`I. Dự toán chi phí …`, `Ï. …` then `2. Chi phí giám sát …`: a `1.` OCR read as the Roman one or a
    look-alike. Only a heading in ordinary type (Roman ones head capitals) whose next heading of that rank,
    past the sub-items under it, is `2`."""
    m = re.match(rf"^[{re.escape(ONE_LOOKALIKES)}]\s*[.)]\s*(\S.*)$", ln.text)
    if not m or is_all_caps(m[1][:30]):
        return None
    for x in following:
        if re.match(rf"^[{re.escape(ONE_LOOKALIKES)}1]\s*[.)]\s*\S", x.text):
            return None  # another `1.` (`]. Diễn biến …` under `Ì. Tổng quan …`): this one is a Roman one
        named = re.match(r"^(?:Điều\s+\d+\s*[.:]|Chương|Mục|Phần)\s", x.text)  # not `Điều 5 Thông tư …` wrapped
        if (p := _parse_heading(x, last_upper)) and (p[1] in ("arabic", "roman") or named):
            if p[:2] != ("2", "arabic"):
                return None  # an article or chapter, or another number, comes first
            break
    else:
        return None
    return _parse_heading(Line(ln.no, ln.start, ln.end, ln.raw, "1. " + m[1], ln.page), last_upper)


def _wrapped(prev: Line | None, ln: Line, right_edge: float | None) -> bool:
    """A PDF line that continues the paragraph above (`… theo Nghị quyết số` / `20-NQ/TW ngày …`)."""
    if prev is None or right_edge is None or not (prev.bbox and ln.bbox) or prev.page != ln.page:
        return False
    full = prev.bbox[2] > right_edge - 0.05 * (right_edge - prev.bbox[0])
    return full and not prev.text.rstrip().endswith((".", ":", ";", "!", "?"))


def _parse_heading(ln: Line, last_upper: str | None) -> tuple[str, str, str, str] | None:
    """(number, style, heading, body); an article written as a sentence has its text as body too."""
    text = ln.text
    if m := _NAMED.match(text):
        kind, n = m["kind"].capitalize(), m["n"]
        number = f"{kind} {n.lower() if n.lower().startswith('thứ') else n.upper() if kind != 'Điều' else n}"
        body = m["rest"].strip() if _sentence(m["rest"]) else ""
        return number, _NAMED_RANK[m["kind"].lower()], _heading(m["rest"]), body
    if _NAMED_BARE.match(text):
        return "Phụ lục", "named:phụ lục", "", ""
    m = _NUMBERED.match(text)
    if not m and ln.conf is not None:  # OCR reads `3. Đánh giá` as `3, Đánh giá` and `I.` as `Ì.` (a speck above)
        m = _NUMBERED.match(re.sub(r"^(\d{1,2}),\s", r"\1. ", re.sub(r"^[ÌÍÎÏ](?=[IVX]*\s*\.)", "I", text)))
    if not m:
        return None
    number, rest = m["n"], m["rest"]
    style = style_of(number, last_upper)
    if style is None or not _plausible(number, style, m["sep"], rest):
        return None
    return number, style, _heading(rest), ""


def _plausible(number: str, style: str, sep: str, rest: str) -> bool:
    """Reject sentences that merely start with a letter or number ('A. Nguyễn…', '5 - 7 ngày')."""
    if style in ("upper", "roman") and sep == ")":
        return False
    if style == "lower" and sep not in ").":
        return False
    first = rest.split(None, 1)[0] if rest.split() else ""
    return (rest[:1].isalpha() or rest[:1] in "(\"“") and "/" not in first  # not `20-NQ/TW`


def _heading(rest: str) -> str:
    return rest.strip().rstrip(" :.;/")


def _sentence(rest: str) -> bool:
    """`Điều 1. Ban hành kèm theo …`: an article with no title of its own, its text a sentence (it is then
    both the section's text and, for want of a title, its heading)."""
    rest = rest.strip()
    return len(rest) > 120 or rest.endswith((".", ";", "./."))


def _continue_heading(heading: str, ln: Line, following: list[Line], right_edge: float | None) -> tuple[str, int]:
    """An ALL-CAPS (or bold) heading wrapped onto the next line(s), or a PDF line that runs to the margin."""
    used = 0
    prev = ln
    for nxt in following[:3]:
        if _wrapped(prev, nxt, right_edge) and not _NUMBERED.match(nxt.text) and len(heading) < _MAX_HEADING:
            heading, used, prev = f"{heading} {nxt.text.rstrip(' :.;')}", used + 1, nxt
            continue
        caps_wrap = is_all_caps(heading) and is_all_caps(nxt.text) and _NUMBERED.match(nxt.text) is None
        bold_wrap = ln.bold and nxt.bold and nxt.text[:1].isupper() and is_all_caps(heading) == is_all_caps(nxt.text)
        # a line wrapped in a PDF: unfinished heading, next line starts lower case in the same style
        lower_wrap = nxt.text[:1].islower() and ln.bold == nxt.bold and not heading.endswith((".", ";", ":"))
        if not (caps_wrap or bold_wrap or lower_wrap) or _NAMED.match(nxt.text) or _NUMBERED.match(nxt.text):
            break
        heading = f"{heading} {nxt.text.rstrip(' :.;')}"
        used += 1
    return heading, used
