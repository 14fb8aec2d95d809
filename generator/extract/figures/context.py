"""Figures: what is around a number (predicate, attribution, unit, whether a duration places an event in time) and the parsing of digits."""
from __future__ import annotations

import bisect
import re

from ..text import sentences
from ..wordlists import words
from . import lexicon as L
from .numbers import (
    _ALL_WORDS,
    _CUR_AT,
    _DIGITS,
    _SCALE_AFTER,
    _SCALE_SPACED,
    _SPACE,
    _SPELL_TOKEN,
    _WORD,
    _WORD_RUN,
    _parse_spelled,
    _prev_word,
    _word_at,
)


class _Context:
    def __init__(self, view: str):
        self.view = view
        self._sents = None
        self._starts = None

    def sentence(self, pos: int):
        if self._sents is None:
            self._sents = sentences(self.view)
            self._starts = [s for s, _ in self._sents]
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return 0, len(self.view)
        return self._sents[i]


def _words_between(view: str, s: int, e: int):
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(view, s, e)]


def _predicate(view: str, sent, start: int, end: int, spans):
    ss, se = sent
    # stop at the next/previous figure
    starts, ends = spans  # sorted figure starts and sorted figure ends: bisect, not a scan per figure
    i = bisect.bisect_left(starts, end)
    nxt = min(starts[i], se) if i < len(starts) else se
    j = bisect.bisect_right(ends, start)
    prv = max(ends[j - 1], ss) if j > 0 else ss
    after = _words_between(view, end, nxt)[:14]
    before = _words_between(view, prv, start)[-6:]
    # passive or intransitive right after: "were hurt", "have been killed", "died"
    aux = 0
    for w, _, _ in after[:5]:
        lw = w.lower()
        if lw in L.AUX:
            aux += 1
            continue
        if lw in L.PREDICATES:
            return w
        break
    for w, _, _ in reversed(before[-3:]):
        lw = w.lower()
        if lw in L.PREDICATES:
            return w
    for i, (w, _, _) in enumerate(after):
        if w.lower() in L.PREDICATES:
            if i > 0 and after[i - 1][0].lower() in ("and", "but", "while", "or", "to"):
                break  # "5% and rose 2%": a verb of its own clause
            return w
    for w, _, _ in reversed(before):
        if w.lower() in L.PREDICATES:
            return w
    return None


_ACCORDING = re.compile(r"\baccording[ \t]+to[ \t]+((?:[^,.;:\n()\"“”]|(?<=\d)[,.](?=\d))+)", re.I)
_CUT_NP = re.compile(r"[ \t]+(?:in|at|on|to|last|this|on|yesterday|today|earlier|has|have|had|also|which|who|now|recently)\b.*$", re.I | re.S)
_SUBJ_BOUND = re.compile(r"(?:^|[,;:()\"“”]|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bas\b|\bwhen\b|\bsince\b)", re.I)


_NOT_SUBJECT_START = words("figures", "not_subject_start")
_NOT_IN_SUBJECT = words("figures", "not_in_subject")
# verbs that report a finding: the subject must be a document or a count, not any noun
_FINDING_VERBS = words("figures", "finding_verbs")
_SOURCE_NOUNS = words("figures", "source_nouns")


def _clean_np(np: str):
    np = np.strip(" \t\n,.;:'\"“”‘’")
    np = _CUT_NP.sub("", np).strip()
    if not np:
        return None
    ws = np.split()
    if len(ws) > 9 or ws[0].lower() in L.PRONOUN_SUBJECTS or (len(ws) == 1 and ws[0].lower() in L.PRONOUN_SUBJECTS):
        return None
    if len(ws) == 1 and ws[0].lower() in ("some", "many", "others", "most", "all", "both", "few", "several"):
        return None
    if ws[0].lower() in _NOT_SUBJECT_START or any(w.lower() in _NOT_IN_SUBJECT or w.lower() in _ALL_WORDS
                                                  or w.lower() in L.TIME_UNITS for w in ws):
        return None  # a clause, not a source: "Although the full story", "a way can be"
    if ws[0] in ("The", "A", "An"):
        np = ws[0].lower() + np[len(ws[0]):]
    if not any(c.isalpha() for c in np):
        return None
    return np


