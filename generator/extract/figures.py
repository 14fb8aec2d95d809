"""Reported numbers with what they count.

A *figure* is a number that states how many or how much: a count of things
("five people", "1,400 Israelis"), an amount of money ("$20 billion",
"€3.5m"), a percentage ("12%"), a duration that measures how long something
lasts ("90 days in jail", "two and a half hours"), an age ("a 34-year-old
man"), a measure ("300km") or a vague quantity ("dozens", "thousands of
terrorists").

Conventions (see also figures_lexicon.py)
-----------------------------------------
* ``value`` is the number with scale words applied: "$20 billion" ->
  20000000000, "€3.5m" -> 3500000, "12%" -> 12, "two and a half hours" -> 2.5.
  Pence and cents keep the written number ("10p" -> 10, unit "pence").
* Ranges ("between 10 and 20", "10-20 people", "10 to 15 years") are one
  figure: ``value`` the lower bound, ``high`` the upper bound.
* Vague quantities are read as "two of them": "dozens" 24, "scores of" 40,
  "hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000, "hundreds of
  thousands" 200,000, "millions" 2,000,000, "billions" 2,000,000,000; with
  "several"/"a few" as 3 ("several thousand" 3,000, "a few hundred" 300),
  "a couple of" as 2; ``vague`` is true and ``high`` the largest value still
  said that way (dozens 99, hundreds 999, thousands 9,999...).  "a dozen" is
  12, "half a dozen" 6, "a hundred/thousand/million" 100/1,000/1,000,000 (not
  vague).  "several", "a few", "many" on their own are not figures.
* Durations count only when they measure how long something lasts: "for 90
  days", "a five-year deal", "the past three years"; a duration that places
  an event in time ("four years ago", "two days later", "after 20 minutes",
  "on 42 minutes") is not a figure.
* Ages are figures (unit "years", counted "age"): "a 34-year-old man",
  "aged 34", "34 years old".
* Not figures: dates and years ("in 2010", "October 7", "2004-05 season",
  "the 1990s"), times of day ("3pm", "10:30", "0900 GMT"), ordinals ("third",
  "21st"), names with numbers ("F-16", "G8", "Boeing 747", "Channel 4",
  "Windows 95"), scores ("won 3-1", "6-4 6-3"), list numbering ("1." at line
  start), phone numbers, street addresses, page/section numbers, "one of the",
  "one" as a pronoun, and "one" outside a few unambiguous uses.
* Counts need no noun: a bare number ("she will win at least 56", "Dozens
  were hurt") is a figure; a spelled number on its own only before a verb or
  "of" ("five were killed", "two of the men").  "the two nations", "his three
  children" (a spelled number under ten after a determiner) refer back to
  known things and are not claims.  "one" is a figure only with a person-like
  noun ("one soldier") or a unit ("one hour").
* Ratios are one figure whose value is the first number: "seven in 10
  voters" -> 7, unit "in 10".
* "100m" without a currency is metres when it names a race distance, millions
  otherwise ("4.5m visitors").  "#89.7 million" is pounds (wire copy),
  "dlrs 14 billion" dollars.  "three times", fractions ("half of", "a
  third") and "several"/"a few"/"many" on their own are not figures.
* Rows of numbers (league tables, score cards), ids of seven digits or more,
  bracketed tallies "(2)" and numbers glued to letters are not figures.
* ``unit``: ISO currency code for money ("USD", "GBP", "EUR", "TRY"...),
  "percent", "percentage points", a time unit for durations ("hours"), a
  measure ("km"), otherwise the head noun of what is counted ("people").
* ``counted`` is the counted noun phrase ("Israeli and foreign hostages").
* ``predicate``: the verb of the clause that says what happened to the
  counted things ("killed", "detained", "rose"), as written.
* ``attribution``: who gives the figure, from "according to X", "X said/
  claims/reported ..." or "..., said X" in the same sentence.
"""
from __future__ import annotations

import bisect
import re

from ..model import Figure
from . import figures_lexicon as L
from .text import sentences
from .wordlists import words

# ---------------------------------------------------------------------------------------------
# Regular expressions

_SPELLED = sorted(list(L.UNITS) + list(L.TENS) + list(L.SCALES), key=len, reverse=True)


def _trie(words) -> str:
    """A regular expression alternation of words, factored by common prefixes (faster)."""
    t: dict = {}
    for w in words:
        d = t
        for ch in w:
            d = d.setdefault(ch, {})
        d[""] = {}

    def build(d):
        alts = [re.escape(ch) + build(d[ch]) for ch in sorted(k for k in d if k)]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in d:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in d else "")

    return build(t)


_NUMBER_WORDS = list(_SPELLED) + "dozen dozens scores hundreds thousands millions billions trillions tens half several many".split()
_CAND_NUM = re.compile(r"[$£€¥₹₺₽]|(?<![\d.,])\.?\d")
_CAND_WORD = re.compile(r"(?<![a-z])(?=[" + "".join(sorted({w[0] for w in _NUMBER_WORDS} | {"a"})) + r"])(?:"
                        + _trie(_NUMBER_WORDS) + r"|a\s+(?:few|couple|dozen|hundred|thousand|million|billion|quarter))\b")
