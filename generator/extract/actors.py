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

import bisect
import re

from ..model import ActorMention
from .actors_data import lexicon
from .wordlists import words

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


class _Doc:
    def __init__(self, view: str):
        self.view = view
        self.lx = lexicon()
        self.lower_words: set[str] = set()
        self.mid_caps: set[str] = set()
        self.cands: list[_Cand] = []
        self.sports = False


def view_pair(doc: _Doc, toks: list[_Tok], j: int) -> str:
    return doc.view[toks[j - 1].s:toks[j].e]


def _role_before(doc: _Doc, toks: list[_Tok], k: int) -> tuple[str | None, int]:
    """Title words right before token k (within the line): (role text, index of the first role token)."""
    lx = doc.lx
    j = k - 1
    first = None
    last_head = None
    while j >= 0 and k - j <= 10:
        t = toks[j]
        tl = t.t.lower().rstrip(".")
        if t.kind == "p":
            if t.t in ("'", "\u2019") and j + 1 < len(toks) and toks[j + 1].t == "s":
                j -= 1
                continue
            if t.t == "-" and j > 0 and toks[j - 1].e == t.s:
                j -= 1
                continue
            break
        if tl == "s" and j > 0 and toks[j - 1].t in ("'", "\u2019"):
            j -= 1
            continue
        if tl in lx.role_heads or t.t in lx.honorifics:
            first = j
            if last_head is None:
                last_head = j
        elif tl in lx.role_words or t.t in lx.demonyms or t.t in lx.known or tl in ("of", "the", "and"):
            first = j
        elif j > 0 and (view_pair(doc, toks, j) in lx.known or view_pair(doc, toks, j) in lx.demonyms):
            first = j - 1  # "United States", "North Korean"
            j -= 1
        elif j + 1 < k and doc.view[t.s:toks[j + 1].e] in lx.demonyms:
            first = j  # "North" of "North Korean"
        else:
            break
        j -= 1
    if first is None or last_head is None:
        return None, k
    if last_head != k - 1 and toks[last_head + 1].t != "of":
        return None, k
    while first < k and toks[first].t.lower() in ("of", "the", "and", "s", "'", "\u2019", "-"):
        first += 1
    if first >= k:
        return None, k
    return doc.view[toks[first].s:toks[k - 1].e], first


_APPOS_GLUE = words("actors", "appos_glue")


def _appos_ok(lx, t: _Tok) -> int:
    """0: not in a title phrase; 1: may stand in one; 2: heads one."""
    tl = t.t.lower().rstrip(".")
    if tl in lx.role_heads or t.t in lx.honorifics:
        return 2
    if tl in lx.role_words or t.t in lx.demonyms or t.t in lx.known or tl in _APPOS_GLUE or t.kind in "CU":
        return 1
    return 0


def _role_apposition(doc: _Doc, toks: list[_Tok], i0: int, i1: int) -> str | None:
    """A title set off by commas: "Israel's ambassador to Ankara, Irit Lillian" / "Kalin, the spy chief, said"."""
    lx = doc.lx
    if i0 >= 2 and toks[i0 - 1].t == ",":
        last = toks[i0 - 2]
        ll = last.t.lower()
        if ll in lx.role_heads or ll in lx.role_words or last.t in lx.known:
            j, head = i0 - 2, False
            while j >= 0 and i0 - j <= 10:
                ok = _appos_ok(lx, toks[j])
                if not ok:
                    break
                head = head or ok == 2
                j -= 1
            first = j + 1
            while first < i0 - 1 and (toks[first].t.lower() in _APPOS_GLUE or toks[first].kind == "C" and toks[first].t.lower() in lx.lower_common):
                first += 1
            if head and first < i0 - 1:
                return doc.view[toks[first].s:toks[i0 - 2].e]
    if i1 + 2 < len(toks) and toks[i1 + 1].t == ",":
        j, head = i1 + 2, False
        while j < len(toks) and j - i1 <= 10 and toks[j].t != ",":
            ok = _appos_ok(lx, toks[j])
            if not ok:
                return None
            head = head or ok == 2
            j += 1
        if head and j < len(toks) and toks[j].t == ",":
            first = i1 + 2
            while first < j and (toks[first].t.lower() in _APPOS_GLUE or toks[first].kind == "C" and toks[first].t.lower() in lx.lower_common):
                first += 1
            if first < j:
                return doc.view[toks[first].s:toks[j - 1].e]
    return None


