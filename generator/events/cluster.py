"""Events: group the articles that report the same happening.

A happening (an attack, a ruling, a vote, a resignation) is reported by
several outlets within a few days, each in its own words but with the same
core: who (the actors), what (the specific words of the lead: "recalls",
"ambassador", "$280bn"), when.  :func:`cluster` compares articles on exactly
that, with no topic lists and nothing keyed to particular articles:

1. **Representation.**  Each article is a TF-IDF vector of its content words
   (:mod:`generator.events_text`, weighed by :mod:`generator.vectors`) and of its linked actors (as terms
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
     the publication dates (:func:`_day_penalty`: nothing within a day, then
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
import operator
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain, combinations

from ..build.parallel import fork_map, split, workers
from ..ingest import DATELINE as _DATELINE
from ..model import ArticleRecord, Corpus, Event, shown_text
from ..slug import slugify
from .terms import LEAD_SENTENCES, LEAD_WEIGHT, article_words, headline, lead_end, words
from .vectors import centroid, cosine, vector, weight_tables

ACTOR_WEIGHT = 1.0  # a linked actor mention counts as much as a word
UNIQUE_WEIGHT = 0.3  # weight of terms no other article has (they only lengthen the vector)
MIN_SHARED = 3  # terms two articles must share for their cosine to count
KEY_TERMS = 40  # distinctive terms per article used to find candidate pairs
MIN_KEYS = 2  # distinctive terms two articles must share to be compared at all
NEAR_KEYS = 8  # ... that a pair with an undated article must share (it must be a close retelling)
MAX_POSTING = 50  # a term in more articles than this proposes no candidate pairs
WINDOW_DAYS = 14  # dated articles further apart than this are never one event
DAY_PENALTY = 0.02  # score lost for the second day between publication dates (more for each later day)
THRESHOLD = 0.14  # mean pair score two groups need to merge
UNDATED_BAR = 0.80  # cosine two undated articles need: versions of one report
MIXED_BAR = 0.60  # cosine an undated article needs with a dated one: a close retelling of that report
SAME_SOURCE_BAR = 0.45  # cosine two articles of the same outlet need
NO_PARTICIPANT_BAR = 0.45  # cosine two dated articles need when they name no participant in common
PARTICIPANT_SHARE = 0.2  # an actor named by more than this share of the articles (smoothed) is no participant
PARTICIPANT_PRIOR = 20  # ... of len(articles) + PARTICIPANT_PRIOR: in a small corpus every actor is specific
STORY_BAR = 0.30  # centroid cosine (less the day penalty) two groups of 2+ reports need to merge as one story
LEAD_DATE_SPAN = 10  # a day named in a lead at most this many days before publication can date the happening
RELATED_MIN = 0.3  # actor-profile similarity from which two events are related
RELATED_MAX = 8  # related events kept per event
PARALLEL_PAIRS = 20_000  # candidate pairs from which scoring them in several processes saves time

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAY_NUM = {d: i for i, d in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())}


@dataclass
class _Doc:
    rec: ArticleRecord
    pub: date | None
    lead_end: int
    source: str | None
    vec: dict[str, float] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    participants: frozenset[str] | None = None  # its specific actors ("@id"); None: it names no actor at all


# ----------------------------------------------------------------------------- representation

def _pub(rec: ArticleRecord) -> date | None:
    try:
        return date.fromisoformat(rec.article.published) if rec.article.published else None
    except ValueError:
        return None


def _lead_end(rec: ArticleRecord, n: int = LEAD_SENTENCES) -> int:
    return lead_end(rec.article, n)


def _headline(rec: ArticleRecord) -> str:
    return headline(rec.article)


def _actor_terms(rec: ArticleRecord, lead_end: int) -> dict[str, float]:
    """The article's linked actors as terms ("@id"), those of the lead weighted."""
    terms: dict[str, float] = {}
    place_end = end = 0
    if rec.article.dateline:  # a wire dateline's agency says nothing of the happening
        _s, place_end, end = rec.article.dateline
    for (s, _e), aid in rec.actor_of.items():
        if place_end <= s < end:
            continue
        t = "@" + aid
        terms[t] = terms.get(t, 0) + ACTOR_WEIGHT * (LEAD_WEIGHT if s < lead_end else 1)
    return terms


def _top_keys(vec: dict[str, float], n: int = KEY_TERMS) -> list[str]:
    """The n terms of highest weight, most distinctive first, ties by term."""
    if len(vec) <= n:
        return sorted(sorted(vec), key=vec.__getitem__, reverse=True)
    cut = sorted(vec.values(), reverse=True)[n - 1]  # the n-th weight: anything below it is out
    top = [t for t, x in vec.items() if x >= cut]
    top.sort()
    top.sort(key=vec.__getitem__, reverse=True)
    return top[:n]