_CUR_LETTERS = re.compile(r"(?<![A-Za-z])(?:US|AU|A|C|CA|NZ|HK|S|R)$")
_CUR_CODE = re.compile(r"(?:(?<![A-Za-z])(?:Rs\.?|USD|EUR|GBP|JPY|CHF|CNY|INR|TRY|RUB|AUD|CAD|dlrs|Dlrs|DLRS)[ ]?|(?<![\w#&])#)$")
# a currency at the start of a figure; "#" is the pound sign in some wire copy ("#89.7 million")
_CUR_AT = re.compile(r"(?:(?:US|AU|A|C|CA|NZ|HK|S|R)\$|[$£€¥₹₺₽#]|(?:Rs\.?|USD|EUR|GBP|JPY|CHF|CNY|INR|TRY|RUB|AUD|CAD|dlrs|Dlrs|DLRS)(?=[ ]?\d))")
_ONE_IDIOM = re.compile(r"one[ \t]+(?:of|another|day|thing|way|side|hand|time|more|less|or|and(?![ \t]+a[ \t]+half)|by|who|that|which)\b")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?|\.\d+")
_SPACE = re.compile(r"[ \t\u00a0]*")
_WORD = re.compile(r"(?:[A-Z]\.){2,}(?![A-Za-z])|[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’]*(?:-[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’]*)*")
_WORD_RUN = re.compile(r"[A-Za-z]+")
_SCALE_AFTER = re.compile(r"[ \t\u00a0]?(?:(million|billion|trillion|thousand|mln|bln|mn|bn|trn|tn)|(m|k|b))(?![A-Za-z])", re.I)
_SCALE_SPACED = re.compile(r"[ \t\u00a0]+(million|billion|trillion|thousand|mln|bln|mn|bn|trn|tn)\b", re.I)
_PERCENT = re.compile(r"[ \t\u00a0]*(?:%|per[ \t]?cent\b|percent\b|pct\b|pc\b)|[ \t]+(percentage[ \t]+points?|points?[ \t]+percent)\b", re.I)
_PERCENT_POINTS = re.compile(r"[ \t\u00a0]*(percentage[ \t]+points?)\b", re.I)
_AGE = re.compile(r"(?:-|[ \t]+)(?:year|yr)s?(?:-|[ \t]+)olds?\b", re.I)
_HYPHEN_UNIT = re.compile(r"-([A-Za-z]+)\b")
_RANGE_SEP = re.compile(r"[ \t]*(?:-|–|—|to|or)[ \t]*", re.I)
_RATIO = re.compile(r"[ \t]+(?:in|out[ \t]+of)[ \t]+(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a[ \t]+hundred)\b)", re.I)
_CHANGE_BEFORE = re.compile(r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|gained|gaining|gains|lost|losing|adding|added|add|increased|increasing|decreased|decreasing|cut|cutting|jumped|climbed|dropped|slipped|slid|grew|growing|soared|surged|plunged|tumbled|slumped|raised|lowered|up|down|from|by)\b(?:[ \t]+[\w$£€,.%-]+){0,4}[ \t]+$", re.I)
# "100m" without a currency is metres when it names a race distance; otherwise millions
_RACE_DISTANCES = {50, 60, 100, 110, 200, 300, 400, 500, 800, 1000, 1500, 2000, 3000, 5000, 10000}
_RACE_WORDS = words("figures", "race_words")
_DATE_LIST = re.compile(r"(?:(?:st|nd|rd|th)?,?[ \t]*\d{1,2})*(?:st|nd|rd|th)?,?[ \t]*(?:and|&|or|to|-|–)[ \t]*\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_POINT = re.compile(r"[ \t]+point[ \t]+(" + _DIGIT_WORD + r"(?:[ \t]+" + _DIGIT_WORD + r")*)\b", re.I)
_NUM_AFTER = re.compile(r"[ \t]+\d+(?:\.\d+)?(?:[ \t]|$|[,.;)](?!\d))")
_NUM_BEFORE = re.compile(r"(?<![\w.,-])\d+(?:\.\d+)?[ \t]+$")
_AND_A_HALF = re.compile(r"(?:[ \t]+|-)and(?:[ \t]+|-)a(?:[ \t]+|-)half\b", re.I)
_AND_SEP = re.compile(r"[ \t]+and[ \t]+", re.I)
_TIME_AFTER = re.compile(r"(?:[ \t]*(?:[ap]\.?m\b\.?|GMT|BST|CET|EST|EDT|PST|PDT|CST|UTC|ET\b|hrs\b|h\b|o'clock|o’clock)|:\d\d)", re.I)
_LINE_START = re.compile(r"(?:^|\n)[ \t>*#-]*$")
_PRE_QUAL = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[\"“(]))(" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(L.QUALIFIERS, key=len, reverse=True)) + r")\s+$",
    re.I,
)

_ALL_WORDS = set(L.UNITS) | set(L.TENS) | set(L.SCALES)


def _num(x: float):
    if isinstance(x, float):
        x = round(x, 6)  # "$4.03 billion" is 4030000000, not 4030000000.0000005
        if x.is_integer() and abs(x) < 1e18:
            return int(x)
    return x


def _word_at(view: str, pos: int):
    """(word, start, end) of the word starting at pos after optional blanks, or None."""
    m = _SPACE.match(view, pos)
    p = m.end()
    w = _WORD.match(view, p)
    if not w:
        return None
    return w.group(), w.start(), w.end()


def _prev_word(view: str, pos: int):
    """(word, start, end) of the word ending before pos (skipping blanks only), or None."""
    p = pos
    while p > 0 and view[p - 1] in " \t\u00a0":
        p -= 1
    e = p
    while p > 0 and (view[p - 1].isalnum() or view[p - 1] in "'’.-") and e - p < 40:
        p -= 1
    if p == e:
        return None
    w = view[p:e].strip(".-'’")
    if not w:
        return None
    s = view.index(w, p)
    return w, s, s + len(w)


