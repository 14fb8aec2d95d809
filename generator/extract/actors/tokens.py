"""Actor detection: people, organisations, countries and places.

Rules, hand-written gazetteers (generator/data/actors/) and document-level
consistency; no statistical model, nothing fetched at run time.

1. The text view is cut into lines and tokens.  Datelines ("LONDON 1996-08-30")
   name places; result and standings lines ("Lotte 6 Hyundai 2") name teams
   (organisations) or, with a given name or a title, people.  Lines written in
   ALL CAPS are set aside; Title Case headlines keep only what does not depend
   on capitals (gazetteer names, titled people).
2. In ordinary lines, runs of capitalised tokens are joined (name particles
   "de la", "von der", "bin", "al-"; "of"/"for" after institution heads; "&";
   "X and Y Commission"; hyphens between capitals) and cut at possessives,
   punctuation, weekdays and months.
3. Each run is trimmed (sentence-initial function words, titles, demonyms;
   the titles become the mention's role, countries and organisations inside
   them are mentions of their own) and typed from the gazetteers, organisation
   and place cue words, given names, titles and context ("in X", "the town of
   X", "X said", "X-based", "tyre giant X", "X shares", "a stake in X").
4. Document pass: the strongest evidence for a string types it everywhere;
   surnames and lone title words resolve to the full name of a person of the
   article; "Ruch" takes the name of "Ruch SA"; aliases ("(SEC)", "known as
   MBS") take the name they follow; ministries get one normalised name
   ("Ministry of Foreign Affairs (Turkey)"); in sports reports cities and
   counties that play are teams; one type per name.
5. ALL CAPS and Title Case lines are matched against the names found in the
   body and the gazetteers, case-insensitively.
"""
from __future__ import annotations

import re

from ..wordlists import words

_DOT_ABBR = "Mr Mrs Ms Dr St Jr Sr Inc Corp Co Ltd Gen Col Lt Capt Sgt Adm Gov Sen Rep Rev Prof Mt Ft Bros Cmdr Maj Fr Mme".split()
_TOKEN = re.compile(r"(?P<A>(?:[A-Z]\.){2,}|[A-Z]\.|(?:" + "|".join(_DOT_ABBR) + r")\.)"
                    r"|(?P<W>[^\W\d_]+(?:['\u2019](?!s\b)[^\W\d_]+)*)(?![^\W_])|(?P<M>[^\W_]+)|(?P<P>\S)")
_SENT_NEUTRAL = frozenset("\"'\u201c\u2018\u201d\u2019([-\u2013\u2014*\u2022#>|")
_PARTICLES = words("actors", "particles")
_HYPHEN_PARTICLES = words("actors", "hyphen_particles")
_OF_HEADS = words("actors", "of_heads")
_LOWER_SUFFIX = words("actors", "lower_suffix")
_STATE_ORGANS = words("actors", "state_organs")
_ORG_NOUNS = words("actors", "org_nouns")
_HOLDING = words("actors", "holding")
_ORG_AFTER = words("actors", "org_after")
_PLACE_NOUNS = words("actors", "place_nouns")
_LEGAL_SUFFIX = words("actors", "legal_suffix")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_PLACE_FIRST = words("actors", "place_first")
_TEAM_BEFORE = re.compile(r"\b(?:beat|beating|v|vs\.?|against|drew with|lost to|joined|host|hosts|visiting)\s+$")
_TEAM_AFTER = re.compile(r"['\u2019]?s?\s+(?:beat|v|vs|drew|won|lost|were|have|had|made|reached|closed|finished|need|needed|"
                         r"scored|took|lead|led|moved|captain|coach|manager|striker|midfielder|defender|goalkeeper|"
                         r"all-rounder|batsman|bowler|player|players|team|side|fans|supporters|chairman|boss|"
                         r"declared|collapsed|slumped|recovered|replied|trail|trailed|go|went|face|faced|host|play|"
                         r"played|thrashed|crushed|defeated|edged|routed|outclassed|all|,\s+who)\b")
_ALIAS_AFTER = re.compile(r"\s*(?:\(|,\s+(?:known as|also known as)\s+)([A-Z][A-Za-z.&]{1,9})\b")
_MONTH_NAMES = words("actors", "month_names")  # also family names: "Theresa May"
_QUOTES = frozenset("\"'\u201c\u2018")
_QUOTES_END = frozenset(("\"", "'", "\u201d", "\u2019"))
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_ROMAN = re.compile(r"^[IVX]+$")
_NEW_SENT = re.compile(r"\s+[\"\u201c]?[A-Z]")
_PLACE_PREV = words("actors", "place_prev")
_SAY = words("actors", "say")
_WEEK_MONTH = words("actors", "week_month")
_PORTFOLIO = {"foreign": "Foreign Affairs", "foreign affairs": "Foreign Affairs", "defence": "Defence", "defense": "Defence",
              "interior": "Interior", "home": "Interior", "health": "Health", "finance": "Finance", "justice": "Justice",
              "education": "Education", "energy": "Energy", "economy": "Economy", "trade": "Trade",
              "agriculture": "Agriculture", "transport": "Transport", "culture": "Culture", "environment": "Environment",
              "information": "Information", "tourism": "Tourism", "labour": "Labour", "labor": "Labour",
              "industry": "Industry", "communications": "Communications", "intelligence": "Intelligence"}
