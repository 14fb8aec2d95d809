"""Events: group the articles that report the same happening.

A happening (an attack, a ruling, a vote, a resignation) is usually reported
by several outlets within a few days, each in its own words but with the same
core: who (the actors), what (the specific words of the lead: "recalls",
"ambassador", "$280bn"), where and when.  :func:`cluster` compares articles on
exactly that, with nothing keyed to topics or to particular articles:

1. **Representation.**  Each article becomes a TF-IDF vector of its content
   words (:mod:`generator.events_text`) plus its linked actors as extra terms;
   the headline and the first sentences (the lead, where a news report states
   its happening) count twice.  A second vector holds the lead alone.
2. **Candidates.**  Only articles sharing one of their most distinctive terms
   are compared: an inverted index over each article's top terms, skipping
   terms found in too many articles (a capped posting list), and, when both
   are dated, only within :data:`WINDOW_DAYS`.  No all-pairs comparison.
3. **Pair score.**  ``0.75 * cosine(full) + 0.25 * cosine(lead)``, minus a
   penalty growing with the days between the publication dates (reports of one
   happening are close in time; the further apart, the more alike they must
   be) and a fixed penalty when either date is unknown (undated articles are
   grouped conservatively, on content alone).
4. **Clustering.**  Average-link agglomeration: two groups merge only when
   the *mean* score over all their article pairs reaches :data:`THRESHOLD`,
   so a chain of pairwise resemblances cannot build a catch-all event.

Then every event gets a title (the headline most representative of its
articles), the date of the happening (a date its leads name, else the first
publication date), a permanent id and human-readable evidence.

**Event ids** are permanent in the way actor ids are: the slug of the event's
title; when several events have the same title slug, the one with the earliest
date (then first article) keeps the bare slug and each other one gets its date
appended (``-2023-11-04``, then ``-2``, ``-3`` if that is taken too).  An id
depends only on the event's own articles, except when a new event with the
same title and an earlier date appears.  Articles added to the corpus that do
not join an event leave its id unchanged.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from .events_text import centroid, cosine, idf_table, vector, words
from .link import ArticleRecord, Corpus
from .slug import slugify

LEAD_SENTENCES = 3  # the lead: headline plus the first sentences of the body
LEAD_WEIGHT = 2  # words (and actors) of the lead count this many times
ACTOR_WEIGHT = 1.0  # a linked actor mention counts as much as a word
WINDOW_DAYS = 14  # dated articles further apart than this are never one event
DAY_PENALTY = 0.02  # score lost per day between publication dates beyond the first
MIXED_BAR = 0.80  # the same for a dated and an undated article
UNDATED_BAR = 0.80  # text score a pair needs when either article has no date: near-rewrites only
THRESHOLD = 0.14  # mean pair score two groups need to merge
SAME_SOURCE_BAR = 0.0  # text score two articles of one outlet need: an outlet reports a happening once
PRUNE = False  # take out members whose mean score to the rest of their group is below THRESHOLD
DATED_IDF = False  # weigh dated articles' terms by their rarity among dated articles
LOCAL_DAYS = 0  # period (days either side) over which a term's local IDF is counted; 0: off
LOCAL_PRIOR = 20  # add-one style smoothing of the local IDF
LOCAL_SCALE = 0.0  # share of the background resemblance subtracted from a pair's score
BACKGROUND_RANK = 5  # an article's background is its this-many-th best resemblance ...
BACKGROUND_DAYS = 7  # ... among dated articles published within this many days
CORROBORATION = 0.0  # bonus when both leads name the same day or both articles carry the same quote
QUOTE_MIN_WORDS = 4  # quotes shorter than this (in distinct words) are too common to count
QUOTE_OVERLAP = 0.7  # share of the shorter quote's words the other must contain
MUTUAL_K = 0  # a pair can start a merge only if each is among the other's best MUTUAL_K partners
KEY_TERMS = 40  # distinctive terms per article used to find candidates
MAX_POSTING = 60  # terms in more articles than max(MAX_POSTING, sqrt(n)) do not propose candidates
LEAD_DATE_SPAN = 10  # a lead date this many days before publication can be the happening's date


@dataclass
class Event:
    id: str
    title: str
    date: str | None  # ISO date of the happening
    articles: list[str]  # article slugs, by publication date then slug
    evidence: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)  # ids of related events, in time order


@dataclass
class _Doc:
    rec: ArticleRecord
    pub: date | None
    full: dict[str, float] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    lead_end: int = 0
    background: float = 0.0  # how much this article resembles its ordinary neighbours
    when: frozenset = frozenset()  # day dates the lead names shortly before publication
    source: str | None = None  # the outlet, when the article names it (front matter or source line)
    quotes: list = field(default_factory=list)  # word sets of the article's direct quotes


# ----------------------------------------------------------------------------- representation

def _pub(rec: ArticleRecord) -> date | None:
    try:
        return date.fromisoformat(rec.article.published) if rec.article.published else None
    except ValueError:
        return None


def _lead_end(rec: ArticleRecord, n: int = LEAD_SENTENCES) -> int:
    sents = rec.article.sentences
    return sents[min(n, len(sents)) - 1][1] if sents else len(rec.article.view)


def _headline(rec: ArticleRecord) -> str:
    return "" if rec.article.title_inferred else rec.article.title


def _terms(rec: ArticleRecord, lead_end: int) -> Counter:
    """The article's terms: content words and linked actors ("@id"), those of the lead weighted."""
    view = rec.article.view
    lead: Counter = Counter(words(_headline(rec)))
    lead.update(words(view[:lead_end]))
    terms: Counter = Counter({t: c * LEAD_WEIGHT for t, c in lead.items()})
    terms.update(words(view[lead_end:]))
    for (s, _e), aid in rec.actor_of.items():
        terms["@" + aid] += ACTOR_WEIGHT * (LEAD_WEIGHT if s < lead_end else 1)
    return terms


