"""The end of a document: signature blocks (authority, position, name) and `Nơi nhận:` recipients."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from extractors.agency import proper_agency, starts_with_agency, starts_with_position
from extractors.casing import CaseVocab, recase
from extractors.entities import find_entities, patterns
from extractors.layout import Line
from extractors.resources import read_lines
from normalizers import LOWER, UPPER, fold_diacritics, is_all_caps, unique_by_letters
from normalizers.lexicon import is_syllable
from pipeline.model import Signer, Warning

_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|TƯQ|Q|T/M|K/T|T/L)(?:\s*[.:,]\s*|\s+)(?=\S)", re.I)  # OCR: `KT, GIÁM ĐỐC`
_CANONICAL_AUTHORITY = {"TƯQ": "TUQ"}
# The heading, not a sentence wrapped at `nơi nhận` (`… đảng ủy cơ sở nơi giao và` / `nơi nhận vào trang đầu …`):
# a colon, or nothing but the list after it.
_RECIPIENTS = re.compile(r"^(?:\S{1,2}\s+)?(?:Nơi|NƠI)\s+(?:nhận|Nhận|NHẬN)\s*(?::\s*|$|(?=[-–•+]))")  # `ằ. Nơi nhận:`
_RECIPIENTS_READ = re.compile(r"^\W*noi\s*nha[nmu]\b\s*(?:[:;.,]\s*|$|(?=[-–•+]))", re.I)  # `Nơi nhậm:` as OCR reads it
_ARCHIVE = re.compile(r"^Lưu\b")
_SIGNED_MARK = re.compile(r"^\W*(?:đã\s+ký|ký\s+bởi)\W*", re.I)  # a published copy: `Đã ký: Trần Hoàng Tựu`
_BULLET = re.compile(r"^\s*[-+•–]\s*")
# A name's word: `Thịnh`, `THỊNH`, an Ê Đê / Jrai given name behind its prefix (`H'Vi`, `K'Nhai`), a
# name with an inner capital as OCR or the clerk wrote it (`ÊBan`, `KSor`), a capital OCR misread
# (`Ñguyễn`: any letter but a small Vietnamese one).
_CAPITAL = rf"(?![{LOWER}])[^\W\d_]"
_NAME_WORD = re.compile(rf"^(?:[HKY]')?{_CAPITAL}[{LOWER}]*$|^[{UPPER}]+$|^[{UPPER}]{{2}}[{LOWER}]+$")


def _surnames() -> frozenset[str]:
    return frozenset(s.lower() for s in read_lines("surnames.txt"))


def _surname_key(word: str) -> str:
    """The part of a first word to look up in the surname list: `h'` of `H'Vi` (the prefix is the marker)."""
    low = word.lower()
    return low[: low.index("'") + 1] if "'" in low else low


def is_person_name(text: str) -> bool:
    words = text.replace("’", "'").strip(" .*").split()
    if not 2 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
        return False
    if not text.isupper() and any(len(w) > 1 and w.isupper() for w in words):
        return False  # an acronym among proper-case words: `Lưu VPLĐLSVN`, `Trần Văn UBND`
    return _surname_key(words[0]) in _surnames() and not find_entities(text, ("ORG", "POSITION", "GPE"))


def _fold_tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s.]+", fold_diacritics(text).lower()) if t]


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_fold_tokens(title)) for title in read_lines("name_titles.txt"))


def _titled_name(text: str) -> str | None:
    """`Thiếu tướng Trương Minh Đương`, `LS. TS. Đỗ Ngọc Thịnh`: the name after a rank, degree or honour
    (name_titles.txt), the words before it being titles and OCR specks only."""
    words = text.split()
    for k in range(1, min(len(words) - 1, 6)):
        if _titles_only(_fold_tokens(" ".join(words[:k]))) and is_person_name(name := " ".join(words[k:])):
            return name
    return None


def _titles_only(tokens: list[str]) -> bool:
    """Tokens that are one or more titles, each word exact or one letter off (`Thiếu ướng`), with specks
    (no letter, or one or two letters: `'- ... ES. TS.`) between; at least one title."""
    reach = {0: False}  # position → a title was read before it
    for i in range(len(tokens)):
        if i not in reach:
            continue
        speck = not any(c.isalpha() for c in tokens[i]) or len(tokens[i]) <= 2 and (tokens[i],) not in _titles()
        if speck:
            reach[i + 1] = reach.get(i + 1, False) or reach[i]
        for title in _titles():
            got = tokens[i: i + len(title)]
            if len(got) == len(title) and all(_one_off(a, b) for a, b in zip(got, title)) \
                    and any(a == b for a, b in zip(got, title)):
                reach[i + len(title)] = True
    return reach.get(len(tokens), False)


def _one_off(a: str, b: str) -> bool:
    """Equal, or one letter dropped, added or changed."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))



