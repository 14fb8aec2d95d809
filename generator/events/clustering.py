"""Events: group the articles that report the same happening.

A happening (an attack, a ruling, a vote, a resignation) is reported by
several outlets within a few days, each in its own words but with the same
core: who (the actors), what (the specific words of the lead: "recalls",
"ambassador", "$280bn"), when.  :func:`cluster` compares articles on exactly
that, with no topic lists and nothing keyed to particular articles:

1. **Representation.**  Each article is a TF-IDF vector of its content words
   (:mod:`generator.events.terms`, weighed by :mod:`generator.events.vectors`) and of its linked actors (as terms
   ``@actor-id``); the first sentences (the lead, where a report states its
   happening) count twice, the headline once (headlines are often catchy).
   Terms no other article has weigh :data:`UNIQUE_WEIGHT` of their IDF weight:
   they cannot show a shared happening and, at full weight, would shrink the
   similarities of long articles, the more so the smaller the corpus.  Dated
   articles are weighed by the rarity of their terms among the dated
   articles, the only ones they are compared with in time: words of a
   season's news ("delegates" in a campaign) then weigh what they should,
   however many undated articles on other subjects the corpus also holds.
2. **Candidates.**  Only articles that share :data:`MIN_KEYS` of their
   :data:`KEY_TERMS` most distinctive terms are compared: an inverted index
   over those terms, whose posting lists are capped (a term found in more
   than :data:`MAX_POSTING` articles proposes no pairs), so the work grows
   with the number of articles, not with its square.  A pair with an undated
   article must be a close retelling (step 3), and such a pair shares most of
   its distinctive terms: it is compared only when it shares :data:`NEAR_KEYS`
   of them.  On the 3,152-article benchmark corpus no undated pair sharing
   fewer than 8 has a cosine above 0.56 (the bars are 0.60 and 0.80), and the
   rule leaves 17,000 of 84,000 pairs to score, with the same events.
3. **Pair score.**  The cosine of the two vectors (0 when they share fewer
   than :data:`MIN_SHARED` terms: one or two shared words are a coincidence),
   less:

   - for dated articles that name no participant in common: the cosine counts
     only from :data:`NO_PARTICIPANT_BAR` (a close retelling), below it the
     score is 0.  A happening has participants (the people, organisations and
     places it happened to), and two reports of it name at least one of them;
     two reports of the same *kind* of happening (two firms' quarterly results,
     two dividend notices) share a subject's words but name different ones.  A
     participant is an actor named by at most :data:`PARTICIPANT_SHARE` of the
     articles (smoothed by :data:`PARTICIPANT_PRIOR`, so that in a small
     corpus every actor counts): an actor most articles name (the country a
     corpus is about) shows no shared happening.  An article that names no
     actor at all is not held to this (the extractor may have missed them);
   - for dated articles, a penalty that grows faster than the gap between
     the publication dates (:func:`day_penalty`: nothing within a day, then
     :data:`DAY_PENALTY` for the second day, twice that for the third, and so
     on: in all 0.02, 0.06, 0.12, 0.20 for gaps of 2 to 5 days).  Reports of
     one happening bunch in its first days, while the other stories on the
     same subject that fall between two reports grow in number with the gap,
     so the resemblance needed grows faster than the gap; never one event
     beyond :data:`WINDOW_DAYS`;
   - when both articles are undated: a fixed amount, so that the pair needs a
     cosine of :data:`UNDATED_BAR`, the resemblance of two versions of one
     report (without dates, reports of successive steps of one story, a ban
     and its appeal, look as alike as two reports of one step); when one of
     them is dated, :data:`MIXED_BAR` (the dated report anchors the
     happening; the undated one must be a close retelling of it);
   - when both name the same outlet: the same, up to
     :data:`SAME_SOURCE_BAR` (an outlet reports a happening once; its second
     article a day later on the subject is, unless it is a re-run, another
     story).
4. **Clustering.**  Average-link agglomeration: two groups merge only while
   the *mean* score over all their article pairs reaches :data:`THRESHOLD`;
   a chain of pairwise resemblances cannot grow a catch-all event.  Finally a
   group's members whose mean score to the others fell below the threshold
   through later merges are taken out again.
5. **Stories.**  A happening followed over days (an attack, the inquiry into
   it, the reactions to it) is reported from angles that share the core of
   the story (its place, its people, its key words) but little else, so the
   groups of reports of each angle stay apart in step 4.  A second,
   best-first pass merges two groups of two or more reports, at least one
   dated each, when the cosine of their centroids, less :data:`DAY_PENALTY`
   per day between their median dates beyond the first, reaches
   :data:`STORY_BAR`, and never beyond :data:`WINDOW_DAYS`.  A centroid keeps
   what a group's reports have in common and averages away what each adds,
   so the evidence of several reports adds up; a lone report takes no part
   (its resemblance was judged in step 4).  Only groups linked by a
   candidate pair are compared.

Each event then gets a title (the headline most representative of its
articles), the date of the happening, a permanent id and readable evidence.

**Event ids** are permanent in the way actor ids are: the slug of the event's
title (cut to whole words within 60 characters); when several events have the
same title slug, the one with the earliest date (then first article) keeps the
bare slug and each other one gets its date appended (``-2023-11-04``; then
``-2``, ``-3`` if that is taken too; ``-undated`` for undated events).  The
title is chosen among the event's own articles by word counts over those
articles only, so the id of an event does not change when articles that do
not join it are added; it changes only when its own articles change, or when
a new event with the same title and an earlier date appears.

**The event's date** is the date of the happening: the day most often named
in its articles' leads among the days shortly before their publication (a
report published on Monday that says "on Saturday" dates its happening to
Saturday; for an undated article the weekday is resolved against the
earliest dated report of the event), else the earliest publication date.
"""
from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter, defaultdict
from datetime import date