def _docs(records: list[ArticleRecord]) -> list[_Doc]:
    docs, terms = [], []
    for rec in records:
        end = _lead_end(rec)
        terms.append(_terms(rec, end))
        docs.append(_Doc(rec, _pub(rec), lead_end=end,
                         source=" ".join(rec.article.source.split()).casefold() if rec.article.source else None))
    idf, unseen = idf_table([set(t) for t in terms])
    df: Counter = Counter()
    for t in terms:
        df.update(t.keys())
    local = _local_idf(docs, terms) if LOCAL_DAYS else [None] * len(docs)
    if DATED_IDF:
        dated_terms = [set(t) for d, t in zip(docs, terms) if d.pub]
        if dated_terms:
            didf, _u = idf_table(dated_terms)
            local = [({w: didf.get(w, idf[w]) for w in t} if d.pub else None) for d, t in zip(docs, terms)]
    for d, t, loc in zip(docs, terms, local):
        # a term no other article has cannot show a shared happening; left in, it would only
        # shrink every similarity of its article, and more so the smaller the corpus
        kept = Counter({w: c for w, c in t.items() if df[w] > 1})
        weights = idf if loc is None else {w: loc.get(w, idf[w]) for w in kept}
        d.full = vector(kept, weights, unseen)
        d.keys = [t for t, _ in sorted(d.full.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_TERMS]]
        d.when = frozenset(_lead_dates(d))
        d.quotes = [q for q in (frozenset(_QUOTE_WORD.findall(x.text.lower())) for x in d.rec.extraction.quotes)
                    if len(q) >= QUOTE_MIN_WORDS]
    return docs


def _local_idf(docs: list[_Doc], terms: list[Counter]) -> list[dict[str, float] | None]:
    """For each dated article, the IDF of its terms among the dated articles of its period.

    What the news of a period is about ("delegates", "Iowa" in caucus week)
    says nothing about which of that period's articles report the same
    happening; a term weighs no more than its use in the period allows."""
    dated = sorted((d.pub, i) for i, d in enumerate(docs) if d.pub)
    out: list[dict[str, float] | None] = [None] * len(docs)
    window: Counter = Counter()
    lo = hi = 0
    for day, i in dated:
        while hi < len(dated) and (dated[hi][0] - day).days <= LOCAL_DAYS:
            window.update(terms[dated[hi][1]].keys())
            hi += 1
        while (day - dated[lo][0]).days > LOCAL_DAYS:
            window.subtract(terms[dated[lo][1]].keys())
            lo += 1
        n = hi - lo + LOCAL_PRIOR
        out[i] = {w: math.log(n / (window[w] + 1)) for w in terms[i]}
    return out


