"""Time expressions normalised against the publication date.

A grammar of regular expressions finds candidate spans (weekdays, month-day
dates, months, years, relative periods, holidays, quarters, seasons); a small
normaliser turns each one into a TIMEX3-style value at the granularity the
text gives:  ``2010``, ``2023-10``, ``2023-10-07``, ``2023-W44``,
``2023-W44-WE`` (also ``2023-Q3``, ``2023-SU``, ``199`` for a decade).
Whether a bare weekday or month lies ahead of or behind the publication date
is decided by tense and cue words near the expression (see ``tense``).
dateparser is not used: it is slow and over-eager on raw news text.
"""
from __future__ import annotations

import datetime as _dt
import re

from .grammar import (
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    WEEKDAYS,
    spelled_year,
)
from .tense import direction

_Date = _dt.date
_ONE = _dt.timedelta(days=1)


# ---------------------------------------------------------------------------
# calendar helpers

def _iso_week(d: _Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _weekend(d: _Date) -> str:
    """The weekend of the ISO week holding d."""
    return _iso_week(d) + "-WE"


def _day(d: _Date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _safe_date(y: int, m: int, d: int) -> _Date | None:
    try:
        return _Date(y, m, d)
    except ValueError:
        return None


def _easter(y: int) -> _Date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return _Date(y, month, day)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> _Date:
    """n-th (1-based; -1 = last) weekday wd (0=Monday) of month m."""
    if n > 0:
        d = _Date(y, m, 1)
        d += _dt.timedelta(days=(wd - d.weekday()) % 7 + 7 * (n - 1))
        return d
    ny, nm = _add_months(y, m, 1)
    d = _Date(ny, nm, 1) - _ONE
    return d - _dt.timedelta(days=(d.weekday() - wd) % 7)


def _holiday(name: str, y: int) -> _Date | None:
    n = name.lower().replace("\u2019", "'")
    if n.startswith("christmas eve"):
        return _Date(y, 12, 24)
    if n.startswith(("christmas", "xmas")):
        return _Date(y, 12, 25)
    if n.startswith("boxing"):
        return _Date(y, 12, 26)
    if n.startswith("new year's eve"):
        return _Date(y, 12, 31)
    if n.startswith("new year"):
        return _Date(y, 1, 1)
    if n.startswith("valentine"):
        return _Date(y, 2, 14)
    if n.startswith("halloween"):
        return _Date(y, 10, 31)
    if n.startswith(("independence day", "fourth of july", "july fourth")):
        return _Date(y, 7, 4)
    if n.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)
    if n.startswith("labor day"):
        return _nth_weekday(y, 9, 0, 1)
    if n.startswith("memorial day"):
        return _nth_weekday(y, 5, 0, -1)
    if n.startswith("election day"):
        return _nth_weekday(y, 11, 0, 1) + _ONE
    if n.startswith(("veterans day", "armistice day")):
        return _Date(y, 11, 11)
    if n.startswith("good friday"):
        return _easter(y) - _dt.timedelta(days=2)
    if n.startswith("easter monday"):
        return _easter(y) + _ONE
    if n.startswith("easter"):
        return _easter(y)
    return None


# ---------------------------------------------------------------------------
# resolution of partially specified dates against the publication date

def _pick_year_for_month_day(m: int, d: int, ref: _Date, fwd: int) -> _Date | None:
    """The year for a month-day without one: the nearest occurrence, bent by tense."""
    cands = [c for c in (_safe_date(ref.year + k, m, d) for k in (-1, 0, 1)) if c]
    if not cands:
        return None
    if fwd > 0:
        ahead = [c for c in cands if c >= ref]
        if ahead and (ahead[0] - ref).days <= 300:
            return ahead[0]
    elif fwd < 0:
        behind = [c for c in cands if c <= ref]
        if behind and (ref - behind[-1]).days <= 300:
            return behind[-1]
    if fwd == 0:
        behind = [c for c in cands if c <= ref]
        if behind and (ref - behind[-1]).days <= _PAST_BIAS:
            return behind[-1]
    return min(cands, key=lambda c: (abs((c - ref).days), c > ref))


_PAST_BIAS = 200  # days: without a cue, a month-day this recent in the past wins over a nearer future one
_MONTH_AHEAD = 2  # months: without a cue, a later month of the year this close is taken as this year's


def _pick_year_for_month(m: int, ref: _Date, fwd: int) -> int:
    if fwd > 0:
        return ref.year if m >= ref.month else ref.year + 1
    if fwd < 0 or m <= ref.month:
        return ref.year if m <= ref.month else ref.year - 1
    # a later month of the year without a cue: this year if close, else last year
    return ref.year if m - ref.month <= _MONTH_AHEAD else ref.year - 1


def _weekday_date(wd: int, ref: _Date, fwd: int, mod: str) -> _Date:
    back = (ref.weekday() - wd) % 7  # days back to the most recent such day (0 = today)
    ahead = (wd - ref.weekday()) % 7
    if mod in ("last", "the previous", "this past", "past"):
        return ref - _dt.timedelta(days=back or 7)
    if mod in ("next", "the following", "the next", "this coming", "coming"):
        return ref + _dt.timedelta(days=ahead or 7)
    if mod == "this":
        return ref + _dt.timedelta(days=ahead) if fwd >= 0 else ref - _dt.timedelta(days=back)
    if fwd > 0:
        return ref + _dt.timedelta(days=ahead)
    return ref - _dt.timedelta(days=back)


_UNIT_WORDS = {"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
               "year": "Y", "years": "Y", "decade": "E", "decades": "E"}


def _number(s: str) -> float | None:
    s = s.lower().strip()
    if s in ("a", "an", "one"):
        return 1
    if s.isdigit():
        return int(s)
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s]
    if s in ("a couple of", "a couple", "couple of"):
        return 2
    return None