def is_position(text: str) -> bool:
    ents = find_entities(text, ("POSITION",))
    return bool(ents) and ents[0].start == 0 and ents[-1].end >= len(text.rstrip(" .:")) - 1 \
        or known_position(text) is not None


def known_position(text: str) -> str | None:
    """A whole line that is a listed position with its marks misread by OCR (`THƯ TRƯƠNG`, `PHỌ GIÁM ĐỐC`):
    the position as the list spells it. Folding keeps `đ` apart, and only the whole line counts."""
    return _positions_by_letters().get(fold_diacritics(" ".join(text.split())).lower().strip(" .:"))


@lru_cache(maxsize=1)
def _positions_by_letters() -> dict[str, str]:
    return unique_by_letters(p["id"] for p in patterns() if p["label"] == "POSITION")  # no guess between two


def _position_spelled(text: str, vocab: CaseVocab | None) -> str:
    """The position line in sentence case; the list's spelling when OCR misread its marks."""
    ents = find_entities(text, ("POSITION",))
    if not (ents and ents[0].start == 0) and (known := known_position(text)):
        return known
    return recase(text, vocab)


def _authority(text: str, vocab: CaseVocab | None) -> str | None:
    m = _AUTHORITY.match(text)
    if not m or not is_all_caps(text):
        return None
    prefix = m.group(1).upper()
    prefix = _CANONICAL_AUTHORITY.get(prefix, prefix)
    prefix = prefix if "/" in prefix else prefix + "."
    return f"{prefix} {proper_agency(text[m.end():], vocab)}"


def _clean(text: str) -> str:
    """OCR specks of a seal or a signature: tokens with no letter or digit anywhere (`„ TL. BỘ TRƯỞNG`,
    `PHÓ : CHỦ „ TỊCH`), and a lone letter at either end of a longer line (`Đ THỦ TƯỚNG`: the seal's rim)."""
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    if sum(w.isupper() for w in words) >= 2:  # a caps line: a lone lower-case letter is a speck (`CHỦ r TỊCH`)
        words = [w for w in words if not (len(w) == 1 and w.islower())]
    if len(words) >= 3 and len(words[0].rstrip(".,")) == 1 and not words[0][0].isdigit() and words[0][0] != "Q":
        words = words[1:]  # `T. GIÁM ĐỐC`: what OCR left of `KT.` (`Q.` is an authority of its own)
    if len(words) >= 3 and len(words[-1]) == 1 and not words[-1].isdigit():
        words = words[:-1]
    return " ".join(words).strip("|[]!;:,. '\"“”‘’")


def _heads_unit(text: str, signer: Signer, first: bool) -> bool:
    """Under `TL. BỘ TRƯỞNG`, or opening a block: `VỤ TRƯỞNG VỤ GIÁO DỤC PHỔ THÔNG`, `TRƯỞNG BAN TUYÊN GIÁO
    TỈNH ỦY`, a position followed by the unit it heads."""
    return (bool(signer.authority) or first) and not signer.position and starts_with_position(text)


def _deputy(text: str, signer: Signer) -> str | None:
    """Under `KT. CHỦ TỊCH` the deputy signs: `PHÓ CHỦ TỊCH`, even as OCR misreads its marks or drops a letter
    (`PHÔ CHỦ TỊCH`, `PHÓ HIỆU TRƯỞN`); under `KT. BỘ TRƯỞNG`, a `THỨ TRƯỞNG` (`THƯ TRƯƠNG`)."""
    head = next((a.split(" ", 1)[1] for a in signer.authority if a.startswith(("KT.", "K/T")) and " " in a), None)
    if head is None or signer.position:
        return None
    deputy = "Thứ trưởng" if fold_diacritics(head).lower() == "bo truong" else "Phó " + head
    read, want = fold_diacritics(text).upper(), fold_diacritics(deputy).upper()
    if read.split()[:1] == want.split()[:1] == ["PHO"] and is_all_caps(text):
        return deputy  # under KT. only a deputy signs: `PHÓ HỖ GIẢM Á` is what a seal left of `PHÓ GIÁM ĐỐC`
    # the title's words, whole or the first ones when OCR broke the line (`THƯ TRƯƠ` / `NG`)
    start = " ".join(want.split()[:max(2, len(read.split()))])
    similar = max(difflib.SequenceMatcher(None, read, want).ratio(), difflib.SequenceMatcher(None, read, start).ratio())
    if read.split()[:1] == want.split()[:1] and similar >= 0.9:
        return deputy
    return None


