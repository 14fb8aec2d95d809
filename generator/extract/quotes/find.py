"""Direct quotations and their speakers.

1. Quotation spans come from pairing the marks (``quotes_marks``): curly and
   straight double quotes, single quotes outside them, quotations split by
   their attribution, quotations running over several paragraphs (one span
   from the first opening to the last closing mark).  Every quoted span is
   returned, scare quotes and titles too (the PolNeAR gold counts them); those
   without a speaker in reach get none.
2. Each quotation's speaker is looked for, in this order:
   - right after it in its sentence ("…,” said X / “…,” X said / according to X);
   - before it in its sentence (X said: “…” / X called it a “…” / X: “…”);
   - the quotation just before it in the same sentence ("… a “war criminal” and seeking to “eradicate” …");
   - the previous quotation of the paragraph ("…,” he said. “…”), a cue in the
     sentence before it, or, for a paragraph that opens with a quotation, the
     speaker of the paragraph before (a speaker who goes on talking);
   - the subject of its sentence when that is a name ("Trump’s “excesses” …").
3. Speaker phrases (``quotes_speakers``) are names (titles cut off: "Sen. Ted
   Cruz" -> "Ted Cruz", the title kept as ``speaker_description``), pronouns or
   descriptions.  he/she go to the likeliest person before them (near, named
   with evidence, heading its sentence, an earlier speaker, gender compatible),
   it/they to an organisation, they also to a group ("Hundreds of
   demonstrators"); "the former secretary of state" to the person named before.
   Descriptions naming nobody ("a source close to the dossier", "officials")
   are anonymous speakers.  Actor mentions, when given, supply the spans.
"""
from __future__ import annotations

import bisect
import re

from ...model import ActorMention, Quote
from ..text import Lines
from ..wordlists import lines, words
from .marks import double_spans, single_spans
from .speakers import (
    ANON_HEADS,
    NOT_NAME_START,
    ORG_WORDS,
    PAST_VERBS,
    PLACE_WORDS,
    PRONOUNS,
    TITLES,
    Phrase,
    _bare,
    cue_words,
    looks_org,
    looks_place,
    name_word,
    phrase_after,
    phrase_before,
    strip_title,
    tokens,
)

_ABBREV = words("quotes", "abbrev")
_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F])|[.!?\u2026]+[\"'\u201d\u2019)\]]*\s*$")
_ACCORDING = re.compile(r"\b(?:according to|in the words of|as quoted by|quoting)\s+", re.I)
# "as described by X", "as reported by X"
_BY = re.compile(r"(?:as\s+)?([a-z]+ed)\s+by\s+(?=[A-Z]|the\s|a\s|an\s)")
# Multi-word cues read like a verb: the speaker stands before them.
_MULTI = re.compile(r"\b(?:went on|shot back|fired back|hit back|pointed out|chimed in|weighed in|put it|summed up"
                    r"|spoke|speaking|had this to say|had to say|was quoted as saying|is quoted as saying)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")
_CAP_RUN = re.compile(r"(?<![\w\u2019'])(?:[A-Z][\w\u00C0-\u024F]*(?:[\u2019'.\-][\w\u00C0-\u024F]+)*\.?"
                      r"(?:\s+(?:(?:de|da|van|von|der|al|bin|le|la|du|del)\s+)?"
                      r"[A-Z][\w\u00C0-\u024F]*(?:[\u2019'.\-][\w\u00C0-\u024F]+)*\.?)*)")


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


class _Doc:
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
                elif had_title or (words[0].lower() in _given_names() and _bare_l(words[0]) not in _places()):
                    kind = "person"
                    persons_last.add(words[-1])
                elif len(words) == 1 and words[0] in persons_last:
                    kind = "person"
                elif len(words) >= 2 and all(w[0].isupper() for w in words) and not any(
                        _bare_l(w) in ORG_WORDS or _bare_l(w) in PLACE_WORDS for w in words):
                    kind = "person?"
                elif len(words) == 1 and subj and _places().isdisjoint({_bare_l(words[0])}) \
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


