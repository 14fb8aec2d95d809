"""Actor candidates from a line: the trimming of runs (titles, demonyms, function words), their type from gazetteers, cue words and context, and the emitted candidates."""
from __future__ import annotations

from ..wordlists import words
from .lexicon import lexicon
from .tokens import (
    _HOLDING,
    _HYPHEN_PARTICLES,
    _INITIALS,
    _LEGAL_SUFFIX,
    _LOWER_SUFFIX,
    _MONTH_NAMES,
    _NEW_SENT,
    _ORG_AFTER,
    _ORG_NOUNS,
    _PARTICLES,
    _PLACE_FIRST,
    _PLACE_NOUNS,
    _PLACE_PREV,
    _PLURAL_ACRONYM,
    _QUOTES,
    _QUOTES_END,
    _ROMAN,
    _SAY,
    _STATE_ORGANS,
    _WEEK_MONTH,
    _Cand,
    _text,
    _Tok,
    _words,
)


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