def _docs(records: list[ArticleRecord]) -> list[_Doc]:
    docs, terms, actor_terms = [], [], []
    for rec in records:
        end = _lead_end(rec)
        source = " ".join(rec.article.source.split()).casefold() if rec.article.source else None
        docs.append(_Doc(rec, _pub(rec), end, source))
        actors = _actor_terms(rec, end)
        t = dict(rec.extraction.words or article_words(rec.article))
        t.update(actors)
        terms.append(t)
        actor_terms.append(actors)
    df: Counter = Counter()
    for t in terms:
        df.update(t.keys())
    # the dated articles' document frequencies: all of them less the undated articles' (fewer to count)
    undated_df: Counter = Counter()
    for d, t in zip(docs, terms):
        if not d.pub:
            undated_df.update(t.keys())
    n_dated = sum(1 for d in docs if d.pub)
    # each term's weight, once for the corpus instead of once per article that has it: its IDF
    # (vectors.idf_table's) over all articles, and for dated articles over the dated ones where
    # it occurs in one (else the corpus-wide IDF)
    weight, dated_weight, unseen = weight_tables(df, undated_df, len(docs), n_dated, UNIQUE_WEIGHT)
    for d, t in zip(docs, terms):
        vec = d.vec = vector(t, dated_weight if d.pub else weight, unseen)
        d.keys = _top_keys(vec)
    common = PARTICIPANT_SHARE * (len(docs) + PARTICIPANT_PRIOR)
    for d, actors in zip(docs, actor_terms):
        d.participants = frozenset(w for w in actors if df[w] <= common) if actors else None
    return docs


# ----------------------------------------------------------------------------- pairs

def _days(a: _Doc, b: _Doc) -> int | None:
    return abs((a.pub - b.pub).days) if a.pub and b.pub else None


def _day_penalty(days: int) -> float:
    """Score two reports ``days`` apart lose: nothing within a day, then DAY_PENALTY for the second
    day, twice that for the third, and so on (0.02, 0.06, 0.12, 0.20, 0.30 ...).  Reports of one
    happening bunch in its first days; the longer the gap, the more other stories on the same
    subject fall between two reports, so the resemblance needed grows faster than the gap."""
    return DAY_PENALTY * days * (days - 1) / 2 if days > 1 else 0.0


def _text_score(a: _Doc, b: _Doc) -> float:
    """Cosine of the two vectors; 0 when they share fewer than MIN_SHARED terms (one or two shared
    words or names, "open" or "Norland", are a coincidence, not a shared happening)."""
    x, y = a.vec, b.vec
    common = x.keys() & y.keys()
    if len(common) < MIN_SHARED:
        return 0.0
    # fsum: exactly rounded, so the result does not depend on the set's (hash-seeded) order
    return math.fsum(map(operator.mul, map(x.__getitem__, common), map(y.__getitem__, common)))


def _score(a: _Doc, b: _Doc) -> float:
    """Text score less the penalties; -1 when the two cannot be one happening."""
    days = _days(a, b)
    if days is not None and days > WINDOW_DAYS:
        return -1.0
    s = _text_score(a, b)
    if days is None:
        return s - ((MIXED_BAR if a.pub or b.pub else UNDATED_BAR) - THRESHOLD)
    if (s < NO_PARTICIPANT_BAR and a.participants is not None and b.participants is not None
            and not a.participants & b.participants):
        s = 0.0
    if a.source and a.source == b.source:
        s -= max(0.0, SAME_SOURCE_BAR - THRESHOLD)
    return s - _day_penalty(days)


