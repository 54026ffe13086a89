"""Repair OCR diacritic errors without touching correct text: a noisy-channel corrector over syllables.

OCR drops or shifts Vietnamese marks (`chuyển giao` → `chuyên giao`, `tiến bộ` → `tiên bộ`). Each
wrong syllable is a valid syllable on its own; what is wrong is the word it forms with its neighbours.
For a syllable as read, `t`, every syllable `s` with the same letters once marks are removed is a
candidate, scored with
    log P(s | left) + log P(right | s) + log P(t read | s written) + a bonus per dictionary word formed
- a syllable bigram language model (absolute discounting) over counts from underthesea's VLSP
  sentences and public administrative documents (`scripts/build_ngrams.py`), where every adjacent
  pair inside a Viet74K word counts too: the lexicon is evidence even where the corpus is silent;
- the OCR channel: how often OCR reads one marked letter as another, partly measured on the scanned
  samples (`benchmarks/ocr_confusions.py`); reading a letter as itself is by far the likeliest;
- a bonus when `s` forms a two-syllable Viet74K word with a neighbour (more when the corpus has it);
- when `s` and `t` are both well known to the corpus, how often each stands alone, outside any word:
  `đề` almost never does (`vấn đề`, `đề nghị`), `để` nearly always, so a lone `đề` leans to `để`.
The first syllable of a name after a lower-case word is context for it (`tỉnh | Lâm Đồng`), never
part of a word. Syllables are changed best-first, each at most once, neighbours re-scored after
every change.

Safe by construction (the reasons a syllable is never changed):
- as read, it forms a dictionary word with a neighbour (`chuyên môn`, `tiên tiến`), or the corpus
  knows it on both sides and no corpus-attested word beats it by MARGIN_CONTEXT; a syllable with
  no syllable neighbour has no evidence either way;
- it is part of a number, a reference or an acronym (`684/QĐ-UBND`, `KH&CN`): never a candidate;
- it belongs to a name: a surname and the capitals after it, a run of capitalised words, a province;
- a change must win by its margin (more for a word the corpus never shows, for a capitalised word
  inside a sentence, and for a change that forms no word), and by MARGIN over the next-best change
  (`vi mô` or `vĩ mô`: the n-grams cannot tell); a word it forms must be confirmed by underthesea's
  segmenter; a change forming none must be attested on both sides in the corpus, or on one side when
  the syllable as read is suspect by itself (it stands alone where it almost never does, or the corpus
  almost never shows it and never next to either of its two syllable neighbours);
- the tone placement (`hoà`/`hòa`) is never a difference: text is normalized before comparison.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from normalizers import lexicon
from normalizers.text import fold_diacritics, normalize_text

DATA = Path(__file__).parent / "data"
NGRAMS_PATH = DATA / "syllable_ngrams.tsv.gz"
CONFUSIONS_PATH = DATA / "ocr_confusions.json"

BOUNDARY = "<s>"  # anything between syllables that is not a plain space: punctuation, numbers, line ends
MARGIN = 2.0  # nats a change must win by (tuned on held-out text, see benchmarks/bench_correct.py)
MARGIN_UNSEEN_WORD = 4.0  # a dictionary word the corpus never shows (`bào thai` for the rice `bao thai`)
MARGIN_CONTEXT = 6.0  # a change that forms no dictionary word rests on the n-grams alone
MARGIN_PAIR = 4.0  # both syllables of a word changed at once
MARGIN_CAPITALISED = 6.0  # capitalised syllables: names and institutions need overwhelming evidence
MARGIN_RARE_CONTEXT = 3.0  # a syllable as read the corpus (almost) never shows, changed on one side's evidence
ALONE_MIN_COUNT = 50  # corpus count from which the share of a syllable's occurrences outside words is trusted
LOG_ALONE_RARE = math.log(0.02)  # a syllable standing alone in under 2 % of its corpus occurrences
RARE_READ = 5  # corpus count at or below which a syllable as read is rare (the corpus has ~140,000 syllables)
LEXICON_WEIGHT = 3.0  # pseudo-count of a pair that stands inside a lexicon word
LEXICON_BONUS = 3.0  # nats per lexicon word a syllable forms with a neighbour (the corpus is small)
WORD_SEEN_BONUS = 2.0
DISCOUNT = 0.75
MEASURED_SHARE = 0.3  # of the OCR channel: Tesseract `vie` as measured; the rest a generic OCR prior
MAX_WORD_SYLLABLES = 4

_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
MARKABLE = frozenset(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONE_MARKS) | {"d", "đ"}
_CHUNK = re.compile(r"\S+")
_PARTS = re.compile(r"[^\W\d_]+|[\W\d_]+")  # letter runs and what lies between them


class NameStart(str):
    """The first syllable of a name, as the right neighbour of a lower-case word (`tỉnh | Lâm Đồng`).

    The corpus counts it like any syllable (`tỉnh lâm` is frequent), so it is context for the n-grams;
    but no word runs across a name's edge, so it never forms a dictionary word or attests a pair.
    """

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str  # as written
    syllable: bool  # letters only: a candidate for correction; otherwise a boundary


@dataclass(frozen=True, slots=True)
class Fix:
    """One change: text[start:end] was `before`, becomes `after` (same length)."""

    start: int
    end: int
    before: str
    after: str
    word_start: int  # the word the new syllable forms with a neighbour (`chuyển giao`), else the syllable
    word_end: int
    rule: str  # "lexicon": the new syllable forms a dictionary word with a neighbour; "context": n-grams only
    score: float  # nats by which the change beats the text as read
    reason: str

    def shifted(self, delta: int) -> Fix:
        """The same fix with every offset moved by `delta` (from a cell or line into its container)."""
        return dataclasses.replace(self, start=self.start + delta, end=self.end + delta,
                                   word_start=self.word_start + delta, word_end=self.word_end + delta)


def tokens(text: str) -> list[Token]:
    """Syllables (letter runs) and boundaries (punctuation, numbers, symbols), in order.

    A chunk between spaces with a digit in it (`684/QĐ-UBND`, `16/5/2016`) is one boundary; other
    chunks split at their punctuation (`cam/dioxin`, `KH&CN`, `(bảo`), each letter run a syllable.
    """
    out: list[Token] = []
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        if chunk.isalpha():  # the common case: a plain syllable
            out.append(Token(m.start(), m.end(), chunk, True))
            continue
        if any(ch.isdigit() for ch in chunk):
            out.append(Token(m.start(), m.end(), m.group(), False))
            continue
        for part in _PARTS.finditer(m.group()):
            start = m.start() + part.start()
            out.append(Token(start, start + len(part.group()), part.group(), part.group().isalpha()))
    return out


def syllable_stream(text: str) -> Iterator[str]:
    """Syllables as written, with one BOUNDARY for each run of anything else (line ends included)."""
    last_end, previous = 0, BOUNDARY
    for tok in tokens(text):
        if tok.syllable and "\n" in text[last_end:tok.start] and previous != BOUNDARY:
            yield BOUNDARY
            previous = BOUNDARY
        item = tok.text if tok.syllable else BOUNDARY
        if item != BOUNDARY or previous != BOUNDARY:
            yield item
        previous, last_end = item, tok.end


class Corrector:
    """Language model + OCR channel + lexicon; `correct(text)` returns the fixes to make."""

    def __init__(self, unigrams: Counter[str], bigrams: Counter[tuple[str, str]], lexicon_words: frozenset[str],
                 confusions: dict[str, dict[str, int]], surnames: frozenset[str],
                 place_names: frozenset[tuple[str, ...]]) -> None:
        self.unigrams = unigrams
        self.bigrams = bigrams
        self.words = lexicon_words
        self.lexicon_pairs: set[tuple[str, str]] = set()  # adjacent inside a word of 2–4 syllables
        self.lexicon_words: set[tuple[str, str]] = set()  # two-syllable words
        syllables: set[str] = set()
        for word in lexicon_words:
            parts = word.split()
            if all(p.isalpha() for p in parts):
                syllables.update(parts)
                if len(parts) <= MAX_WORD_SYLLABLES:  # longer entries are idioms and proverbs
                    self.lexicon_pairs.update(zip(parts, parts[1:]))
                if len(parts) == 2:
                    self.lexicon_words.add((parts[0], parts[1]))
        self.word_variants: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for a, b in self.lexicon_words:
            self.word_variants[(fold_diacritics(a), fold_diacritics(b))].append((a, b))
        syllables.update(w for w in unigrams if w.isalpha())
        self.variants: dict[str, list[str]] = defaultdict(list)
        for s in syllables:
            if lexicon.well_formed(s):
                self.variants[fold_diacritics(s)].append(s)
        self.surnames = surnames
        self._places_by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for name in place_names:
            self._places_by_first[name[0]].append(name)
        self._history_totals(syllables)
        self._alone = self._alone_shares()
        self._channel = _channel_table(confusions)

    # ── language model ───────────────────────────────────────────────────────────────────────

    def _history_totals(self, syllables: set[str]) -> None:
        """C(u) and T(u) of absolute discounting, lexicon pairs included; the unigram distribution."""
        self.total: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        for (u, _w), n in self.bigrams.items():
            self.total[u] += n
            self.types[u] += 1
        for u, w in self.lexicon_pairs:
            self.total[u] += LEXICON_WEIGHT
            if (u, w) not in self.bigrams:
                self.types[u] += 1
        vocab = len(syllables) + 1
        mass = sum(self.unigrams.values()) + 0.5 * vocab
        self._unigram_mass = mass

    def _alone_shares(self) -> dict[str, float]:
        """log of the share of a syllable's corpus occurrences outside any two-syllable dictionary word.

        `đề` almost always stands in a word (`vấn đề`, `đề nghị`), `để` almost never: a syllable that
        stands alone in the text although it hardly ever does is likely misread. Occurrences inside
        words are the corpus counts of the lexicon pairs it belongs to (a lower bound of the truth).
        """
        inside: Counter[str] = Counter()
        for (u, w), n in self.bigrams.items():
            if (u, w) in self.lexicon_words:
                inside[u] += n
                inside[w] += n
        return {s: math.log((max(n - inside[s], 0) + 1) / (n + 2)) for s, n in self.unigrams.items()
                if n >= ALONE_MIN_COUNT}

    def alone_gain(self, written: str, read: str, left: str, right: str) -> float:
        """log P(`written` stands here as it does) − the same for `read`: 0 unless the corpus knows both well.

        A syllable inside a dictionary word with a neighbour does not stand alone (0); one that forms
        none does, with the share of its corpus occurrences that do.
        """
        if written not in self._alone or read not in self._alone:
            return 0.0
        return self._alone_here(written, left, right) - self._alone_here(read, left, right)

    def _alone_here(self, s: str, left: str, right: str) -> float:
        return 0.0 if self.is_word(left, s) or self.is_word(s, right) else self._alone.get(s, 0.0)

    def unigram(self, w: str) -> float:
        return (self.unigrams.get(w, 0) + 0.5) / self._unigram_mass

    def pair_count(self, u: str, w: str) -> float:
        return self.bigrams.get((u, w), 0) + (LEXICON_WEIGHT if (u, w) in self.lexicon_pairs else 0.0)

    def logp(self, w: str, u: str) -> float:
        """log P(w | u): discounted bigram, the rest of the mass spread by unigram frequency."""
        total = self.total.get(u, 0)
        if not total:
            return math.log(self.unigram(w))
        seen = max(self.pair_count(u, w) - DISCOUNT, 0.0) / total
        return math.log(seen + DISCOUNT * self.types[u] / total * self.unigram(w))

    def attested(self, u: str, w: str) -> bool:
        """The pair is a lexicon word part or was seen in the corpus (boundaries and name edges never count)."""
        return self.joinable(u, w) and ((u, w) in self.lexicon_pairs or (u, w) in self.bigrams)

    @staticmethod
    def joinable(u: str, w: str) -> bool:
        """Can the two form (part of) a word? Not across a boundary or a name's edge."""
        return BOUNDARY not in (u, w) and type(w) is not NameStart

    def is_word(self, u: str, w: str) -> bool:
        return (u, w) in self.lexicon_words and self.joinable(u, w)

    # ── channel ──────────────────────────────────────────────────────────────────────────────

    def log_channel(self, read: str, written: str) -> float:
        """log P(OCR reads `read` | `written` is on the page), letter by letter (same letters, other marks)."""
        return sum(self._channel(w, r) for w, r in zip(written, read) if w in MARKABLE)

    # ── correction ───────────────────────────────────────────────────────────────────────────

    def correct(self, text: str) -> list[Fix]:
        """Fixes for `text` (a line, a cell or a paragraph; line breaks are ordinary breaks in context).

        Best first: every syllable gets its best proposal given its neighbours as read; the strongest
        is made, its neighbours are proposed again with the new form (`cây trông` → `cây trồng`, not
        `cậy trông`), until no proposal clears its margin. A syllable changes at most once.
        """
        items = tokens(text)
        guarded = self._names(items)
        current = {i: normalize_text(t.text).lower() for i, t in enumerate(items) if t.syllable}
        open_ = {i for i in current if i not in guarded}
        proposals = {i: self._propose(i, items, current, open_) for i in open_}
        fixes: dict[int, Fix] = {}
        while True:
            ready = [(p[0].score, i) for i, p in proposals.items() if p]
            if not ready:
                break
            _, i = max(ready)
            for fix in proposals[i]:  # one syllable, or two that make one word together
                k = i if fix.start == items[i].start else i + 1
                fixes[k] = fix
                current[k] = fix.after.lower()
                open_.discard(k)
                proposals.pop(k, None)
            for j in (i - 1, i + 1, i + 2):
                if j in open_:
                    proposals[j] = self._propose(j, items, current, open_)
        return [fixes[i] for i in sorted(fixes)]

    def _propose(self, i: int, items: list[Token], current: dict[int, str], open_: set[int]) -> list[Fix] | None:
        """The best change at syllable i given its neighbours now: of i alone, or of i and i + 1 together."""
        single = self._propose_single(i, items, current)
        pair = self._propose_pair(i, items, current) if i + 1 in open_ else None
        if pair and (not single or pair[0].score > single.score):
            return pair
        return [single] if single else None

    def _propose_single(self, i: int, items: list[Token], current: dict[int, str]) -> Fix | None:
        """The change of syllable i that beats the text as read by its margin."""
        read, left, right = current[i], self._neighbour(items, current, i, -1), self._neighbour(items, current, i, 1)
        if left == right == BOUNDARY or self.is_word(left, read) or self.is_word(read, right):
            return None
        # Seen on both sides in the corpus but forming no word: only a word seen in the corpus, winning by
        # MARGIN_CONTEXT, can replace it (`hướng dân của` → `hướng dẫn của`; `dân của` is common too).
        embedded = self._embedded(read, left, right)
        base = self._score(read, read, left, right)
        scored = [(self._score(s, read, left, right) - base + self.alone_gain(s, read, left, right), s)
                  for s in self.variants.get(fold_diacritics(read), ())
                  if s != read and (self.attested(left, s) or self.attested(s, right))]
        if not scored:
            return None
        scored.sort(reverse=True)
        gain, best = scored[0]
        tok = items[i]
        if gain < self._margin(i, items, current):
            return None
        if len(scored) > 1 and gain - scored[1][0] < MARGIN:
            return None  # two changes fit about as well: the evidence cannot choose between them
        after = _same_case(best, tok.text)
        word = self._word_formed(items, current, i, best)
        if embedded and not (word and self.bigrams.get(tuple(word[2].split())) and gain >= MARGIN_CONTEXT):
            return None
        if word and (self.bigrams.get(tuple(word[2].split())) or gain >= MARGIN_UNSEEN_WORD):
            return Fix(tok.start, tok.end, tok.text, after, word[0], word[1], "lexicon", round(gain, 2),
                       f"'{word[2]}' is a word (Viet74K, and underthesea segments it so); "
                       f"'{read}' forms no word with its neighbours")
        plain = (self._score(best, read, left, right, bonus=False) - self._score(read, read, left, right, bonus=False)
                 + self.alone_gain(best, read, left, right))
        sides = sum(BOUNDARY not in pair and bool(self.bigrams.get(pair)) for pair in ((left, best), (best, right)))
        if sides == 2 and plain >= MARGIN_CONTEXT:  # the n-grams alone make the case, on both sides
            why = f"'{left} {best} {right}' is attested on both sides in the corpus counts; '{read}' is not"
        elif sides and plain >= MARGIN_RARE_CONTEXT and (suspect := self._suspect(read, left, right)):
            why = f"'{read}' {suspect}; '{best}' is attested next to its neighbour"
        else:
            return None
        return Fix(tok.start, tok.end, tok.text, after, tok.start, tok.end, "context", round(plain, 2), why)

    def _propose_pair(self, i: int, items: list[Token], current: dict[int, str]) -> list[Fix] | None:
        """Both syllables of a word misread (`chuyền đồi số` → `chuyển đổi số`): the word that fits them both.

        Neither one alone can be fixed when each one's neighbour is wrong too; the pair is scored as one
        change with both channel costs, and must be a dictionary word the corpus has seen, confirmed by
        the segmenter, and win by MARGIN_PAIR.
        """
        j = i + 1
        first, second = current[i], current[j]
        left, right = self._neighbour(items, current, i, -1), self._neighbour(items, current, j, 1)
        if not self.joinable(first, self._neighbour(items, current, i, 1)) or self.attested(first, second) or (
                self.is_word(left, first) or self.is_word(second, right)):
            return None
        base = self._pair_score((first, second), (first, second), left, right)
        scored = [(self._pair_score(w, (first, second), left, right) - base, w)
                  for w in self.word_variants.get((fold_diacritics(first), fold_diacritics(second)), ())
                  if w[0] != first and w[1] != second and w in self.bigrams]
        if not scored:
            return None
        gain, (a, b) = max(scored)
        if gain < max(MARGIN_PAIR, self._margin(i, items, current)):
            return None
        # Changing both must beat changing either one alone by a margin (`nhận quyên` is `nhận quyền`,
        # not `nhân quyền`): the second change has to earn its place.
        alone = max(self._raw_gain(i, items, current), self._raw_gain(j, items, current))
        if gain - alone < MARGIN:
            return None
        if not self._segmented_together(items, current, {i: a, j: b}, f"{a} {b}", i):
            return None
        why = f"'{a} {b}' is a word (Viet74K, the corpus, underthesea); '{first} {second}' is none"
        start, end = items[i].start, items[j].end
        return [Fix(items[k].start, items[k].end, items[k].text, _same_case(w, items[k].text), start, end, "lexicon",
                    round(gain, 2), why) for k, w in ((i, a), (j, b))]

    def _raw_gain(self, i: int, items: list[Token], current: dict[int, str]) -> float:
        """The best score gain of any change of syllable i alone, whatever the rules say (0 for none)."""
        read, left, right = current[i], self._neighbour(items, current, i, -1), self._neighbour(items, current, i, 1)
        base = self._score(read, read, left, right)
        return max((self._score(s, read, left, right) - base for s in self.variants.get(fold_diacritics(read), ())
                    if s != read), default=0.0)

    def _margin(self, i: int, items: list[Token], current: dict[int, str]) -> float:
        """A capital after a break starts a sentence, cell or heading; elsewhere a name's: more evidence."""
        tok = items[i]
        named = tok.text[:1].isupper() and not tok.text.isupper() and (i - 1) in current
        return MARGIN_CAPITALISED if named else MARGIN

    def _pair_score(self, written: tuple[str, str], read: tuple[str, str], left: str, right: str) -> float:
        a, b = written
        score = (self.logp(a, left) + self.logp(b, a) + self.logp(right, b)
                 + self.log_channel(read[0], a) + self.log_channel(read[1], b))
        if written in self.lexicon_words:
            score += LEXICON_BONUS + (WORD_SEEN_BONUS if written in self.bigrams else 0.0)
        return score

    def _suspect(self, read: str, left: str, right: str) -> str | None:
        """Why the syllable as read is suspect by itself, if it is; two kinds, both signs of a misreading:
        - it stands alone here although the corpus shows it nearly always inside a word (`đề`, not `để`);
        - the corpus (almost) never shows it, and it stands between two syllables it is never seen with
          (`lầy ý`); next to a boundary it may well be a rare word (`ban quản lý chợ,`), so it is not suspect.
        """
        if self._alone_here(read, left, right) < LOG_ALONE_RARE:
            return "stands alone, which it almost never does"
        if (self.unigrams.get(read, 0) <= RARE_READ and self.joinable(left, read) and self.joinable(read, right)
                and not self.attested(left, read) and not self.attested(read, right)):
            return "is (almost) never written, and never next to these neighbours"
        return None

    def _embedded(self, read: str, left: str, right: str) -> bool:
        """The syllable as read forms a dictionary word with a neighbour, or the corpus knows it on both sides."""
        if self.is_word(left, read) or self.is_word(read, right):
            return True
        return self.attested(left, read) and self.attested(read, right)

    @staticmethod
    def _neighbour(items: list[Token], current: dict[int, str], i: int, step: int) -> str:
        """The neighbouring syllable as it stands now; across a name's edge, a boundary or a NameStart.

        Lower-case then capitalised: a name begins (`khô Hải Yên`). The name sees nothing outside it;
        the word before it sees the name's first syllable as context only.
        """
        j = i + step
        if j not in current:
            return BOUNDARY
        inner, outer = (items[i], items[j]) if step > 0 else (items[j], items[i])
        if inner.text[:1].islower() and outer.text[:1].isupper():
            return NameStart(current[j]) if step > 0 else BOUNDARY
        return current[j]

    def _word_formed(self, items: list[Token], current: dict[int, str], i: int, best: str
                     ) -> tuple[int, int, str] | None:
        """(start, end, word) of the two-syllable word `best` forms with a neighbour, confirmed by segmentation.

        Viet74K says the pair is a word; underthesea's segmenter, run on the corrected words around it,
        must also join them: `thực hiện tái cơ cấu` → `hiện tại` is a word, but `thực hiện | tại`
        is how the segmenter reads the change, so it forms none.
        """
        for j in (i - 1, i + 1):
            if j not in current:
                continue
            pair = (current[j], best) if j < i else (best, current[j])
            word = " ".join(pair)
            lo, hi = min(i, j), max(i, j)
            if pair not in self.lexicon_words or not self._segmented_together(items, current, {i: best}, word, lo):
                continue
            return items[lo].start, items[hi].end, " ".join(pair)
        return None

    def _segmented_together(self, items: list[Token], current: dict[int, str], changes: dict[int, str],
                            word: str, start: int) -> bool:
        """Does underthesea's segmenter, run on the corrected text around the change, allow `word`?

        It must not bind a neighbour into another word (`thực hiện | tại`: no `hiện tại` there), nor put
        the new syllable into a piece that is neither `word` nor a dictionary word holding it, unless the
        rest of the piece is no competing word (`ban nhân dân` holds `nhân dân`; `chế biến chế` holds
        `biến chế` but `chế biến` competes). Two single syllables are allowed: the segmenter misses
        rarer pairs (`nguồn | vốn | ngân sách`).
        """
        from underthesea import word_tokenize  # its CRF model loads on first use

        i = min(changes)
        lo = max(0, i - 4)
        words = {j: changes.get(j, current.get(j)) for j in range(lo, min(len(items), i + 6))}
        window = [_same_case(w, items[j].text) if w else "," for j, w in words.items()]
        if items[i].text.isupper():
            window = [w.lower() for w in window]  # the segmenter reads capitals as names
        pair = word.split()
        at = start - lo  # where the word stands in the window
        placed = list(_placed(word_tokenize(" ".join(window))))
        if sum(len(piece) for _, piece in placed) != len(window):
            return False  # the pieces do not line up with the text: no confirmation
        for a, piece in placed:
            if len(piece) < 2 or a + len(piece) < at or a > at + 2 or piece == pair:
                continue  # a piece elsewhere (`Hội đồng … cơ hội`), or the word itself
            if a + len(piece) == at or a == at + 2:  # right next to the word
                if set(piece) & set(pair):
                    return False  # `mô hình chế | biên chế`: the same syllable bound on both sides of a seam
                continue
            k = at - a
            if not 0 <= k <= len(piece) - 2 or piece[k:k + 2] != pair:
                return False  # the segmenter binds a syllable of the word elsewhere
            rest = [tuple(piece[m:m + 2]) for m in (k - 1, k + 1) if 0 <= m < len(piece) - 1]
            if " ".join(piece) not in self.words and any(r in self.lexicon_words for r in rest):
                return False
        return True

    def _score(self, written: str, read: str, left: str, right: str, bonus: bool = True) -> float:
        """log P(written | left) + log P(right | written) + log P(read | written) + a bonus per word formed.

        A pair that is a dictionary word earns LEXICON_BONUS, and WORD_SEEN_BONUS more when the corpus
        has it too: the bigram counts are too sparse to carry that evidence alone.
        """
        extra = 0.0
        for pair in ((left, written), (written, right)) if bonus else ():
            if self.is_word(*pair):
                extra += LEXICON_BONUS + (WORD_SEEN_BONUS if pair in self.bigrams else 0.0)
        return self.logp(written, left) + self.logp(right, written) + self.log_channel(read, written) + extra

    def _names(self, items: list[Token]) -> set[int]:
        """Indices of syllables inside names, left as written.

        Two or more capitalised syllables in a row in running text (`Hải Yên`, `Cao Lãnh`); a surname and
        the capitals after it, in capitals too (`NGUYỄN QUỐC TRUNG`); a province name in any case.
        """
        guarded: set[int] = set()
        caps = [t.syllable and t.text[:1].isupper() for t in items]
        i = 0
        while i < len(items):
            if not caps[i]:
                i += 1
                continue
            j = i
            while j < len(items) and caps[j]:
                j += 1
            run = [normalize_text(t.text).lower() for t in items[i:j]]
            titled = sum(not t.text.isupper() or len(t.text) == 1 for t in items[i:j])
            if titled > 1 or (len(run) > 1 and run[0] in self.surnames):
                guarded.update(range(i, j))
            for k in range(len(run)):
                for name in self._places_by_first.get(run[k], ()):
                    if tuple(run[k:k + len(name)]) == name:
                        guarded.update(range(i + k, i + k + len(name)))
            i = j + 1
        return guarded