# ----------------------------------------------------------------------------- pairs

def _days(a: _Doc, b: _Doc) -> int | None:
    return abs((a.pub - b.pub).days) if a.pub and b.pub else None


def _text_score(a: _Doc, b: _Doc) -> float:
    return cosine(a.full, b.full)


def _score(a: _Doc, b: _Doc) -> float:
    """Text score less the time penalty; -1 when the two cannot be one happening."""
    days = _days(a, b)
    if days is not None and days > WINDOW_DAYS:
        return -1.0
    s = _text_score(a, b) - LOCAL_SCALE * max(a.background, b.background)
    if days is None:
        return s - ((UNDATED_BAR if not (a.pub or b.pub) else MIXED_BAR) - THRESHOLD)
    if SAME_SOURCE_BAR and a.source and a.source == b.source:
        s -= SAME_SOURCE_BAR - THRESHOLD
    s -= DAY_PENALTY * max(0, days - 1)
    if (a.when & b.when) or _same_quote(a, b):
        s += CORROBORATION
    return s


def _same_quote(a: _Doc, b: _Doc) -> bool:
    """Both articles quote the same words (most of the shorter quote's words in the other)."""
    for qa in a.quotes:
        for qb in b.quotes:
            if len(qa & qb) >= QUOTE_OVERLAP * min(len(qa), len(qb)):
                return True
    return False


def _candidates(docs: list[_Doc]) -> dict[tuple[int, int], float]:
    """Scores of the pairs that share a distinctive term (capped posting lists)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for t in d.keys:
            postings[t].append(i)
    cap = max(MAX_POSTING, int(math.sqrt(len(docs))))
    scores: dict[tuple[int, int], float] = {}
    for t, ids in postings.items():
        if len(ids) < 2 or len(ids) > cap:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                pair = (ids[x], ids[y])
                if pair not in scores:
                    scores[pair] = _score(docs[pair[0]], docs[pair[1]])
    if LOCAL_SCALE:
        # local scaling: an article's background is how much it resembles its BACKGROUND_RANK-th
        # closest dated neighbour within BACKGROUND_DAYS, the ordinary resemblance of its news period
        best: dict[int, list[float]] = defaultdict(list)
        for i, j in scores:
            days = _days(docs[i], docs[j])
            if days is None or days > BACKGROUND_DAYS:
                continue
            t = _text_score(docs[i], docs[j])
            for a in (i, j):
                heapq.heappush(best[a], t)
                if len(best[a]) > BACKGROUND_RANK:
                    heapq.heappop(best[a])
        for a, lst in best.items():
            docs[a].background = lst[0] if len(lst) >= BACKGROUND_RANK else 0.0
        scores = {k: _score(docs[k[0]], docs[k[1]]) for k in scores}
    return scores


# ----------------------------------------------------------------------------- clustering

def _mutual(scores: dict[tuple[int, int], float], n: int) -> list[tuple[int, int]]:
    """Pairs in which each article is among the other's MUTUAL_K best-scoring partners.

    In a dense stretch of coverage (a campaign, a war) every article resembles
    dozens of others a little; the reports of one happening resemble *each
    other* more than they resemble the rest.  Requiring the resemblance to be
    mutual adapts to density without a corpus-specific threshold."""
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), s in scores.items():
        if s <= 0:
            continue
        for a, b in ((i, j), (j, i)):
            heapq.heappush(best[a], (s, b))
            if len(best[a]) > MUTUAL_K:
                heapq.heappop(best[a])
    top = {a: {b for _s, b in lst} for a, lst in best.items()}
    return sorted((i, j) for i, js in top.items() for j in js if i < j and i in top.get(j, ()))


def _average_link(docs: list[_Doc], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Merge groups while the best mean pair score between two groups reaches THRESHOLD.

    The mean runs over *all* article pairs of the two groups (pairs that were
    not candidates are scored when first needed), so a group merges only with
    a group that resembles it as a whole, and never across the date window."""
    member: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    version = {i: 0 for i in member}
    total: dict[tuple[int, int], float] = {}  # (group, group), group ids ordered -> sum of pair scores
    neighbours: dict[int, set[int]] = defaultdict(set)
    heap: list[tuple[float, int, int, int, int]] = []
    for (i, j), s in scores.items():
        total[(i, j)] = s
    for i, j in (_mutual(scores, len(docs)) if MUTUAL_K else [k for k, v in scores.items() if v > -1.0]):
        neighbours[i].add(j)
        neighbours[j].add(i)
        if scores[(i, j)] >= THRESHOLD:
            heap.append((-scores[(i, j)], i, j, 0, 0))
    heapq.heapify(heap)

    def group_sum(a: int, c: int) -> float:
        key = (a, c) if a < c else (c, a)
        if key not in total:
            total[key] = sum(scores.get((i, j) if i < j else (j, i)) or _score(docs[i], docs[j])
                             for i in member[a] for j in member[c])
        return total[key]

    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
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
    groups = []
    for m in member.values():
        groups.extend(_prune(m, docs, scores) if PRUNE and len(m) > 2 else [m])
    return sorted((sorted(m) for m in groups), key=lambda m: m[0])