_NON_SUBJECT = words("quotes", "non_subject")


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


_VERB_AFTER = re.compile(r"\s+(?:(?:also|then|later|has|had|was|is|will|would|could|however|though)\s+)?"
                         r"(?:[a-z]+ed|said|says|told|ran|won|made|took|went|came|got|felt|thinks|believes|admits|"
                         r"adds|insists|wants|hopes|knows|feels|sees|says|told|spoke|wrote|gave|left|met)\b")


def _places() -> frozenset[str]:
    return words("quotes", "places")


_ROLE_BEFORE_NAME = words("quotes", "role_before_name")


def _bare_l(w: str) -> str:
    return _bare(w).rstrip(".")


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


_NAMING = words("quotes", "naming")
_BASE_FORMS = words("quotes", "base_forms")


def _cue_iter(view: str, lo: int, hi: int):
    """(start, end, word) of reporting cues in view[lo:hi], in order."""
    cues = cue_words()
    for m in _WORD.finditer(view, lo, hi):
        w = m.group().lower()
        if w in cues:
            yield m.start(), m.end(), m.group()
    for m in _ACCORDING.finditer(view, lo, hi):
        yield m.start(), m.end(), m.group().strip()
    for m in _MULTI.finditer(view, lo, hi):
        yield m.start(), m.end(), m.group()


def _from_after(doc: _Doc, a: int, b: int, qtext: str) -> tuple[Phrase, str] | None:
    """Attribution right after a quotation: ', said X' / ', X said' / ', according to X'."""
    v = doc.view
    m = re.match(r"[\s,;\u2014\u2013\u2015-]*", v[a:b])
    p = a + m.end()
    if p >= b:
        return None
    last = qtext.rstrip().rstrip("\u2019\u201d'\" ")[-1:]
    lead = m.group()
    if lead.strip(" \t") and lead.strip(" \t")[0] in "\u2015\u2014\u2013-" and lead.count("\n") == 0:
        ph = phrase_after(v, p, b)
        if ph is not None and ph.kind == "name":
            return ph, None  # “…” — Carlos Raúl
    if last in ",\u2014\u2013-?!:" or any(ch in lead for ch in ",\u2014\u2013"):
        pass  # “…,” said X / “…?” X asked
    elif last in ".\u2026":
        # the quotation closed its sentence: only a short "Trump said." may follow
        if not v[p].islower() and not _short_attribution(v, p, b):
            return None
    elif not (v[p].islower() and _short_attribution(v, p - 1, b) or _short_attribution(v, p, b)):
        return _from_sentence_end(doc, p, b)  # “…” he insisted. (a comma missing) reads on below
    m = _ACCORDING.match(v, p, b)
    if m:
        ph = phrase_after(v, m.end(), b)
        return (ph, m.group().strip()) if ph else None
    cues = cue_words()
    words = list(_WORD.finditer(v, p, min(b, p + 160)))
    for n, w in enumerate(words[:16]):
        lw = w.group().lower()
        if lw not in cues:
            continue
        if lw.endswith("ing") and n > 0 and words[n - 1].group().lower() == "as":
            lw = "said"  # "the agency was quoted as saying"
        if n == 0:
            ph = phrase_after(v, w.end(), b)
            if ph is None:
                # "…,” said in a statement" has no speaker here
                return None
            return ph, w.group()
        if lw.endswith("ing"):
            return None
        ph = phrase_before(v, p, w.start())
        if ph is not None and ph.start >= p:
            # the phrase must start where the attribution starts (", the ministry said")
            lead = v[p:ph.start].strip().lower().split()
            if all(t in ("the", "a", "an") or t.endswith(",") for t in lead) or not lead:
                return ph, w.group()
            # a role in front of the speaker: "Turkey's top diplomat Hakan Fidan said", "GM chairman and chief
            # executive Rick Wagoner said"
            if ph.kind == "name" and (len(lead) <= 4 or len(lead) <= 9 and all(
                    t in TITLES or t in ("and", "of", "the", "&") or t[:1].isupper() or _bare(t) in ANON_HEADS
                    for t in v[p:ph.start].split())):
                return ph, w.group()
        break
    # "…!” beamed Donald Hartley
    m = re.match(r"([a-z]+ed)\s+", v[p:b])
    if m:
        ph = phrase_after(v, p + m.end(), b)
        if ph is not None and ph.kind == "name":
            return ph, m.group(1)
    # no known cue: "…,” Toomey fumed on Tuesday / "…,” the email read.
    ph = phrase_after(v, p, b)
    if ph is not None:
        nxt = re.match(r"\s*([a-z]+)\b", v[ph.end:b])
        if nxt and nxt.group(1) not in ("and", "or", "but", "who", "which", "that", "of", "in", "is", "was"):
            if ph.kind != "nominal" or ph.text.split()[0].lower() in ("the", "a", "an", "one", "his", "her", "its",
                                                                       "their"):
                return ph, nxt.group(1)
    return _from_sentence_end(doc, p, b)