def _attribution(view: str, sent, start: int):
    ss, se = sent
    text = view[ss:se]
    m = _ACCORDING.search(text)
    if m:
        np = _clean_np(m.group(1))
        if np:
            return np
    best = None
    for w in _WORD_RUN.finditer(text):
        lw = w.group().lower()
        if lw not in L.SAY_VERBS:
            continue
        pw = re.search(r"(\w+)\W*$", text[:w.start()])
        if pw and pw.group(1).lower() in ("the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "to", "of", "new"):
            continue
        vs, ve = w.start(), w.end()
        if lw in _FINDING_VERBS:
            lastw = re.search(r"(\w+)\W*$", text[:vs])
            if not (lastw and lastw.group(1).lower() in _SOURCE_NOUNS):
                continue
        # subject before the verb: back to a clause boundary
        left = text[:vs]
        cut = 0
        for b in _SUBJ_BOUND.finditer(left):
            cut = b.end()
        subj = left[cut:].strip()
        np = None
        if subj and not re.search(r"\d", subj):
            sw = subj.split()
            if sw and sw[-1].lower() in ("has", "have", "had", "also", "was", "were", "is", "are", "will", "would", "had"):
                subj = " ".join(sw[:-1])
            if subj and (subj[0].isupper() or subj.lower().startswith(("the ", "a ", "an "))):
                np = _clean_np(subj)
            elif subj and len(sw) <= 4 and all(x.lower() not in L.NP_STOP or x.lower() in ("of", "the") for x in sw):
                np = _clean_np(subj)  # "..., police said"
        if np is None and lw in ("said", "says", "told", "reported", "added", "claimed", "estimated", "stated", "warned", "noted"):
            # inverted: "..., said the ministry."
            pre = left.rstrip()
            if pre.endswith((",", "\"", "”", "’")) or not pre:
                right = text[ve:]
                rm = re.match(r"[ \t]+([^,.;:\n\"“”]+)", right)
                if rm:
                    cand = rm.group(1)
                    if cand and (cand[0].isupper() or cand.lower().startswith(("the ", "a ", "an "))):
                        np = _clean_np(cand)
        if np:
            dist = abs((ss + vs) - start)
            if best is None or dist < best[0]:
                best = (dist, np)
    return best[1] if best else None


# ---------------------------------------------------------------------------------------------
# Parsing one figure


class _Fig:
    __slots__ = ("start", "end", "value", "unit", "counted", "qualifier", "vague", "high", "kind")

    def __init__(self, start, end, value):
        self.start, self.end, self.value = start, end, value
        self.unit = self.counted = self.qualifier = None
        self.vague = False
        self.high = None
        self.kind = "count"


def _parse_digits(view: str, pos: int):
    """A digit number at pos with attached scale: (end, value, raw_end, scaled, suffix) or None."""
    m = _DIGITS.match(view, pos)
    if not m:
        return None
    raw = m.group()
    try:
        value = float(raw.replace(",", ""))
    except ValueError:
        return None
    end = m.end()
    scaled = False
    sm = _SCALE_AFTER.match(view, end)
    suffix = None
    if sm:
        word = (sm.group(1) or sm.group(2)).lower()
        if sm.group(2) and sm.group(0)[:1] in " \t\u00a0":
            sm = None  # "5 m" is not "5m"
        else:
            if word in L.SCALES:
                value *= L.SCALES[word]
            else:
                value *= L.SCALE_ABBREV[word]
            scaled = True
            suffix = word
            end = sm.end()
    return end, value, m.end(), scaled, suffix


def _letters_after(view: str, pos: int) -> str:
    m = _WORD_RUN.match(view, pos)
    return m.group() if m else ""


def _parse_number(view: str, pos: int):
    """Parse the number core at pos (currency, digits or words, scale, vague).
    Returns dict(end, value, cur, scaled, digits, vague, high, raw_end) or None."""
    cur = None
    p = pos
    cm = _CUR_AT.match(view, p)
    if cm:
        cur = L.CURRENCY_SYMBOL.get(cm.group(), cm.group())
        p = cm.end()
        p = _SPACE.match(view, p).end()
        if p >= len(view) or not (view[p].isdigit() or view[p] == "."):
            return None
    if p < len(view) and (view[p].isdigit() or view[p] == "."):
        d = _parse_digits(view, p)
        if not d:
            return None
        end, value, raw_end, scaled, suffix = d
        if cm and cm.group() == "#" and not scaled and not re.search(r"[.,]", view[p:raw_end]):
            return None  # "#1": a rank or a tag, not pounds
        if not scaled:
            sm = _SCALE_SPACED.match(view, end)
            if sm:
                value *= L.SCALES.get(sm.group(1).lower()) or L.SCALE_ABBREV[sm.group(1).lower()]
                scaled = True
                suffix = sm.group(1).lower()
                end = sm.end()
        return {"start": pos, "end": end, "value": value, "cur": cur, "scaled": scaled, "digits": True, "vague": False,
                    "high": None, "raw_end": raw_end, "num_start": p, "suffix": suffix}
    if cur:
        return None
    # words
    m = _SPELL_TOKEN.match(view, p)
    if not m:
        return None
    w = m.group().lower()
    rest = view[m.end():m.end() + 40]
    if w == "a" or w == "half" or w == "several" or w == "many":
        if w == "half":
            hm = re.match(r"[ \t]+an?[ \t]+(dozen|hundred|thousand|million|billion|hour|day|year|century|minute|week|month|decade|mile|point|percent)\b", rest, re.I)
            if not hm:
                return None
            word = hm.group(1).lower()
            if word == "dozen":
                return {"start": pos, "end": m.end() + hm.end(), "value": 6, "cur": None, "scaled": False, "digits": False, "vague": False, "high": None, "raw_end": m.end() + hm.end(), "num_start": p}
            if word in L.SCALES:
                return {"start": pos, "end": m.end() + hm.end(), "value": 0.5 * L.SCALES[word], "cur": None, "scaled": True, "digits": False, "vague": False, "high": None, "raw_end": m.end() + hm.end(), "num_start": p}
            # half an hour: the unit is parsed later from the word after "half a(n)"
            e = m.end() + hm.end() - len(hm.group(1))
            return {"start": pos, "end": e, "value": 0.5, "cur": None, "scaled": False, "digits": False, "vague": False, "high": None, "raw_end": e, "num_start": p, "half": True}
        if w == "a":
            am = re.match(r"a[ \t]+(few|couple(?:[ \t]+of)?|dozen|hundred|thousand|million|billion|quarter[ \t]+of[ \t]+a[ \t]+(?:million|billion))\b", view[p:p + 40], re.I)
            if not am:
                return None
            word = re.sub(r"[ \t]+", " ", am.group(1).lower())
            e = p + am.end()
            if word == "dozen":
                return {"start": pos, "end": e, "value": 12, "cur": None, "scaled": False, "digits": False, "vague": False, "high": None, "raw_end": e, "num_start": p}
            if word in L.SCALES:
                sp = _parse_spelled(view, e - len(am.group(1)), lead_one=True)
                if sp and sp[0] >= e:
                    return {"start": pos, "end": sp[0], "value": sp[1], "cur": None, "scaled": True, "digits": False, "vague": False, "high": None, "raw_end": sp[0], "num_start": p}
                return {"start": pos, "end": e, "value": L.SCALES[word], "cur": None, "scaled": True, "digits": False, "vague": False, "high": None, "raw_end": e, "num_start": p}
            if word.startswith("quarter"):
                return {"start": pos, "end": e, "value": 0.25 * L.SCALES[word.split()[-1]], "cur": None, "scaled": True, "digits": False, "vague": False, "high": None, "raw_end": e, "num_start": p}
            factor_word = "a " + word
        else:
            factor_word = w
            e = m.end()
        # several/a few/a couple of/many + hundred|thousand|million|billion
        sm = re.match(r"[ \t]+(hundred|thousand|million|billion)s?\b", view[e:e + 14], re.I)
        if not sm:
            return None
        scale = L.SCALES[sm.group(1).lower()]
        factor = L.VAGUE_FACTOR.get(factor_word, 2)
        e2 = e + sm.end()
        return {"start": pos, "end": e2, "value": factor * scale, "cur": None, "scaled": True, "digits": False, "vague": True,
                    "high": 9 * scale, "raw_end": e2, "num_start": p}
    if w in ("tens", "dozens", "scores", "hundreds", "thousands") or w in L.VAGUE or w == "dozen":
        if w == "dozen":
            return None
        om = re.match(r"[ \t]+of[ \t]+(thousands|millions|billions|hundreds)\b", rest, re.I)
        if om and w in L.VAGUE_MULT:
            scale = {"hundreds": 100, "thousands": 1000, "millions": 1_000_000, "billions": 1_000_000_000}[om.group(1).lower()]
            value = L.VAGUE_MULT[w] * scale
            e = m.end() + om.end()
            return {"start": pos, "end": e, "value": value, "cur": None, "scaled": True, "digits": False, "vague": True,
                        "high": value * 5 - 1, "raw_end": e, "num_start": p}
        if w == "tens":
            return None
        if w == "scores" and not re.match(r"[ \t]+of\b", rest, re.I):
            return None
        value, high = L.VAGUE[w]
        return {"start": pos, "end": m.end(), "value": value, "cur": None, "scaled": True, "digits": False, "vague": True,
                    "high": high, "raw_end": m.end(), "num_start": p}
    sp = _parse_spelled(view, p)
    if not sp:
        return None
    end, value = sp
    return {"start": pos, "end": end, "value": value, "cur": None, "scaled": value >= 1000, "digits": False, "vague": False,
                "high": None, "raw_end": end, "num_start": p}


def _unit_after(view: str, pos: int):
    """A unit word right after pos: (kind, unit, end, word) or None."""
    w = _word_at(view, pos)
    if not w:
        return None
    word, s, e = w
    if s - pos > 3 or "\n" in view[pos:s]:
        return None
    lw = word.lower()
    if lw in L.CURRENCY_WORD and not (word[0].isupper() and lw in ("cent", "cents", "penny", "pence", "rand", "won")):
        return "money", L.CURRENCY_WORD[lw], e, word
    if lw in L.CURRENCY_PREFIX_WORD or lw == "hong" or lw == "new":
        w2 = _word_at(view, e)
        if w2 and w2[0].lower() in ("kong",):
            w3 = _word_at(view, w2[2])
            if w3 and w3[0].lower() in L.CURRENCY_WORD:
                return "money", "HKD", w3[2], w3[0]
        if w2 and w2[0].lower() in L.CURRENCY_WORD:
            code = L.CURRENCY_WORD[w2[0].lower()]
            if lw in ("australian",):
                code = "AUD"
            elif lw in ("canadian",):
                code = "CAD"
            elif lw in ("singapore",):
                code = "SGD"
            elif lw in ("turkish",):
                code = "TRY"
            elif lw in ("swiss",):
                code = "CHF"
            elif lw == "new" and w2[0].lower().startswith("shekel"):
                code = "ILS"
            return "money", code, w2[2], w2[0]
    if word in L.CURRENCY_CODE:
        return "money", word, e, word
    if lw in L.TIME_UNITS:
        return "time", L.TIME_UNITS[lw], e, word
    if lw in L.MEASURE_UNITS and lw not in ("g", "percentage"):
        if lw in ("degree", "degrees"):
            m2 = re.match(r"[ \t]+(?:celsius|centigrade|fahrenheit|c|f)\b", view[e:e + 14], re.I)
            if m2:
                e += m2.end()
        if lw in ("square", "sq"):
            return None
        return "measure", L.MEASURE_UNITS[lw], e, word
    if lw in ("square", "sq", "cubic"):
        w2 = _word_at(view, e)
        if w2 and w2[0].lower() in L.MEASURE_UNITS:
            return "measure", lw + " " + L.MEASURE_UNITS[w2[0].lower()], w2[2], w2[0]
    return None


def _time_placing(view: str, f_start: int, unit_end: int, view_len: int) -> bool:
    """True when the duration ending at unit_end places an event in time."""
    nw = _word_at(view, unit_end)
    if nw and nw[1] - unit_end <= 2 and nw[0].lower() in L.TIME_PLACING:
        if nw[0].lower() == "on":
            return True
        if nw[0].lower() in ("before", "after", "since", "prior"):
            # "two years after the war" places; "two years before the election" places
            return True
        return True
    if view[unit_end:unit_end + 1] in ("'", "’") or view[unit_end:unit_end + 2] in ("'s", "’s"):
        # "in three years' time"
        tm = re.match(r"(?:'s|’s|'|’)[ \t]+time\b", view[unit_end:unit_end + 10])
        if tm:
            pw = _prev_word(view, f_start)
            if pw and pw[0].lower() in ("in", "within"):
                return True
    pw = _prev_word(view, f_start)
    if pw:
        lw = pw[0].lower()
        if lw == "on" or lw == "after":
            # "on 42 minutes", "after 20 minutes" -- unless "after two years of talks"
            nw2 = _word_at(view, unit_end)
            if not (nw2 and nw2[0].lower() == "of"):
                return True
        if lw in ("every", "each", "per", "a"):
            return False
    return False