def _shift(ref: _Date, n: int, unit: str) -> str | None:
    """The date n units back (n > 0) from ref, at that unit's granularity."""
    if unit == "D":
        return _day(ref - _dt.timedelta(days=n))
    if unit == "W":
        return _iso_week(ref - _dt.timedelta(weeks=n))
    if unit == "M":
        y, m = _add_months(ref.year, ref.month, -n)
        return _month(y, m)
    if unit == "Y":
        return f"{ref.year - n:04d}"
    if unit == "E":
        return f"{ref.year - 10 * n:04d}"
    return None


def _season_code(word: str) -> str:
    w = word.lower()
    return {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}[w]


_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
_HALF = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2}


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")[:3]]


def _rel_year(word: str, ref: _Date) -> int:
    w = word.lower()
    return ref.year + (-1 if w in ("last", "past", "previous") else 1 if w in ("next", "coming") else 0)


# ---------------------------------------------------------------------------
# the normaliser: one regex match -> value

def _from_anchor(anchor: str, n: int, unit: str) -> str | None:
    """n units after (n > 0) an explicit ISO value, at the coarser of the two granularities."""
    y = int(anchor[:4])
    if unit in ("Y", "E") or len(anchor) == 4:
        return f"{y + n * (10 if unit == 'E' else 1):04d}" if unit in ("Y", "E") else None
    if unit == "M" and len(anchor) >= 7 and anchor[4] == "-" and anchor[5] != "W":
        yy, mm = _add_months(y, int(anchor[5:7]), n)
        return _month(yy, mm)
    if unit in ("D", "W") and len(anchor) == 10:
        d = _Date.fromisoformat(anchor) + _dt.timedelta(days=n * (7 if unit == "W" else 1))
        return _day(d) if unit == "D" else _iso_week(d)
    return None


