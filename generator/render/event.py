"""Events on the site: the editorial file ``content/events.yml`` and the event pages.

``content/events.yml`` maps an event id (the permanent URL ``/events/<id>/``)
to an entry::

    turkey-recalls-its-ambassador-to-israel:
      title: Turkey recalls its ambassador to Israel   # rename (the id stays)
      date: 2023-11-04                                 # the happening's date
      merge: [erdogan-writes-off-netanyahu]            # fold other events in; their URLs redirect here
      articles: [001_08d784ccb6862f36.txt]             # pin articles to this event (split them off others)
      redirect_from: [old-event-id]                    # old ids that must keep leading here

An entry whose id no discovered event has creates a new event from its
``articles`` and ``merge`` (a split; or, with ``merge`` alone, a new id for an
old event, which keeps its title and date).  Merges are followed through
(``a`` merges ``b`` which merges ``c``: one event ``a``, two redirects); a
merge cycle is reported and broken at its smallest id.  An event left with
no article after pinning disappears and its URL redirects to where its
articles went.  Every old URL leads to a page that exists.
"""
from __future__ import annotations

from collections import Counter

from ..escape import attr, html_text, md_quote, md_text
from ..model import Corpus, Event, shown_text
from . import pictures
from .urls import actor_md

HEADER_ACTORS = 30  # actors in an event page's front matter (its header shows the first six)
# reports of one measure listed on an event page: one line of thousands of links (a huge article's
# every "1,400 people") costs Python-Markdown their square; the rest are on the Figures page
MEASURE_POINTS = 50


def lead_sentence(corpus: Corpus, slug: str, max_len: int = 220) -> tuple[str, str]:
    """(the lead sentence of an article, its paragraph anchor)."""
    rec = corpus.by_slug()[slug]
    a = rec.article
    for b in a.blocks:
        if b.kind == "paragraph":
            for s, e in a.sentences:
                if b.start <= s < b.end:
                    text = " ".join(shown_text(a, s, e).split())  # no Markdown syntax
                    if len(text) > max_len:
                        text = text[: max_len - 1].rsplit(" ", 1)[0] + "\u2026"
                    return text, b.anchor
    return a.title, a.blocks[0].anchor if a.blocks else ""


def event_actors(corpus: Corpus, ev: Event) -> list[tuple[str, int]]:
    """Actors of the event's articles, most widely mentioned first."""
    seen: Counter = Counter()
    recs = corpus.by_slug()
    for s in ev.articles:
        for aid in recs[s].actor_ids():
            seen[aid] += 1
    return sorted(seen.items(), key=lambda kv: (-kv[1], corpus.actors[kv[0]].name.casefold(), kv[0]))


def event_page(corpus: Corpus, ev: Event, by_id: dict[str, Event], front) -> str:
    from ..link.measures import build_measures

    recs = corpus.by_slug()
    actors = event_actors(corpus, ev)
    lead, _ = lead_sentence(corpus, ev.articles[0])
    # the header (date, sources, actors) and the JSON-LD are overrides/event.html's, from "event"
    fm = {"title": html_text(ev.title), "template": "event.html", "description": attr(lead),
          "event": {"id": ev.id, "title": ev.title, "date": ev.date, "articles": ev.articles,
                    "sources": [{"slug": s, "title": recs[s].article.title, "published": recs[s].article.published,
                                 "source": recs[s].article.source} for s in ev.articles],
                    "actors": [{"id": aid, "name": corpus.actors[aid].name, "type": corpus.actors[aid].type,
                                "articles": k} for aid, k in actors[:HEADER_ACTORS]]}}
    lines = [front(fm), f"# {md_text(ev.title)}\n"]
    if pic := pictures.event_block(corpus, ev, by_id):  # "" when there is too little to draw
        lines.append(pic)
    lines.append("## Summary\n")
    for s in ev.articles:
        text, anchor = lead_sentence(corpus, s)
        src = recs[s].article.source
        lines.append(f"- {md_text(text)} <small>([{md_text(src or recs[s].article.title)}]"
                     f"(../articles/{s}.md#{anchor}))</small>")
    lines.append("")
    if actors:
        lines.append("## Actors involved\n")
        lines.append(", ".join(f"[{md_text(corpus.actors[aid].name)}]({actor_md(corpus, aid, 'events/x.md')})"
                               + (f" ({k})" if k > 1 else "") for aid, k in actors[:30]) + "\n")
    quotes = [(recs[s], q) for s in ev.articles for q in recs[s].extraction.quotes
              if recs[s].actor_of.get((q.speaker_start, q.speaker_end)) and not q.partial]
    if quotes:
        lines.append("## Key quotes { data-search-exclude }\n")
        for rec, q in quotes[:8]:
            aid = rec.actor_of[(q.speaker_start, q.speaker_end)]
            said = md_quote(shown_text(rec.article, q.start, q.end))
            lines.append(f"- “{said}” — [{md_text(corpus.actors[aid].name)}]({actor_md(corpus, aid, 'events/x.md')}) "
                         f"<small>([source](../articles/{rec.slug}.md#{rec.anchor_at(q.start)}))</small>")
        lines.append("")
    sub = Corpus(records=[recs[s] for s in ev.articles], actors=corpus.actors)
    measures = [m for m in build_measures(sub) if m.predicate]
    if measures:
        names = {m.place: corpus.actors[m.place].name for m in measures if m.place in corpus.actors}
        lines.append("## Figures { data-search-exclude }\n")
        for m in measures[:10]:
            vals = "; ".join(f"{md_text(shown_text(recs[p.slug].article, p.figure.start, p.figure.end))} "
                             f"([{md_text(recs[p.slug].article.source or 'source')}](../articles/{p.slug}.md#{p.anchor}))"
                             for p in m.points[:MEASURE_POINTS])
            if len(m.points) > MEASURE_POINTS:
                vals += f"; and {len(m.points) - MEASURE_POINTS} more on the [Figures](../figures/index.md) page"
            flag = " — **sources disagree**" if len({p.figure.value for p in m.points}) > 1 and \
                len({p.slug for p in m.points}) > 1 else ""
            lines.append(f"- {md_text(m.label(names)).capitalize()}: {vals}{flag}")
        lines.append("")
    lines.append("## Sources { data-search-exclude }\n")
    for s in ev.articles:
        a = recs[s].article
        lines.append(f"- {a.published or 'undated'}: [{md_text(a.title)}](../articles/{s}.md)"
                     + (f" — {md_text(a.source)}" if a.source else ""))
    lines.append("")
    related = [by_id[r] for r in ev.related if r in by_id]
    if related:
        lines.append("## Related events { data-search-exclude }\n")
        for r in sorted(related, key=lambda e: (e.date or "9999", e.id)):
            lines.append(f"- {r.date or 'undated'}: [{md_text(r.title)}]({r.id}.md)")
        lines.append("")
    if ev.evidence:
        lines.append("## Why these articles are one event { data-search-exclude }\n")
        lines += [f"- {md_text(x)}" for x in ev.evidence] + [""]
    return "\n".join(lines)


def events_index(corpus: Corpus, events: list[Event], front) -> str:
    multi = [e for e in events if len(e.articles) > 1]
    lines = [front({"title": "Events", "search": {"exclude": True}}), "# Events\n",
             f"{len(events)} events from {len(corpus.records)} articles; {len(multi)} reported by several articles. "
             "Newest first.\n", "| Date | Event | Sources |", "|---|---|---|"]
    for e in events:
        lines.append(f"| {e.date or 'undated'} | [{md_text(e.title)}]({e.id}.md) | {len(e.articles)} |")
    return "\n".join(lines) + "\n"
