"""What an event says of itself: the date of the happening, a title and a permanent id, and the
evidence that grouped its articles."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date, timedelta

from ..ingest import DATELINE as _DATELINE
from ..model import Corpus, Event, shown_text
from ..slug import slugify
from .docs import DAY, WEEKDAY, WEEKDAY_NUM, Doc, headline_of
from .params import LEAD_DATE_SPAN
from .scoring import text_score
from .terms import LEAD_SENTENCES, words
from .vectors import centroid


def _lead_dates(d: Doc) -> set[date]:
    """Days the lead names, from the date extractor, that fall shortly before (or on) publication."""
    if d.pub is None:
        return set()
    out = set()
    for m in d.rec.extraction.dates:
        if m.start >= d.lead_end or not m.value or not DAY.match(m.value):
            continue
        v = date.fromisoformat(m.value)
        if d.pub - timedelta(days=LEAD_DATE_SPAN) <= v <= d.pub:
            out.add(v)
    return out


def lead_weekdays(d: Doc) -> list[tuple[str, str]]:
    """(weekday, sentence) for each weekday named in the lead of an article."""
    view = d.rec.article.view
    out = []
    for s, e in d.rec.article.sentences:
        if s >= d.lead_end:
            break
        for m in WEEKDAY.finditer(view, s, e):
            out.append((m.group(1), " ".join(view[s:e].split())))
    return out


def weekday_on_or_before(day: date, weekday: str) -> date:
    return day - timedelta(days=(day.weekday() - WEEKDAY_NUM[weekday]) % 7)


def happening_date(docs: list[Doc]) -> tuple[date | None, str]:
    votes: Counter = Counter()
    pubs = [d.pub for d in docs if d.pub]
    for d in docs:
        if d.pub:
            votes.update(_lead_dates(d))
        elif pubs:  # an undated report's "on Saturday": the Saturday on or before the first dated report
            votes.update({weekday_on_or_before(min(pubs), w) for w, _s in lead_weekdays(d)})
    if votes:
        day, n = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return day, f"happening on {day.isoformat()}: the day named in the lead of {n} of {len(docs)} articles"
    if pubs:
        return min(pubs), f"happening on {min(pubs).isoformat()} or before: the earliest publication date"
    return None, "no date: no article of this event is dated"


def _title_candidate(d: Doc) -> tuple[str, bool]:
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


def title_of(docs: list[Doc]) -> str:
    """The headline closest to what the event's articles have in common.

    Word counts over the event's own articles only (how many of them use each
    word), so the title, and the id made from it, do not depend on the rest of
    the corpus.  Real headlines win over leads cut to a title."""
    if len(docs) == 1:  # the event of a lone report: its own title (no choice to weigh)
        return _title_candidate(docs[0])[0]
    counts: Counter = Counter()
    for d in docs:
        counts.update(set(words(headline_of(d.rec) + " " + d.rec.article.view[:d.lead_end])))
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


def id_base(title: str) -> str:
    s = slugify(title, "event")
    if len(s) > 60:
        s = s[:61].rsplit("-", 1)[0]
    return s


def assign_ids(items: list[tuple[Event, date | None, str]]) -> None:
    by_base: dict[str, list[tuple[Event, date | None, str]]] = defaultdict(list)
    for it in items:
        by_base[id_base(it[0].title)].append(it)
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


def _shared_actors(docs: list[Doc], corpus: Corpus) -> list[str]:
    """Actors named by at least two of the articles, most articles first."""
    seen: Counter = Counter()
    for d in docs:
        seen.update(set(d.rec.actor_of.values()))
    shared = [(n, a) for a, n in seen.items() if n >= 2]
    name = {a: corpus.actors[a].name if a in corpus.actors else a for _n, a in shared}
    shared.sort(key=lambda na: (-na[0], name[na[1]].casefold()))
    return [name[a] for _n, a in shared]


def _shared_terms(docs: list[Doc], n: int = 8) -> list[str]:
    """The words that weigh most in the event's centroid and that at least two articles share."""
    cen = centroid([d.vec for d in docs])
    count: Counter = Counter()
    for d in docs:
        count.update(t for t in d.vec if not t.startswith("@"))
    best = sorted((t for t in cen if count[t] >= 2 and not t.startswith("@")), key=lambda t: (-cen[t], t))
    return best[:n]


def evidence_of(docs: list[Doc], corpus: Corpus, date_note: str) -> list[str]:
    if len(docs) == 1:
        return ["one article: no other article reports this happening", date_note]
    out = []
    actors = _shared_actors(docs, corpus)
    if actors:
        more = f" and {len(actors) - 8} more" if len(actors) > 8 else ""
        out.append("shared actors: " + ", ".join(actors[:8]) + more)
    pair_scores = [text_score(a, b) for k, a in enumerate(docs) for b in docs[k + 1:]]
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


def by_date(docs: list[Doc]) -> list[Doc]:
    return sorted(docs, key=lambda d: (d.pub or date.max, d.rec.slug))