def _candidates(docs: list[_Doc]) -> dict[tuple[int, int], float]:
    """Scores of the pairs that share a distinctive term (capped posting lists)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for t in d.keys:
            postings[t].append(i)
    shared: Counter = Counter()
    for ids in postings.values():
        if 2 <= len(ids) <= MAX_POSTING:
            shared.update(combinations(ids, 2))  # ids ascend, so each pair comes as (lower, higher)
    # a pair with an undated article must be a close retelling (UNDATED_BAR, MIXED_BAR): it shares
    # most of its distinctive terms, so one that shares fewer than NEAR_KEYS is not compared
    dated = [d.pub is not None for d in docs]
    pairs = [(i, j) for (i, j), n in shared.items()
             if n >= NEAR_KEYS or (n >= MIN_KEYS and dated[i] and dated[j])]

    def score(part: list[tuple[int, int]]) -> list[float]:
        return [_score(docs[i], docs[j]) for i, j in part]

    # tens of thousands of pairs in a large corpus: scored over the machine's cores (pure, same result)
    parts = fork_map(score, split(pairs, workers())) if len(pairs) >= PARALLEL_PAIRS else [score(pairs)]
    return dict(zip(pairs, chain.from_iterable(parts)))


# ----------------------------------------------------------------------------- clustering

def _average_link(docs: list[_Doc], scores: dict[tuple[int, int], float]) -> list[list[int]]:
    """Merge groups, best first, while the mean pair score between two groups reaches THRESHOLD.

    The mean runs over *all* article pairs of the two groups (pairs that were
    not candidates are scored when first needed), so a group merges only with
    a group that resembles it as a whole, and never across the date window."""
    member: dict[int, list[int]] = {i: [i] for i in range(len(docs))}
    version = {i: 0 for i in member}
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
        return v if v is not None else _score(docs[i], docs[j])

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


def _merge_stories(docs: list[_Doc], groups: list[list[int]], scores: dict[tuple[int, int], float]) -> list[list[int]]:
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
    version = {k: 0 for k in members}
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

def _lead_dates(d: _Doc) -> set[date]:
    """Days the lead names, from the date extractor, that fall shortly before (or on) publication."""
    if d.pub is None:
        return set()
    out = set()
    for m in d.rec.extraction.dates:
        if m.start >= d.lead_end or not m.value or not _DAY.match(m.value):
            continue
        v = date.fromisoformat(m.value)
        if d.pub - timedelta(days=LEAD_DATE_SPAN) <= v <= d.pub:
            out.add(v)
    return out


def _lead_weekdays(d: _Doc) -> list[tuple[str, str]]:
    """(weekday, sentence) for each weekday named in the lead of an article."""
    view = d.rec.article.view
    out = []
    for s, e in d.rec.article.sentences:
        if s >= d.lead_end:
            break
        for m in _WEEKDAY.finditer(view, s, e):
            out.append((m.group(1), " ".join(view[s:e].split())))
    return out


def _weekday_on_or_before(day: date, weekday: str) -> date:
    return day - timedelta(days=(day.weekday() - _WEEKDAY_NUM[weekday]) % 7)


def _happening_date(docs: list[_Doc]) -> tuple[date | None, str]:
    votes: Counter = Counter()
    pubs = [d.pub for d in docs if d.pub]
    for d in docs:
        if d.pub:
            votes.update(_lead_dates(d))
        elif pubs:  # an undated report's "on Saturday": the Saturday on or before the first dated report
            votes.update({_weekday_on_or_before(min(pubs), w) for w, _s in _lead_weekdays(d)})
    if votes:
        day, n = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return day, f"happening on {day.isoformat()}: the day named in the lead of {n} of {len(docs)} articles"
    if pubs:
        return min(pubs), f"happening on {min(pubs).isoformat()} or before: the earliest publication date"
    return None, "no date: no article of this event is dated"


# ----------------------------------------------------------------------------- titles and ids

def _title_candidate(d: _Doc) -> tuple[str, bool]:
    """(a title for the event from this article, whether it is a real headline)."""
    headline = " ".join(d.rec.article.title.split())
    if (not d.rec.article.title_inferred and len(headline.split()) >= 3  # not a label such as "ABSTRACT"
            and not _DATELINE.match(headline)):  # nor a first line that is the lead itself
        return headline, True
    for s, e in d.rec.article.sentences[:LEAD_SENTENCES + 2]:
        sent = _DATELINE.sub("", " ".join(shown_text(d.rec.article, s, e).split()), count=1)
        if len(sent.split()) >= 6:  # not "ABSTRACT." or "Obituary."
            if len(sent) > 100:
                sent = sent[:99].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
            return sent, False
    return " ".join((d.rec.article.title or d.rec.slug).split()), False


def _title(docs: list[_Doc]) -> str:
    """The headline closest to what the event's articles have in common.

    Word counts over the event's own articles only (how many of them use each
    word), so the title, and the id made from it, do not depend on the rest of
    the corpus.  Real headlines win over leads cut to a title."""
    if len(docs) == 1:  # the event of a lone report: its own title (no choice to weigh)
        return _title_candidate(docs[0])[0]
    counts: Counter = Counter()
    for d in docs:
        counts.update(set(words(_headline(d.rec) + " " + d.rec.article.view[:d.lead_end])))
    centre = {t: float(c) for t, c in counts.items() if c > 1 or len(docs) == 1}
    best, best_key = "", None
    for d in docs:
        title, real = _title_candidate(d)
        tw = Counter(words(title))
        norm = math.sqrt(sum(c * c for c in tw.values())) or 1.0
        score = sum(centre.get(w, 0.0) * c for w, c in tw.items()) / norm
        key = (not real, -score, d.pub or date.max, d.rec.slug)
        if best_key is None or key < best_key:
            best, best_key = title, key
    return best


def _id_base(title: str) -> str:
    s = slugify(title, "event")
    if len(s) > 60:
        s = s[:61].rsplit("-", 1)[0]
    return s


def _assign_ids(items: list[tuple[Event, date | None, str]]) -> None:
    by_base: dict[str, list[tuple[Event, date | None, str]]] = defaultdict(list)
    for it in items:
        by_base[_id_base(it[0].title)].append(it)
    taken: set[str] = set()
    for base in sorted(by_base):
        group = sorted(by_base[base], key=lambda it: (it[1] or date.max, it[2]))
        for k, (ev, when, _first) in enumerate(group):
            stamp = when.isoformat() if when else "undated"
            cand = base if k == 0 else f"{base}-{stamp}"
            n = 2
            while cand in taken:
                cand = f"{base}-{stamp}-{n}"
                n += 1
            taken.add(cand)
            ev.id = cand


# ----------------------------------------------------------------------------- evidence

def _shared_actors(docs: list[_Doc], corpus: Corpus) -> list[str]:
    """Actors named by at least two of the articles, most articles first."""
    seen: Counter = Counter()
    for d in docs:
        seen.update(set(d.rec.actor_of.values()))
    shared = [(n, a) for a, n in seen.items() if n >= 2]
    name = {a: corpus.actors[a].name if a in corpus.actors else a for _n, a in shared}
    shared.sort(key=lambda na: (-na[0], name[na[1]].casefold()))
    return [name[a] for _n, a in shared]


def _shared_terms(docs: list[_Doc], n: int = 8) -> list[str]:
    """The words that weigh most in the event's centroid and that at least two articles share."""
    cen = centroid([d.vec for d in docs])
    count: Counter = Counter()
    for d in docs:
        count.update(t for t in d.vec if not t.startswith("@"))
    best = sorted((t for t in cen if count[t] >= 2 and not t.startswith("@")), key=lambda t: (-cen[t], t))
    return best[:n]


