"""Reported numbers with what they count.

A *figure* is a number that states how many or how much: a count of things
("five people", "1,400 Israelis"), an amount of money ("$20 billion",
"€3.5m"), a percentage ("12%"), a duration that measures how long something
lasts ("90 days in jail", "two and a half hours"), an age ("a 34-year-old
man"), a measure ("300km") or a vague quantity ("dozens", "thousands of
terrorists").

Conventions (see also lexicon.py)
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

import re

from ..wordlists import words
from . import lexicon as L

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
    for i, (w, _s, _e) in enumerate(words):
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


