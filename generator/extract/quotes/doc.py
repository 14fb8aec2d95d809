"""The per-article state of the quotation extractor: quotation spans, sentence bounds, speakers found so far,
and the name candidates pronouns point to, with the helpers it needs (gender of a name, places, capitalised
runs cut at sentence ends)."""
from __future__ import annotations

import bisect
import re

from ...model import ActorMention
from ..text import Lines
from ..wordlists import lines, words
from .speakers import (
    ORG_WORDS,
    PAST_VERBS,
    PLACE_WORDS,
    TITLES,
    Phrase,
    bare,
    looks_org,
    looks_place,
    name_word,
    strip_title,
    tokens,
)

_ABBREV = words("quotes", "abbrev")
_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F])|[.!?\u2026]+[\"'\u201d\u2019)\]]*\s*$")
_CAP_RUN = re.compile(r"(?<![\w\u2019'])(?:[A-Z][\w\u00C0-\u024F]*(?:[\u2019'.\-][\w\u00C0-\u024F]+)*\.?"
                      r"(?:\s+(?:(?:de|da|van|von|der|al|bin|le|la|du|del)\s+)?"
                      r"[A-Z][\w\u00C0-\u024F]*(?:[\u2019'.\-][\w\u00C0-\u024F]+)*\.?)*)")

_NON_SUBJECT = words("quotes", "non_subject")
_ROLE_BEFORE_NAME = words("quotes", "role_before_name")

_VERB_AFTER = re.compile(r"\s+(?:(?:also|then|later|has|had|was|is|will|would|could|however|though)\s+)?"
                         r"(?:[a-z]+ed|said|says|told|ran|won|made|took|went|came|got|felt|thinks|believes|admits|"
                         r"adds|insists|wants|hopes|knows|feels|sees|says|told|spoke|wrote|gave|left|met)\b")

_TITLE_GENDER = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "mrs": "f", "ms": "f", "miss": "f",
                 "lady": "f", "dame": "f", "queen": "f", "princess": "f", "baroness": "f", "congressman": "m",
                 "congresswoman": "f", "spokesman": "m", "spokeswoman": "f", "actress": "f", "chairwoman": "f",
                 "chairman": "m", "businessman": "m", "businesswoman": "f"}
_NAMES: dict[str, str] | None = None


def _given_names() -> dict[str, str]:
    global _NAMES
    if _NAMES is None:
        names = dict.fromkeys(lines("quotes", "first_names_male"), "m")
        names.update(dict.fromkeys(lines("quotes", "first_names_female"), "f"))
        _NAMES = names
    return _NAMES


def _gender(view: str, start: int, text: str) -> str | None:
    prev = view[max(0, start - 16):start].split()
    if prev:
        g = _TITLE_GENDER.get(prev[-1].lower().rstrip("."))
        if g:
            return g
    words = text.split()
    if words:
        return _given_names().get(words[0].lower())
    return None


def places() -> frozenset[str]:
    return words("quotes", "places")


def _bare_l(w: str) -> str:
    return bare(w).rstrip(".")