_AFTER_CUE_OK = re.compile(r"\s*(?:$|[.,;]|(?:in|on|at|to|during|after|before|of|from|with|when|while|as|"
                           r"earlier|later|last|this|yesterday|today|on|[A-Z][a-z]+day)\b)")


def _previous_subject(doc: _Doc, ls: int, sstart: int) -> Phrase | None:
    """The person heading the sentence before sstart in the same paragraph, if it holds no quotation."""
    v = doc.view
    j = sstart - 1
    while j > ls and v[j].isspace():
        j -= 1
    ps = doc.sentence_start(j, ls)
    if any(ch in v[ps:sstart] for ch in "\"\u201c\u201d"):
        return None
    ph = _subject(doc, ps, sstart)
    if ph is None or ph.kind != "name" or ph.org or looks_place(ph.text) or ph.text.lower() in _places():
        return None
    if not (doc.strong_person(ph.start, ph.text) or doc.proper_name(ph)):
        return None
    return ph


def _whole_sentences(v: str, qs: int, qe: int) -> bool:
    """Whether the quotation reads as whole sentences (a capital first, a full stop, ? or ! last)."""
    t = v[qs:qe].strip().rstrip("\u2019\u201d'\" ")
    return bool(t) and (t[0].isupper() or t[0].isdigit()) and t[-1] in ".?!\u2026"


def _short_attribution(v: str, p: int, b: int) -> bool:
    """'GM chairman Rick Wagoner said in a statement.' after a closed quotation (not 'He said he …')."""
    cues = cue_words()
    m = re.match(r"(?:[A-Z][\w\u2019'.-]*\s+){1,4}?[A-Z][\w\u2019'.-]*,\s[^,]{3,120}?,\s+(?=[a-z])", v[p:b])
    if m:
        p += m.end()  # "Eva Lichtenberg, an Austrian member of the European Parliament, said"
        m2 = _WORD.match(v, p, b)
        return bool(m2 and m2.group().lower() in cues and _AFTER_CUE_OK.match(v, m2.end(), b))
    words = list(_WORD.finditer(v, p, b))
    for n, w in enumerate(words[:9]):
        if w.group().lower() in cues:
            if n == 0:
                return False
            return bool(_AFTER_CUE_OK.match(v, w.end(), b))
    return False


def _from_sentence_end(doc: _Doc, p: int, b: int) -> tuple[Phrase, str] | None:
    """A partial quotation inside a sentence that ends with its attribution: '…, said X.' / '…, X said.'"""
    v = doc.view
    for m in re.finditer(r"(?:,|\s[\u2014\u2013-])\s+", v[p:b]):
        r = _attribution_at(doc, p + m.end(), b)
        if r is not None:
            return r
    return None


