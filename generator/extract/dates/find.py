"""Date mentions in a text view: candidates, the checks that keep or drop them, and extract_dates."""
from __future__ import annotations

import re

from ...model import DateMention, in_date_range
from ..wordlists import words
from .grammar import (
    MASTER,
    NUMBER_WORDS,
    ORDINAL_WORDS,
)
from .values import _Date, _value

_NAME_AFTER_WEEKDAY = words("dates", "name_after_weekday")
_NAME_BEFORE_WEEKDAY = words("dates", "name_before_weekday")
_MONTH_PREP = words("dates", "month_prep")
_COUNT_AFTER_YEAR = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|police|officers|workers|employees|jobs|shares|"
    r"students|members|votes|voters|seats|cases|deaths|dead|feet|foot|meters|metres|miles|km|kilometers|tons|tonnes|"
    r"pounds|dollars|euros|yen|barrels|cars|vehicles|units|homes|houses|acres|hectares|points|yards|rounds|"
    r"calories|words|pages|copies|passengers|refugees|prisoners|residents|delegates|participants|protesters|"
    r"demonstrators|civilians|times|hours|minutes|seconds|days|weeks|months|years|rooms|beds|stores|sites|"
    r"companies|firms|patients|doctors|teachers|cattle|head|mph|kph|degrees|signatures|visitors|users|"
    r"[a-z]+ers|GMT|UTC|BST|EST|EDT|CET|PST|hrs|local\s+time)\b")
_NUMBER_BEFORE = re.compile(r"(?:(?<![\d,.])(?!(?:1[6-9]|20)\d\d\b)\d[\d,.]*\s*(?:to|and|or|-|\u2013)?\s*|(?:No|no|Nos|number|Number|Flight|flight|"
                            r"Route|route|Highway|Interstate|Room|room|Model|Article|article|Resolution|resolution|"
                            r"Section|section|Rule|rule|Boeing|Airbus|Windows|Office|Suite|suite|Box|box|Unit|"
                            r"about|some|nearly|almost|roughly|approximately|over|under|than|least|most|estimated|"
                            r"Code|code|Act|Bill|bill|Vision|Agenda|Lot|lot|Item|item|Page|page|p\.|pp\.)\.?\s+)$")
_SENT_START = re.compile(r"(?:^|[.!?\n:\"`'\u201c\u2018(]\s*)$")
_GENERIC_TODAY = re.compile(r"['\u2019]s\s+(?:world|youth|society|generation|young|children|kids|culture|standards|"
                            r"technology|teenagers|families|business\s+world|global|modern|fast|rapidly)\b", re.I)
_ARTICLES = words("dates", "articles")


def _prev_word(view: str, i: int) -> str:
    m = re.search(r"([\w.'\u2019-]+)\W*$", view[max(0, i - 40):i])
    return m.group(1) if m else ""


def _next_word(view: str, i: int) -> str:
    m = re.match(r"[ \t]+([\w'\u2019-]+)", view[i:i + 40])
    return m.group(1) if m else ""


