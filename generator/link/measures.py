"""Figures across the corpus, grouped by what they measure.

A measure is (what is counted, what happened to it, where, when): "people
killed in Gaza", "people killed in Israel on 2023-10-07".  The parts come from
the figure record (unit, counted noun, predicate) and from its sentence (a
place named after "in"/"into", a date mention).  Within a measure, figures are
put in time order, and figures from different articles published the same day
(or describing the same dated event) that disagree are flagged.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict

from ..model import Corpus, Figure, Measure, Point
from .timeline import sentence_of, sentence_spans

PERSON_NOUNS = frozenset("""people persons person civilians residents citizens children kids women men adults
soldiers troops fighters militants terrorists protesters demonstrators hostages captives prisoners detainees
victims casualties refugees migrants workers employees staff students patients passengers voters members
israelis palestinians americans britons""".split())
PREDICATES = {
    "killed": "killed dead deaths death died die slain slaughtered massacred murdered toll fatalities".split(),
    "injured": "injured hurt wounded injuries".split(),
    "detained": "detained arrested captured abducted kidnapped".split(),
    "held": "held holding hold holds".split(),
    "displaced": "displaced evacuated fled".split(),
    "missing": "missing".split(),
}
_PRED_OF = {w: p for p, ws in PREDICATES.items() for w in ws}
_WORD = re.compile(r"[A-Za-z]+")
# the first word (a whole run of letters, as _WORD finds them) that names a predicate
_PRED_WORD = re.compile(r"(?<![A-Za-z])(?:{})(?![A-Za-z])".format("|".join(sorted(_PRED_OF, key=lambda w: (-len(w), w)))))
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_IN_BEFORE = re.compile(r"\b(in|into|inside)\s+$")


def _noun(f: Figure) -> str | None:
    words = _WORD.findall((f.counted or "").lower())
    head = words[-1] if words else (f.unit or "").lower() or None
    if head in PERSON_NOUNS or (f.unit or "").lower() in ("people", "persons"):
        return "people"
    return head


def _predicate(f: Figure, sentence: str) -> str | None:
    if f.predicate:
        w = f.predicate.lower().split()[0] if f.predicate.split() else ""
        return _PRED_OF.get(w, w or None)
    m = _PRED_WORD.search(sentence.lower())
    return _PRED_OF[m.group()] if m else None


def _key_order(key: tuple) -> tuple:
    return tuple("" if k is None else k for k in key)


PLACE_WINDOW = 80  # a place named further from the number than this is not where it was counted


def build_measures(corpus: Corpus) -> list[Measure]:
    groups: dict[tuple, Measure] = {}
    is_place = {aid for aid, x in corpus.actors.items() if x.type in ("country", "place")}
    for rec in corpus.records:
        if not rec.extraction.figures:
            continue
        spans = sentence_spans(rec)
        view = rec.article.view
        places = sorted((ms, me, aid) for (ms, me), aid in rec.actor_of.items() if aid in is_place)
        place_starts = [p[0] for p in places]
        dates = sorted((d.start, d.value) for d in rec.extraction.dates
                       if d.value and _DAY.fullmatch(d.value) and d.value != rec.article.published)
        date_starts = [d[0] for d in dates]
        for f in rec.extraction.figures:
            noun = _noun(f)
            if not noun:
                continue
            sent = sentence_of(spans, f.start) or (f.start, f.end)
            s, e = sent
            pred = _predicate(f, view[s:e])
            place = None
            best = None
            for ms, me, aid in places[bisect.bisect_left(place_starts, s):bisect.bisect_left(place_starts, e)]:
                if me > e:
                    continue
                before = view[max(s, ms - 7):ms].lower()
                dist = ms - f.end if ms >= f.end else f.start - me
                if _IN_BEFORE.search(before) and dist <= PLACE_WINDOW:
                    if best is None or dist < best:
                        best, place = dist, aid
            when = None
            i = bisect.bisect_left(date_starts, s)
            if i < len(dates) and dates[i][0] < e:
                when = dates[i][1]
            key = (noun, pred, place, when)
            m = groups.get(key)
            if m is None:
                m = groups[key] = Measure(noun, pred, place, when)
            m.points.append(Point(f, rec.slug, rec.anchor_at(f.start), rec.article.published, f.attribution))
    # a figure with no place joins the one measure that differs from it only by having one
    placed: dict[tuple, list[tuple]] = defaultdict(list)
    for k in groups:
        if k[2] is not None:
            placed[(k[0], k[1], k[3])].append(k)
    for key in sorted((k for k in groups if k[2] is None and k[1] is not None), key=_key_order):
        cands = placed.get((key[0], key[1], key[3]), [])
        if len(cands) == 1:
            groups[cands[0]].points.extend(groups.pop(key).points)
    measures = list(groups.values())
    for m in measures:
        m.points.sort(key=lambda p: (p.published or "9999", p.slug, p.figure.start))
        by_time: dict[str, list[Point]] = defaultdict(list)
        for p in m.points:
            if p.published:  # "at the same time": reported on the same day
                by_time[p.published].append(p)
        for _when, pts in sorted(by_time.items()):
            values = {p.figure.value for p in pts}
            if len({p.slug for p in pts}) > 1 and len(values) > 1 and m.predicate:
                m.conflicts.append(pts)
    measures.sort(key=lambda m: (-len({p.slug for p in m.points}), -len(m.points), m.noun, m.predicate or "",
                                 m.place or "", m.when or ""))
    return measures
