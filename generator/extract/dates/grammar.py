"""The candidate grammar of the date extractor: one compiled regular expression.

Each top-level alternative is a named group whose name says which family of
expression it is (``mdy``, ``weekday``, ``relper``...); the normaliser in
``values.py`` reads the inner groups.  Alternatives are ordered so that the
longest, most specific reading of a span is tried first (``Friday, Oct. 13,
1989`` before ``Friday``).  Month and weekday names must be capitalised; cue
words (``last``, ``early``, ``today``) may be in any case.
"""
from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
WEEKDAYS = {d: i for i, d in enumerate("mon tue wed thu fri sat sun".split())}

_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS, 1)}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBER_WORDS.update(_TENS)
NUMBER_WORDS.update({"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                     "seventies": 70, "eighties": 80, "nineties": 90})
for _t, _v in list(_TENS.items()):
    for _u in _UNITS[:9]:
        NUMBER_WORDS[f"{_t}-{_u}"] = _v + NUMBER_WORDS[_u]
        NUMBER_WORDS[f"{_t} {_u}"] = _v + NUMBER_WORDS[_u]

_ORD = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
ORDINAL_WORDS = {w: i for i, w in enumerate(_ORD, 1)}
ORDINAL_WORDS["thirtieth"] = 30
for _i, _w in enumerate(_ORD[:9], 1):
    ORDINAL_WORDS[f"twenty-{_w}"] = 20 + _i
    ORDINAL_WORDS[f"twenty {_w}"] = 20 + _i
ORDINAL_WORDS["thirty-first"] = ORDINAL_WORDS["thirty first"] = 31


def spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    t = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if t.startswith("the year "):
        t = t[9:]
    if t.startswith("two thousand"):
        rest = t[12:].strip()
        if rest.startswith("and "):
            rest = rest[4:]
        if not rest:
            return 2000
        n = NUMBER_WORDS.get(rest)
        return 2000 + n if n and n < 100 else None
    parts = t.split(" ", 1)
    hi = NUMBER_WORDS.get(parts[0])
    if not hi or len(parts) < 2:
        return None
    rest = parts[1]
    if rest.startswith("hundred"):
        return hi * 100
    lo = NUMBER_WORDS.get(rest)
    if lo is None and rest.startswith("oh "):
        lo = NUMBER_WORDS.get(rest[3:])
    return hi * 100 + lo if lo is not None and lo < 100 else None


def _alt(words: str) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words.split("|")), key=len, reverse=True))


WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\w])"
MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.|Oct\.?|Nov\.?|Dec\.?)(?!\w)")
MONTH_U = r"(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)(?!\w)"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|\.\d|,\d{3})"
ORDW = "(?i:" + _alt("|".join(ORDINAL_WORDS)) + r")(?![\w-])"
YEAR = r"(?<![\d$\u00a3\u20ac#.,])(?:1[5-9]\d\d|20\d\d)(?!\d|,\d|\.\d|%|\s*percent|-(?:year|month|day|odd))"
NUMW = "(?i:" + _alt("|".join(k for k in NUMBER_WORDS if " " not in k and not k.endswith("ies"))) + ")"

PRE_DAY = r"(?i:early|late|earlier|later)\s+(?:(?i:on)\s+)?"
PRE_PERIOD = (r"(?:(?i:early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
              r"the\s+middle\s+of|the\s+rest\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|"
              r"at\s+the\s+end\s+of|by\s+the\s+end\s+of)(?:\s+|-))")
PART = r"(?:\s+(?i:morning|afternoon|evening|night))"