_MINISTRY_A = re.compile(r"^(?:the\s+)?([A-Z][a-z]+(?:\s+Affairs)?)\s+Ministry$")
_MINISTRY_B = re.compile(r"^Ministry\s+of\s+(?:the\s+)?([A-Z][a-z]+(?:\s+Affairs)?)$")
_SPORT_WEAK = words("actors", "sport_weak")
_SPORT_SET = words("actors", "sport_set")


# An unknown one-word name with no cue around it: "repeat" keeps it (as an organisation) only when the
# article uses it at least twice; "org"/"person" keep every one with that type; "drop" keeps none.
UNKNOWN_SINGLE = "repeat"


class _Tok:
    __slots__ = ("s", "e", "t", "kind", "sent_start", "idx")

    def __init__(self, s, e, t, kind, idx):
        self.s, self.e, self.t, self.kind, self.idx = s, e, t, kind, idx
        self.sent_start = False


class _Cand:
    """A typed name span before the document pass."""

    __slots__ = ("s", "e", "text", "type", "strength", "name", "role", "sent_initial", "country", "appos", "line")

    def __init__(self, s, e, text, typ, strength, name, role=None, sent_initial=False, line=0):
        self.s, self.e, self.text, self.type, self.strength, self.name = s, e, text, typ, strength, name
        self.role, self.sent_initial, self.line = role, sent_initial, line
        self.country = None
        self.appos = None  # a title in apposition


def _tokenize_line(view: str, ls: int, le: int) -> list[_Tok]:
    out: list[_Tok] = []
    append = out.append
    sent = True
    new = _Tok.__new__
    for m in _TOKEN.finditer(view, ls, le):
        g = m.lastgroup
        t = m.group()
        if g == "W":
            kind = ("U" if len(t) > 1 and t.isupper() else "C") if t[0].isupper() else "l"
        elif g == "P":
            tk = new(_Tok)
            tk.s, tk.e = m.span()
            tk.t, tk.kind, tk.idx, tk.sent_start = t, "p", len(out), False
            append(tk)
            if t in ".!?:;":
                sent = True
            elif t not in _SENT_NEUTRAL:
                sent = False
            continue
        elif g == "A":
            kind = "U" if t.count(".") >= 2 else "C"
        else:
            kind = "d" if t[0].isdigit() else "m"
        tk = new(_Tok)
        tk.s, tk.e = m.span()
        tk.t, tk.kind, tk.idx, tk.sent_start = t, kind, len(out), sent
        sent = False
        append(tk)
    return out


def _line_style(toks: list[_Tok], lx, lower_words) -> str:
    """'caps' for ALL CAPS lines, 'title' for Title Case headlines, '' for running text."""
    words = [t for t in toks if t.kind in "CUl" and len(t.t) > 1]
    if not words:
        return ""
    upper = sum(1 for t in words if t.kind == "U")
    if upper >= 2 and upper >= 0.6 * len(words) or (len(words) == 1 and upper == 1 and len(words[0].t) > 4):
        # a single all-caps word alone on a line is a caps line too (dateline "LONDON")
        return "caps"
    if len(words) >= 3 and toks[-1].t not in ".?!\"\u201d:" and toks[-1].kind != "d":
        content = [t for t in words if t.t.lower() not in lx.lower_common]
        if len(content) >= 3 and sum(1 for t in content if t.kind in "CU") >= 0.8 * len(content):
            # a headline has capitalised common words; a list of names has none
            common = sum(1 for t in content if t.kind == "C" and t.t.lower() in lower_words
                         and t.t not in lx.known and t.t not in lx.first_names)
            if common >= 2 or common >= 0.3 * len(content):
                return "title"
    return ""


def _is_cap(tk: _Tok) -> bool:
    return tk.kind in "CU"