def _split_run(toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Cut a capitalised run where a full stop ends a sentence ("Mr Howard. Pointing")."""
    out, cur = [], []
    for t in toks:
        cur.append(t)
        w = t[2]
        if w[-2:] in ("\u2019s", "'s"):
            out.append(cur)
            cur = []
            continue
        if w.endswith(".") and len(w) > 2 and w.lower().rstrip(".") not in _ABBREV \
                and w.lower() not in ("sen.", "rep.", "gov.", "gen.", "dr.", "mr.", "mrs.", "ms.", "st.", "jr.", "sr."):
            cur[-1] = (t[0], t[1] - 1, w[:-1])
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def _is_sentence_end(view: str, m: re.Match, lo: int) -> bool:
    dot = m.start()
    if view[dot] != ".":
        return True
    if m.group().rstrip("\"'\u201d\u2019)] \t\n") != ".":
        return True  # "..." or "?." etc.
    w = re.search(r"([\w.]+)$", view[max(lo, dot - 20):dot])
    if w:
        word = w.group(1).lower()
        if word in _ABBREV or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", word):
            return False
    return True


class Doc:
    """Per-article state: the quotation spans and the name candidates for pronouns."""

    def __init__(self, view: str, actors: list[ActorMention], spans: list[tuple[int, int]]):
        self.view = view
        self.actors = sorted((a for a in actors if a.type in ("person", "organization")), key=lambda a: a.start)
        self.actor_starts = [a.start for a in self.actors]
        self.spans = spans  # (open mark, close mark), sorted
        self.opens = [s for s, _ in spans]
        self._cands: list[tuple[int, int, str, str]] | None = None
        self._cand_keys: list[int] = []
        self._ends: list[tuple[int, int]] | None = None
        self._lines: Lines | None = None
        self._heads: dict[int, bool] = {}
        self._proper: dict[str, bool] = {}
        self.speakers: list[Phrase] = []  # speakers found so far, by position
        self._spk_starts: list[int] = []
        self._spk_spans: dict[tuple[int, int], Phrase] = {}
        self._spk_words: set[str] = set()  # words of person speakers' names

    # -- text geometry -------------------------------------------------
    def line_bounds(self, i: int) -> tuple[int, int]:
        if self._lines is None:
            self._lines = Lines(self.view)  # by bisection: find/rfind cost a long line's length per quotation
        return self._lines.start(i), self._lines.end(i)

    def inside_quote(self, i: int) -> bool:
        k = bisect.bisect_right(self.opens, i) - 1
        return k >= 0 and self.spans[k][0] <= i <= self.spans[k][1]

    def sentence_start(self, pos: int, lo: int, skip_quotes: bool = False) -> int:
        """Start of the sentence holding pos (not before lo); sentence ends inside quotations count
        unless skip_quotes.  Looks back at most 1,500 characters."""
        v = self.view
        if pos - lo > 1500:
            lo = pos - 1500
            while lo < pos and not v[lo].isspace():
                lo += 1
        best = lo
        ends = self.sentence_ends()
        k = bisect.bisect_right(ends, (pos, pos)) - 1
        while k >= 0:
            ms, me = ends[k]
            if ms < lo:
                break
            if me <= pos and not (skip_quotes and self.inside_quote(ms) and self.inside_quote(me)):
                best = me
                break
            k -= 1
        # a sentence end right before pos that only the end of the window shows ("… said. “")
        for m in _SENT_END.finditer(v, max(best, pos - 12), pos):
            if m.end() <= pos and m.start() >= best and _is_sentence_end(v, m, lo) and not (
                    skip_quotes and self.inside_quote(m.start()) and self.inside_quote(m.end())):
                best = m.end()
        while best < pos and v[best].isspace():
            best += 1
        return best

    def sentence_ends(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence-final punctuation run of the text, computed once."""
        if self._ends is None:
            v = self.view
            self._ends = [(m.start(), m.end()) for m in _SENT_END.finditer(v) if _is_sentence_end(v, m, 0)]
        return self._ends

    def sentence_end(self, pos: int, hi: int) -> int:
        v = self.view
        hi = min(hi, pos + 1500)
        for m in _SENT_END.finditer(v, pos, hi):
            if _is_sentence_end(v, m, pos) and not self.inside_quote(m.start()):
                return m.start()
        return hi

    def add_speaker(self, ph: Phrase) -> None:
        if (ph.start, ph.end) in self._spk_spans:
            return
        k = bisect.bisect_right(self._spk_starts, ph.start)
        self._spk_starts.insert(k, ph.start)
        self.speakers.insert(k, ph)
        self._spk_spans[(ph.start, ph.end)] = ph
        if ph.kind == "name" and not ph.org:
            self._spk_words.update(ph.text.split())

    def speakers_between(self, lo: int, hi: int) -> list[Phrase]:
        return self.speakers[bisect.bisect_left(self._spk_starts, lo):bisect.bisect_left(self._spk_starts, hi)]

    def speaker_at(self, s: int, e: int) -> Phrase | None:
        """The speaker phrase found so far with exactly the span [s, e), if any."""
        return self._spk_spans.get((s, e))

    # -- actors and candidates ------------------------------------------
    def actor_in(self, s: int, e: int) -> ActorMention | None:
        """The actor mention naming the phrase [s, e): inside it and ending with it (its head), or covering it
        with at most a title more ("Sen. Ted Cruz" for "Ted Cruz"); reused for its exact span."""
        k = bisect.bisect_left(self.actor_starts, s)
        best = None
        while k < len(self.actors) and self.actors[k].start < e:
            a = self.actors[k]
            if a.end <= e and not self.view[a.end:e].strip(" .,\u2019's") and (
                    best is None or a.end - a.start > best.end - best.start):
                best = a
            k += 1
        if best is None:
            k = bisect.bisect_right(self.actor_starts, s) - 1
            while k >= 0 and k >= bisect.bisect_right(self.actor_starts, s) - 4:
                a = self.actors[k]
                if a.start <= s and a.end >= e and not self.view[e:a.end].strip() \
                        and len(self.view[a.start:s].split()) <= 2:
                    return a
                k -= 1
        return best

    def candidates(self) -> list[tuple[int, int, str, str]]:
        """(start, end, text, kind) of names before which pronouns may point: kind person/org/other."""
        if self._cands is not None:
            return self._cands
        out = []
        if self.actors:
            for a in self.actors:
                if not self.inside_quote(a.start):
                    pw = self.view[max(0, a.start - 20):a.start].split()
                    subj = not pw or pw[-1].lower().rstrip(".,") not in _NON_SUBJECT
                    out.append((a.start, a.end, a.text, "person" if a.type == "person" else "org", subj))
        # capitalised runs the actor mentions do not cover (the actor extractor may miss some)
        covered = [(a.start, a.end) for a in self.actors]
        v = self.view
        persons_last = set()
        for m in _CAP_RUN.finditer(v):
            s0, e0 = m.start(), m.end()
            if self.inside_quote(s0):
                continue
            for toks in _split_run(tokens(v, s0, e0)):
                while toks and not name_word(toks[0][2]):
                    toks = toks[1:]
                if not toks:
                    continue
                s = toks[0][0]
                name = strip_title(toks)
                had_title = len(name) < len(toks)
                # a person title just before the run ("foreign minister Hakan Fidan")
                prev = v[max(0, s - 30):s].split()
                pw = prev[-1].lower().rstrip(".,") if prev else ""
                if pw in ("minister", "spokesman", "spokeswoman", "president", "chief", "leader", "secretary",
                          "senator", "sen", "rep", "gov", "mr", "mrs", "ms", "dr", "diplomat", "actor",
                          "actress", "star", "coach", "manager", "boss", "chairman", "director", "singer"):
                    had_title = True
                subj = pw not in _NON_SUBJECT
                s2, e2 = name[0][0], name[-1][1]
                e2 = e2 - 1 if v[e2 - 1] == "." and e2 - s2 > 2 and not had_title else e2
                if v[e2 - 2:e2] in ("\u2019s", "'s"):
                    e2 -= 2
                    subj = False
                if e2 <= s2:
                    continue
                text = v[s2:e2]
                words = text.split()
                if looks_org(text):
                    kind = "org"
                elif looks_place(text):
                    kind = "other"
                elif had_title or (words[0].lower() in _given_names() and _bare_l(words[0]) not in places()):
                    kind = "person"
                    persons_last.add(words[-1])
                elif len(words) == 1 and words[0] in persons_last:
                    kind = "person"
                elif len(words) >= 2 and all(w[0].isupper() for w in words) and not any(
                        _bare_l(w) in ORG_WORDS or _bare_l(w) in PLACE_WORDS for w in words):
                    kind = "person?"
                elif len(words) == 1 and subj and places().isdisjoint({_bare_l(words[0])}) \
                        and _bare_l(words[0]) not in ORG_WORDS and not words[0].isupper() \
                        and _VERB_AFTER.match(v, e2):
                    kind = "person?"  # "Andrew also blamed …", "Collins ran …"
                else:
                    kind = "other"
                if covered:
                    c = bisect.bisect_right(self.actor_starts, e2) - 1
                    if c >= 0 and covered[c][1] > s2:
                        continue  # the actor extractor has a mention here
                out.append((s2, e2, text, kind, subj))
        out.sort()
        self._cands = out
        self._cand_keys = [c[0] for c in out]
        return out

    def gender_ok(self, start: int, text: str, pron: str) -> bool:
        """False when a title or a common given name says the person is not what the pronoun says."""
        g = _gender(self.view, start, text)
        return g is None or g == ("m" if pron == "he" else "f")

    def resolve(self, pron: Phrase, before: int) -> tuple[int, int, str] | None:
        """The nearest name before `before` compatible with the pronoun."""
        p = pron.text.lower()
        want = "person" if p in ("he", "she", "i") else "org" if p in ("it",) else "any"
        if p in ("we", "you"):
            return None
        # only the names in a window before the pronoun (linear time on long texts)
        base = self.candidates()
        lo = bisect.bisect_left(self._cand_keys, before - 3000)
        hi = bisect.bisect_left(self._cand_keys, before)
        cands = base[lo:hi]
        if self.speakers:
            # names already seen as speakers are people (or organisations when they look like one)
            extra = [(sp.start, sp.end, sp.text, "org" if sp.org else "person", True)
                     for sp in self.speakers_between(before - 3000, before)
                     if sp.kind == "name" or (p in ("he", "she") and not sp.org) or (sp.org and p in ("it", "they"))]
            speaker_words = {w for c in extra if c[3] == "person" for w in c[2].split()}
            cands = [(c[0], c[1], c[2], "person" if c[3] == "person?" and c[2].split()[-1] in speaker_words
                      else c[3], c[4]) for c in cands]
            known = {(c[0], c[1]) for c in extra}
            cands = sorted([c for c in cands if (c[0], c[1]) not in known] + extra)
            last_words = {c[2].split()[-1] for c in extra if c[3] == "person" and c[2].split()}
            cands = [(c[0], c[1], c[2], "person" if c[3] == "other" and c[2] in last_words else c[3], c[4])
                     for c in cands]
        k = bisect.bisect_left([c[0] for c in cands], before) - 1
        if want == "person":
            return self._best_person(cands, k, before, p)
        steps = 0
        while k >= 0 and steps < 80:
            s, e, text, kind, subj = cands[k]
            if e <= before and s < pron.start:
                if want == "org" and kind == "org":
                    return s, e, text
                if want == "any" and p == "they" and kind == "org":
                    return s, e, text
            k -= 1
            steps += 1
        return None

    def _best_person(self, cands, k: int, before: int, p: str) -> tuple[int, int, str] | None:
        """The likeliest person for he/she: near, named with evidence, heading its sentence, already a speaker."""
        speaker_spans = self._spk_spans
        best, best_score = None, None
        steps = 0
        while k >= 0 and steps < 80:
            s, e, text, kind, subj = cands[k]
            k -= 1
            steps += 1
            dist = before - e
            if dist > 2500:
                break
            if e > before or kind not in ("person", "person?"):
                continue
            if p in ("he", "she") and not self.gender_ok(s, text, p):
                continue
            score = -dist / 250.0
            score += 2.0 if kind == "person" else 0.0
            score += 1.5 if (s, e) in speaker_spans else 0.0
            score += 1.5 if self._heads_sentence(s) else 0.0
            score -= 0.0 if subj else 3.0
            if best_score is None or score > best_score:
                best, best_score = (s, e, text), score
        return best

    def _heads_sentence(self, s: int) -> bool:
        """Whether only titles or roles stand between the sentence start and s ("Shadow foreign secretary X")."""
        r = self._heads.get(s)
        if r is None:
            r = self._heads[s] = self._heads_sentence_uncached(s)
        return r

    def _heads_sentence_uncached(self, s: int) -> bool:
        before = self.view[max(0, s - 60):s]
        m = re.search(r"(?:^|[.!?][\"\u201d\u2019']?\s+|\n\s*|[:;]\s+|\b(?:and|but|while|as|when)\s+)([^.!?\n]*)$",
                      before)
        if not m:
            return False
        words = m.group(1).split()
        return len(words) <= 5 and all(w[:1].isupper() or w.lower().rstrip(".,") in TITLES
                                       or w.lower().rstrip(".,") in _ROLE_BEFORE_NAME for w in words)

    def proper_name(self, ph: Phrase) -> bool:
        """A sentence-initial capitalised word is a name only with more evidence ("Rumours", "Full" are not)."""
        words = ph.text.split()
        if len(words) > 1 or ph.org or self.strong_person(ph.start, ph.text):
            return True
        if words[0] not in self._proper:
            # elsewhere after a lower-case word or a comma (within 20,000 characters, to stay linear)
            self._proper[words[0]] = re.compile(r"[a-z,;]\s+" + re.escape(words[0]) + r"\b").search(
                self.view, max(0, ph.start - 20000), ph.start + 20000) is not None
        return self._proper[words[0]] \
            or re.match(r"\s*(?:[,(]|[a-z]+ed\b|[a-z]+s\b)", self.view[ph.end:ph.end + 20]) is not None \
            or (self.view[ph.end:ph.end + 20].split() or [""])[0] in PAST_VERBS

    def strong_person(self, start: int, text: str) -> bool:
        """A title, a known given name or an earlier speaker says this name is a person."""
        if _gender(self.view, start, text) is not None:
            return True
        words = set(text.split())
        return not words.isdisjoint(self._spk_words)