_GRAMMAR = [
    # 2023-10-07 and 10/7/2023
    r"(?P<iso>(?<![\d-])(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\d-]))",
    r"(?P<usnum>(?<![\d/.])(?P<us_m>1[0-2]|0?[1-9])/(?P<us_d>3[01]|[12]\d|0?[1-9])/(?P<us_y>(?:19|20)\d\d|\d\d)(?![\d/]))",
    # the week of March 9
    rf"(?P<weekof>(?i:the\s+week\s+of)\s+(?P<wo_mon>{MONTH})\s+(?P<wo_day>{DAYNUM})(?:,?\s+(?P<wo_year>{YEAR}))?)",
    # (Friday,) Oct. 13(, 1989) / March eighth / October 7 last year
    rf"(?P<mdy>(?:(?:{PRE_DAY})?(?:(?i:this\s+coming|this\s+past)\s+)?(?P<mdy_wd>{WD})(?:,\s*|\s+)(?:(?i:the)\s+)?)?"
    rf"(?P<mdy_mon>{MONTH}|{MONTH_U})\s+(?P<mdy_day>{DAYNUM}|{ORDW})"
    rf"(?:(?:,\s*|\s+)(?P<mdy_year>{YEAR})|\s+(?P<mdy_rel>(?i:this|last|next))\s+year\b)?)",
    # (Saturday,) 7 October (2023) / the 7th of October
    rf"(?P<dmy>(?:(?P<dmy_wd>{WD}),?\s+(?:(?i:the)\s+)?)?(?<![\d,.$])(?P<dmy_day>{DAYNUM}|{ORDW})(?:\s+of)?\s+"
    rf"(?P<dmy_mon>{MONTH})(?:,?\s+(?P<dmy_year>{YEAR})|\s+(?P<dmy_rel>(?i:this|last|next))\s+year\b)?)",
    # (early) October 2023 / October of 2023
    rf"(?P<monyear>{PRE_PERIOD}?(?P<my_mon>{MONTH}|{MONTH_U})(?:,?\s+|\s+of\s+)(?P<my_year>{YEAR}))",
    # January nineteen ninety-seven
    rf"(?P<monspelled>(?P<ms_mon>{MONTH_FULL})\s+(?P<ms_year>(?i:(?:nineteen|twenty)[\s-](?:ninety|eighty|seventy|sixty|fifty|forty|thirty|twenty)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?))(?![\w-]))",
    # June last year
    rf"(?P<monrel>{PRE_PERIOD}?(?P<mr_mon>{MONTH_FULL})\s+(?P<mr_rel>(?i:this|last|next))\s+year\b)",
    # (last) April, early September, mid-November, October
    rf"(?P<month>(?:(?P<mo_mod>(?i:last|next|this\s+past|this\s+coming|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
    rf"the\s+start\s+of|the\s+middle\s+of|earlier|later))(?:\s+|-))?(?P<mo_mon>{MONTH_FULL})(?![\w-]))",
    # the third quarter (of 1989), fiscal second-quarter, this year's first quarter
    rf"(?P<quarter>(?:(?i:the|its|this|that)\s+)?(?:(?P<q_year2>{YEAR})\s+)?"
    rf"(?:(?P<q_rel>(?i:this|last|next))\s+year'?s\s+)?(?:(?i:fiscal)[\s-]+)?"
    rf"(?P<q_ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?i:quarter)(?!s)"
    rf"(?:\s+of\s+(?:(?i:fiscal)\s+)?(?P<q_year>{YEAR}))?)",
    rf"(?P<qnote>(?<![\w-])(?P<qn_q>Q[1-4]|H[12])(?:\s+|-|/)(?P<qn_year>{YEAR}))",
    rf"(?P<half>(?i:the\s+)?(?P<h_ord>(?i:first|second))\s+half\s+of\s+(?:(?i:fiscal)\s+)?(?P<h_year>{YEAR}))",
    # holidays
    rf"(?P<holiday>(?:(?P<hol_rel>(?i:last|next|this\s+coming|this\s+past|this))\s+)?"
    r"(?P<hol_name>Christmas\s+(?:Day|Eve)|Christmas|New\s+Year['\u2019]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?"
    r"|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Halloween|Independence\s+Day|Labor\s+Day|Memorial\s+Day"
    r"|Election\s+Day|Veterans\s+Day|Armistice\s+Day|Valentine['\u2019]s\s+Day|Boxing\s+Day"
    r"|(?i:the\s+)?Fourth\s+of\s+July|July\s+Fourth)(?!\w)(?!\s+(?:week|weekend|holiday|season|break|recess|period))"
    rf"(?:,?\s+(?P<hol_year>{YEAR}))?)",
    # the day before yesterday, late yesterday, this morning, tonight
    r"(?P<deictic>(?:(?i:early|late|earlier|later)\s+)?(?P<dx_word>(?i:the\s+day\s+before\s+yesterday|"
    r"the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|this\s+morning|this\s+afternoon|"
    r"this\s+evening|last\s+night))(?![\w-])" + PART + "?)",
    # weekdays: (late on) (last) Tuesday (night); the day before last Tuesday
    rf"(?P<weekday>(?P<wd_before>(?i:the\s+day\s+before)\s+)?(?:{PRE_DAY})?"
    rf"(?:(?P<wd_mod>(?i:last|next|this\s+coming|this\s+past|this|the\s+previous|the\s+following|the\s+next|coming|past))\s+)?"
    rf"(?P<wd_day>{WD}){PART}?)",
    # N days/weeks/months/years ago, a decade ago
    rf"(?P<ago>(?:(?i:about|nearly|almost|some|roughly|more\s+than|less\s+than|over|just|only|exactly|barely|around)\s+)?"
    rf"(?P<ago_n>\d{{1,3}}|(?i:a|an)|{NUMW}|(?i:a\s+couple\s+of))\s+(?P<ago_unit>(?i:days?|weeks?|months?|years?|decades?))(?:\s+or\s+so)?"
    rf"\s+(?P<ago_dir>(?i:ago|from\s+now|(?:earlier|later)(?!\s+(?:than|this|that|the|in|on|at|a|an)\b))))",
    # that year, later that day: the time the text is talking about
    r"(?P<that>(?:(?i:earlier|later|early|late)\s+(?:(?i:in|on)\s+)?)?(?i:that)\s+(?P<that_unit>(?i:day|week|month|year))(?![\w-]))",
    # year-earlier results, the year-ago quarter
    r"(?P<yearago>(?i:year[-\s](?:earlier|ago))(?!\w))",
    # for the full year, the current fiscal year
    r"(?P<curyear>(?i:the\s+(?:full|current|current\s+fiscal|latest|latest\s+fiscal|fiscal|calendar)\s+year|"
    r"(?<=[Ff]or\s)the\s+year|(?<=through\s)the\s+year|(?<=of\s)the\s+year(?=[.,;]))(?![\w-]))",
    # spelled-out years in transcripts: nineteen ninety-six, the year two thousand
    r"(?P<spelledyear>(?P<sy_text>(?i:the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?|"
    r"(?<![\w-])(?:nineteen|eighteen|twenty)[\s-](?:hundred|(?:ninety|eighty|seventy|sixty|fifty|forty|thirty|twenty)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen))(?![\w-])))",
    # the end of the year, year-end
    r"(?P<yearend>(?i:(?:by\s+|at\s+)?the\s+end\s+of\s+the\s+year|year[-\s]end|year['\u2019]s\s+end)(?!\w))",
    # (earlier) this week / last year / over the weekend / the coming month / next spring
    rf"(?P<relper>{PRE_PERIOD}?(?P<rp_rel>(?i:this|last|next|the\s+past|the\s+last|the\s+coming|the\s+previous|"
    rf"the\s+following|the\s+next|this\s+past|this\s+coming|over\s+the|the))\s+"
    rf"(?P<rp_unit>(?i:weekend|week|month|fiscal\s+year|year|quarter|decade|century|spring|summer|fall|autumn|winter))(?![\w-])"
    r")",
    # earlier in the week / later in the year
    r"(?P<inthe>(?i:earlier|later|early|late)\s+in\s+the\s+(?P<in_unit>(?i:week|month|year))(?!\w))",
    # seasons with a year: summer 2023, the spring of 1990
    rf"(?P<season>(?:(?i:the\s+)?(?:(?P<se_rel>(?i:early|late|mid))[\s-]+)?)(?P<se_word>(?i:spring|summer|fall|autumn|winter))"
    rf"(?:\s+of)?\s+(?P<se_year>{YEAR}))",
    # decades: the 1990s, the '90s, the nineties
    r"(?P<decade>(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:(?P<dec_year>1[5-9]\d0|20\d0)['\u2019]?s(?!\w)|"
    r"['\u2019](?P<dec_two>\d0)s(?!\w)|(?<=the\s)(?P<dec_word>(?i:twenties|thirties|forties|fifties|sixties|seventies|"
    r"eighties|nineties))(?!\w)))",
    # years: 2010, fiscal 1990, mid-1990, the end of 1998
    rf"(?P<year>(?:(?i:fiscal|calendar)\s+|{PRE_PERIOD})?(?P<yr_year>{YEAR})(?![\w'\u2019-]|-\d))",
]

MASTER = re.compile("|".join(_GRAMMAR))