@lru_cache(maxsize=1)
def _surnames_by_letters() -> dict[str, str]:
    """Surnames by their letters without marks, where only one surname has those letters (`tran` → Trần)."""
    return unique_by_letters(_surnames())


def _surname_restored(text: str) -> str | None:
    """`Trân Phước Hiền` → `Trần Phước Hiền`, `Thạm Đình Tuấn` → `Phạm Đình Tuấn`: OCR shifted the surname's
    marks, or misread one of its letters (one surname only is that near), and nothing else is off."""
    words = text.strip(" .*").split()
    if not 2 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words) or text.isupper():
        return None
    surname = _surnames_by_letters().get(fold_diacritics(words[0]).lower()) or _surname_one_letter_off(words[0])
    if surname is None or surname == words[0].lower():
        return None
    fixed = " ".join([surname.capitalize(), *words[1:]])
    return fixed if is_person_name(fixed) else None


def _surname_one_letter_off(word: str) -> str | None:
    """`Thạm` → `phạm`: the one surname (of four letters or more) that OCR's reading differs from by a letter."""
    low = word.lower()
    near = [s for s in _surnames() if len(s) == len(low) >= 4 and sum(a != b for a, b in zip(s, low)) == 1]
    return near[0] if len(near) == 1 else None


FREQUENT_NAME_SYLLABLES = 150  # the head of given_names.txt: names common enough to beat a rare real syllable


@lru_cache(maxsize=1)
def _given_names_by_letters() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """The syllables names use (surnames too), the most frequent given-name syllable for each spelling
    without marks (đ kept apart from d), and the frequent ones."""
    names = read_lines("given_names.txt")
    by: dict[str, str] = {}
    for name in names:
        by.setdefault(_letters(name), name)
    known = frozenset(n.lower() for n in names + read_lines("given_names_rare.txt")) | _surnames()
    return known, by, frozenset(names[:FREQUENT_NAME_SYLLABLES])  # a mother's surname is a middle name


def _letters(word: str) -> str:
    return fold_diacritics(word.lower().replace("đ", "\0")).replace("\0", "đ")


def _given_names_restored(name: str) -> str:
    """`Trương Minh Đuong` → `Trương Minh Đương`, `Lê Xuân Hông` → `Lê Xuân Hồng`: a syllable after the
    surname that OCR read with other marks. Changed: a syllable Vietnamese does not have, to the most
    frequent name syllable with its letters; a real syllable no name list holds (`Hông`, `Tuần`), only
    to a frequent one. A syllable of either list stays (`Viết`, `Diên`, `Năm` are names too)."""
    known, by_letters, frequent = _given_names_by_letters()
    words = name.split()
    if not words or name.isupper():
        return name
    fixed = [words[0]]
    for w in words[1:]:
        best = by_letters.get(_letters(w))
        if w.lower() in known or best is None or (is_syllable(w) and best not in frequent):
            fixed.append(w)
        else:
            fixed.append(best)
    return " ".join(fixed)


def _name_candidate(text: str) -> str:
    """A name with OCR specks inside (`Phạm Minh ì Chính`, `Nguyễn Thị 14 Dung`): names have no one-letter
    lower-case word and no word without letters; a name after a title is the name alone; a copy's
    `(Đã ký)` / `Đã ký:` mark before it goes."""
    text = _SIGNED_MARK.sub("", text)
    words = [w for w in text.split() if not (len(w) == 1 and w.islower()) and any(ch.isalpha() for ch in w)]
    if len(words) >= 3 and words[0][:1].isupper() and sum(w.islower() for w in words) == 1:
        known = _given_names_by_letters()[0]  # `Nguyên Thị Kim loan`: OCR read one capital as small
        words = [w.capitalize() if w.islower() and w in known else w for w in words]
    return _titled_name(" ".join(words)) or " ".join(words)