def _classify(doc: _Doc, words: list[_Tok], toks: list[_Tok], titled: bool) -> tuple[str, int]:
    """(type, strength) of a trimmed name span."""
    lx = doc.lx
    texts = [w.t for w in words]
    first, last = texts[0], texts[-1]
    n = len(texts)
    if n >= 2 and (last in lx.org_last or last.rstrip(".") in lx.org_last or last in _LEGAL_SUFFIX or "&" in texts):
        if last == "City" and " ".join(texts[:-1]) in lx.known and lx.known[" ".join(texts[:-1])][0] == "country":
            return "place", 2
        return "organization", 2
    if n >= 2 and first in lx.org_first and "of" in texts:
        return "organization", 2
    if n == 2 and len(first) == 2 and first.endswith(".") and last in lx.known:
        return lx.known[last][0], 2  # "N. Korea"
    if n >= 2 and first in lx.first_names and last in lx.loc_last and last not in ("Street", "Road", "Square"):
        return "person", 2  # "Anthony Hill"
    if n >= 2 and (first in lx.loc_first or last in lx.loc_last or first in _PLACE_FIRST):
        return "place", 2
    if titled:
        return "person", 2
    i0 = words[0].idx
    if i0 > 0 and _role_before(doc, toks, i0)[0] is not None and not any(t in lx.org_last for t in texts):
        return "person", 2  # "president Suharto", "spokesman Per Zetterquist"
    if n >= 2 and (first in lx.first_names or _INITIALS.match(first)) and last not in lx.known:
        return "person", 2  # "Benjamin Netanyahu", "J. Smith", "J.K. Rowling"
    if n >= 2 and any(t in _PARTICLES for t in texts[1:-1]):
        return "person", 1
    if n == 1 and words[0].kind == "U" and len(first) <= 6:
        return "organization", 1
    if n >= 2:
        if any(t.lower() in lx.role_words and t not in ("of", "the", "and") or t in lx.org_last for t in texts):
            return "organization", 1
        if first in lx.known and lx.known[first][0] == "organization":
            return "organization", 1  # "Sony Ericsson", "BBC Radio"
        if first in lx.known and lx.known[first][0] in ("place", "country") and first not in lx.first_names \
                and texts[1] not in lx.first_names:
            return "organization", 1  # "Chicago Purchasing Managers", "Bombay Commodities"
        if doc.sports and first not in lx.first_names and (
                last in lx.known and lx.known[last][0] == "place"
                or first in lx.known and lx.known[first][0] == "place" and last.endswith("s")):
            return "organization", 1  # "Dynamo Moscow", "Philadelphia Eagles"
        if all(t.isalpha() and t[0].isupper() and not t.isupper() or _INITIALS.match(t) for t in texts if t != "-"):
            return "person", 1
        return "organization", 0
    # one word: context
    line_toks = toks
    i0 = words[0].idx
    prev = line_toks[i0 - 1] if i0 > 0 else None
    nxt = line_toks[words[-1].idx + 1] if words[-1].idx + 1 < len(line_toks) else None
    if words[0].kind == "C" and any(ch.isupper() for ch in first[1:]) and not first.startswith(("Mc", "Mac", "O'", "D'")) \
            and "-" not in first and "'" not in first:
        return "organization", 1  # "WorldCom", "PayPal"
    if nxt is not None and nxt.t == "-" and nxt.s == words[-1].e and words[-1].idx + 2 < len(line_toks):
        suffix = line_toks[words[-1].idx + 2].t
        if suffix == "based":
            return "place", 1  # "Zorvex-based"
        if suffix in _LOWER_SUFFIX:
            return "organization", 1  # "Hamas-run", "Zorvex-led"
    if prev is not None and prev.t == "in" and i0 > 1 and line_toks[i0 - 2].t in _HOLDING:
        return "organization", 2  # "a stake in Pirelli"
    if prev is not None and prev.t.lower() in _PLACE_PREV:
        return "place", 1
    if nxt is not None and nxt.t in _ORG_AFTER:
        return "organization", 1  # "Petofi general manager", "Pirelli shares"
    if prev is not None and prev.t in _ORG_NOUNS:
        return "organization", 2  # "tyre giant Pirelli", "chain Ruch"
    if prev is not None and prev.t == "of" and i0 > 1 and line_toks[i0 - 2].t in _PLACE_NOUNS:
        return "place", 2  # "the town of Tavildara", "east of Tavildara"
    if nxt is not None and nxt.t in _PLACE_NOUNS and nxt.kind == "l":
        return "place", 1  # "Tavildara region"
    if prev is not None and prev.t in ("b", "c", "st", "lbw") and doc.sports:
        return "person", 1  # cricket scorecard: "c Ranatunga b Muralitharan"
    if nxt is not None and nxt.t in _SAY:
        return "person", 1
    if prev is not None and prev.t in ("the", "The"):
        return "organization", 0
    if first in lx.first_names:
        return "person", 1
    return "person", 0


def _known_prefix(view: str, words: list[_Tok], lx) -> bool:
    """Do the first two or three words form a known name ("New York Stock Exchange", "South Africa Ltd")?"""
    for m in (3, 2):
        if len(words) >= m and _text(view, words[:m]) in lx.known:
            return True
    return False