def _placed(pieces: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(position of its first token in the text segmented, lower-cased syllables) of each piece."""
    at = 0
    for piece in pieces:
        parts = piece.lower().split()
        yield at, parts
        at += len(parts)


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _channel_table(confusions: dict[str, dict[str, int]]):
    """log P(read letter | written letter): partly what Tesseract did on the samples, mostly a generic prior.

    The measured half (`benchmarks/ocr_confusions.py`, Tesseract `vie`) is sharp but narrow: on those
    pages `vie` turned hooks into acute accents (`đổi → đối`) and almost never dropped a tone, while
    other OCR engines (the seeds' upstream OCR) drop tones on circumflex vowels (`chuyển → chuyên`).
    The pipeline runs the larger `Vietnamese` model and text inputs come from other engines, so the
    generic prior, which gives every confusion of the same kind the same small chance, has more weight.
    """
    alpha = 50.0  # prior observations mixed into the measured counts of each letter

    @lru_cache(maxsize=4096)
    def logp(written: str, read: str) -> float:
        generic = _generic_confusion(written, read)
        seen = confusions.get(written, {})
        n = sum(seen.values())
        measured = (seen.get(read, 0) + alpha * generic) / (n + alpha)
        return math.log(MEASURED_SHARE * measured + (1 - MEASURED_SHARE) * generic)

    return logp


def _generic_confusion(written: str, read: str) -> float:
    """P(read | written) for one letter, by kind of confusion (../shared/domain.md: OCR drops or shifts
    the tone of circumflex vowels most of all, `tiến → tiên`, `chuyển → chuyên`, `nguồn → nguôn`).

    Another tone on â ê ô 1 % each; another tone elsewhere 0.2 %; another vowel mark 0.1 %; both 0.02 %;
    d/đ 0.3 %.
    """
    if read == written:
        return 0.96
    if {written, read} == {"d", "đ"}:
        return 0.003
    quality_w, tone_w = _split_marks(written)
    quality_r, tone_r = _split_marks(read)
    if quality_w == quality_r:
        return 0.01 if quality_w in "âêô" else 0.002
    return 0.001 if tone_w == tone_r else 0.0002


@lru_cache(maxsize=256)
def _split_marks(letter: str) -> tuple[str, str]:
    """('ê', '\u0309') for 'ể': the vowel with its quality marks, and its tone mark ('' for none)."""
    decomposed = unicodedata.normalize("NFD", letter)
    tone = "".join(ch for ch in decomposed if ch in _TONE_MARKS[1:])
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS[1:])), tone


def load_corrector(ngrams: Path = NGRAMS_PATH, surnames: frozenset[str] = frozenset(),
                   places: frozenset[tuple[str, ...]] = frozenset()) -> Corrector:
    """The model from its files: n-gram counts, measured confusions, Viet74K's common words.

    `surnames` (lower-case) start person names, `places` (lower-case syllable tuples) are place
    names: both are left as written.
    """
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    with gzip.open(ngrams, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            key, _, n = line.rstrip("\n").rpartition("\t")
            parts = key.split(" ")
            if len(parts) == 1:
                unigrams[key] = int(n)
            else:
                bigrams[(parts[0], parts[1])] = int(n)
    confusions = json.loads(CONFUSIONS_PATH.read_text(encoding="utf-8"))["chars"]
    return Corrector(unigrams, bigrams, lexicon.common_words(), confusions, surnames, places)


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """`text` with every fix made (fixes keep lengths, so offsets stay valid)."""
    chars = list(text)
    for f in fixes:
        chars[f.start:f.end] = f.after
    return "".join(chars)