from ..model import ArticleRecord, Corpus, Event
from .describe import (
    assign_ids,
    by_date,
    evidence_of,
    happening_date,
    lead_weekdays,
    title_of,
    weekday_on_or_before,
)
from .docs import Doc, lead_end_of, make_docs, pub_date
from .params import (
    DAY_PENALTY,
    MAX_POSTING,
    RELATED_MAX,
    RELATED_MIN,
    STORY_BAR,
    THRESHOLD,
    WINDOW_DAYS,
)
from .scoring import candidate_pairs, score_pair
from .vectors import centroid, cosine

# ----------------------------------------------------------------------------- representation


# ----------------------------------------------------------------------------- pairs


# ----------------------------------------------------------------------------- clustering

def _average_link(docs: list[Doc], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Merge groups, best first, while the mean pair score between two groups reaches THRESHOLD.

    The mean runs over *all* article pairs of the two groups (pairs that were
    not candidates are scored when first needed), so a group merges only with
    a group that resembles it as a whole, and never across the date window."""
    member: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    version = dict.fromkeys(member, 0)
    total: dict[tuple[int, int], float] = dict(scores)  # (group, group), ordered -> sum of pair scores
    neighbours: dict[int, set[int]] = defaultdict(set)
    heap: list[tuple[float, int, int, int, int]] = []
    for (i, j), s in scores.items():
        if s > -1.0:
            neighbours[i].add(j)
            neighbours[j].add(i)
        if s >= THRESHOLD:
            heap.append((-s, i, j, 0, 0))
    heapq.heapify(heap)

    def pair_score(i: int, j: int) -> float:
        v = scores.get((i, j) if i < j else (j, i))
        return v if v is not None else score_pair(docs[i], docs[j])

    def group_sum(a: int, c: int) -> float:
        key = (a, c) if a < c else (c, a)
        if key not in total:
            total[key] = sum(pair_score(i, j) for i in member[a] for j in member[c])
        return total[key]

    while heap:
        _neg, a, b, va, vb = heapq.heappop(heap)
        if a not in member or b not in member or version[a] != va or version[b] != vb:
            continue
        # merge b into a: the sums to every neighbour of either add up
        for c in (neighbours[a] | neighbours[b]) - {a, b}:
            s = group_sum(a, c) + group_sum(b, c)
            total.pop((b, c) if b < c else (c, b), None)
            total[(a, c) if a < c else (c, a)] = s
        member[a].extend(member.pop(b))
        version[a] += 1
        del version[b]
        nb = (neighbours.pop(b) | neighbours[a]) - {a, b}
        neighbours[a] = nb
        for c in nb:
            neighbours[c].discard(b)
            neighbours[c].add(a)
            key = (a, c) if a < c else (c, a)
            mean = total[key] / (len(member[a]) * len(member[c]))
            if mean >= THRESHOLD:
                heapq.heappush(heap, (-mean, key[0], key[1], version[key[0]], version[key[1]]))
    groups: list[list[int]] = []
    for m in member.values():
        groups.extend(_prune(m, pair_score) if len(m) > 2 else [m])
    return sorted((sorted(m) for m in groups), key=lambda m: m[0])


def _prune(members: list[int], pair_score) -> list[list[int]]:
    """Take out, one at a time, the member least like the others while its mean score to them is
    below THRESHOLD: a group grown by successive merges must still hold together member by member."""
    members = list(members)
    out: list[list[int]] = []
    while len(members) > 2:
        worst, i = min((sum(pair_score(i, j) for j in members if j != i) / (len(members) - 1), i)
                       for i in members)
        if worst >= THRESHOLD:
            break
        members.remove(i)
        out.append([i])
    return [members] + out


def _merge_stories(docs: list[Doc], groups: list[list[int]], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Second stage: merge groups of two or more dated reports whose centroids are alike.

    A happening followed over days (an attack, then the inquiry into it, then
    the reactions) is reported from angles that share the core of the story
    (its place, its actors, its key words) but not much else, so the mean
    pair score between the groups of reports of each angle stays below
    THRESHOLD.  The centroid of a group keeps what its reports have in
    common and drops what each adds, so two groups whose centroids have a
    cosine of :data:`STORY_BAR` (less :data:`DAY_PENALTY` per day between their
    median dates beyond the first) tell one story.  Singletons take no part
    (one report's resemblance is judged by the first stage alone), nor do
    groups without dated reports, and a merge never spans more than
    :data:`WINDOW_DAYS`.  Best pair first; only groups linked by a candidate
    pair are compared, so the work grows with the candidate pairs."""
    group_of = {i: k for k, g in enumerate(groups) for i in g}
    members = {k: list(g) for k, g in enumerate(groups)}
    version = dict.fromkeys(members, 0)
    centre: dict[int, dict[str, float]] = {}
    pubs: dict[int, list[date]] = {}

    def refresh(k: int) -> None:
        pubs[k] = sorted(docs[i].pub for i in members[k] if docs[i].pub)
        if eligible(k):  # only eligible groups are ever compared: no centroid for a lone report
            centre[k] = centroid([docs[i].vec for i in members[k]])

    def eligible(k: int) -> bool:
        return len(members[k]) >= 2 and bool(pubs[k])

    def story_score(a: int, b: int) -> float:
        first, last = min(pubs[a][0], pubs[b][0]), max(pubs[a][-1], pubs[b][-1])
        if (last - first).days > WINDOW_DAYS:
            return -1.0
        mid_a, mid_b = pubs[a][len(pubs[a]) // 2], pubs[b][len(pubs[b]) // 2]
        return cosine(centre[a], centre[b]) - DAY_PENALTY * max(0, abs((mid_a - mid_b).days) - 1)

    neighbours: dict[int, set[int]] = defaultdict(set)
    for (i, j), s in scores.items():
        a, b = group_of[i], group_of[j]
        if a != b and s > -1.0:
            neighbours[a].add(b)
            neighbours[b].add(a)
    for k in members:
        refresh(k)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int) -> None:
        if not eligible(a):
            return
        for b in neighbours[a]:
            if eligible(b):
                s = story_score(a, b)
                if s >= STORY_BAR:
                    x, y = min(a, b), max(a, b)
                    heapq.heappush(heap, (-s, x, y, version[x], version[y]))

    for k in members:
        push(k)
    while heap:
        _neg, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        members[a].extend(members.pop(b))
        version[a] += 1
        del version[b]
        for c in neighbours.pop(b):
            neighbours[c].discard(b)
            if c != a:
                neighbours[c].add(a)
                neighbours[a].add(c)
        neighbours[a].discard(b)
        refresh(a)
        push(a)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


# ----------------------------------------------------------------------------- dates


# ----------------------------------------------------------------------------- titles and ids


# ----------------------------------------------------------------------------- evidence


# ----------------------------------------------------------------------------- public API

def cluster(corpus: Corpus) -> list[Event]:
    """The events of the corpus, every article in exactly one; by date, undated last.

    ``related`` is left empty; :func:`related` fills it."""
    if not corpus.records:
        return []
    docs = make_docs(corpus.records)
    scores = candidate_pairs(docs)
    groups = _merge_stories(docs, _average_link(docs, scores), scores)
    items: list[tuple[Event, date | None, str]] = []
    for g in groups:
        members = by_date([docs[i] for i in g])
        when, note = happening_date(members)
        ev = Event(id="", title=title_of(members), date=when.isoformat() if when else None,
                   articles=[d.rec.slug for d in members], evidence=evidence_of(members, corpus, note))
        items.append((ev, when, members[0].rec.slug))
    assign_ids(items)
    events = [ev for ev, _w, _f in items]
    events.sort(key=lambda e: (e.date or "9999-99-99", e.articles[0]))
    return events


def infer_published(events: list[Event], records: list[ArticleRecord]) -> dict[str, tuple[str, list[str]]]:
    """Publication dates for undated articles of events that also hold dated articles.

    ``{slug: (iso_date, [evidence, ...])}``.  A weekday named in the article's
    lead ("announced on Saturday") is the day of the happening: the report
    came out on it or within the following week, and the happening precedes
    the event's first dated report, so the date is that weekday on or before
    the first dated report.  Without a weekday, the article gets the first
    publication date of the reports of its happening.  Articles of events with
    no dated article get nothing: there is no evidence to date them."""
    by_slug = {r.slug: r for r in records}
    out: dict[str, tuple[str, list[str]]] = {}
    for ev in events:
        recs = [by_slug[s] for s in ev.articles if s in by_slug]
        dated = sorted((pub_date(r), r.slug) for r in recs if pub_date(r))
        if not dated or len(dated) == len(recs):
            continue
        first, last = dated[0][0], dated[-1][0]
        span = first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"
        for r in recs:
            if pub_date(r):
                continue
            d = Doc(r, None, lead_end_of(r), None)
            named = lead_weekdays(d)
            evidence = [f"reports the same happening as event {ev.id!r}, whose {len(dated)} dated "
                        f"article{'s were' if len(dated) > 1 else ' was'} published {span}"]
            if named:
                weekday, sentence = named[0]
                day = weekday_on_or_before(first, weekday)
                if sentence:
                    clip = sentence if len(sentence) <= 160 else sentence[:159].rsplit(" ", 1)[0] + "\u2026"
                    evidence.append(f"its lead names the day: \u201c{clip}\u201d")
                evidence.append(f"the last {weekday} on or before the first dated report ({first.isoformat()}) "
                                f"is {day.isoformat()}: published that day or in the week after")
                out[r.slug] = (day.isoformat(), evidence)
            else:
                evidence.append(f"no day named in its lead: dated to the first report, {first.isoformat()}")
                out[r.slug] = (first.isoformat(), evidence)
    return out


def related(events: list[Event], corpus: Corpus) -> dict[str, list[str]]:
    """Related events: the same specific actors, or an article of one referring to the other.

    Two events are related when the actor profiles of their articles (actor
    ids weighted by how few events name them) have a cosine of
    :data:`RELATED_MIN` or more with at least two shared actors, or when a
    sentence of an article of one names the other's date together with one of
    the other's core actors (named by at least half of its articles, and not
    across the whole corpus).  Fills ``event.related`` (time order, undated
    last, at most :data:`RELATED_MAX`) and returns ``{event id: [related ids]}``."""
    by_slug = corpus.by_slug()
    profile: dict[str, Counter] = {}
    for ev in events:
        prof: Counter = Counter()
        for s in ev.articles:
            if s in by_slug:
                prof.update(set(by_slug[s].actor_of.values()))
        profile[ev.id] = prof
    df: Counter = Counter()
    for prof in profile.values():
        df.update(prof.keys())
    n = len(events)
    weight = {a: math.log((n + 1) / c) for a, c in df.items()}
    vec: dict[str, dict[str, float]] = {}
    for eid, prof in profile.items():
        v = {a: c * weight[a] for a, c in prof.items() if weight[a] > 0}
        norm = math.sqrt(sum(x * x for x in v.values()))
        vec[eid] = {a: x / norm for a, x in v.items()} if norm else {}
    by_actor: dict[str, list[str]] = defaultdict(list)
    for eid, prof in profile.items():
        for a in prof:
            by_actor[a].append(eid)
    specific = {a for a, ids in by_actor.items() if len(ids) <= MAX_POSTING}
    core: dict[tuple[str, str], list[str]] = defaultdict(list)  # (date, actor) -> events of that date with that core actor
    for ev in events:
        if ev.date:
            for a, c in profile[ev.id].items():
                if a in specific and 2 * c >= len(ev.articles):
                    core[(ev.date, a)].append(ev.id)
    core_days = {day for day, _a in core}  # only a sentence naming one of these days can link
    links: dict[str, set[str]] = defaultdict(set)
    for ev in events:
        cands: Counter = Counter()
        for a in profile[ev.id]:
            if a in specific:
                cands.update(e for e in by_actor[a] if e > ev.id)  # each pair once
        for other, shared in cands.items():
            if shared >= 2 and cosine(vec[ev.id], vec[other]) >= RELATED_MIN:
                links[ev.id].add(other)
                links[other].add(ev.id)
        for s in ev.articles:  # sentences naming another event's day and one of its core actors
            rec = by_slug.get(s)
            if rec is None:
                continue
            days = [m for m in rec.extraction.dates if m.value in core_days and m.value != ev.date]
            if not days:
                continue
            sents = rec.article.sentences
            mentions = sorted((ms, aid) for (ms, _me), aid in rec.actor_of.items())
            for m in days:
                k = bisect.bisect_right(sents, (m.start, float("inf"))) - 1
                if k < 0 or not sents[k][0] <= m.start < sents[k][1]:
                    continue
                lo, hi = sents[k]
                for _ms, aid in mentions[bisect.bisect_left(mentions, (lo, "")):bisect.bisect_left(mentions, (hi, ""))]:
                    for other in core.get((m.value, aid), ()):
                        if other != ev.id:
                            links[ev.id].add(other)
                            links[other].add(ev.id)
    event_of = {ev.id: ev for ev in events}
    out = {}
    for ev in events:
        rel = sorted(links.get(ev.id, ()), key=lambda e: (event_of[e].date or "9999-99-99", e))
        ev.related = rel[:RELATED_MAX]
        out[ev.id] = ev.related
    return out