def _analyze_run(doc: _Doc, run: list[_Tok], toks: list[_Tok], line_no: int):
    lx = doc.lx
    view = doc.view
    words = list(run)
    # whole run known?
    text = _text(view, words)
    if len(words) >= 2 and words[0].s > 0 and view[words[0].s - 1] in _QUOTES and view[words[-1].e:words[-1].e + 1] \
            in _QUOTES_END and text not in lx.known and not any(w.t in lx.first_names for w in words):
        return  # a quoted title of a work: "The Quiet Man", "Million Dollar Baby"
    if text not in lx.known and words[0].kind == "U" and text.lower() in lx.known_lower:
        typ, canon = lx.known_lower[text.lower()]
        _emit(doc, words, toks, typ, 3, canon, line_no)
        return
    if text in lx.known and not (words[0].sent_start and len(words) == 1 and text.lower() in doc.lower_words
                                 and lx.known[text][0] != "country"):
        typ, canon = lx.known[text]
        _emit(doc, words, toks, typ, 3, canon, line_no)
        return
    # strip leading function words ("The", "In", "Although") and position-capitalised common words
    while words and not _known_prefix(view, words, lx) and (
            words[0].kind == "C" and words[0].t.lower() in lx.lower_common
            or words[0].t in lx.non_actors and words[0].t not in lx.honorifics and words[0].t not in lx.first_names
            and not (len(words) > 2 and words[1].t == "of")
            and not (len(words) >= 3 and words[-1].t in lx.org_last and words[0].t not in _WEEK_MONTH
                     and _text(view, words[1:]) not in lx.known)
            or words[0].kind == "p"):
        words = words[1:]
        if words and _text(view, words) in lx.known:
            break
    if not words:
        return
    if words[0].sent_start or words[0] is run[0] and run[0].sent_start:
        w = words[0]
        if (w.t.lower() in doc.lower_words and w.t not in lx.first_names and w.t not in lx.known
                and w.t not in lx.honorifics and w.t not in lx.demonyms and w.t not in doc.mid_caps):
            words = words[1:]
            while words and words[0].kind == "p":
                words = words[1:]
            if not words:
                return
    if len(words) >= 3 and words[0].sent_start and words[0].kind == "C" and words[0].t not in lx.first_names \
            and words[0].t not in lx.known and words[0].t not in lx.honorifics and words[0].t.lower() not in lx.role_heads \
            and words[0].t.lower() not in lx.role_words and words[1].kind == "C" and (
                words[1].t in lx.first_names or words[1].t in lx.demonyms) and not _known_prefix(view, words, lx):
        words = words[1:]  # "Controversial Australian Anthony Hill", "Fullback Andre Joubert"
    # split at capitalised common words inside (Title-ish fragments: "Erdogan On Gaza")
    for k in range(1, len(words)):
        w = words[k]
        if w.kind == "C" and w.t.lower() in lx.lower_common and w.t not in ("Of", "The") \
                and words[k - 1].t not in lx.first_names and words[k - 1].t not in lx.honorifics:
            _analyze_run(doc, words[:k], toks, line_no)
            rest = words[k + 1:]
            if rest:
                _analyze_run(doc, rest, toks, line_no)
            return
    text = _text(view, words)
    if text in lx.known:
        typ, canon = lx.known[text]
        _emit(doc, words, toks, typ, 3, canon, line_no)
        return
    # org names ending in a cue word keep their demonym ("Turkish Airlines") unless generic ("Turkish Foreign Ministry")
    titled = False
    country = None
    # "Federal Reserve Governor Lawrence Lindsey": an organisation, a title, then a person
    for h in range(1, len(words) - 1):
        w = words[h]
        if w.kind == "C" and (w.t in lx.honorifics or w.t.lower() in lx.role_heads) and w.t not in lx.org_last:
            left = words[:h]
            while left and left[-1].t.lower() in lx.role_words and left[-1].t not in lx.org_last:
                left = left[:-1]
            lt = _text(view, left) if left else ""
            if left and (lt in lx.known and lx.known[lt][0] == "organization" or left[-1].t in lx.org_last) \
                    and words[-1].t not in lx.org_last:
                _analyze_run(doc, left, toks, line_no)
                words = words[h:] if left is words[:h] else words[len(left):]
                break
    # titles: strip leading honorifics / role words / demonyms / countries; countries in there are mentions
    k = 0
    last_head = -1
    while k < len(words):
        w = words[k]
        m = 3 if k + 3 <= len(words) and _text(view, words[k:k + 3]) in lx.known else \
            2 if k + 2 <= len(words) and _text(view, words[k:k + 2]) in lx.known else 0
        if m and lx.known[_text(view, words[k:k + m])][0] == "country" and k + m < len(words):
            k += m  # "United States Secretary of State"
            continue
        tl = w.t.lower().rstrip(".")
        if w.t in lx.honorifics or tl in lx.role_heads:
            last_head = k
        elif tl in lx.role_words or w.t in lx.demonyms or w.t in lx.known or w.t == "-":
            pass
        elif k + 1 < len(words) and words[k + 1].t in ("Minister", "Secretary", "Commissioner") and k < 2:
            pass  # "Privatisation Minister"
        else:
            break
        k += 1
    is_org = words[-1].t in lx.org_last or words[-1].t.rstrip(".") in lx.org_last
    if last_head >= 0 and 0 < last_head + 1 < len(words) and not is_org:
        # role prefix then a name: "Turkish President Recep Tayyip Erdogan"
        # (only a head word may end the prefix: "Secretary of State Antony Blinken")
        cut = last_head + 1
        while cut < len(words) and (words[cut].t in ("of", "the", "-") or words[cut].t.lower() in lx.role_words
                                     and words[cut].t not in lx.first_names):
            cut += 1
        _emit_countries(doc, words[:cut], toks, line_no)
        if cut >= len(words):
            return  # only a title: "US Secretary of State"
        words = words[cut:]
        titled = True
    elif last_head >= 0 and last_head + 1 >= len(words) and not is_org:
        # only a title ("Turkish President"): countries inside are still mentions
        _emit_countries(doc, words, toks, line_no)
        if len(words) == 1 and words[0].kind == "C":
            # "King said": a title word that may be the family name of someone in the article
            _emit(doc, words, toks, "person", -1, words[0].t, line_no)
        return
    # leading demonym: "Israeli Foreign Ministry" -> "Foreign Ministry" (Israel); "Turkish Airlines" stays
    dem = None
    for m in (2, 1):
        if len(words) > m and _text(view, words[:m]) in lx.demonyms:
            dem = _text(view, words[:m])
            rest = words[m:]
            while rest and rest[0].t == "-":
                rest = rest[1:]
            if not rest:
                break
            generic = rest[-1].t in _STATE_ORGANS or rest[0].t in ("Ministry", "Embassy")
            if is_org and not generic:
                dem = None  # "Turkish Airlines"
                break
            country = lx.demonyms[dem]
            words = rest
            break
    if len(words) >= 3 and words[-2].t in lx.misc_last and _ROMAN.match(words[-1].t):
        return  # "World War II"
    if len(words) >= 2 and words[-1].t in lx.misc_last:
        return  # an event, a law, a prize: not an actor
    while len(words) > 1 and words[-1].t in lx.non_actors and words[-1].t not in lx.org_last \
            and _text(view, words) not in lx.known \
            and not (words[-1].t in _MONTH_NAMES and words[-2].t in lx.first_names):
        words = words[:-1]  # "Rohingya Muslim"
    if len(words) == 1 and (words[0].t in lx.non_actors and not (titled and words[0].t in _MONTH_NAMES)
                            or len(words[0].t.rstrip(".")) == 1
                            or _PLURAL_ACRONYM.match(words[0].t)):
        return  # "Friday", "MPs", "DVDs"
    if len(words) >= 3 and words[-2].t in lx.misc_last and _ROMAN.match(words[-1].t):
        return  # "World War II"
    if len(words) >= 2 and words[-1].t in lx.misc_last:
        return  # an event, a law, a prize: not an actor
    text = _text(view, words)
    if text in lx.demonyms or text in lx.non_actors and not (titled and text in _MONTH_NAMES):
        return
    if text in lx.known:
        typ, canon = lx.known[text]
        _emit(doc, words, toks, typ, 3, canon, line_no)
        return
    wl = _words(words)
    if not wl:
        return
    typ, strength = _classify(doc, wl, toks, titled)
    c = _emit(doc, words, toks, typ, strength, text, line_no)
    if c is not None:
        c.country = country