def _sentence_start_before(view: str, pos: int) -> bool:
    """True when only blanks and a sentence boundary (or line start) precede pos."""
    p = pos
    while p > 0 and view[p - 1] in " \t\u00a0":
        p -= 1
    if p == 0:
        return True
    c = view[p - 1]
    return c in "\n.!?\"“‘'"


# ---------------------------------------------------------------------------------------------
# Spelled numbers

_SPELL_TOKEN = re.compile(r"[A-Za-z]+")


_SCALE_WORD_AFTER = re.compile(r"[ \t]+(million|billion|thousand|trillion)\b", re.I)


def _scale_after(view: str, end: int, total: float, current: float) -> tuple[float, float, int]:
    """A scale word after a fraction ("half a million", "one point six billion") multiplies it."""
    nm = _SCALE_WORD_AFTER.match(view[end:end + 12])
    if nm:
        return total + current * L.SCALES[nm.group(1).lower()], 0, end + nm.end()
    return total, current, end


def _parse_spelled(view: str, pos: int, lead_one: bool = False):
    """Parse a spelled cardinal at pos: returns (end, value) or None.
    With lead_one, pos is at a scale word after "a" ("a hundred thirty million")."""
    total = 0.0
    current = 1.0 if lead_one else 0.0
    end = pos
    p = pos
    last = "unit" if lead_one else None  # "unit" | "tens" | "hundred" | "scale" | "half"
    seen = lead_one
    while True:
        m = _SPELL_TOKEN.match(view, p)
        if not m:
            break
        w = m.group().lower()
        if w in L.UNITS and last in (None, "tens", "hundred", "scale", "and"):
            if last == "tens" and view[m.start() - 1] != "-" and view[m.start() - 1] != " ":
                break
            current += L.UNITS[w]
            last = "unit"
        elif w in L.TENS and last in (None, "hundred", "scale", "and"):
            current += L.TENS[w]
            last = "tens"
        elif w == "dozen" and last in ("unit", "tens") and seen:
            current = current * 12  # "two dozen"
            last = "hundred"
        elif w == "hundred" and last in ("unit", "tens", None, "half") and seen:
            current = (current or 1) * 100
            last = "hundred"
        elif w in L.SCALES and w != "hundred" and last in ("unit", "tens", "hundred", "half") and seen:
            total += (current or 1) * L.SCALES[w]
            current = 0
            last = "scale"
        else:
            break
        seen = True
        end = m.end()
        # separators: "-", " ", " and "
        nxt = view[end:end + 12].lower()
        if nxt.startswith("-") and last == "tens":
            p = end + 1
            continue
        am = _AND_A_HALF.match(view, end)
        if am and last in ("unit", "tens", "hundred"):
            current += 0.5
            end = am.end()
            p = end
            last = "half"
            total, current, end = _scale_after(view, end, total, current)
            break
        pm = _POINT.match(view, end) if last in ("unit", "tens") and total == 0 else None
        if pm:
            # "one point six billion"
            digs = [L.UNITS.get(d.lower(), 0) for d in pm.group(1).split()]
            current += float("0." + "".join(str(d) for d in digs))
            end = pm.end()
            total, current, end = _scale_after(view, end, total, current)
            break
        if nxt.startswith(" and ") and last in ("hundred", "scale"):
            w2 = _SPELL_TOKEN.match(view, end + 5)
            if w2 and w2.group().lower() in L.UNITS or w2 and w2.group().lower() in L.TENS:
                p = end + 5
                last = "and"
                continue
            break
        if nxt[:1] in " \t":
            w2 = _SPELL_TOKEN.match(view, end + 1)
            if w2 and (w2.group().lower() in _ALL_WORDS or w2.group().lower() == "dozen"):
                p = end + 1
                continue
        break
    if not seen:
        return None
    return end, total + current


# ---------------------------------------------------------------------------------------------
# The counted noun phrase and units after a number


def _is_plural(w: str) -> bool:
    lw = w.lower()
    if w[:1].isupper() and lw in L.PROPER_NOT_PLURAL:
        return False
    if lw in L.IRREGULAR_PLURALS:
        return True
    if lw in L.NOT_PLURAL or len(lw) < 3:
        return False
    if "-" in lw:
        lw = lw.rsplit("-", 1)[1]
        if lw in L.IRREGULAR_PLURALS:
            return True
    if lw.endswith("ese") and w[:1].isupper():
        return True  # "450 Japanese"
    return lw.endswith("s") and not lw.endswith(("ss", "us", "ous", "'s", "’s")) and len(lw) > 2 and not (lw.endswith("is") and w[0].islower())


