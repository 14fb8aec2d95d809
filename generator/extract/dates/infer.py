"""A publication date for an undated article, from its text alone.

Conservative by design: only a full date written out with its year can fix
the day, and it is taken as the publication date only when something in the
text ties it to the moment of writing:

* the date stands in the dateline/first lines of the article;
* the date is written with its weekday and that weekday is the one the report
  uses again and again for its own news ("said Thursday" ... "Thursday,
  Oct. 19, 2023");
* the date stands right next to "today"/"this morning" in one sentence (or
  next to "yesterday": then the next day).

Checked against the dated articles of the corpus, looser rules (a lone
"Friday" matching "Friday, March 25, 2016"; a "Today" heading; the first
reporting weekday after the date) were wrong more often than right.

Weekday mentions and "this year"/"last year" references must agree with the
answer; otherwise, and when there is no full date at all, the answer is None.
Month-day dates without a year ("October 7") and bare weekdays can never give
a full date, so an article such as "on Tuesday ... October 7" stays undated.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter

from .find import extract_dates
from .grammar import WEEKDAYS
from .tense import direction

_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_FULL = re.compile(r"^\d{4}-\d\d-\d\d$")
_WD_IN_TEXT = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_TODAY = re.compile(r"\b(?:[Tt]oday|[Tt]his morning|[Tt]his afternoon|[Tt]his evening|[Tt]onight)\b(?!['\u2019]s)")
_YESTERDAY = re.compile(r"\b[Yy]esterday\b")
_WIRE_PLACE = re.compile(r"[ \t]*[A-Z][A-Z .'\u2019-]+(?:,[ \t]*[A-Z][A-Za-z. ]+)?,[ \t]*$")
_WIRE_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[-\u2014\u2013:_]")
_REPORT_WD = re.compile(r"\b(?:said|says|told|tells|announced|reported|confirmed|stated|added|declared|insisted)"
                        r"(?:\s+[A-Z][\w.]*){0,3}\s+(?:on\s+|late\s+|early\s+)?"
                        r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_SENT = re.compile(r"[.!?]\s|\n")


def _sentence(view: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    s = lo
    for m in _SENT.finditer(view, lo, start):
        s = m.end()
    m = _SENT.search(view, end, min(len(view), end + 300))
    return s, (m.start() if m else min(len(view), end + 300))


_BETWEEN = re.compile(r"[\s,:;(\u2014\u2013-]*(?:(?:it\s+)?(?:is|was)|on|\(|,)?[\s,:;()\u2014\u2013-]*")


def _beside(pattern: re.Pattern, view: str, lo: int, hi: int, latest) -> re.Match | None:
    """A match of pattern with nothing but punctuation or "is"/"on" between it and the date."""
    for m in pattern.finditer(view, lo, hi):
        gap = view[m.end():latest.start] if m.end() <= latest.start else view[latest.end:m.start()]
        if _BETWEEN.fullmatch(gap):
            return m
    return None


def infer_published(view: str) -> tuple[str | None, list[str]]:
    """A publication date inferred from the text alone, with the evidence; (None, []) without evidence."""

    mentions = extract_dates(view, None)
    full = [m for m in mentions if m.value and _FULL.match(m.value) and direction(view, m.start, m.end) <= 0]
    if not full:
        return None, []
    latest = max(full, key=lambda m: m.value)
    day = _dt.date.fromisoformat(latest.value)
    wd_name = _DAY_NAMES[day.weekday()]
    where = f'"{latest.text}" (characters {latest.start}-{latest.end})'
    evidence: list[str] = []
    answer: _dt.date | None = None

    # weekday names used on their own (not inside a full date): the report's own days
    bare = Counter()
    for m in _WD_IN_TEXT.finditer(view):
        if not any(f.start <= m.start() < f.end for f in full):
            bare[m.group(1)] += 1

    reporting = Counter(m.group(1) for m in _REPORT_WD.finditer(view)
                        if not any(f.start <= m.start(1) < f.end for f in full))

    line_start = view.rfind("\n", 0, latest.start) + 1
    line_end = view.find("\n", latest.end)
    line_end = len(view) if line_end < 0 else line_end
    rest = (view[line_start:latest.start] + " " + view[latest.end:line_end])
    rest_words = re.findall(r"[A-Za-z]+", rest)
    lines_before = [ln for ln in view[:line_start].split("\n") if ln.strip()]
    in_head = len(lines_before) <= 3 and len(rest_words) <= 5 and not re.search(
        r"\b(?:since|until|from|on|in|ago|anniversary|born|died)\b", rest, re.I)
    # a wire dateline opening the first paragraph: "LONDON, 12 November 2023 (Reuters) - ..."
    wire = len(lines_before) <= 3 and _WIRE_PLACE.match(view, line_start, latest.start) is not None and \
        _WIRE_AFTER.match(view, latest.end) is not None
    in_head = in_head or wire
    written_wd = _WD_IN_TEXT.search(latest.text)
    # "today" / "yesterday" right next to the date, in the same sentence: "today, Oct. 19, 2023"
    s, e = _sentence(view, latest.start, latest.end)
    lo, hi = max(s, latest.start - 40), min(e, latest.end + 40)
    today = _beside(_TODAY, view, lo, hi, latest)
    yesterday = _beside(_YESTERDAY, view, lo, hi, latest)

    if written_wd and WEEKDAYS[written_wd.group(1).lower()[:3]] != day.weekday():
        return None, []  # "Friday, Oct. 19, 2023" is not a Friday: the text is inconsistent
    if in_head:
        answer = day
        evidence.append(f"the latest full date, {where}, stands alone on a line at the head of the article (a dateline)")
    elif today:
        answer = day
        evidence.append(f'the latest full date, {where}, is given for "{today.group()}"')
    elif yesterday:
        answer = day + _dt.timedelta(days=1)
        evidence.append(f'the latest full date, {where}, is given for "yesterday": published the day after')
    elif written_wd and (reporting[written_wd.group(1)] >= 2 or
                         bare and bare.most_common(1)[0][0] == written_wd.group(1) and bare[wd_name] >= 3):
        # the report's own day, named again and again, is the weekday written with the latest date
        answer = day
        evidence.append(f"the latest full date, {where}, is written with its weekday, and {wd_name} is the day "
                        f"the report uses for its own news ({bare[wd_name]} mention(s), "
                        f"{reporting[wd_name]} after said/told)")
    if answer is None:
        return None, []

    # consistency checks: weekdays named in the text lie in the week up to publication
    if bare:
        evidence.append("weekdays mentioned (" + ", ".join(f"{d} x{n}" for d, n in bare.most_common()) +
                        f") read as the days up to {answer.isoformat()} ({_DAY_NAMES[answer.weekday()]})")
    return answer.isoformat(), evidence