def _emit_countries(doc: _Doc, words: list[_Tok], toks: list[_Tok], line_no: int):
    """Countries named inside a title ("US Secretary of State", "United States Secretary of State")."""
    lx = doc.lx
    k = 0
    while k < len(words):
        for m in (3, 2, 1):
            if k + m <= len(words):
                t = _text(doc.view, words[k:k + m])
                if t in lx.known:
                    _emit(doc, words[k:k + m], toks, lx.known[t][0], 3, lx.known[t][1], line_no)
                    k += m - 1
                    break
        k += 1


def _emit(doc: _Doc, words: list[_Tok], toks: list[_Tok], typ: str, strength: int, name: str, line_no: int):
    s, e = words[0].s, words[-1].e
    last = words[-1].t
    if len(last) > 2 and last.endswith(".") and len(words) > 1 or last.count(".") >= 2:
        after = doc.view[e:e + 3]
        if not after or after[0] in "\n\"'\u201d\u2019" or last.count(".") == 1 and _NEW_SENT.match(after):
            e -= 1  # the full stop ends the sentence ("... & Co.", "... the U.S.")
            if name == doc.view[s:e + 1]:
                name = doc.view[s:e]
    text = doc.view[s:e]
    if not any(ch.isalpha() for ch in text):
        return None
    if strength <= 1 and s > 0 and doc.view[s - 1] in _QUOTES and doc.view[e:e + 1] in _QUOTES_END:
        return None  # a quoted title of a work: "Million Dollar Baby"
    role, _ = _role_before(doc, toks, words[0].idx)
    c = _Cand(s, e, text, typ, strength, name, role, words[0].sent_start, line_no)
    if role is None and typ == "person":
        c.appos = _role_apposition(doc, toks, words[0].idx, words[-1].idx)
    doc.cands.append(c)
    return c