def _prune(members: list[int], docs: list[_Doc], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Take out, one by one, the member least like the others while its mean score to them is
    below THRESHOLD: a group grown by successive merges must still hold together member by member."""
    def sc(i: int, j: int) -> float:
        v = scores.get((i, j) if i < j else (j, i))
        return v if v is not None else _score(docs[i], docs[j])

    members = list(members)
    out: list[list[int]] = []
    while len(members) > 2:
        means = [(sum(sc(i, j) for j in members if j != i) / (len(members) - 1), i) for i in members]
        worst, i = min(means)
        if worst >= THRESHOLD:
            break
        members.remove(i)
        out.append([i])
    return [members] + out


# ----------------------------------------------------------------------------- event fields

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QUOTE_WORD = re.compile(r"[a-z0-9']+")


def _lead_dates(d: _Doc) -> list[date]:
    """Day dates the lead names that fall shortly before (or on) the publication date."""
    if d.pub is None:
        return []
    out = []
    for m in d.rec.extraction.dates:
        if m.start >= d.lead_end or not m.value or not _DAY.match(m.value):
            continue
        v = date.fromisoformat(m.value)
        if d.pub - timedelta(days=LEAD_DATE_SPAN) <= v <= d.pub:
            out.append(v)
    return out


def _happening_date(docs: list[_Doc]) -> tuple[date | None, str]:
    votes: Counter = Counter()
    for d in docs:
        votes.update(set(_lead_dates(d)))
    if votes:
        best = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        n = sum(1 for d in docs if best[0] in _lead_dates(d))
        return best[0], f"happening date {best[0].isoformat()}: named in the lead of {n} of {len(docs)} articles"
    pubs = [d.pub for d in docs if d.pub]
    if pubs:
        return min(pubs), f"happening date {min(pubs).isoformat()}: the earliest publication date"
    return None, "no date: no article of this event is dated"


def _title(docs: list[_Doc]) -> str:
    """The headline closest to the event's own word counts (independent of the rest of the corpus)."""
    counts: Counter = Counter()
    for d in docs:
        counts.update(set(words(_headline(d.rec) + " " + d.rec.article.view[:d.lead_end])))
    centre = {t: float(c) for t, c in counts.items() if c > 1 or len(docs) == 1}
    best, best_key = "", None
    for d in docs:
        t = d.rec.article.title.strip() or d.rec.slug
        tw = Counter(words(t))
        num = sum(centre.get(w, 0.0) * c for w, c in tw.items())
        norm = math.sqrt(sum(c * c for c in tw.values())) or 1.0
        key = (-num / norm, d.rec.article.title_inferred, d.pub or date.max, d.rec.slug)
        if best_key is None or key < best_key:
            best, best_key = t, key
    return best


def _id_base(title: str) -> str:
    s = slugify(title, "event")
    if len(s) > 60:
        s = s[:60].rsplit("-", 1)[0]
    return s


def _shared_actors(docs: list[_Doc], corpus: Corpus) -> list[str]:
    """Actors named by at least two of the articles, most articles first."""
    seen: Counter = Counter()
    for d in docs:
        seen.update(set(d.rec.actor_of.values()))
    shared = [(n, a) for a, n in seen.items() if n >= 2]
    shared.sort(key=lambda na: (-na[0], corpus.actors[na[1]].name.casefold() if na[1] in corpus.actors else na[1]))
    return [corpus.actors[a].name if a in corpus.actors else a for _n, a in shared]


def _evidence(docs: list[_Doc], corpus: Corpus, date_note: str) -> list[str]:
    if len(docs) == 1:
        return ["one article: no other article reports this happening", date_note]
    out = []
    actors = _shared_actors(docs, corpus)
    if actors:
        more = f" and {len(actors) - 8} more" if len(actors) > 8 else ""
        out.append("shared actors: " + ", ".join(actors[:8]) + more)
    pair_scores = [_text_score(a, b) for k, a in enumerate(docs) for b in docs[k + 1:]]
    out.append(f"{sum(pair_scores) / len(pair_scores):.2f} mean text similarity over {len(pair_scores)} "
               f"article pairs (lowest {min(pair_scores):.2f})")
    shared_terms = _shared_terms(docs)
    if shared_terms:
        out.append("shared words: " + ", ".join(shared_terms))
    pubs = sorted(d.pub for d in docs if d.pub)
    if pubs:
        span = pubs[0].isoformat() if pubs[0] == pubs[-1] else f"{pubs[0].isoformat()}..{pubs[-1].isoformat()}"
        undated = len(docs) - len(pubs)
        out.append(f"published {span}" + (f"; {undated} undated" if undated else ""))
    else:
        out.append("all undated: grouped on content alone")
    out.append(date_note)
    return out


def _shared_terms(docs: list[_Doc], n: int = 8) -> list[str]:
    """The words that weigh most in the event's centroid and that at least two articles share."""
    cen = centroid([d.full for d in docs])
    count: Counter = Counter()
    for d in docs:
        count.update(t for t in d.full if not t.startswith("@"))
    best = sorted((t for t in cen if count[t] >= 2 and not t.startswith("@")), key=lambda t: (-cen[t], t))
    return best[:n]


def _order(docs: list[_Doc]) -> list[_Doc]:
    return sorted(docs, key=lambda d: (d.pub or date.max, d.rec.slug))


# ----------------------------------------------------------------------------- public API

def cluster(corpus: Corpus) -> list[Event]:
    """The events of the corpus, every article in exactly one; in date order, undated last."""
    records = corpus.records
    if not records:
        return []
    docs = _docs(records)
    groups = _average_link(docs, _candidates(docs))
    events: list[tuple[Event, date | None, str]] = []
    for g in groups:
        members = _order([docs[i] for i in g])
        when, note = _happening_date(members)
        title = _title(members)
        ev = Event(id="", title=title, date=when.isoformat() if when else None,
                   articles=[d.rec.slug for d in members], evidence=_evidence(members, corpus, note))
        events.append((ev, when, members[0].rec.slug))
    _assign_ids([(e, w, first) for e, w, first in events])
    out = [e for e, _, _ in events]
    out.sort(key=lambda e: (e.date or "9999", e.articles[0]))
    return out


def _assign_ids(items: list[tuple[Event, date | None, str]]) -> None:
    by_base: dict[str, list[tuple[Event, date | None, str]]] = defaultdict(list)
    for it in items:
        by_base[_id_base(it[0].title)].append(it)
    taken: set[str] = set()
    for base in sorted(by_base):
        group = sorted(by_base[base], key=lambda it: (it[1] or date.max, it[2]))
        for k, (ev, when, _first) in enumerate(group):
            cand = base if k == 0 else f"{base}-{when.isoformat() if when else 'undated'}"
            n = 2
            while cand in taken:
                cand = f"{base}-{when.isoformat() if when else 'undated'}-{n}"
                n += 1
            taken.add(cand)
            ev.id = cand