def _evidence(docs: list[_Doc], corpus: Corpus, date_note: str) -> list[str]:
    if len(docs) == 1:
        return ["one article: no other article reports this happening", date_note]
    out = []
    actors = _shared_actors(docs, corpus)
    if actors:
        more = f" and {len(actors) - 8} more" if len(actors) > 8 else ""
        out.append("shared actors: " + ", ".join(actors[:8]) + more)
    pair_scores = [_text_score(a, b) for k, a in enumerate(docs) for b in docs[k + 1:]]
    if len(pair_scores) == 1:
        out.append(f"{pair_scores[0]:.2f} text similarity")
    else:
        out.append(f"{sum(pair_scores) / len(pair_scores):.2f} mean text similarity over {len(pair_scores)} "
                   f"article pairs (lowest {min(pair_scores):.2f})")
    terms = _shared_terms(docs)
    if terms:
        out.append("shared words: " + ", ".join(terms))
    pubs = sorted(d.pub for d in docs if d.pub)
    if pubs:
        span = pubs[0].isoformat() if pubs[0] == pubs[-1] else f"{pubs[0].isoformat()}..{pubs[-1].isoformat()}"
        undated = len(docs) - len(pubs)
        out.append(f"published {span}" + (f"; {undated} undated" if undated else ""))
    else:
        out.append("all undated: grouped on content alone (near-identical reports)")
    out.append(date_note)
    return out


def _order(docs: list[_Doc]) -> list[_Doc]:
    return sorted(docs, key=lambda d: (d.pub or date.max, d.rec.slug))


# ----------------------------------------------------------------------------- public API

def cluster(corpus: Corpus) -> list[Event]:
    """The events of the corpus, every article in exactly one; by date, undated last.

    ``related`` is left empty; :func:`related` fills it."""
    if not corpus.records:
        return []
    docs = _docs(corpus.records)
    scores = _candidates(docs)
    groups = _merge_stories(docs, _average_link(docs, scores), scores)
    items: list[tuple[Event, date | None, str]] = []
    for g in groups:
        members = _order([docs[i] for i in g])
        when, note = _happening_date(members)
        ev = Event(id="", title=_title(members), date=when.isoformat() if when else None,
                   articles=[d.rec.slug for d in members], evidence=_evidence(members, corpus, note))
        items.append((ev, when, members[0].rec.slug))
    _assign_ids(items)
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
        dated = sorted((_pub(r), r.slug) for r in recs if _pub(r))
        if not dated or len(dated) == len(recs):
            continue
        first, last = dated[0][0], dated[-1][0]
        span = first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"
        for r in recs:
            if _pub(r):
                continue
            d = _Doc(r, None, _lead_end(r), None)
            named = _lead_weekdays(d)
            evidence = [f"reports the same happening as event {ev.id!r}, whose {len(dated)} dated "
                        f"article{'s were' if len(dated) > 1 else ' was'} published {span}"]
            if named:
                weekday, sentence = named[0]
                day = _weekday_on_or_before(first, weekday)
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