def _attribution_at(doc: _Doc, q: int, b: int) -> tuple[Phrase, str] | None:
    """', said X' / ', X said' / ', according to X' starting at q."""
    v = doc.view
    m = _BY.match(v, q, b)
    if m:
        ph = phrase_after(v, m.end(), b)
        return (ph, m.group(1)) if ph else None
    m = _ACCORDING.match(v, q, b)
    if m:
        ph = phrase_after(v, m.end(), b)
        return (ph, m.group().strip()) if ph else None
    words = list(_WORD.finditer(v, q, b))
    cues = cue_words()
    for n, w in enumerate(words[:8]):
        lw = w.group().lower()
        if lw not in cues or lw.endswith("ing"):
            continue
        if n == 0:
            ph = phrase_after(v, w.end(), b)
            return (ph, w.group()) if ph else None
        ph = phrase_before(v, q, w.start())
        if ph is not None and ph.start >= q and all(
                t.lower().rstrip(".") in TITLES or t.lower() in ("the", "a", "an") for t in v[q:ph.start].split()):
            return ph, w.group()  # ", the minister said" / ", Mr Weise added"
        return None
    return None


def _from_before(doc: _Doc, a: int, b: int) -> tuple[Phrase, str] | None:
    """Attribution before a quotation in its sentence: 'X said: “…”', 'X called it a “…”'."""
    v = doc.view
    found = list(_cue_iter(v, a, b))
    found.sort()
    for s, e, w in reversed(found):
        lw = w.lower()
        if lw in _BASE_FORMS and re.search(r"\bto\s+$", v[max(a, s - 4):s]) \
                and not re.search(r"\b(?:went on|continued|had|wanted|decided|chose|paused|stopped)\s+to\s+$",
                                  v[max(a, s - 30):s]):
            continue  # "Perez was right to urge …": not this clause's speaker
        if lw.startswith(("according", "in the words", "as quoted", "quoting")):
            ph = phrase_after(v, e, b)
            if ph:
                return ph, w
            continue
        if lw.endswith("ing") and lw not in ("according",):
            # "with Sen. John McCain calling it a …": a name right before
            ph = phrase_before(v, a, s)
            if ph is not None and ph.kind == "name" and not v[ph.end:s].strip():
                return ph, w
            # "…, accusing the government of …": the subject of the clause
            ph = _subject(doc, a, s)
            if ph is not None and ph.kind == "nominal" and _bare(ph.text.split()[-1]) not in ANON_HEADS \
                    and not ph.org and not _person_description(ph.text):
                ph = None
            if ph:
                return ph, w
            continue
        if lw in _NAMING and not v[e:b].strip():
            ph = phrase_before(v, a, s)
            if ph is not None and ph.kind in ("name", "pronoun"):
                return ph, w
            continue  # "links called “trackers”": a name, not speech
        mby = re.match(r"\s+by\s+", v[e:b])
        if mby and lw.endswith("ed"):
            ph = phrase_after(v, e + mby.end(), b)
            if ph is not None:
                return ph, w
        ph = phrase_before(v, a, s)
        if ph is not None:
            return ph, w
        if re.search(r"\band\s+(?:(?:also|then|later)\s+)?$", v[a:s]):
            # "Carson took the stage … and called the system “rotten”": the subject of the sentence
            ph = _subject(doc, a, s)
            if ph is not None and ph.kind in ("name", "pronoun"):
                return ph, w
        # inverted order before the quote: "said Trump: “…”"
        ph = phrase_after(v, e, b) if lw not in _BASE_FORMS else None
        if ph is not None and ph.kind == "name" and not v[ph.end:b].strip(" ,:\u2014\u2013-"):
            return ph, w
    # "Erdogan: “…”"
    t = v[a:b].rstrip()
    if t.endswith(":"):
        ph = phrase_before(v, a, a + len(t) - 1)
        if ph is not None and ph.kind == "nominal" and not (ph.anonymous or ph.org or _person_description(ph.text)):
            ph = None  # "He is prepared to go this far: “…”": the subject speaks, not "this far"
        if ph is None:
            ph = _subject(doc, a, a + len(t) - 1)
            if ph is not None and ph.kind == "nominal" and not (ph.anonymous or ph.org):
                ph = None
        if ph is not None:
            return ph, ":"
    return None


_INTRO = words("quotes", "intro")