def _junk(text: str) -> bool:
    """A scribble or seal read as text between the position and the name (`Wuuu›-`, `x1.`)."""
    return len(text) <= 12 and not is_all_caps(text) and not is_person_name(text)


def _unit_head_block(lines: list[Line], i: int) -> bool:
    """A block opened by a position over the unit it heads (`TRƯỞNG BAN TUYÊN GIÁO TỈNH ỦY`), which the
    lists do not name whole: only with a person's name a few lines below, on the same page."""
    text = _clean(lines[i].text)
    if not (is_all_caps(text) and len(text.split()) <= 10 and starts_with_position(text)):
        return False
    for ln in lines[i + 1 : i + 6]:
        if ln.page != lines[i].page:
            return False
        candidate = _name_candidate(_clean(ln.text))
        if is_person_name(candidate) or _surname_restored(candidate):
            return True
    return False


def _block_start(line: Line, nxt: Line | None) -> bool:
    text = _clean(line.text)
    if not is_all_caps(text) or len(text.split()) > 10:
        return False
    if _AUTHORITY.match(text):
        return True
    if is_position(text):
        return nxt is None or not nxt.text.startswith(("Căn cứ", "Xét"))
    return nxt is not None and is_all_caps(_clean(nxt.text)) and is_position(_clean(nxt.text)) \
        and starts_with_agency(text)