def _runs(toks: list[_Tok], view: str, lx, lower_words=frozenset()) -> list[list[_Tok]]:
    """Runs of capitalised tokens with their joiners."""
    runs = []
    n = len(toks)
    i = 0
    while i < n:
        tk = toks[i]
        start_ok = _is_cap(tk) or (tk.t in _HYPHEN_PARTICLES and i + 2 < n and toks[i + 1].t == "-"
                                   and toks[i + 1].s == tk.e and _is_cap(toks[i + 2]) and toks[i + 2].s == toks[i + 1].e)
        if not start_ok or tk.t in _WEEK_MONTH:
            i += 1
            continue
        run = [tk]
        j = i + 1
        while j < n:
            prev, nxt = run[-1], toks[j]
            gap = view[prev.e:nxt.s]
            if gap == " " and nxt.t in _HYPHEN_PARTICLES and j + 2 < n and toks[j + 1].t == "-" \
                    and toks[j + 1].s == nxt.e and toks[j + 2].s == toks[j + 1].e and _is_cap(toks[j + 2]):
                run += [nxt, toks[j + 1], toks[j + 2]]  # "Rami al-Saadani"
                j += 3
                continue
            if gap == " " or gap == "":
                if gap == " " and _is_cap(nxt) and (nxt.t not in _WEEK_MONTH or nxt.t in _MONTH_NAMES and (
                        prev.t in lx.first_names or prev.t in lx.honorifics)):
                    run.append(nxt)
                    j += 1
                    continue
                if gap == "" and nxt.t == "-" and j + 1 < n and toks[j + 1].s == nxt.e:
                    after = toks[j + 1]
                    if _is_cap(after) and (_is_cap(prev) or prev.t in _HYPHEN_PARTICLES) and after.t not in _WEEK_MONTH:
                        run += [nxt, after]
                        j += 2
                        continue
                    if after.t in _HYPHEN_PARTICLES and j + 3 < n and toks[j + 2].t == "-" and _is_cap(toks[j + 3]):
                        run += [nxt, after, toks[j + 2], toks[j + 3]]
                        j += 4
                        continue
                    if after.kind == "l" and _is_cap(prev) and j + 3 < n and toks[j + 2].t == "-" and _is_cap(toks[j + 3]) \
                            and toks[j + 2].s == after.e and toks[j + 3].s == toks[j + 2].e and len(after.t) <= 4:
                        run += toks[j:j + 4]  # "Chester-le-Street", "Stratford-upon-Avon"
                        j += 4
                        continue
                    if after.kind == "l" and _is_cap(prev) and len(after.t) <= 5 and after.t not in _LOWER_SUFFIX \
                            and after.t not in lower_words and (j + 2 >= n or toks[j + 2].s > after.e):
                        run += [nxt, after]  # "Chen Chun-yeh", "Kang Young-hoon"
                        j += 2
                        continue
                    break
                if gap == " " and nxt.kind == "l" and j + 1 < n and view[nxt.e:toks[j + 1].s] == " ":
                    after = toks[j + 1]
                    if nxt.t in _PARTICLES:
                        # "de la Fuente", "von der Leyen", "bin Salman"
                        k = j
                        while k + 1 < n and toks[k].t in _PARTICLES and view[toks[k].e:toks[k + 1].s] == " " and k - j < 3:
                            k += 1
                        if _is_cap(toks[k]) and toks[k].t not in lx.non_actors:
                            run += toks[j:k + 1]
                            j = k + 1
                            continue
                    core = [t for t in run if t.t.lower() not in lx.lower_common]
                    if nxt.t == "and" and _is_cap(after) and prev.t not in lx.known and (
                            prev.t not in lx.org_last or len(core) < 2):
                        # "Securities and Exchange Commission", "Justice and Development Party"
                        k = j + 1
                        while k + 1 < n and _is_cap(toks[k + 1]) and view[toks[k].e:toks[k + 1].s] == " ":
                            k += 1
                        if toks[k].t in lx.org_last and k - j <= 4:
                            run += toks[j:k + 1]
                            j = k + 1
                            continue
                    if nxt.t == "of" and (prev.t in lx.org_first or prev.t in lx.loc_first or prev.t in _OF_HEADS
                                          or prev.t in lx.org_last) \
                            or nxt.t == "for" and (prev.t in lx.org_last or prev.t in lx.org_first) and prev is not run[0]:
                        k = j + 1
                        if toks[k].t == "the" and k + 1 < n and view[toks[k].e:toks[k + 1].s] == " ":
                            k += 1
                        if _is_cap(toks[k]) and toks[k].t not in _WEEK_MONTH:
                            run += toks[j:k + 1]
                            j = k + 1
                            continue
                    if nxt.t in _HYPHEN_PARTICLES and j + 2 < n and toks[j + 1].t == "-" and _is_cap(toks[j + 2]):
                        run += [nxt, toks[j + 1], toks[j + 2]]
                        j += 3
                        continue
                if gap == " " and nxt.t == "&" and j + 1 < n and _is_cap(toks[j + 1]):
                    run += [nxt, toks[j + 1]]
                    j += 2
                    continue
                if gap == "" and nxt.t == "&" and j + 1 < n and _is_cap(toks[j + 1]) and toks[j + 1].s == nxt.e:
                    run += [nxt, toks[j + 1]]
                    j += 2
                    continue
            break
        runs.append(run)
        i = j
    return runs


def _text(view: str, toks: list[_Tok]) -> str:
    return view[toks[0].s:toks[-1].e]


def _words(toks: list[_Tok]) -> list[_Tok]:
    return [t for t in toks if t.kind != "p"]