def _hyphen_parts(doc: _Doc, toks: list[_Tok], line_no: int, runs: list[list[_Tok]]) -> list[list[_Tok]]:
    """Split hyphenated runs: "Israel-Hamas" -> Israel, Hamas; drop "pro-Palestinian"; "Hamas-run" keeps Hamas."""
    lx = doc.lx
    out = []
    for run in runs:
        first = run[0]
        # lower-case prefix joined by a hyphen ("pro-Palestinian", "anti-Israel", "ex-President")
        i0 = first.idx
        if i0 >= 2 and toks[i0 - 1].t == "-" and toks[i0 - 1].s == toks[i0 - 2].e and first.s == toks[i0 - 1].e \
                and toks[i0 - 2].kind == "l" and toks[i0 - 2].t not in _HYPHEN_PARTICLES:
            if toks[i0 - 2].t in ("pro", "anti", "non", "post", "pre", "neo", "pan", "mid", "trans", "inter", "sub"):
                continue
        if len(run) >= 3 and run[1].t == "-" and run[0].t in ("R", "D", "I") and run[2].s == run[1].e:
            out.append(run[2:])  # "(D-Calif.)": a party and a state
            continue
        if any(t.t == "-" for t in run):
            whole = _text(doc.view, run)
            if whole not in lx.known:
                pieces, cur = [], []
                for t in run:
                    if t.t == "-":
                        pieces.append(cur)
                        cur = []
                    else:
                        cur.append(t)
                pieces.append(cur)
                texts = [_text(doc.view, p) for p in pieces if p]
                if len(texts) >= 2 and all(
                        p in lx.known for p in texts):
                    out.extend(p for p in pieces if p)
                    continue
                if len(texts) >= 2 and any(p in lx.demonyms for p in texts):
                    # "Turkish-Israeli" relations, "Franco-German"
                    continue
        out.append(run)
    return out


def extract_actors(view: str) -> list[ActorMention]:
    """Every actor mention in the text view, typed, each with the fullest in-article name."""
    doc = _Doc(view)
    lx = doc.lx
    lines = []
    pos = 0
    for line in view.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if line.strip():
            lines.append((ls, le))
    tokenized = []
    sports = 0
    lower_add = doc.lower_words.add
    for ls, le in lines:
        toks = _tokenize_line(view, ls, le)
        tokenized.append(toks)
        for t in toks:
            k = t.kind
            if k == "l":
                lower_add(t.t)
                if t.t in _SPORT_SET:
                    sports += 2
                elif t.t in _SPORT_WEAK:
                    sports += 1
            elif k == "C":
                tl = t.t.lower()
                if tl in _SPORT_SET:
                    sports += 2
                elif tl in _SPORT_WEAK:
                    sports += 1
    for k, toks in enumerate(tokenized):
        style = _line_style(toks, lx, doc.lower_words)
        tokenized[k] = (toks, style)
        if style == "":
            for t in toks:
                if t.kind == "C" and not t.sent_start:
                    doc.mid_caps.add(t.t)
    doc.sports = sports >= 6
    doc.teams = set()
    doc.teams_lower = set()
    for ln, (toks, style) in enumerate(tokenized):
        if _dateline(doc, toks, ln) or _table_line(doc, toks, ln, style):
            tokenized[ln] = (toks, "done")
            continue
        if style == "caps":
            continue
        runs = _runs(toks, view, lx, doc.lower_words)
        runs = _hyphen_parts(doc, toks, ln, runs)
        n0 = len(doc.cands)
        for run in runs:
            _analyze_run(doc, run, toks, ln)
        if style == "title":
            # a Title Case line: keep only what stands without the help of capitals
            # (titled people, gazetteer names); the rest is matched against the body later
            doc.cands[n0:] = [c for c in doc.cands[n0:] if c.strength >= 3 or c.strength == 2 and c.type == "person"
                              and c.role is not None and _plain_name(c.text, lx, doc.lower_words)]
    _lowercase_ministries(doc)
    _resolve(doc)
    # headlines: match known names case-insensitively
    for ln, (toks, style) in enumerate(tokenized):
        if style and style != "done":
            _match_headline(doc, toks, ln, style)
    return _finish(doc)


_LOWER_MIN = re.compile(r"(?:\b([A-Z][a-z]+)['\u2019]s|\b([A-Z][a-z]+))\s+((?:foreign|defen[cs]e|interior|health|finance|justice|"
                        r"education|energy|economy|trade|agriculture|transport|culture|environment|information|tourism|"
                        r"labou?r|industry|communications|intelligence)\s+ministry)\b")


_DATE_TAIL = re.compile(r"\s+\d{4}-\d\d-\d\d\s*$|\s+\d{1,2}/\d{1,2}/\d{2,4}\s*$")
_TABLE_LOWER = words("actors", "table_lower")


def _dateline(doc: _Doc, toks: list[_Tok], ln: int) -> bool:
    """"LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29": places."""
    if not toks or toks[0].kind not in "CU":
        return False
    line_end = toks[-1].e
    m = _DATE_TAIL.search(doc.view, toks[0].s, line_end)
    if not m or m.end() < line_end - 1:
        return False
    head = doc.view[toks[0].s:m.start()]
    if not re.fullmatch(r"[A-Z][\w.'\u2019 -]*(?:,\s*[A-Z][\w.'\u2019 -]*)?", head):
        return False
    lx = doc.lx
    pos = toks[0].s
    for part in head.split(","):
        lead = len(part) - len(part.lstrip())
        part = part.strip()
        if not part:
            pos += 1
            continue
        s = pos + lead
        key = part.lower()
        typ, canon = lx.known_lower.get(key, ("place", part.title() if part.isupper() else part))
        doc.cands.append(_Cand(s, s + len(part), part, typ, 4, canon, None, False, ln))
        pos = s + len(part) + 1
    return True