def find_signers(lines: list[Line], vocab: CaseVocab | None = None
                 ) -> tuple[list[Signer], list[Line], list[Warning]]:
    """Signature blocks among the given (non-blank) lines; returns signers, the lines used, and a warning
    for each name whose surname was read with wrong marks and restored."""
    signers, used, warnings = [], [], []
    i = 0
    while i < len(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if not (_block_start(lines[i], nxt) or _unit_head_block(lines, i)):
            i += 1
            continue
        signer, n, guessed = _read_block(lines[i:], vocab)
        if signer.name is None and (further := _name_further_on(lines, i + n, lines[i])) is not None:
            found, candidate = further
            if not is_person_name(candidate) and (restored := _surname_restored(candidate)):
                guessed, candidate = candidate.split()[0], restored
            if candidate.isupper() and (below := _proper_name_below(lines, found)):
                candidate, found = below
            signer.name = _as_name(candidate)
            used.append(lines[found])
        completed = _name_completed(lines, i) if signer.name is None else None
        if completed:
            signer.name = completed[0]
        if not any(_same(signer, s) for s in signers):  # signature boxes repeated on every page
            signers.append(signer)
            if completed:
                warnings.append(Warning(code="signer_name_completed", span=signer.span, message=(
                    f"Signer's name read as '{completed[1]}' under the position, taken as '{signer.name}', the one "
                    f"full name the document gives that ends so.")))
            if guessed:
                warnings.append(Warning(code="signer_surname_corrected", span=signer.span, message=(
                    f"Signer's surname read as '{guessed}', taken as '{signer.name}' (the surname list).")))
            if signer.name and signer.span and signer.span.confidence is not None:  # read by OCR
                read, signer.name = signer.name, _given_names_restored(signer.name)
                if signer.name != read:
                    warnings.append(Warning(code="signer_name_corrected", span=signer.span, message=(
                        f"Signer's name read as '{read}', taken as '{signer.name}' (the list of name syllables).")))
        used.extend(lines[i : i + n])
        i += n
    if not signers and (anchored := _name_anchored_block(lines, vocab)):
        signer, block = anchored
        signers.append(signer)
        used.extend(block)
        warnings.append(Warning(code="signer_by_name_only", span=signer.span, message=(
            f"No authority or known position over '{signer.name}': the signer is the person named at the end "
            f"of the document{f', under {signer.position!r}' if signer.position else ''}.")))
    return signers, used, warnings


def _name_anchored_block(lines: list[Line], vocab: CaseVocab | None) -> tuple[Signer, list[Line]] | None:
    """The last person's name after the recipients heading, not in their list: the signer's, its block's
    head lost to OCR (`„/M BỘ CHÍNH TRỊ` run into `Nơi nhận:`) or a post the lists do not know (`TRƯỞNG THUẾ
    TỈNH`); a capitals line right over the name is the position."""
    start = next((i for i, ln in enumerate(lines) if _RECIPIENTS.match(ln.text)
                  or _RECIPIENTS_READ.match(fold_diacritics(ln.text))), None)
    if start is None:
        return None
    for k in range(min(len(lines), start + 25) - 1, start, -1):
        text = _clean(lines[k].text)
        listed = lines[k].text.rstrip().endswith((",", ";")) or lines[k - 1].text.rstrip().endswith(",")
        if listed or _BULLET.match(lines[k].text) or not is_person_name(candidate := _name_candidate(text)):
            continue  # a name in the recipients' list (`các PCN: Nguyễn Sỹ Hiệp,` / `Nguyễn Duy Hưng,`)
        above = lines[k - 1]
        head = _clean(above.text)
        position = None
        if k - 1 > start and is_all_caps(head) and not _BULLET.match(above.text) and len(head.split()) <= 8:
            position = _position_spelled(head, vocab) if is_position(head) else recase(head, vocab)
        signer = Signer(name=_as_name(candidate), position=position, span=lines[k].span())
        return signer, [above, lines[k]] if position else [lines[k]]
    return None


def _name_further_on(lines: list[Line], start: int, head: Line) -> tuple[int, str] | None:
    """A scan's end block can come out of OCR with the columns interleaved: the signer's name after
    the recipients. The first person's name within the next lines (its line and the name as read), before
    another block or an appendix."""
    for k in range(start, min(start + 25, len(lines))):
        if start and lines[k].page != lines[start - 1].page:
            return None  # the name sits on the block's page; the next page is another document's
        text = _clean(lines[k].text)
        candidate = _name_candidate(text)
        if not is_person_name(candidate) and is_person_name(right := _name_candidate(_right_column(lines[k]))):
            candidate = right  # `- Lưu: VT, TH.      Đặng Chiến Thắng`: the recipients' column and the name's
        # a surname with shifted marks only in a full name (`Quảng Phú` of a signing stamp is a commune),
        # or in a name printed under the block's head (`Nguyên Hiệu` under `KT. GIÁM ĐỐC`)
        if is_person_name(candidate) or (
                (len(candidate.split()) >= 3 or _under(lines[k], head)) and not _BULLET.match(lines[k].text)
                and _surname_restored(candidate)):
            return k, candidate
        if _block_start(lines[k], lines[k + 1] if k + 1 < len(lines) else None) or text.upper().startswith("PHỤ LỤC"):
            return None
    return None


def _name_completed(lines: list[Line], i: int) -> tuple[str, str] | None:
    """The rest of a name whose first words OCR lost under the block's head (`Đức Phớc`, `rhị Tuyết Mai`):
    its last two words, given names, completed by the one person's name in the document that ends with them
    (`PTTg Hồ Đức Phớc` among the recipients)."""
    known = _given_names_by_letters()[0]
    for ln in lines[i + 1 : i + 8]:
        if ln.page != lines[i].page:
            return None
        words = _name_candidate(_clean(ln.text)).split()
        tail = words[-2:]
        if len(words) > 4 or len(tail) < 2 or not all(w[:1].isupper() and w[1:].islower() and w.lower() in known
                                                       for w in tail):
            continue
        ending = re.compile(rf"(?<!\w)((?:[{UPPER}][{LOWER}]*\s+){{1,2}}){re.escape(' '.join(tail))}(?!\w)")
        full = {m.group(0) for other in lines for m in ending.finditer(other.text) if is_person_name(m.group(0))}
        if len(full) == 1:
            return full.pop(), " ".join(words)
    return None


def _right_column(line: Line) -> str:
    """What a line holds after its last wide gap (a tab, or three spaces and more): the right column's part."""
    parts = re.split(r"\t|\s{3,}", line.raw.strip())
    return _clean(parts[-1]) if len(parts) > 1 else ""


def _under(line: Line, head: Line) -> bool:
    """Whether a line is centred under the block's head line on the page (both read from positions)."""
    if line.bbox is None or head.bbox is None:
        return False
    middle = (line.bbox[0] + line.bbox[2]) / 2
    return head.bbox[0] <= middle <= head.bbox[2]


def _as_name(text: str) -> str:
    text = text.replace("’", "'").strip(" .*")
    return recase(text, None).title() if text.isupper() else text


def _rejoin_initial(text: str) -> str:
    """`Nguyễn N gọc Phúc`, `Hà Ngọ c Chiến`: a syllable cut in two by kerning or OCR is joined
    back when neither piece is a syllable on its own but together they are."""
    words = text.split()
    out: list[str] = []
    for w in words:
        if out and not (is_syllable(w) and is_syllable(out[-1])) and is_syllable(out[-1] + w) \
                and (w[:1].islower() or len(out[-1]) == 1):
            out[-1] += w
        else:
            out.append(w)
    return " ".join(out)


def _same(a: Signer, b: Signer) -> bool:
    return (a.name, a.position, a.authority, a.body) == (b.name, b.position, b.authority, b.body)


_DANGLING = re.compile(r"(?:\sVÀ|[-–,])$")  # a caps line that goes on in the next one


def _read_block(lines: list[Line], vocab: CaseVocab | None) -> tuple[Signer, int, str | None]:
    """One block: authority prefixes, position, name. The third value is the surname as read when it
    was restored from the surname list."""
    signer = Signer(span=lines[0].span())
    n, junk, guessed, second_post = 0, 0, None, False
    previous = ""
    for ln in lines[:10]:
        text = _clean(ln.text)
        if sum(ch.isalpha() for ch in text) < 2:  # specks of a seal or signature read by OCR
            n += 1
            continue
        if is_all_caps(text) and _DANGLING.search(previous):  # `GIÁM ĐỐC SỞ GIÁO DỤC VÀ` / `ĐÀO TẠO`: not a name
            previous = text
            n += 1
            continue
        previous = text if is_all_caps(text) else ""
        # `TRƯỞNG BAN TUYÊN GIÁO / Kiêm / TRƯỞNG BAN TỔ CHỨC …`: one person; the second post is passed over
        if (signer.position and text.lower().strip(" .:") == "kiêm") or (
                second_post and is_all_caps(text) and starts_with_position(text)):
            second_post = not second_post
            n += 1
            continue
        second_post = False
        if (auth := _authority(text, vocab)) and not signer.position:
            signer.authority.append(auth)
        elif is_all_caps(text) and (is_position(text) or _heads_unit(text, signer, n == 0) or _deputy(text, signer)):
            # a second position line (`PHÓ CHỦ TỊCH` then `PHÓ GIÁM ĐỐC SỞ NỘI VỤ`): the first is the role signed in
            signer.position = signer.position or _deputy(text, signer) or _position_spelled(text, vocab)
        elif is_all_caps(text) and not signer.authority and not signer.position and starts_with_agency(text):
            signer.body = proper_agency(text, vocab)
        elif signer.position and not signer.name and is_all_caps(text) and (
                starts_with_agency(text) or starts_with_position(text)):
            pass  # the unit the position heads (`CỤC TRƯỞNG` / `CỤC QUẢN LÝ TÀI NGUYÊN NƯỚC`), or the signer's
            # own post under the role signed in (`TM. HỘI ĐỒNG` / `CHỦ TỊCH` / `GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO`)
        elif is_person_name(text := _name_candidate(_rejoin_initial(text))) or (
                (signer.position or signer.authority) and (fixed := _surname_restored(text))):
            if not is_person_name(text):
                guessed, text = text.split()[0], fixed
            if text.isupper() and (below := _proper_name_below(lines, n)):
                text, n = below
            signer.name = _as_name(text)
            n += 1
            break
        elif (signer.position or signer.authority) and junk < 3 and _junk(text) and not _BULLET.match(ln.text) \
                and not ln.text.rstrip().endswith((";", ",")):  # a recipient of an interleaved column is no scribble
            junk += 1
        else:
            break
        n += 1
    return signer, max(n - junk * (signer.name is None), 1), guessed


def _proper_name_below(lines: list[Line], k: int) -> tuple[str, int] | None:
    """A name in proper case within the three lines under a capitals one: the capitals were a seal's ring
    (`HÀ NỘI`, `LÝ THỊ`) read by OCR, the printed name is under it."""
    for j in range(k + 1, min(k + 4, len(lines))):
        if lines[j].page != lines[k].page:
            return None
        candidate = _name_candidate(_clean(lines[j].text))
        if not candidate.isupper() and is_person_name(candidate):
            return candidate, j
    return None


def find_recipients(lines: list[Line]) -> tuple[list[str], list[Line]]:
    """`Nơi nhận:` followed by `- …;` lines (one entry per line, without the bullet and end mark); with
    the heading misread beyond recognition (`Nanh`), the bullet run that ends in `- Lưu …` when it comes
    first (an attached document's list follows the document's own)."""
    headless = _headless_recipients(lines)
    for i, ln in enumerate(lines):
        if headless[1] and ln.no > headless[1][0].no:
            return headless
        m = _RECIPIENTS.match(ln.text) or _RECIPIENTS_READ.match(fold_diacritics(ln.text))
        if not m:
            continue
        items, used = [], [ln]
        first = ln.text[m.end() :].strip()
        if first:
            items.append(first)
        rest = lines[i + 1 :]
        for k, nxt in enumerate(rest):
            if _BULLET.match(nxt.text):
                items.append(nxt.text)
            elif _speck_between(nxt, rest[k + 1 : k + 3]) or _other_column(nxt, ln, rest[k + 1 : k + 3]):
                pass  # OCR of a seal or signature, or a signing stamp's text, in another column
            elif items and _wraps(items[-1], nxt.text):
                items[-1] += " " + nxt.text
            elif _lost_bullet(nxt, rest[k + 1 : k + 3]):
                items.append(nxt.text)
            else:
                break
            used.append(nxt)
        names = [_clean_recipient(t) for t in items]
        return [t for t in names if sum(ch.isalpha() for ch in t) >= 2], used  # `- .J`: a seal's speck
    return headless


def _headless_recipients(lines: list[Line]) -> tuple[list[str], list[Line]]:
    """The list whose heading OCR lost: bullet lines up to the first `- Lưu …` (the archive copy ends every
    Nơi nhận list and nothing else), at least two of them."""
    end = next((k for k, ln in enumerate(lines) if _BULLET.match(ln.text) and _ARCHIVE.match(_BULLET.sub("", ln.text))),
               None)
    if end is None:
        return [], []
    start = end
    # back over the bullets, and over the specks of a seal or signature OCR put between them (`› TỊCH`)
    while start > 0 and (_BULLET.match(lines[start - 1].text) or (
            len(lines[start - 1].text) <= 15 and start > 1 and _BULLET.match(lines[start - 2].text))):
        start -= 1
    run = [ln for ln in lines[start:end + 1] if _BULLET.match(ln.text)]
    if len(run) < 2:
        return [], []
    names = [_clean_recipient(ln.text) for ln in run]
    return [t for t in names if sum(ch.isalpha() for ch in t) >= 2], lines[start:end + 1]


def _lost_bullet(line: Line, following: list[Line]) -> bool:
    """An entry whose dash OCR lost (`PCT UBND TP Nguyễn Văn Sửu;` between two `- …;` lines): it ends as
    entries do and the list goes on right after it."""
    text = line.text.strip()
    return text[:1].isupper() and text.endswith(";") and len(text) > 4 and any(_BULLET.match(x.text) for x in following)


def _speck_between(line: Line, following: list[Line]) -> bool:
    """A short non-word line (`Ni`, `NGA`, `0#`, a seal's `PP -NNNNN`) with a recipient right after it."""
    text = line.text.strip()
    speck = len(text) <= 4 or (len(text) <= 12 and not any(ch.islower() for ch in text) and not _BULLET.match(text))
    return speck and any(_BULLET.match(x.text) for x in following)


def _other_column(line: Line, heading: Line, following: list[Line]) -> bool:
    """On a page: a line standing well right of the `Nơi nhận` column, with a recipient right after it
    (`Người ký: Ủy ban …`, `Thời gian ký: …` of a signing stamp printed between the two columns)."""
    if not (line.bbox and heading.bbox):
        return False
    return line.bbox[0] - heading.bbox[0] > 40 and any(_BULLET.match(x.text) for x in following)


def _wraps(item: str, nxt: str) -> bool:
    """A recipient wrapped onto the next line: the item is unfinished (no `;`/`.`) and the line is no heading.
    `Lưu: …` closes the list (what follows it on a scan is the other column or a stamp)."""
    if re.match(r"^\W*Lưu\b", item):
        return False
    if nxt[:1].islower():
        return True
    if item.rstrip().endswith(",") and not _AUTHORITY.match(nxt) and not starts_with_position(nxt):
        return True  # `Các Sở: CT, LĐTBXH, TNMT, XD,` / `TTTT, NN&PTNT, GTVT;`: the list of codes goes on
    return not item.rstrip().endswith((";", ".", ":")) and not is_all_caps(nxt) and not _AUTHORITY.match(nxt)


def _clean_recipient(text: str) -> str:
    return _BULLET.sub("", text).strip().rstrip(";,.").strip()