def _counted_np(view: str, pos: int, singular_ok: bool):
    """The counted noun phrase starting after pos: (start, end, text, head) or None."""
    words = []
    p = pos
    for _ in range(6):
        if p < len(view) and view[p] not in " \t\u00a0":
            break
        m = _SPACE.match(view, p)
        w = _WORD.match(view, m.end())
        if not w:
            break
        words.append((w.group(), w.start(), w.end()))
        p = w.end()
    head = None
    for i, (w, s, e) in enumerate(words):
        lw = w.lower()
        if lw in L.NP_STOP and not (lw in ("and", "or") and i > 0 and head is None):
            if lw in ("and", "or"):
                break
            break
        if lw in ("and", "or"):
            continue
        if lw in L.MONTHS and w[0].isupper():
            break
        if _is_plural(w):
            if lw.endswith(("ing", "ed")) and lw not in L.ING_ED_NOUNS:
                break
            head = i
            # "16 crew members", "300 police officers": a collective noun used as a modifier
            if lw in L.IRREGULAR_PLURALS and i + 1 < len(words) and _is_plural(words[i + 1][0]) \
                    and words[i + 1][0].lower() not in L.NP_STOP and not words[i + 1][0].lower().endswith(("ing", "ed")):
                head = i + 1
            break
        if lw.endswith(("ing", "ed")) and lw not in L.ING_ED_NOUNS and i > 0:
            break
        if i == 0 and singular_ok and lw not in L.NOT_PLURAL:
            head = 0
            # "one British soldier": an adjective may come before the noun
            if w[0].isupper() and len(words) > 1 and words[1][0].lower() in L.PERSON_NOUNS:
                head = 1
            break
    if head is None:
        return None
    s = words[0][1]
    e = words[head][2]
    text = view[s:e]
    return s, e, text, words[head][0]


# ---------------------------------------------------------------------------------------------
# Context: sentence, predicate, attribution


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
        return dict(start=pos, end=end, value=value, cur=cur, scaled=scaled, digits=True, vague=False,
                    high=None, raw_end=raw_end, num_start=p, suffix=suffix)
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
                return dict(start=pos, end=m.end() + hm.end(), value=6, cur=None, scaled=False, digits=False, vague=False, high=None, raw_end=m.end() + hm.end(), num_start=p)
            if word in L.SCALES:
                return dict(start=pos, end=m.end() + hm.end(), value=0.5 * L.SCALES[word], cur=None, scaled=True, digits=False, vague=False, high=None, raw_end=m.end() + hm.end(), num_start=p)
            # half an hour: the unit is parsed later from the word after "half a(n)"
            e = m.end() + hm.end() - len(hm.group(1))
            return dict(start=pos, end=e, value=0.5, cur=None, scaled=False, digits=False, vague=False, high=None, raw_end=e, num_start=p, half=True)
        if w == "a":
            am = re.match(r"a[ \t]+(few|couple(?:[ \t]+of)?|dozen|hundred|thousand|million|billion|quarter[ \t]+of[ \t]+a[ \t]+(?:million|billion))\b", view[p:p + 40], re.I)
            if not am:
                return None
            word = re.sub(r"[ \t]+", " ", am.group(1).lower())
            e = p + am.end()
            if word == "dozen":
                return dict(start=pos, end=e, value=12, cur=None, scaled=False, digits=False, vague=False, high=None, raw_end=e, num_start=p)
            if word in L.SCALES:
                sp = _parse_spelled(view, e - len(am.group(1)), lead_one=True)
                if sp and sp[0] >= e:
                    return dict(start=pos, end=sp[0], value=sp[1], cur=None, scaled=True, digits=False, vague=False, high=None, raw_end=sp[0], num_start=p)
                return dict(start=pos, end=e, value=L.SCALES[word], cur=None, scaled=True, digits=False, vague=False, high=None, raw_end=e, num_start=p)
            if word.startswith("quarter"):
                return dict(start=pos, end=e, value=0.25 * L.SCALES[word.split()[-1]], cur=None, scaled=True, digits=False, vague=False, high=None, raw_end=e, num_start=p)
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
        return dict(start=pos, end=e2, value=factor * scale, cur=None, scaled=True, digits=False, vague=True,
                    high=9 * scale, raw_end=e2, num_start=p)
    if w in ("tens", "dozens", "scores", "hundreds", "thousands") or w in L.VAGUE or w == "dozen":
        if w == "dozen":
            return None
        om = re.match(r"[ \t]+of[ \t]+(thousands|millions|billions|hundreds)\b", rest, re.I)
        if om and w in L.VAGUE_MULT:
            scale = {"hundreds": 100, "thousands": 1000, "millions": 1_000_000, "billions": 1_000_000_000}[om.group(1).lower()]
            value = L.VAGUE_MULT[w] * scale
            e = m.end() + om.end()
            return dict(start=pos, end=e, value=value, cur=None, scaled=True, digits=False, vague=True,
                        high=value * 5 - 1, raw_end=e, num_start=p)
        if w == "tens":
            return None
        if w == "scores" and not re.match(r"[ \t]+of\b", rest, re.I):
            return None
        value, high = L.VAGUE[w]
        return dict(start=pos, end=m.end(), value=value, cur=None, scaled=True, digits=False, vague=True,
                    high=high, raw_end=m.end(), num_start=p)
    sp = _parse_spelled(view, p)
    if not sp:
        return None
    end, value = sp
    return dict(start=pos, end=end, value=value, cur=None, scaled=value >= 1000, digits=False, vague=False,
                high=None, raw_end=end, num_start=p)


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