def _accept(m: re.Match, view: str) -> bool:
    """Filters for readings the grammar cannot rule out by itself."""
    kind = m.lastgroup
    s, e = m.start(), m.end()
    if kind == "weekday":
        nxt = _next_word(view, e)
        if nxt in _NAME_AFTER_WEEKDAY and not m.group("wd_mod"):
            return False
        if _prev_word(view, s) in _NAME_BEFORE_WEEKDAY:
            return False
        if view[e:e + 1] in ("-",):  # "Sunday-school"
            return False
        return True
    if kind == "month":
        if m.group("mo_mod"):
            return True
        mon = m.group("mo_mon")
        prev = _prev_word(view, s)
        nxt = _next_word(view, e)
        before = view[max(0, s - 3):s]
        if nxt[:1].isupper() and nxt not in ("This", "Last", "Next"):
            return False  # "April Glaspie", "June Carter"
        if mon in ("May", "March"):
            return prev.lower() in _MONTH_PREP
        if mon in ("August", "June", "April"):
            return prev.lower() in _MONTH_PREP or prev.lower() in _ARTICLES
        if prev.lower() in _ARTICLES:
            return True
        if prev[:1].isupper() and not _SENT_START.search(view[max(0, s - 4):s]) and prev.lower() not in _MONTH_PREP:
            return "." in before or "," in before or prev in ("In", "By", "Since", "Until", "Through", "During")
        return True
    if kind == "deictic" and m.group("dx_word")[0].isupper() and s > 0:
        prev = _prev_word(view, s)
        if prev.lower() in _ARTICLES:
            return True
        if prev[:1].isupper() and not _SENT_START.search(view[max(0, s - 4):s]):
            return False  # "VOA Today", a programme name
    if kind == "deictic" and _GENERIC_TODAY.match(view, e):
        return False  # "today's world": the present age, not a day
    if kind == "relper":
        if m.group("rp_unit")[0].isupper() and s > 0 and (
                not _SENT_START.search(view[max(0, s - 4):s]) or view[s - 1] in "\"\u201c'\u2018"):
            return False  # "This Week With David Brinkley"
        rel = re.sub(r"\s+", " ", m.group("rp_rel").lower())
        unit = m.group("rp_unit").lower()
        if rel in ("the", "over the") and unit != "weekend":
            return False
        if rel == "the" and _prev_word(view, s).lower() not in ("over", "on", "at", "during", "for", "through",
                                                                   "until", "till", "by", "of", "before", "after",
                                                                   "ahead", "since", "from", "this", "in"):
            return False
        return True
    if kind == "year":
        y = int(m.group("yr_year"))
        ys = m.start("yr_year")
        if ys != s:
            return True  # "fiscal 1990", "mid-1990"
        pre = view[max(0, s - 40):s]
        if _NUMBER_BEFORE.search(pre):
            return False
        prev = _prev_word(view, s).lower()
        if y < 1800 and prev not in ("in", "since", "from", "of", "by", "until", "before", "after", "around",
                                     "circa", "c.", "to", "year", "early", "late", "mid"):
            return False
        if _COUNT_AFTER_YEAR.match(view, e) and prev not in ("in", "since", "of", "by", "until"):
            return False
        return True
    return True


_EXPLICIT = words("dates", "explicit")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
# words that carry a date expression (a candidate is looked for only around one of them)
_TRIGGERS = words("dates", "triggers")
# words that may stand before the trigger word inside an expression
_INNER = words("dates", "inner") | frozenset(NUMBER_WORDS) | frozenset(ORDINAL_WORDS)


def _candidates(view: str):
    """Regex matches of the grammar, leftmost-first, tried only near trigger words (fast)."""
    toks = [(m.start(), m.group()) for m in _TOKEN.finditer(view)]
    last_end = 0
    match = MASTER.match
    for i, (pos, w) in enumerate(toks):
        if pos < last_end:
            continue
        if w[0].isdigit():
            if not 2 <= len(w) <= 4:
                continue
        elif w.lower() not in _TRIGGERS:
            continue
        j = i
        while j > 0 and i - j < 8:
            pw = toks[j - 1][1]
            if toks[j - 1][0] < last_end or not (pw.lower() in _INNER or pw.isdigit() and len(pw) <= 4):
                break
            j -= 1
        starts = [toks[k][0] for k in range(j, i + 1)]
        if w[0].isdigit() and pos > 0 and view[pos - 1] in "'\u2019":
            starts.append(pos - 1)
            starts.sort()
        for st in starts:
            m = match(view, st)
            if m and "\n" in m.group():
                # an expression may wrap a line but never crosses a paragraph break
                br = _BLANK_LINE.search(view, st, m.end())
                if br:
                    m = match(view, st, br.start())
            if m and m.end() > pos:
                last_end = m.end()
                yield m
                break


def extract_dates(view: str, published: str | None) -> list[DateMention]:
    """Every date expression in the text view; values relative to ``published`` (ISO date) when given."""
    ref = None
    if published and in_date_range(published):
        try:
            ref = _Date.fromisoformat(str(published)[:10])
        except ValueError:
            ref = None
    out = []
    anchor, anchor_end = None, -10**9
    for m in _candidates(view):
        kind = m.lastgroup
        if kind is None or kind.startswith("skip") or not _accept(m, view):
            continue
        start, end = m.start(kind), m.end(kind)
        if kind in ("that", "relper"):  # "later that year", "the following month": the last time spoken of
            near = anchor if start - anchor_end < 800 else None
        else:  # "a year earlier": only a time in the same passage, else the publication date
            near = anchor if start - anchor_end < 250 and "\n\n" not in view[anchor_end:start] else None
        try:
            value = _value(m, view, ref, near)
        except (ValueError, KeyError, OverflowError, TypeError, IndexError):
            value = None
        if value is None and kind == "that":
            continue  # "that year" with nothing to refer to
        if not in_date_range(value):
            value = None  # "the year 9999": no date later stages can place
        out.append(DateMention(start, end, view[start:end], value))
        if value and kind in _EXPLICIT:
            anchor, anchor_end = value, end
    return out
