"""The document pass over actor candidates: datelines and result tables, ministries, one type and the fullest name per string, headlines matched against the body."""
from __future__ import annotations

import bisect
import re

from ...model import ActorMention
from ..wordlists import words
from .classify import _Doc
from .tokens import (
    _ALIAS_AFTER,
    _LEGAL_SUFFIX,
    _MINISTRY_A,
    _MINISTRY_B,
    _PORTFOLIO,
    _TEAM_AFTER,
    _TEAM_BEFORE,
    UNKNOWN_SINGLE,
    _Cand,
    _runs,
    _text,
    _Tok,
    _words,
)

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