def _table_line(doc: _Doc, toks: list[_Tok], ln: int, style: str) -> bool:
    """Result and standings lines: "Lotte 6 Hyundai 2", "Barnsley 3 3 0 0 8 2 9", "Benetton (Italy) 92"."""
    digits = sum(1 for t in toks if t.kind == "d")
    if digits == 0 or not toks or toks[0].kind not in "CU":
        return False
    if style == "caps" and digits < sum(1 for t in toks if t.kind in "CU") and not any(t.kind == "C" and len(t.t) > 1 for t in toks):
        return False  # "SOCCER - U.S. BEAT EL SALVADOR 3-1."
    if toks[-1].t == "." and (toks[-2].kind != "d" if len(toks) > 1 else True):
        return False
    words = [t for t in toks if t.kind in "CUl"]
    if any(t.kind == "l" and t.t not in _TABLE_LOWER for t in words):
        return False
    lx = doc.lx
    runs = _runs(toks, doc.view, lx)
    if not runs:
        return False
    first_run_end = runs[0][-1].idx
    if first_run_end + 1 >= len(toks) or toks[first_run_end + 1].kind not in "dp":
        return False
    followed = sum(1 for run in runs if run[-1].idx + 1 < len(toks) and toks[run[-1].idx + 1].kind == "d")
    results = followed >= 2 and len(runs) == 2 or any(t.t in ("v", "vs") for t in toks)
    standings = len(runs) == 1 and followed == 1
    for run in runs:
        venue = False
        while run and run[0].kind == "C" and run[0].t.lower() in lx.lower_common:
            venue = venue or run[0].t in ("At", "In")
            run = run[1:]
        titled = False
        while len(run) > 1 and run[0].t in lx.honorifics and run[1].t not in ("-", "of"):
            titled = True
            run = run[1:]
        if len(run) >= 3 and run[1].t == "-" and run[0].t in ("R", "D", "I"):
            run = run[2:]  # "(R-Texas)": a party and a state
        words = _words(run)
        if not words:
            continue
        text = _text(doc.view, run)
        if text.lower() in lx.lower_common or text.lower() in lx.non_actors_lower or text in lx.demonyms or len(text) == 1:
            continue
        nxt = toks[run[-1].idx + 1] if run[-1].idx + 1 < len(toks) else None
        if nxt is not None and nxt.t == ":" or len(words) == 1 and text.lower() in doc.lower_words:
            continue
        known = lx.known.get(text) or lx.known_lower.get(text.lower())
        prev = toks[run[0].idx - 1].t if run[0].idx > 0 else ""
        if known and known[0] == "country":
            typ, name = known
        elif titled:
            typ, name = "person", text
        elif len(words) >= 2 and words[0].t in lx.first_names or len(words) >= 2 and len(words[0].t) == 2 and words[0].t.endswith("."):
            typ, name = "person", text
        elif prev == "(" and known or venue:
            typ, name = "place", known[1] if known else text
        elif len(words) >= 2 and not results and not standings and not known and words[-1].t not in lx.org_last \
                and all(w.kind == "C" and w.t not in lx.known for w in words):
            typ, name = "person", text  # "Cosmin Contra (23rd minute)", "Wasim Akram 3-45"
        else:
            typ, name = "organization", text
        if not doc.sports and typ == "organization" and known and known[0] != "organization":
            typ = known[0]
        c = _Cand(run[0].s, run[-1].e, text, typ, 2, name, None, False, ln)
        if typ == "organization" and known and known[0] == "place":
            doc.teams.add(text)
        doc.cands.append(c)
    return True


def _plain_name(text: str, lx, lower_words) -> bool:
    """No word of a Title Case line's name is a common word, a demonym or a known name ("Blinken Meets Turkish FM")."""
    parts = text.split()
    return len(parts) <= 4 and not any(
        p.lower() in lower_words or p.lower() in lx.lower_common or p in lx.demonyms or p in lx.known
        or p.isupper() and len(p) > 1 for p in parts)


def _lowercase_ministries(doc: _Doc):
    """"Turkey's foreign ministry", "Turkish foreign ministry": an organisation mention on "foreign ministry"."""
    lx = doc.lx
    taken = {(c.s, c.e) for c in doc.cands}
    for m in _LOWER_MIN.finditer(doc.view):
        country = None
        if m.group(1) and m.group(1) in lx.known and lx.known[m.group(1)][0] == "country":
            country = lx.known[m.group(1)][1]
        elif m.group(2) and m.group(2) in lx.demonyms:
            country = lx.demonyms[m.group(2)]
        if country is None:
            continue
        s, e = m.start(3), m.end(3)
        if (s, e) in taken:
            continue
        c = _Cand(s, e, doc.view[s:e], "organization", 2, doc.view[s:e])
        c.country = country
        doc.cands.append(c)