def _value(m: re.Match, view: str, ref: _Date | None, anchor: str | None = None) -> str | None:  # noqa: C901 - one branch per family
    kind = m.lastgroup
    g = m.groupdict()
    fwd = direction(view, m.start(), m.end()) if ref else 0

    if kind == "iso":
        d = _safe_date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        return _day(d) if d else None
    if kind == "usnum":
        y = int(g["us_y"])
        if y < 100:
            y += 1900 if y >= 50 else 2000
        d = _safe_date(y, int(g["us_m"]), int(g["us_d"]))
        return _day(d) if d else None

    if kind in ("mdy", "dmy"):
        p = "mdy_" if kind == "mdy" else "dmy_"
        mon = _month_num(g[p + "mon"])
        dtxt = g[p + "day"]
        day = int(re.match(r"\d+", dtxt).group()) if dtxt[0].isdigit() else ORDINAL_WORDS[dtxt.lower()]
        ytxt = g.get(p + "year")
        if ytxt:
            d = _safe_date(int(ytxt), mon, day)
            return _day(d) if d else None
        rel = g.get(p + "rel")
        if rel and ref:
            d = _safe_date(_rel_year(rel, ref), mon, day)
            return _day(d) if d else None
        if ref is None:
            return None
        wd = g.get(p + "wd")
        if wd:  # a weekday fixes the year among the nearby candidates
            wdn = WEEKDAYS[wd.lower()[:3]]
            for k in (0, -1, 1):
                c = _safe_date(ref.year + k, mon, day)
                if c and c.weekday() == wdn and abs((c - ref).days) < 300:
                    return _day(c)
        d = _pick_year_for_month_day(mon, day, ref, fwd)
        return _day(d) if d else None

    if kind == "weekof":
        mon = _month_num(g["wo_mon"])
        day = int(g["wo_day"])
        if g.get("wo_year"):
            d = _safe_date(int(g["wo_year"]), mon, day)
        elif ref:
            d = _pick_year_for_month_day(mon, day, ref, fwd)
        else:
            d = None
        return _iso_week(d) if d else None

    if kind == "monyear":
        return _month(int(g["my_year"]), _month_num(g["my_mon"]))
    if kind == "monspelled":
        y = spelled_year(g["ms_year"])
        return _month(y, _month_num(g["ms_mon"])) if y else None
    if kind == "monrel":
        if not ref:
            return None
        return _month(_rel_year(g["mr_rel"], ref), _month_num(g["mr_mon"]))
    if kind == "month":
        if not ref:
            return None
        mon = _month_num(g["mo_mon"])
        mod = (g.get("mo_mod") or "").lower()
        if mod in ("last", "this past", "past"):
            y = ref.year if mon < ref.month else ref.year - 1
        elif mod in ("next", "this coming", "coming"):
            y = ref.year if mon > ref.month else ref.year + 1
        elif mod == "this":
            y = ref.year
        else:
            y = _pick_year_for_month(mon, ref, fwd)
        return _month(y, mon)

    if kind == "weekday":
        if not ref:
            return None
        wd = WEEKDAYS[g["wd_day"].lower()[:3]]
        mod = re.sub(r"\s+", " ", (g.get("wd_mod") or "").lower())
        d = _weekday_date(wd, ref, fwd, mod)
        if g.get("wd_before"):  # "the day before last Tuesday"
            d -= _ONE
        return _day(d)

    if kind == "deictic":
        if not ref:
            return None
        w = g["dx_word"].lower()
        if w.startswith("yesterday") or w == "last night":
            return _day(ref - _ONE)
        if w.startswith("tomorrow"):
            return _day(ref + _ONE)
        if w.startswith("the day before yesterday"):
            return _day(ref - 2 * _ONE)
        if w.startswith("the day after tomorrow"):
            return _day(ref + 2 * _ONE)
        return _day(ref)

    if kind == "relper":
        if not ref:
            return None
        rel = re.sub(r"\s+", " ", g["rp_rel"].lower())
        unit = g["rp_unit"].lower()
        k = -1 if rel in ("last", "the past", "past", "the previous", "previous", "the last", "this past") else \
            1 if rel in ("next", "the coming", "coming", "the next", "the following", "this coming") else 0
        if anchor and rel in ("the previous", "the following", "the next") and unit in ("year", "month"):
            # relative to the time the text is talking about, not to the publication date
            if unit == "year":
                return f"{int(anchor[:4]) + k:04d}"
            if len(anchor) >= 7 and anchor[5] != "W":
                y, mo = _add_months(int(anchor[:4]), int(anchor[5:7]), k)
                return _month(y, mo)
        if unit == "weekend":
            if k == 0 and rel in ("this", "the", "over the", "that"):
                # "the weekend": the coming one when the text points ahead, else the last one
                sat = ref + _dt.timedelta(days=(5 - ref.weekday()) % 7)
                if ref.weekday() >= 5 or fwd > 0 or rel == "this" and fwd >= 0:
                    return _weekend(sat if ref.weekday() < 5 else ref)
                return _weekend(sat - _dt.timedelta(days=7))
            sat = ref + _dt.timedelta(days=(5 - ref.weekday()) % 7)
            if k < 0:
                last_sat = sat - _dt.timedelta(days=7) if sat > ref or ref.weekday() >= 5 else sat
                if ref.weekday() == 6:
                    last_sat = ref - _dt.timedelta(days=8)
                return _weekend(last_sat)
            return _weekend(sat if sat > ref else sat + _dt.timedelta(days=7))
        if unit == "week":
            return _iso_week(ref + _dt.timedelta(weeks=k))
        if unit == "month":
            y, mo = _add_months(ref.year, ref.month, k)
            return _month(y, mo)
        if unit in ("year", "fiscal year"):
            return f"{ref.year + k:04d}"
        if unit == "decade":
            return f"{(ref.year // 10 + k):03d}"
        if unit == "century":
            return f"{(ref.year // 100 + k):02d}"
        if unit == "quarter":
            q = (ref.month - 1) // 3 + 1 + k
            y = ref.year + (q - 1) // 4
            return f"{y}-Q{(q - 1) % 4 + 1}"
        if unit in ("spring", "summer", "fall", "autumn", "winter"):
            return f"{ref.year + k:04d}-{_season_code(unit)}"
        return None

    if kind == "ago":
        n = _number(g["ago_n"])
        unit = _UNIT_WORDS.get(g["ago_unit"].lower())
        if n is None or unit is None or not ref:
            return None
        direction_word = g["ago_dir"].lower()
        if direction_word == "later":
            return _from_anchor(anchor, int(n), unit) if anchor else None
        if direction_word == "earlier" and anchor:
            return _from_anchor(anchor, -int(n), unit)
        if direction_word.startswith("from"):
            n = -n
        return _shift(ref, int(n), unit)

    if kind == "that":
        if not anchor:
            return None
        unit = g["that_unit"].lower()
        want = {"day": 10, "month": 7, "year": 4}.get(unit)
        if unit == "week":
            return _iso_week(_Date.fromisoformat(anchor)) if len(anchor) == 10 else None
        return anchor[:want] if want and len(anchor) >= want and anchor[5:6] != "W" else None

    if kind == "yearago":
        return f"{ref.year - 1:04d}" if ref else None
    if kind == "curyear":
        if not ref:
            return None
        return f"{ref.year - (1 if 'latest' in m.group().lower() else 0):04d}"

    if kind == "inthe":
        if not ref:
            return None
        u = g["in_unit"].lower()
        return _iso_week(ref) if u == "week" else _month(ref.year, ref.month) if u == "month" else f"{ref.year:04d}"

    if kind == "yearend":
        if g.get("ye_year"):
            return g["ye_year"]
        return f"{ref.year:04d}" if ref else None

    if kind == "quarter":
        q = _QUARTER[g["q_ord"].lower()]
        if g.get("q_year"):
            return f"{g['q_year']}-Q{q}"
        if g.get("q_year2"):
            return f"{g['q_year2']}-Q{q}"
        if not ref:
            return None
        y = ref.year
        if g.get("q_rel"):
            y = _rel_year(g["q_rel"], ref)
        elif (q - 1) * 3 + 1 > ref.month and fwd <= 0:
            y -= 1
        return f"{y}-Q{q}"
    if kind == "qnote":
        return f"{g['qn_year']}-{g['qn_q']}"
    if kind == "half":
        h = _HALF[g["h_ord"].lower()]
        y = g.get("h_year")
        if not y:
            if not ref:
                return None
            y = ref.year if (h == 1 or ref.month > 6 or fwd > 0) else ref.year - 1
        return f"{y}-H{h}"

    if kind == "season":
        code = _season_code(g["se_word"])
        if g.get("se_year"):
            return f"{g['se_year']}-{code}"
        if not ref:
            return None
        rel = (g.get("se_rel") or "").lower()
        y = _rel_year(rel.split()[-1], ref) if rel else ref.year
        return f"{y:04d}-{code}"

    if kind == "holiday":
        name = g["hol_name"]
        if g.get("hol_year"):
            d = _holiday(name, int(g["hol_year"]))
            return _day(d) if d else None
        if not ref:
            return None
        rel = (g.get("hol_rel") or "").lower()
        cands = [c for c in (_holiday(name, ref.year + k) for k in (-1, 0, 1)) if c]
        if rel == "last":
            c = [c for c in cands if c < ref]
            d = c[-1] if c else None
        elif rel in ("next", "this coming", "coming"):
            c = [c for c in cands if c > ref]
            d = c[0] if c else None
        elif fwd > 0:
            c = [c for c in cands if c >= ref]
            d = c[0] if c else None
        else:
            d = min(cands, key=lambda c: (abs((c - ref).days), c > ref)) if cands else None
        return _day(d) if d else None

    if kind == "decade":
        y = g.get("dec_year")
        if y:
            return y[:3]
        two = g.get("dec_two")
        if two:
            century = "19" if int(two) >= 30 or ref is None or ref.year < 2000 else "20"
            return century + two[0]
        word = g.get("dec_word")
        if word:
            tens = NUMBER_WORDS.get(word.lower())
            if tens:
                return "19" + str(tens // 10)
        return None

    if kind == "year":
        y = g["yr_year"]
        return y
    if kind == "spelledyear":
        y = spelled_year(g["sy_text"])
        return f"{y:04d}" if y else None
    return None


