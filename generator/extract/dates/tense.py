"""Does a time expression point ahead of or behind the publication date?

``direction(view, start, end)`` reads the words of the clause around the
expression: the nearest tense cue before it ("will", "scheduled", "said",
"-ed" verbs...) decides; failing that, the first cue after it, up to the end
of the clause.  +1 = ahead, -1 = behind, 0 = no cue (callers then prefer the
nearest past reading, the news default).
"""
from __future__ import annotations

import re

from ..wordlists import words

FUTURE = words("dates", "future")
# verbs that point ahead only when an infinitive or "for" follows ("plans to", "set for")
FUTURE_BEFORE_TO = words("dates", "future_before_to")
MODALS = words("dates", "modals")
# "would" is future only relative to a past speech act; treat as weak (ignored)
PAST_IRREGULAR = words("dates", "past_irregular")
_NOT_PAST_ED = words("dates", "not_past_ed")
PASSIVE_AUX = words("dates", "passive_aux")
PRESENT_AUX = words("dates", "present_aux")
DETERMINERS = words("dates", "determiners")
FUTURE_PHRASES = re.compile(r"\b(?:as (?:soon|early) as|no later than|in time for|is to|are to|was to|were to|"
                            r"starting|ahead of|effective)\s*$", re.I)
WEAK_FUTURE = re.compile(r"\b(?:by|until|till|through|before)\s*$", re.I)
_WORD = re.compile(r"[A-Za-z\u2019']+")
_CLAUSE_END = re.compile(r"[.;:!?\n]|,\s+(?:and|but|while|which|who|after|before|when)\b|\s[\u2014\u2013-]\s")


def _cue(word: str, prev: str | None, nxt: str | None = None, prev2: str | None = None) -> int:
    w = word.lower()
    if w in FUTURE:
        return 1
    if w in FUTURE_BEFORE_TO:
        return 1 if nxt in ("to", "for") else 0
    if prev in PRESENT_AUX or prev in DETERMINERS:
        if w in PAST_IRREGULAR or (len(w) >= 4 and w.endswith("ed") and w not in _NOT_PAST_ED):
            return 0  # "is heard", "a still unspecified date": not a past-tense verb
    if w in PAST_IRREGULAR:
        return -1
    if len(w) >= 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
        if prev and prev.lower() in PASSIVE_AUX:
            return 1 if prev2 and prev2.lower() in MODALS else 0  # "to be published": ahead
        return -1
    return 0


def direction(view: str, start: int, end: int) -> int:
    lo = max(0, start - 120)
    before = view[lo:start]
    ends = list(_CLAUSE_END.finditer(before))
    cut = ends[-1] if ends else None  # the last clause end before the expression
    if cut is not None:
        before = before[cut.end():]
    if FUTURE_PHRASES.search(before):
        # "as early as Tuesday", "ahead of Friday's vote" point ahead unless a past verb governs
        phrase = True
    else:
        phrase = False
    weak = bool(WEAK_FUTURE.search(before))
    words = _WORD.findall(before)
    low = [w.lower() for w in words]
    n = len(words)
    for i in range(n - 1, max(-1, n - 17), -1):
        c = _cue(words[i], low[i - 1] if i else None, low[i + 1] if i + 1 < n else None,
                 low[i - 2] if i > 1 else None)
        if c:
            if phrase and c < 0 and words[i].lower() not in ("said", "told"):
                return 1
            return c
    if phrase:
        return 1
    if weak:
        return 1
    after = view[end:end + 100]
    stop = re.search(r"[.;!?\n]|,\s", after)
    if stop:
        after = after[:stop.start()]
    words = _WORD.findall(after)
    low = [w.lower() for w in words]
    for i, w in enumerate(words[:10]):
        c = _cue(w, low[i - 1] if i else None, low[i + 1] if i + 1 < len(low) else None, low[i - 2] if i > 1 else None)
        if c:
            return c
    return 0