def _ministry_name(c: _Cand, view: str, lx) -> str | None:
    text = " ".join(c.text.split())
    m = _MINISTRY_A.match(text) or _MINISTRY_B.match(text)
    if not m:
        if c.text.lower().endswith("ministry") and " " in c.text:
            port = c.text.lower().rsplit(" ", 1)[0].strip()
        else:
            return None
    else:
        port = m.group(1).lower()
    port = _PORTFOLIO.get(port)
    if port is None:
        return None
    country = c.country
    if country is None:
        # "Turkey's Foreign Ministry"
        before = view[max(0, c.s - 40):c.s]
        pm = re.search(r"([A-Z][\w.]+)['\u2019]s\s+(?:the\s+)?$", before) or re.search(r"\b([A-Z][a-z]+)\s+$", before)
        if pm:
            w = pm.group(1)
            if w in lx.known and lx.known[w][0] == "country":
                country = lx.known[w][1]
            elif w in lx.demonyms:
                country = lx.demonyms[w]
    return f"Ministry of {port} ({country})" if country else f"Ministry of {port}"


def _resolve(doc: _Doc):
    lx = doc.lx
    view = doc.view
    cands = sorted(doc.cands, key=lambda c: (c.s, -c.e))
    # drop overlaps (keep the first, longest)
    kept = []
    last_end = -1
    for c in cands:
        if c.s >= last_end:
            kept.append(c)
            last_end = c.e
    cands = kept
    # strongest type per surface
    best: dict[str, _Cand] = {}
    for c in cands:
        b = best.get(c.text)
        if b is None or c.strength > b.strength:
            best[c.text] = c
    # "Ruch SA" ... "Ruch": the short form of a company takes its full name
    short_org: dict[str, str] = {}
    for c in cands:
        if c.type == "organization" and c.strength >= 2:
            parts = c.text.rsplit(" ", 1)
            if len(parts) == 2 and parts[1] in _LEGAL_SUFFIX and parts[0] not in lx.known:
                short_org.setdefault(parts[0], c.name)
    for c in cands:
        if c.strength < 3 and c.text in short_org:
            c.type, c.name, c.strength = "organization", short_org[c.text], 2
        elif c.type == "person" and c.strength <= 1 and c.text.split()[0] in short_org:
            c.type, c.strength = "organization", 2  # "Pirelli Cables" beside "Pirelli SpA"
    # person name index: every suffix of a multi-word person name -> full names
    persons = [c for c in cands if c.type == "person" and c.strength >= 1 and len(c.text.split()) >= 2]
    person_full: dict[str, list[_Cand]] = {}
    for p in persons:
        toks = p.text.split()
        for k in range(1, len(toks)):
            person_full.setdefault(" ".join(toks[k:]), []).append(p)
    for p in persons:
        first = p.text.split()[0]
        if p.strength >= 2 and first not in person_full and first not in lx.known and len(first) > 2 \
                and first not in lx.first_names and first[0].isupper():
            person_full.setdefault(first, []).append(p)  # "Saddam" after "Saddam Hussein"
    # a person name and a longer one with the same first and last word ("George Bush", "George W. Bush"):
    # the longer one, the last written in the article; indexed, not compared pairwise (articles can be huge)
    last_at: dict[str, int] = {}
    for i, p in enumerate(persons):
        last_at[p.text] = i
    by_ends: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for t, i in last_at.items():
        tt = t.split()
        by_ends.setdefault((tt[0], tt[-1]), []).append((i, len(tt), t))
    longer: dict[str, str] = {}
    for t in last_at:
        tt = t.split()
        fuller = [(i, q) for i, n, q in by_ends[(tt[0], tt[-1])] if n > len(tt)]
        if fuller:
            longer[t] = max(fuller)[1]
    for c in cands:
        if c.type == "person" and c.text in longer:
            c.name = longer[c.text]
    # acronyms introduced in brackets: "Securities Exchange Commission (SEC)"
    acronym: dict[str, tuple[str, str]] = {}
    for c in cands:
        m = _ALIAS_AFTER.match(view, c.e, c.e + 30)
        if m and c.type in ("organization", "person") and len(c.text.split()) >= 2:
            acronym[m.group(1)] = (c.type, c.name)
    counts: dict[str, int] = {}
    for c in cands:
        counts[c.text] = counts.get(c.text, 0) + 1
    full_starts: dict[str, list[int]] = {}
    out = []
    for c in cands:
        if c.strength < 3 or c.type != "country":
            full = person_full.get(c.text)
            if full and c.type != "country" and c.strength < 3 or full and c.type == "place" and c.strength == 3 \
                    and len(c.text.split()) == 1 and any(p.strength >= 1 for p in full):
                # the last full name written before it, else the last one (each list is in text order;
                # found by bisection, not by a scan: a name repeated thousands of times costs its square)
                starts = full_starts.get(c.text)
                if starts is None:
                    starts = full_starts[c.text] = [p.s for p in full]
                k = bisect.bisect_left(starts, c.s)
                p = full[k - 1] if k else full[-1]
                c.type, c.name, c.strength = "person", p.text, max(c.strength, 2)
            elif c.text in acronym:
                c.type, c.name = acronym[c.text]
                c.strength = max(c.strength, 2)
            elif c.strength < 2:
                b = best.get(c.text)
                if b is not None and b.strength > c.strength:
                    c.type, c.name, c.strength = b.type, b.name, b.strength
        if c.strength < 0:
            continue  # a title word that named nobody in the article
        if c.strength <= 1 and " " not in c.text and c.text.lower() in doc.lower_words and c.type != "person" \
                or c.strength == 0 and " " not in c.text and c.text.lower() in doc.lower_words:
            continue  # "Year", "Film": a common word the article also writes in lower case
        if c.strength == 0 and len(c.text.split()) == 1:
            if UNKNOWN_SINGLE == "drop" or c.sent_initial and c.text not in doc.mid_caps \
                    or UNKNOWN_SINGLE == "repeat" and counts[c.text] < 2:
                continue  # an unknown capitalised word with nothing to say what it names
            if UNKNOWN_SINGLE in ("org", "repeat"):
                c.type = "organization"
        if c.type == "organization":
            mn = _ministry_name(c, view, lx)
            if mn:
                c.name = mn
        out.append(c)
    # ministries without a country take the one country named with the same portfolio in the article
    ministries: dict[str, set[str]] = {}
    for c in out:
        if c.name.startswith("Ministry of ") and c.name.endswith(")"):
            ministries.setdefault(c.name.split(" (")[0], set()).add(c.name)
    for c in out:
        if c.name in ministries and len(ministries[c.name]) == 1:
            c.name = next(iter(ministries[c.name]))
    # sports reports: a city or county followed by a score is a team
    if doc.sports:
        teams = doc.teams
        for c in out:
            if c.type == "place" and c.strength < 4:
                after = view[c.e:c.e + 12]
                before = view[max(0, c.s - 12):c.s]
                if re.match(r"\s+\d(?!\d\d\d-)", after) or _TEAM_BEFORE.search(before) or _TEAM_AFTER.match(after):
                    teams.add(c.text)
        teams = {t.lower() for t in teams}
        doc.teams_lower = teams
        for c in out:
            if c.text.lower() in teams and c.type == "place" and c.strength < 4:
                c.type = "organization"
    doc.cands = out


