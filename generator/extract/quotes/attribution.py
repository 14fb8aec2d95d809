"""Finding a quotation's speaker in the words around it: reporting cues, the phrase after or before the
quotation, the subject of its sentence or of the sentence before, a group ("Hundreds of demonstrators"),
descriptions of a person already named ("the Vermont senator") and the role given with a name."""
from __future__ import annotations

import re

from ..wordlists import words
from .doc import Doc, places
from .speakers import (
    ANON_HEADS,
    NOT_NAME_START,
    PRONOUNS,
    TITLES,
    Phrase,
    bare,
    cue_words,
    looks_org,
    looks_place,
    phrase_after,
    phrase_before,
    strip_title,
    tokens,
)

_ACCORDING = re.compile(r"\b(?:according to|in the words of|as quoted by|quoting)\s+", re.I)
# "as described by X", "as reported by X"
_BY = re.compile(r"(?:as\s+)?([a-z]+ed)\s+by\s+(?=[A-Z]|the\s|a\s|an\s)")
# Multi-word cues read like a verb: the speaker stands before them.
_MULTI = re.compile(r"\b(?:went on|shot back|fired back|hit back|pointed out|chimed in|weighed in|put it|summed up"
                    r"|spoke|speaking|had this to say|had to say|was quoted as saying|is quoted as saying)\b", re.I)
WORD = re.compile(r"[A-Za-z]+")

_NAMING = words("quotes", "naming")
_BASE_FORMS = words("quotes", "base_forms")
_INTRO = words("quotes", "intro")
_PERSON_HEADS = words("quotes", "person_heads")

_AFTER_CUE_OK = re.compile(r"\s*(?:$|[.,;]|(?:in|on|at|to|during|after|before|of|from|with|when|while|as|"
                           r"earlier|later|last|this|yesterday|today|on|[A-Z][a-z]+day)\b)")

_APPOSITIVE = re.compile(r",\s+((?:a|an|the|his|her|its|their|[A-Z][\w\u2019'.-]*\u2019s|[A-Z][\w\u2019'.-]*'s)\s"
                         r"[^,.;:\u201c\u201d\"()]{2,90}?|(?:a|an|the)\s[^,.;:\u201c\u201d\"()]{2,90}?)(?=,|\.(?:\s|$)|;|$)")


def person_description(text: str) -> bool:
    """A definite description of a person already named ("the Vermont senator", "the 26-year-old")."""
    words = text.split(" of ")[0].split()
    if not words or words[0].lower() not in ("the", "this"):
        return False
    head = words[-1].lower()
    return head in _PERSON_HEADS or bool(re.fullmatch(r"\d+-year-old", head))


def subject(doc: Doc, a: int, b: int) -> Phrase | None:
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


def _cue_iter(view: str, lo: int, hi: int):
    """(start, end, word) of reporting cues in view[lo:hi], in order."""
    cues = cue_words()
    for m in WORD.finditer(view, lo, hi):
        w = m.group().lower()
        if w in cues:
            yield m.start(), m.end(), m.group()
    for m in _ACCORDING.finditer(view, lo, hi):
        yield m.start(), m.end(), m.group().strip()
    for m in _MULTI.finditer(view, lo, hi):
        yield m.start(), m.end(), m.group()


def from_after(doc: Doc, a: int, b: int, qtext: str) -> tuple[Phrase, str] | None:
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
    words = list(WORD.finditer(v, p, min(b, p + 160)))
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
                    t in TITLES or t in ("and", "of", "the", "&") or t[:1].isupper() or bare(t) in ANON_HEADS
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


def whole_sentences(v: str, qs: int, qe: int) -> bool:
    """Whether the quotation reads as whole sentences (a capital first, a full stop, ? or ! last)."""
    t = v[qs:qe].strip().rstrip("\u2019\u201d'\" ")
    return bool(t) and (t[0].isupper() or t[0].isdigit()) and t[-1] in ".?!\u2026"


def _short_attribution(v: str, p: int, b: int) -> bool:
    """'GM chairman Rick Wagoner said in a statement.' after a closed quotation (not 'He said he …')."""
    cues = cue_words()
    m = re.match(r"(?:[A-Z][\w\u2019'.-]*\s+){1,4}?[A-Z][\w\u2019'.-]*,\s[^,]{3,120}?,\s+(?=[a-z])", v[p:b])
    if m:
        p += m.end()  # "Eva Lichtenberg, an Austrian member of the European Parliament, said"
        m2 = WORD.match(v, p, b)
        return bool(m2 and m2.group().lower() in cues and _AFTER_CUE_OK.match(v, m2.end(), b))
    words = list(WORD.finditer(v, p, b))
    for n, w in enumerate(words[:9]):
        if w.group().lower() in cues:
            if n == 0:
                return False
            return bool(_AFTER_CUE_OK.match(v, w.end(), b))
    return False


def _from_sentence_end(doc: Doc, p: int, b: int) -> tuple[Phrase, str] | None:
    """A partial quotation inside a sentence that ends with its attribution: '…, said X.' / '…, X said.'"""
    v = doc.view
    for m in re.finditer(r"(?:,|\s[\u2014\u2013-])\s+", v[p:b]):
        r = _attribution_at(doc, p + m.end(), b)
        if r is not None:
            return r
    return None


def _attribution_at(doc: Doc, q: int, b: int) -> tuple[Phrase, str] | None:
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
    words = list(WORD.finditer(v, q, b))
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


def from_before(doc: Doc, a: int, b: int) -> tuple[Phrase, str] | None:
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
            ph = subject(doc, a, s)
            if ph is not None and ph.kind == "nominal" and bare(ph.text.split()[-1]) not in ANON_HEADS \
                    and not ph.org and not person_description(ph.text):
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
            ph = subject(doc, a, s)
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
        if ph is not None and ph.kind == "nominal" and not (ph.anonymous or ph.org or person_description(ph.text)):
            ph = None  # "He is prepared to go this far: “…”": the subject speaks, not "this far"
        if ph is None:
            ph = subject(doc, a, a + len(t) - 1)
            if ph is not None and ph.kind == "nominal" and not (ph.anonymous or ph.org):
                ph = None
        if ph is not None:
            return ph, ":"
    return None


def previous_subject(doc: Doc, ls: int, sstart: int) -> Phrase | None:
    """The person heading the sentence before sstart in the same paragraph, if it holds no quotation."""
    v = doc.view
    j = sstart - 1
    while j > ls and v[j].isspace():
        j -= 1
    ps = doc.sentence_start(j, ls)
    if any(ch in v[ps:sstart] for ch in "\"\u201c\u201d"):
        return None
    ph = subject(doc, ps, sstart)
    if ph is None or ph.kind != "name" or ph.org or looks_place(ph.text) or ph.text.lower() in places():
        return None
    if not (doc.strong_person(ph.start, ph.text) or doc.proper_name(ph)):
        return None
    return ph


def group_before(doc: Doc, pos: int) -> Phrase | None:
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
        subj = subject(doc, st, pos)
        if subj is not None and subj.kind == "nominal" and subj.end <= pos:
            head = subj.text.split(" of ")[-1].split()[-1].lower()
            if head.endswith("s") or head in ("people", "police", "staff", "crowd"):
                return subj
    return None


def role(view: str, ph: Phrase) -> str | None:
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