def _parse_at(view: str, pos: int, kind: str):
    """Parse a figure starting at pos; returns _Fig or None, and the position to resume from."""
    core = _parse_number(view, pos)
    if core is None:
        return None, pos + 1
    n = len(view)
    start = core["start"]
    num_start = core["num_start"]
    end = core["end"]
    value = core["value"]
    digits = core["digits"]
    cur = core["cur"]
    f = _Fig(start, end, value)
    f.vague = core["vague"]
    f.high = core["high"]

    prev = _prev_word(view, start)
    prev_lw = prev[0].lower() if prev else ""

    if digits:
        raw = view[num_start:core["raw_end"]]
        # glued to letters or symbols: F-16, G8, Covid-19, 9/11, 24/7, 10:30, '90s, #1
        if start > 0:
            c = view[start - 1]
            if c in "'’" and start > 1 and view[start - 2].isalpha():
                pass  # possessive: "Sanders' 1,192"
            elif c.isalpha() or c in "#/:'’_@&+=" or (c == "-" and start > 1 and view[start - 2].isalnum()):
                return None, end
            if c == "." and start > 1 and view[start - 2].isalnum():
                return None, end
        after = view[core["raw_end"]:core["raw_end"] + 1]
        if after in ("/", ":") and view[core["raw_end"] + 1:core["raw_end"] + 2].isdigit():
            return None, core["raw_end"] + 2
        if after == "." and view[core["raw_end"] + 1:core["raw_end"] + 2].isdigit():
            # "3.30pm", "1.2.3": the decimal parse stopped -> version numbers
            return None, core["raw_end"] + 2
        letters = _letters_after(view, core["raw_end"]) if not core["scaled"] or core.get("suffix") in ("m", "k", "b") else ""
        if core["scaled"] and core.get("suffix") in ("m", "k", "b"):
            letters = ""
        if letters:
            ll = letters.lower()
            if ll in ("st", "nd", "rd", "th", "s", "am", "pm", "h", "hrs", "gmt", "bst", "x", "d", "v"):
                return None, core["raw_end"] + len(letters)
            if ll in L.ATTACHED_UNITS:
                pass
            elif ll in ("p",) and not cur:
                pass
            else:
                return None, core["raw_end"] + len(letters)
        # list numbering at line start
        if _LINE_START.search(view, max(0, start - 8), start) and re.match(r"[.)]\s", view[core["raw_end"]:core["raw_end"] + 2]) and not cur:
            return None, end + 1
        # times of day
        if not cur and not core["scaled"] and _TIME_AFTER.match(view, core["raw_end"]):
            return None, end + 1
        if not cur and len(raw) == 4 and raw.startswith("0") and raw.isdigit():
            return None, end
        # phone numbers: groups of digits separated by blanks
        if not cur and re.match(r"[ \t]\d{3,}", view[end:end + 5]) and not core["scaled"]:
            pm = re.match(r"(?:[ \t-]?\d{2,})+", view[start:start + 30])
            return None, start + (pm.end() if pm else 1)
        # tables and score cards: numbers in a row separated by blanks ("Wigan 4 3 1 0 9 4 10")
        if not cur and not core["scaled"] and view[core["raw_end"]:core["raw_end"] + 1] not in ("-", "–"):
            nb = _NUM_BEFORE.search(view, max(0, start - 12), start)
            if nb and re.fullmatch(r"(?:19|20)\d\d[ \t]+", nb.group()):
                nb = None  # "In 2004 35 people died"
            if nb or _NUM_AFTER.match(view, end):
                return None, end
        if raw.startswith("0") and len(raw) > 1 and raw[1].isdigit():
            return None, end
        if not cur and prev and prev[0].lower() in ("in", "since", "from", "by", "until", "till", "of", "the", "and", "during", "before", "after", "between", "to", "'s") and re.fullmatch(r"\d{4}s?", raw) and 1700 <= value <= 2100 and not core["scaled"]:
            nxt = _word_at(view, end)
            if not (nxt and _is_plural(nxt[0]) and nxt[1] == end + 1 and prev_lw not in ("in", "since", "from", "by", "until", "till", "of", "the", "during", "before", "after")):
                return None, end
        if not cur and re.fullmatch(r"\d{4}", raw) and 1700 <= value <= 2100 and not core["scaled"]:
            # a year unless a unit/percent/counted noun follows
            nxt = _word_at(view, end)
            pct = _PERCENT.match(view, end)
            if not pct and not (nxt and nxt[1] == end + 1 and (_is_plural(nxt[0]) or nxt[0].lower() in L.CURRENCY_WORD) and nxt[0].lower() not in ("elections", "olympics", "games", "results", "accounts", "figures", "levels", "budgets", "finals", "championships", "nominations", "awards", "polls")):
                return None, end
            if prev and prev_lw in ("in", "since", "from", "by", "until", "till", "of", "during", "before", "after", "the", "and", "'s", "s"):
                return None, end
        # date: "October 7", "7 October", "Oct. 7"
        if prev and prev_lw in L.MONTHS and prev[0][0].isupper() and not cur:
            return None, end
        if value <= 31 and not cur and _DATE_LIST.match(view, end):
            return None, end  # "on 14, 20 and 27 April"
        nw = _word_at(view, end)
        if nw and nw[0].lower().rstrip(".") in L.MONTHS and nw[0][0].isupper() and not cur and not core["scaled"] and nw[1] - end <= 2:
            return None, nw[2]
        if nw and nw[0].lower() in ("of",) and not cur:
            nw2 = _word_at(view, nw[2])
            if nw2 and nw2[0].lower() in L.MONTHS and nw2[0][0].isupper():
                return None, nw2[2]
    else:
        # spelled words: names such as "Channel Four", "Formula One", "the Big Four"
        word0 = view[num_start:end].split()[0]
        if word0[0].isupper() and not _sentence_start_before(view, start) and not f.vague:
            return None, end
        if prev and (prev_lw == "year" or (prev_lw in L.MONTHS and prev[0][0].isupper())):
            return None, end  # "the year two thousand", "January nine"
        if re.match(r"-(?:thirds?|quarters?|fifths?|halves)\b", view[end:end + 10], re.I):
            return None, end
        if re.match(r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", view[end:end + 10], re.I):
            return None, end

    # -------- ratio: "7 in 10 voters", "one in four Turks": value is the first number
    rt = _RATIO.match(view, end)
    if rt and not cur and not f.vague and not core["scaled"]:
        other = _parse_number(view, rt.end())
        if other and other["value"] > value and not other["cur"] and not other["vague"] and not (1700 <= other["value"] <= 2100) and other["value"] <= 1000:
            f.end = other["end"]
            f.unit = "in " + view[other["num_start"]:other["end"]]
            np = _counted_np(view, f.end, singular_ok=False)
            if np:
                f.counted = np[2]
                f.end = np[1]
            q = _PRE_QUAL.search(view, max(0, start - 30), start)
            if q and re.sub(r"\s+", " ", q.group(1).lower()) in L.QUALIFIER_KEEP:
                f.qualifier = re.sub(r"\s+", " ", q.group(1).lower())
                f.start = q.start(1)
            return f, f.end

    # -------- range: "10-20", "10 to 20", "between 10 and 20", "two or three"
    range_core = None
    if not f.vague:
        rm = _RANGE_SEP.match(view, end)
        if prev_lw == "between":
            rm2 = _AND_SEP.match(view, end)
            if rm2:
                rm = rm2
        if rm and rm.end() > end:
            sep = rm.group().strip().lower()
            nxt_core = _parse_number(view, rm.end()) if rm.end() < n else None
            if nxt_core and nxt_core["digits"] == digits and not nxt_core["vague"]:
                hi = nxt_core["value"]
                lo = value
                # "£5m-£10m" or "5-10m": the scale of the upper bound applies to both
                if nxt_core["scaled"] and not core["scaled"] and hi > 0 and lo < hi / 1000:
                    scale = hi / float(view[nxt_core["num_start"]:nxt_core["raw_end"]].replace(",", "") or 1) if digits else 1
                    lo = lo * scale
                ok = hi > lo and (lo == 0 or hi <= 10 * lo or prev_lw == "between")
                if sep == "to" and _CHANGE_BEFORE.search(view, max(0, start - 40), start):
                    ok = False  # a change, not a range: "increased by 296,000 to 28.52 million", "gained $1.32 to $44.45"
                if sep in ("to",) and prev_lw in ("from", "rose", "fell", "risen", "fallen", "up", "down", "increased", "decreased", "cut", "raised", "jumped", "dropped", "climbed", "grew", "slipped"):
                    ok = False
                if sep == "or" and digits and not (_unit_after(view, nxt_core["end"]) or view[nxt_core["end"]:nxt_core["end"] + 1] == "%"):
                    ok = False
                if sep in ("-", "–", "—", ""):
                    # scores: "won 3-1", "6-4 6-3", "a 2-1 win"
                    if digits and not nxt_core["scaled"] and not core["scaled"] and not cur:
                        after_w = _word_at(view, nxt_core["end"])
                        has_unit = bool(_PERCENT.match(view, nxt_core["end"])) or (after_w and after_w[1] == nxt_core["end"] + 1 and (_is_plural(after_w[0]) or after_w[0].lower() in L.TIME_UNITS or after_w[0].lower() in L.MEASURE_UNITS))
                        if prev_lw in L.SCORE_WORDS or not has_unit:
                            ok = False
                        if after_w and after_w[0].lower() in L.SCORE_AFTER and not has_unit:
                            ok = False
                        if re.match(r"[ \t]+\d+[-–]\d+", view[nxt_core["end"]:nxt_core["end"] + 8]):
                            ok = False
                if ok and nxt_core["cur"] and cur and nxt_core["cur"] != cur:
                    ok = False
                if ok:
                    range_core = nxt_core
                    f.value = lo
                    value = lo
                    f.high = hi
                    end = nxt_core["end"]
                    if nxt_core["cur"] and not cur:
                        cur = nxt_core["cur"]
                elif sep in ("-", "–", "—") and digits and not range_core and not cur:
                    if prev_lw in L.SCORE_WORDS or not core["scaled"]:
                        # a score or a season: skip both numbers
                        if not nxt_core["scaled"] and not nxt_core["cur"]:
                            return None, nxt_core["end"]
            elif sep in ("-", "–", "—") and digits and not cur and re.match(r"\d", view[rm.end():rm.end() + 1]):
                return None, rm.end() + 1
    f.end = end

    # -------- unit or counted noun
    if cur:
        f.unit = cur
        f.kind = "money"
        um = _unit_after(view, end)
        if um and um[0] == "money" and um[1] in L.CURRENCY_CODE:
            f.end = um[2]
    pm = None if cur else _PERCENT.match(view, end)
    if f.kind != "money" and pm and pm.end() > end:
        if pm.group(1):
            f.unit = "percentage points"
        else:
            f.unit = "percent"
            pp = _PERCENT_POINTS.match(view, pm.end())
            if pp:
                pm = pp
                f.unit = "percentage points"
        f.kind = "percent"
        f.end = pm.end()
        if f.high is None:
            # "8%-10%", "between 6.6% and 8.5%"
            sm = _AND_SEP.match(view, f.end) if prev_lw == "between" else _RANGE_SEP.match(view, f.end)
            if sm and sm.group().strip().lower() != "or" and not (sm.group().strip().lower() == "to" and _CHANGE_BEFORE.search(view, max(0, start - 40), start)):
                nc = _parse_number(view, sm.end())
                if nc and not nc["cur"] and not nc["vague"] and nc["value"] > value:
                    pm2 = _PERCENT.match(view, nc["end"])
                    if pm2 and pm2.end() > nc["end"]:
                        f.high = nc["value"]
                        f.end = pm2.end()
    elif f.kind != "money":
        am = _AGE.match(view, end)
        if am:
            f.kind = "age"
            f.unit = "years"
            f.counted = "age"
            f.end = am.end()
            # "34-year-old man"
        else:
            hm = _HYPHEN_UNIT.match(view, end)
            if hm:
                hw = hm.group(1).lower()
                if hw in L.TIME_UNITS:
                    f.kind = "time"
                    f.unit = L.TIME_UNITS[hw]
                    f.end = hm.end()
                elif hw in L.MEASURE_UNITS and hw != "g":
                    f.kind = "measure"
                    f.unit = L.MEASURE_UNITS[hw]
                    f.end = hm.end()
                elif hw in ("strong", "man", "member", "person", "seat", "page", "bed", "mile", "point", "nation", "country", "storey", "story", "room"):
                    f.kind = "count"
                    f.unit = hw if hw != "strong" else None
                    f.counted = hw
                    f.end = hm.end()
                elif digits and hw.islower() and hw not in L.NP_STOP and len(hw) > 2 and hw not in ("fold", "times", "odd", "year", "old"):
                    # "a 25-state EU", "an 8,000-word article"
                    f.kind = "count"
                    f.unit = hw
                    f.counted = hw
                    f.end = hm.end()
                else:
                    return None, hm.end()
            else:
                letters = _letters_after(view, core["raw_end"]) if digits and not core["scaled"] else ""
                if letters and letters.lower() in L.ATTACHED_UNITS and range_core is None:
                    f.kind = "time" if letters.lower() in L.TIME_UNITS else "measure"
                    f.unit = L.MEASURE_UNITS.get(letters.lower()) or L.TIME_UNITS.get(letters.lower()) or letters
                    f.end = core["raw_end"] + len(letters)
                elif letters.lower() == "p" and range_core is None:
                    f.kind = "money"
                    f.unit = "pence"
                    f.end = core["raw_end"] + 1
                elif core.get("suffix") == "m" and not cur:
                    # "100m" without currency: metres in sport, millions before a counted noun
                    nxt = _word_at(view, end)
                    base = f.value / 1_000_000
                    event = nxt and nxt[1] == end + 1 and nxt[0].lower() in _RACE_WORDS
                    if event or (base in _RACE_DISTANCES and not (nxt and nxt[1] == end + 1 and _is_plural(nxt[0]))):
                        f.value = base
                        if prev_lw in ("the", "a", "world", "indoor", "olympic"):
                            return None, end
                        f.kind = "measure"
                        f.unit = "metres"
                if f.kind == "count":
                    um = _unit_after(view, end)
                    if core.get("half") and not um:
                        return None, end
                    if um:
                        kind, unit, uend, uword = um
                        f.kind = kind
                        f.unit = unit
                        f.end = uend
                        if kind == "time":
                            if _time_placing(view, start, uend, n):
                                return None, uend
                            om = re.match(r"[ \t]+old\b", view[uend:uend + 6])
                            if om:
                                f.kind = "age"
                                f.counted = "age"
                                f.end = uend + om.end()
                            elif prev_lw == "aged":
                                f.kind = "age"
                                f.counted = "age"
                        if kind == "money" and unit in ("cents", "pence") and core["scaled"]:
                            pass
    # -------- counted noun phrase
    if f.kind == "count" and f.counted is None:
        e = f.end
        of = re.match(r"[ \t]+of[ \t]+(?:the[ \t]+|them\b|us\b|those[ \t]+|these[ \t]+|their[ \t]+|his[ \t]+|her[ \t]+|its[ \t]+)?", view[e:e + 20], re.I)
        np = None
        if of and (f.vague or core["scaled"] or not digits):
            if of.group().rstrip().lower().endswith(("them", "us")):
                np = (e + of.start(), e + of.end(), view[e + of.end() - len(of.group().split()[-1]):e + of.end()], "them")
            else:
                um = _unit_after(view, e + of.end() - 1)
                if um and um[0] == "money":
                    f.kind = "money"
                    f.unit = um[1]
                    f.end = um[2]
                else:
                    np = _counted_np(view, e + of.end() - 1, singular_ok=False)
        elif not of:
            singular = (value == 1) or (f.vague and False)
            np = _counted_np(view, e, singular_ok=singular)
            if np and np[3].lower() in ("times", "time"):
                return None, np[1]
        if np:
            f.counted = np[2]
            head = np[3]
            f.unit = None if head.lower() == "them" else (head.lower() if head[:1].isupper() and head[1:].islower() and head.lower() in ("people", "persons") else head)
            f.end = np[1]
        elif f.kind == "count":
            # bare numbers
            if not digits:
                nw = _word_at(view, f.end)
                nlw = nw[0].lower() if nw else ""
                if f.vague:
                    pass
                elif value == 1:
                    return None, f.end
                elif of and not core["scaled"]:
                    pass  # "two of the men"
                elif nlw in ("were", "was", "have", "had", "are", "died", "remain", "remained", "who", "are", "million", "billion") and not (prev_lw in ("the", "these", "those", "all", "both")):
                    pass
                elif core["scaled"]:
                    pass
                elif prev_lw in L.PREDICATES and value > 1:
                    pass  # "police detained five", "killing three and injuring four"
                else:
                    return None, f.end
            else:
                if prev and (prev_lw in L.LABEL_WORDS or prev_lw.rstrip(".") in L.LABEL_WORDS):
                    return None, f.end
    if f.kind == "count" and value == 1 and not f.vague and not digits:
        # "one" only with a person-like noun or a unit
        if not f.counted or f.unit not in L.PERSON_NOUNS or prev_lw in ("the", "this", "that", "no", "any", "every", "each", "which", "only", "someone"):
            return None, f.end
    if f.kind == "count" and not digits and not f.vague and value < 10 and prev_lw in ("the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "all", "both"):
        # "the two nations", "his three children": a reference to things already known, not a claim
        return None, f.end
    if f.kind == "time" and value == 1 and not digits and prev_lw in ("the", "this", "that", "no", "one"):
        return None, f.end

    # names: "Boeing 747", "Channel 4", "Windows 95", "No 10"; street addresses
    if digits and not cur and f.kind in ("count",) and prev and prev[0][:1].isupper() and not f.vague:
        pw_start = prev[1]
        if (not _sentence_start_before(view, pw_start) or (not f.counted and view[f.end:f.end + 1] in (",", ";", ")") and prev_lw not in L.QUALIFIER_KEEP)) and prev_lw not in ("the", "a", "an", "some", "about", "all", "only", "just", "over", "nearly", "around") and not prev[0].endswith(("'s", "’s", "s'")):
            return None, f.end
    if digits and not cur and f.kind == "count":
        am = re.match(r"[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Drive|Place|Square|Way|Terrace|Court)\b", view[(f.end if not f.counted else end):(f.end if not f.counted else end) + 60])
        if am:
            return None, f.end
    if digits and not cur and f.kind == "count" and prev_lw in ("page", "pages", "section", "chapter", "no", "nos", "number", "route", "flight", "room", "article", "clause", "paragraph"):
        return None, f.end
    if digits and not cur and f.kind == "count" and not f.counted:
        if view[start - 1:start] == "(" and view[f.end:f.end + 1] == ")":
            return None, f.end  # "(2)", "England (2)": a label or a bracketed tally
        rawd = view[num_start:core["raw_end"]]
        if rawd.isdigit() and len(rawd) >= 7:
            return None, f.end  # identifiers, not quantities
        if re.search(r"\b(?:age|ages)[ \t]+of[ \t]+$|\baged[ \t]+$", view[max(0, start - 16):start]) and value < 130:
            f.kind = "age"
            f.unit = "years"
            f.counted = "age"
    # ages in apposition: "John Smith, 34, ..."
    if digits and not cur and f.kind == "count" and not f.counted and value < 120 and float(value).is_integer():
        if view[start - 2:start] == ", " and (view[f.end:f.end + 1] in (",", ")", ".", ";") or view[f.end:f.end + 3] in (" - ", " – ")) and re.search(r"[A-Z][a-z]+, $", view[max(0, start - 30):start]):
            f.kind = "age"
            f.unit = "years"
            f.counted = "age"
    # sports/elections "by 3 points" fine; a bare integer right before ":" or "-" left alone

    # -------- qualifier
    q = _PRE_QUAL.search(view, max(0, start - 30), start)
    if q:
        qual = re.sub(r"\s+", " ", q.group(1).lower())
        if qual in L.QUALIFIER_KEEP:
            f.qualifier = qual
            f.start = q.start(1)
        elif qual == "between" and f.high is not None:
            f.qualifier = "between"
            f.start = q.start(1)
    if f.vague and f.qualifier is None and view[start:start + 2].lower() == "a ":
        pass
    return f, f.end


def _candidates(view: str):
    """Start positions of possible figures, in order: (position, kind) with kind "num" or "word".

    Two simple scans (symbols and digits on the view, number words on its lower-cased copy)
    are much faster than one case-insensitive alternation."""
    out = []
    for m in _CAND_NUM.finditer(view):
        s = m.start()
        c = view[s]
        if c == "$":
            b = _CUR_LETTERS.search(view, max(0, s - 3), s)
            if b:
                s = b.start()
        elif c.isdigit() or c == ".":
            b = _CUR_CODE.search(view, max(0, s - 5), s)
            if b:
                s = b.start()
        out.append((s, "num"))
    low = view.lower()
    for m in _CAND_WORD.finditer(low):
        s = m.start()
        if low.startswith("one", s) and _ONE_IDIOM.match(low, s):
            continue
        out.append((s, "word"))
    out.sort()
    return out


def extract_figures(view: str) -> list[Figure]:
    """Every numeric claim in the text view."""
    raw: list[_Fig] = []
    pos = 0
    for s, kind in _candidates(view):
        if s < pos:
            continue
        f, nxt = _parse_at(view, s, kind)
        if f is not None and f.end > f.start:
            if raw and f.start < raw[-1].end:
                f.start = raw[-1].end
                if f.start >= f.end:
                    pos = max(nxt, s + 1)
                    continue
            raw.append(f)
            pos = max(f.end, s + 1)
        else:
            pos = max(nxt, s + 1)
    if not raw:
        return []
    ctx = _Context(view)
    spans = (sorted(f.start for f in raw), sorted(f.end for f in raw))
    out = []
    for f in raw:
        sent = ctx.sentence(f.start)
        pred = _predicate(view, sent, f.start, f.end, spans)
        pred = pred.lower() if pred else None
        attr = _attribution(view, sent, f.start)
        text = view[f.start:f.end]
        out.append(Figure(start=f.start, end=f.end, text=text, value=_num(float(f.value)), unit=f.unit,
                          counted=f.counted, qualifier=f.qualifier, vague=f.vague,
                          high=_num(float(f.high)) if f.high is not None else None,
                          predicate=pred, attribution=attr))
    return out