def _match_headline(doc: _Doc, toks: list[_Tok], ln: int, style: str):
    lx = doc.lx
    view = doc.view
    names: dict[str, tuple[str, str]] = {}
    for c in doc.cands:
        names.setdefault(" ".join(c.text.lower().split()), (c.type, c.name))
    for c in doc.cands:
        if c.type == "person" and " " in c.name:
            names.setdefault(c.name.rsplit(" ", 1)[1].lower(), (c.type, c.name))
    covered = set()
    for c in doc.cands:
        if c.line == ln:
            covered.update(range(c.s, c.e))
    words = [t for t in toks if (t.kind != "p" or t.t == "-") and t.s not in covered]
    i = 0
    n = len(words)
    maxn = max(lx.max_known_tokens, 5)
    while i < n:
        if words[i].kind not in "CU":
            i += 1
            continue
        hit = None
        for k in range(min(n, i + maxn), i, -1):
            if words[k - 1].kind not in "CU":
                continue
            s, e = words[i].s, words[k - 1].e
            key = " ".join(view[s:e].lower().split())
            if key in names:
                hit = (k, names[key])
                break
            if key in lx.known_lower:
                typ, canon = lx.known_lower[key]
                if typ == "country" or len(key) > 3 or k - i > 1 or style == "caps":
                    hit = (k, (typ, canon))
                    break
        if hit is None:
            i += 1
            continue
        k, (typ, name) = hit
        s, e = words[i].s, words[k - 1].e
        txt = view[s:e]
        if txt.lower() in lx.lower_common and not (txt.isupper() and style == "title") or txt in lx.demonyms:
            i += 1
            continue
        if doc.sports and typ == "place":
            same = [c for c in doc.cands if c.name == name and c.type == "organization"]
            if same or txt.lower() in doc.teams_lower or _TEAM_BEFORE.search(view[max(0, s - 12):s].lower()) \
                    or _TEAM_AFTER.match(view[e:e + 14].lower()):
                typ = "organization"
        prev = doc.cands[-1] if doc.cands and doc.cands[-1].line == ln else None
        if typ == "person" and prev is not None and prev.type == "person" and view[prev.e:s] == " " \
                and " " not in prev.name and " " not in name:
            # "ROBERTO DURAN": two halves of one name
            prev.e, prev.text = e, view[prev.s:e]
            prev.name = prev.text.title() if prev.text.isupper() else prev.text
            i = k
            continue
        c = _Cand(s, e, txt, typ, 2, name, None, False, ln)
        doc.cands.append(c)
        i = k


def _finish(doc: _Doc) -> list[ActorMention]:
    # one type per name in the article: the type with the most (and strongest) evidence wins
    votes: dict[str, dict[str, int]] = {}
    for c in doc.cands:
        if c.strength < 4:  # a dateline names the place, whatever the team of that name does
            v = votes.setdefault(c.name, {})
            v[c.type] = v.get(c.type, 0) + 1 + c.strength
    for c in doc.cands:
        v = votes.get(c.name)
        if v and len(v) > 1 and c.strength < 4:
            c.type = max(v, key=lambda t: (v[t], t == c.type))
    out = []
    seen = set()
    for c in sorted(doc.cands, key=lambda c: (c.s, c.e)):
        if (c.s, c.e) in seen:
            continue
        seen.add((c.s, c.e))
        role = (c.role or c.appos) if c.type == "person" else None
        out.append(ActorMention(c.s, c.e, c.text, c.type, c.name, role))
    return out