def _subject(doc: _Doc, a: int, b: int) -> Phrase | None:
    """The first noun phrase of view[a:b], after introductory words or a leading clause."""
    v = doc.view
    toks = tokens(v, a, b)
    i = 0
    # skip introductory words and a leading phrase ending with a comma ("However," "On Tuesday,")
    while i < len(toks) and toks[i][2].lower() in ("but", "and", "so", "yet", "still", "now", "then", "also"):
        i += 1
    if i < len(toks) and (toks[i][2].lower() in _INTRO or toks[i][2].lower().endswith("ly") or (
            toks[i][2][0].isupper() and toks[i][2].lower().endswith(("ing", "ed")) and i + 1 < len(toks)
            and toks[i + 1][2][0].islower())):
        for k in range(i, min(len(toks), i + 14)):
            if toks[k][2] in (",", "\u2014"):
                i = k + 1
                break
        else:
            return None
        # "Speaking in Salem, New Hampshire, Trump …": a place closing the introduction
        k = i
        while k < len(toks) and k < i + 3 and toks[k][2][0].isupper():
            k += 1
        if i < k < len(toks) and toks[k][2] == "," and k + 1 < len(toks) and toks[k + 1][2][0].isupper():
            i = k + 1
    if i >= len(toks):
        return None
    first = toks[i][2]
    if first[0].isupper() or first.lower() in ("the", "a", "an") or first.lower() in PRONOUNS:
        # a possessor: "Erdogan’s recent rhetoric" -> Erdogan
        k = i
        while k < len(toks) and k < i + 6 and toks[k][2][0].isupper():
            if toks[k][2][-2:] in ("\u2019s", "'s"):
                name = strip_title(toks[i:k + 1])
                s, e = name[0][0], toks[k][1] - 2
                if e > s:
                    return Phrase(s, e, "name", v[s:e], org=looks_org(v[s:e]))
            k += 1
        ph = phrase_after(v, toks[i][0], b)
        if ph is not None and ph.kind == "nominal" and ph.text.lower() in ("the", "a", "an"):
            return None
        return ph
    return None


def _is_partial(view: str, qs: int, qe: int, before: str) -> bool:
    text = view[qs:qe].lstrip()
    if not text:
        return True
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"'\u2018\u201c(["):
        return True
    b = before.rstrip()
    if not b:
        return False
    if b[-1] in ",:\u2014\u2013-":
        return False
    last = _WORD.findall(b[-30:])
    if last and last[-1].lower() in cue_words():
        return False
    if re.search(r"\b(?:that|as|a|an|the|of|to|is|was|be|called|calling)$", b):
        return True
    return True


_TWO_MARKS = re.compile(r"''|``")


def _normalise_marks(view: str) -> str:
    """'' and `` used as double quotation marks (newswire style) become one double mark and a space, so the
    text keeps its length and offsets: ''Yes,'' he said -> ' "Yes," ' he said."""
    chars = list(view)
    for m in _TWO_MARKS.finditer(view):
        i = m.start()
        before = view[i - 1] if i > 0 else "\n"
        if m.group() == "``" or before.isspace() or before in "([{\u2014-":
            chars[i], chars[i + 1] = " ", "\u201c" if m.group() == "``" else '"'
        else:
            chars[i], chars[i + 1] = '"', " "
    return "".join(chars)


def extract_quotes(view: str, actors: list[ActorMention]) -> list[Quote]:
    """Every quotation in the text view; the speaker span points at a name (an actor mention when one fits)."""
    if not view:
        return []
    if "''" in view or "``" in view:
        original = view
        quotes = _extract(_normalise_marks(view), actors)
        return [_reslice(q, original) for q in quotes]
    return _extract(view, actors)


def _reslice(q: Quote, view: str) -> Quote:
    from dataclasses import replace
    text = view[q.start:q.end]
    spk = view[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None
    return replace(q, text=text, speaker_text=spk)


def _extract(view: str, actors: list[ActorMention]) -> list[Quote]:
    dspans = double_spans(view)
    pairs = [(o, c) for o, c, _ in dspans]
    sspans = single_spans(view, pairs)
    spans = sorted(pairs + sspans)
    doc = _Doc(view, actors, spans)
    out: list[Quote] = []
    prev_q: dict | None = None  # the previous quotation's attribution
    for n, (o, c) in enumerate(spans):
        qs, qe = o + 1, c
        ls, le = doc.line_bounds(o)
        prev_close = spans[n - 1][1] + 1 if n > 0 else 0
        next_open = spans[n + 1][0] if n + 1 < len(spans) else len(view)
        # before-context: from the sentence start (or the previous quotation) to the opening mark
        sstart = doc.sentence_start(o, ls)
        bstart = max(sstart, prev_close) if prev_close > ls else sstart
        # after-context: to the end of the sentence or the next quotation
        cl_line_e = doc.line_bounds(c)[1]
        aend = min(doc.sentence_end(c + 1, cl_line_e), next_open)
        res = _from_after(doc, c + 1, aend, view[qs:qe]) or _from_before(doc, bstart, o)
        if res is None and prev_q is not None:
            same_sentence = prev_q["line"] == ls and sstart <= prev_q["close"] < o
            if same_sentence or (prev_q["line"] == ls and not re.search(r"[A-Za-z]", view[sstart:o])):
                res = prev_q["res"]  # “…,” he said. “…”
            elif ls != prev_q["line"] and sstart == ls and prev_q["res"] is not None \
                    and _quote_paragraph(view, prev_q["line"], ls):
                res = prev_q["res"]  # a paragraph that goes on quoting the same speaker
        if res is None:
            # a cue in the sentences before it in the paragraph ("Edwards said he was happy. “…”")
            lo = max(ls, prev_close)
            if sstart > lo and not re.search(r"[A-Za-z]", view[sstart:o]):
                j = sstart - 1
                while j > lo and view[j].isspace():
                    j -= 1
                psent = doc.sentence_start(j, lo)
                r2 = _from_before(doc, psent, sstart)
                if r2 and r2[0] is not None and not (r2[1] or "").lower().endswith("ing"):
                    res = r2
            if res is None and sstart == ls and ls > 0:
                # the paragraph before ends with "… said:" or holds the speaker's cue
                pls, ple = doc.line_bounds(max(0, ls - 2))
                while pls > 0 and not view[pls:ple].strip():
                    pls, ple = doc.line_bounds(max(0, pls - 2))
                tail = view[pls:ple].rstrip()
                psent = doc.sentence_start(max(pls, pls + len(tail) - 1), pls)
                if tail.endswith(":"):
                    r2 = _from_before(doc, psent, pls + len(tail))
                    if r2:
                        res = r2
                elif tail and not any(ch in view[psent:ple] for ch in "\"\u201c\u201d"):
                    # "Mr Smith said the ruling was unfair.\n\n“We will appeal.”": the speaker goes on
                    r2 = _from_before(doc, psent, pls + len(tail)) if _whole_sentences(view, qs, qe) else None
                    if r2 and r2[0].kind in ("name", "pronoun") and r2[1] and r2[1].lower() in cue_words() \
                            and not r2[1].lower().endswith("ing"):
                        res = r2
        if res is None and re.search(r"[A-Za-z]", view[bstart:o]) and bstart == sstart:
            # a quotation inside a sentence with no cue: the words are the subject's
            ph0 = _subject(doc, sstart, o)
            if ph0 is not None and (ph0.kind != "nominal" or ph0.anonymous and _bare(ph0.text.split()[-1]) in ANON_HEADS) \
                    and not looks_place(ph0.text) and (ph0.kind != "name" or ph0.start != sstart
                                                       or doc.proper_name(ph0)):
                res = (ph0, None)
        if res is None and prev_q is not None and prev_q["line"] == ls and prev_q["res"] is not None:
            res = prev_q["res"]  # the speaker goes on ("That makes her “by definition …”")
        if res is None and sstart > ls and bstart == sstart and not view[sstart:o].strip() \
                and _whole_sentences(view, qs, qe):
            # "Mauresmo spent five weeks at number one. “Since then, I feel …”": the person just written about
            ph0 = _previous_subject(doc, ls, sstart)
            if ph0 is not None:
                res = (ph0, None)
        ph, cue = (res if res else (None, None))
        q = _make_quote(doc, qs, qe, ph, cue, view[bstart:o], o)
        if q is not None:
            out.append(q)
        prev_q = {"line": doc.line_bounds(c)[0], "close": c, "res": res}
    return out


_SINGULAR_PEOPLE = words("quotes", "singular_people")


def _group_before(doc: _Doc, pos: int) -> Phrase | None:
    """The plural noun phrase heading this sentence or the one before ("Hundreds of demonstrators")."""
    ls = doc.line_bounds(pos)[0]
    ss = doc.sentence_start(pos, ls, skip_quotes=True)
    starts = [ss]
    if ss > ls:
        j = ss - 1
        while j > ls and doc.view[j].isspace():
            j -= 1
        starts.append(doc.sentence_start(j, ls, skip_quotes=True))
    for st in starts:
        if st >= pos:
            continue
        subj = _subject(doc, st, pos)
        if subj is not None and subj.kind == "nominal" and subj.end <= pos:
            head = subj.text.split(" of ")[-1].split()[-1].lower()
            if head.endswith("s") or head in ("people", "police", "staff", "crowd"):
                return subj
    return None


_PERSON_HEADS = words("quotes", "person_heads")


def _person_description(text: str) -> bool:
    """A definite description of a person already named ("the Vermont senator", "the 26-year-old")."""
    words = text.split(" of ")[0].split()
    if not words or words[0].lower() not in ("the", "this"):
        return False
    head = words[-1].lower()
    return head in _PERSON_HEADS or bool(re.fullmatch(r"\d+-year-old", head))


_APPOSITIVE = re.compile(r",\s+((?:a|an|the|his|her|its|their|[A-Z][\w\u2019'.-]*\u2019s|[A-Z][\w\u2019'.-]*'s)\s"
                         r"[^,.;:\u201c\u201d\"()]{2,90}?|(?:a|an|the)\s[^,.;:\u201c\u201d\"()]{2,90}?)(?=,|\.(?:\s|$)|;|$)")


def _role(view: str, ph: Phrase) -> str | None:
    """The role given with a named speaker: "Jenna Golden, Twitter's director of ad sales" or "Sen. Ted Cruz"."""
    m = _APPOSITIVE.match(view, ph.end, min(len(view), ph.end + 120))
    if m and "\n" not in m.group(1):
        return m.group(1).strip()
    toks = tokens(view, max(0, ph.start - 80), ph.start)
    k = len(toks)
    while k > 0:
        w = toks[k - 1][2]
        lw = w.lower().rstrip(".")
        if lw in TITLES or lw in ("of", "foreign", "prime", "state", "defence", "defense", "interior", "home",
                                  "finance", "health", "justice", "party", "campaign", "press", "top", "senior",
                                  "general") or (w[0].isupper() and k < len(toks) and (
                toks[k][2].lower().rstrip(".") in TITLES) and lw not in NOT_NAME_START):
            k -= 1
            continue
        break
    words = [t[2] for t in toks[k:]]
    while words and words[0].lower() in ("of",):
        words = words[1:]
    if words and words[-1].lower().rstrip(".") in TITLES:
        return " ".join(words)
    return None


def _quote_paragraph(view: str, prev_line: int, ls: int) -> bool:
    """Whether the paragraph just before ls is the one holding the previous quotation."""
    s = view.rfind("\n", 0, max(0, ls - 1))
    while s > 0 and not view[s + 1:ls].strip():
        s = view.rfind("\n", 0, s)
    return s + 1 <= prev_line


def _make_quote(doc: _Doc, qs: int, qe: int, ph: Phrase | None, cue: str | None, before: str, o: int) -> Quote | None:
    v = doc.view
    text = v[qs:qe]
    if not text.strip():
        return None
    partial = _is_partial(v, qs, qe, before)
    if ph is None:
        return Quote(qs, qe, text, partial=partial, cue=cue)
    if ph.kind == "pronoun":
        r = None
        if ph.text.lower() in ("it", "they", "he", "she"):
            # the subject of the sentence, when it is a name before the pronoun ("Turkey … what it calls …")
            ss = doc.sentence_start(ph.start, doc.line_bounds(ph.start)[0], skip_quotes=True)
            # only the words before any quotation in that sentence ("Fallon fired back: “…,” he wrote")
            mark = re.search("[\"\u201c\u201d\u2018]", doc.view[ss:ph.start])
            stop = ss + mark.start() if mark else ph.start
            subj = _subject(doc, ss, stop) if ss < stop else None
            if subj is not None and subj.kind == "name" and subj.end <= ph.start:
                he_she = ph.text.lower() in ("he", "she")
                person = not subj.org and not looks_place(subj.text) and (
                    doc.strong_person(subj.start, subj.text)
                    or he_she and len(subj.text.split()) == 1 and doc.proper_name(subj))
                wrong_gender = he_she and person and not doc.gender_ok(subj.start, subj.text, ph.text.lower())
                if not wrong_gender and (he_she == person or (ph.text.lower() == "they" and subj.org)):
                    r = subj.start, subj.end, subj.text
        if r is None:
            r = doc.resolve(ph, ph.start)
        if r is None and ph.text.lower() == "they":
            # "Protesters gathered … “No justice,” they chanted": a group described before
            group = _group_before(doc, ph.start)
            if group is not None:
                return Quote(qs, qe, text, partial=partial, speaker_start=group.start, speaker_end=group.end,
                             speaker_text=group.text, cue=cue, anonymous=group.anonymous,
                             speaker_description=group.text)
        if r is None:
            return Quote(qs, qe, text, partial=partial, speaker_start=ph.start, speaker_end=ph.end,
                         speaker_text=ph.text, cue=cue, speaker_description=ph.text)
        s, e, t = r
        sp = doc._spk_spans.get((s, e))
        if sp is not None and sp.anonymous:
            return Quote(qs, qe, text, partial=partial, speaker_start=s, speaker_end=e, speaker_text=t, cue=cue,
                         anonymous=True, speaker_description=t)
        a = doc.actor_in(s, e)
        if a is not None:
            s, e, t = a.start, a.end, a.text
        return Quote(qs, qe, text, partial=partial, speaker_start=s, speaker_end=e, speaker_text=t, cue=cue,
                     speaker_description=ph.text)
    if ph.kind == "nominal" and not ph.anonymous and _person_description(ph.text):
        # "the Ballymena-born actor said": the person named before, the description kept
        r = doc.resolve(Phrase(ph.start, ph.end, "pronoun", "he"), ph.start)
        if r is not None:
            s, e, t = r
            a = doc.actor_in(s, e)
            if a is not None:
                s, e, t = a.start, a.end, a.text
            return Quote(qs, qe, text, partial=partial, speaker_start=s, speaker_end=e, speaker_text=t, cue=cue,
                         speaker_description=ph.text)
    if ph.kind == "nominal" and ph.anonymous:
        if _bare(ph.text.split(" of ")[0].split(" for ")[0].split()[-1]) in _SINGULAR_PEOPLE:
            doc.add_speaker(ph)  # "a spokesman for the BPI said … “…,” he added"
        return Quote(qs, qe, text, partial=partial, speaker_start=ph.start, speaker_end=ph.end,
                     speaker_text=ph.text, cue=cue, anonymous=True, speaker_description=ph.text)
    s, e, t = ph.start, ph.end, ph.text
    if ph.kind == "name" or ph.org:
        doc.add_speaker(ph)  # an organisation ("the company said") is an antecedent for a later "it said"
    a = doc.actor_in(s, e)
    if a is not None:
        s, e, t = a.start, a.end, a.text
    desc = ph.text if ph.kind == "nominal" else _role(v, ph)
    return Quote(qs, qe, text, partial=partial, speaker_start=s, speaker_end=e, speaker_text=t, cue=cue,
                 speaker_description=desc)
