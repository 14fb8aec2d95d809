"""Article pages: the headline, the body with actor mentions linked, the extracted facts, the cards of\nactors named only here; a large article's page is drawn in groups (see LARGE_PAGE)."""
from __future__ import annotations

import bisect
import re
from pathlib import Path

from ..escape import attr, html_text, md_inline, md_quote, md_text, safe_url
from ..ingest import markdown
from ..model import Actor, ArticleRecord, Corpus, shown_text
from .actor import ACTOR_KIND, INFOBOX_ROLES, roles_of
from .frontmatter import front_matter
from .urls import actor_md, article_url, md_of


def _linked_text(rec: ArticleRecord, start: int, end: int, page_url: str, mentions: list | None = None,
                 corpus: Corpus | None = None) -> str:
    """Inline Markdown of raw[start:end] with actor mentions linked to their pages' .md files,
    for an HTML element with ``markdown="1"``: MkDocs and Zensical both turn such links into
    the page's URL (a raw ``<a href>`` is left alone by one and rewritten by the other).
    ``mentions``: the record's (start, end, actor id) sorted, so a block takes its own by bisection."""
    raw = rec.article.raw
    if mentions is None:
        mentions = sorted((s, e, aid) for (s, e), aid in rec.actor_of.items())
    i = bisect.bisect_left(mentions, (start, -1, ""))
    out, pos = [], start
    while i < len(mentions) and mentions[i][0] < end:
        s, e, aid = mentions[i]
        i += 1
        if s < pos or e > end:
            continue
        out.append(md_inline(raw[pos:s]))
        out.append(f"[{md_inline(raw[s:e])}]({actor_md(corpus, aid, md_of(page_url))}){{ .bf-actor }}")
        pos = e
    out.append(md_inline(raw[pos:end]))
    return "".join(out).strip()


def _body_html(rec: ArticleRecord, page_url: str, corpus: Corpus, blocks=None) -> list[str]:
    a = rec.article
    parts = []
    mentions = sorted((s, e, aid) for (s, e), aid in rec.actor_of.items())
    for b in a.blocks if blocks is None else blocks:
        if a.fmt == "md":
            inner = b.html or markdown().render(a.raw[b.start:b.end]).strip()
            parts.append(f'<div class="bf-block bf-{b.kind}" id="{b.anchor}" markdown="0">\n{inner}\n</div>')
            continue
        inner = _linked_text(rec, b.start, b.end, page_url, mentions, corpus)
        if b.kind == "headline":
            parts.append(f'<h1 class="bf-headline" id="{b.anchor}" markdown="1">{inner}</h1>')
        else:
            parts.append(f'<p class="bf-{b.kind}" id="{b.anchor}" markdown="1">{inner}</p>')
    return parts


LARGE_PAGE = 100_000


PART = 100


MD_PARTS = 50


PIECE = 4_000


def is_large(rec: ArticleRecord) -> bool:
    return len(rec.article.raw) > LARGE_PAGE


def _grouped(items: list[str], cls: str, sep: str = "\n\n") -> str:
    """Markdown blocks (``sep``: a blank line between paragraphs, a newline between the lines
    of one list) in ``<div markdown="1">`` groups of at most PART, grouped again until at most
    PART remain, under one wrapper of class ``cls``: one top-level block, and no element with
    more than PART children."""
    level = [f'<div markdown="1">\n\n{sep.join(items[i:i + PART])}\n\n</div>' for i in range(0, len(items), PART)]
    while len(level) > PART:
        level = ['<div markdown="1">\n' + "\n".join(level[i:i + PART]) + "\n</div>"
                 for i in range(0, len(level), PART)]
    return f'<div class="{cls}" markdown="1">\n' + "\n".join(level) + "\n</div>"


_SPACE_AT = re.compile(r"\s")


def _pieces(raw: str, start: int, end: int, mentions: list) -> list[tuple[int, int]]:
    """[start, end) cut into pieces of about PIECE characters, at white space outside actor
    mentions (sorted (start, end, id)); a run of over PIECE characters without a space is cut
    where it must be."""
    out = []
    while end - start > PIECE:
        lo, hi = start + PIECE // 2, start + PIECE
        cut = max(raw.rfind(" ", lo, hi), raw.rfind("\n", lo, hi))
        if cut < 0:  # no space in the window: the next one, if it is near
            m = _SPACE_AT.search(raw, hi, min(end, hi + PIECE))
            cut = m.start() if m else hi
        k = bisect.bisect_right(mentions, (cut, len(raw) + 1, "")) - 1
        if k >= 0 and mentions[k][0] < cut < mentions[k][1]:
            cut = mentions[k][1]  # not inside a name: after it
        if cut >= end:
            break
        out.append((start, cut))
        start = cut
        while start < end and raw[start].isspace():
            start += 1
    if start < end:
        out.append((start, end))
    return out


def _large_body(rec: ArticleRecord, blocks, page_url: str, corpus: Corpus) -> list[str]:
    """The blocks of a large article's page (see LARGE_PAGE)."""
    a = rec.article
    if a.fmt == "md":
        html = [f'<div class="bf-block bf-{b.kind}" id="{b.anchor}">\n'
                f'{b.html or markdown().render(a.raw[b.start:b.end]).strip()}\n</div>' for b in blocks]
        k = max(PART, -(-len(html) // MD_PARTS))
        return ['<div class="bf-part">\n' + "\n".join(html[i:i + k]) + "\n</div>" for i in range(0, len(html), k)]
    mentions = sorted((s, e, aid) for (s, e), aid in rec.actor_of.items())
    items = []
    for b in blocks:
        for n, (s, e) in enumerate(_pieces(a.raw, b.start, b.end, mentions)):
            inner = _linked_text(rec, s, e, page_url, mentions, corpus)
            if inner:
                items.append(f"{inner}\n{{: .bf-{b.kind} #{b.anchor} }}" if n == 0 else f"{inner}\n{{: .bf-{b.kind} }}")
    return [_grouped(items, "bf-body")] if items else []


def article_page(rec: ArticleRecord, corpus: Corpus) -> str:
    from .event import lead_sentence

    a, ex = rec.article, rec.extraction
    page_url = article_url(a.slug)
    actors = [corpus.actors[i] for i in rec.actor_ids()]
    fm = {
        "title": html_text(a.title),
        "template": "article.html",
        # Material writes title, description and author into the page's <head> unescaped (the last two
        # in attributes): all three are stored escaped, and overrides/*.html turn them back with striptags
        "description": attr(lead_sentence(corpus, a.slug)[0]),
        "headline": a.title,
        "title_inferred": a.title_inferred,
        "published": a.published,
        "published_from": a.published_from,
        "published_evidence": a.published_evidence or None,
        "source": a.source,
        "author": attr(a.author) if a.author else None,
        "place": a.place,
        "agency": a.agency,
        "url": safe_url(a.url),
        "file": Path(a.path).name,
        "actors": [{"id": x.id, "name": x.name, "type": x.type} for x in actors],
        "dates": [{"text": d.text, "value": d.value, "start": d.start, "end": d.end, "anchor": rec.anchor_at(d.start)}
                  for d in ex.dates],
        "quotes": [{"text": q.text, "speaker": rec.actor_of.get((q.speaker_start, q.speaker_end)),
                    "speaker_text": q.speaker_text, "partial": q.partial, "cue": q.cue, "anonymous": q.anonymous,
                    "start": q.start, "end": q.end, "anchor": rec.anchor_at(q.start)} for q in ex.quotes],
        "figures": [{"text": f.text, "value": f.value, "unit": f.unit, "counted": f.counted,
                     "qualifier": f.qualifier, "start": f.start, "end": f.end, "anchor": rec.anchor_at(f.start)}
                    for f in ex.figures],
    }
    if a.meta:
        fm["meta"] = {str(k): (v if isinstance(v, (str, int, float, bool)) else str(v)) for k, v in sorted(a.meta.items())}
    ev = corpus.event_of().get(a.slug) if corpus.events else None
    if ev is not None:  # shown in the page header by overrides/article.html
        fm["event"] = {"id": ev.id, "title": ev.title, "date": ev.date, "articles": len(ev.articles)}
    fm = {k: v for k, v in fm.items() if v is not None}
    lines = [front_matter(fm)]
    # the header (date, source, place, event) is overrides/article.html's, from the front matter;
    # the actors line follows the headline (and standfirst, byline) of a plain-text article
    lead = 0
    while lead < len(a.blocks) and a.blocks[lead].kind in ("headline", "standfirst", "byline"):
        lead += 1
    large = is_large(rec)
    if large:
        body = _body_html(rec, page_url, corpus, a.blocks[:lead]) + _large_body(rec, a.blocks[lead:], page_url, corpus)
    else:
        body = _body_html(rec, page_url, corpus)
    lines.extend(p + "\n" for p in body[:lead])
    if actors:
        links = [f"[{md_text(x.name)}]({actor_md(corpus, x.id, md_of(page_url))})" for x in actors]
        if large and len(links) > PART:  # one paragraph of thousands of links costs their square (see LARGE_PAGE)
            lines.append(_grouped([("Actors: " if i == 0 else "") + ", ".join(links[i:i + PART])
                                   + ("," if i + PART < len(links) else "") + "\n{: .bf-actors }"
                                   for i in range(0, len(links), PART)], "bf-actors-all") + "\n")
        else:
            lines.append(f'<p class="bf-actors" markdown="1">Actors: {", ".join(links)}</p>\n')
    lines.extend(p + "\n" for p in body[lead:])
    lines.extend(_facts(rec, corpus, page_url))
    lines.extend(_cards(rec, corpus, [x for x in actors if corpus.home_of().get(x.id) == rec.slug]))
    return "\n".join(lines)


def _cards(rec: ArticleRecord, corpus: Corpus, actors: list[Actor]) -> list[str]:
    """The actors named in this article only: a card each (anchor ``actor-<id>``), where their
    address ``actors/<id>/`` leads until a second article gives them a page of their own."""
    if not actors:
        return []
    items = []
    quotes = corpus.quotes_by_speaker()
    for x in actors:
        roles = [r["role"] for r in roles_of(x)[:INFOBOX_ROLES]]  # the order an actor page's infobox uses
        n, q = len(x.mentions), len(quotes.get(x.id, ()))
        bits = [ACTOR_KIND.get(x.type, html_text(x.type))]
        if x.aliases:
            bits.append("also " + ", ".join(html_text(v) for v in sorted(x.aliases)))
        if roles:
            bits.append("seen as " + ", ".join(html_text(r) for r in roles))
        bits.append(f"{n} mention{'s' if n != 1 else ''}" + (f", {q} quote{'s' if q != 1 else ''}" if q else "")
                    + f' (first in <a href="#{x.mentions[0].anchor}">the text</a>)')
        items.append(f'<li id="actor-{x.id}"><strong>{html_text(x.name)}</strong>: {"; ".join(bits)}.</li>')
    return ['<h2 id="named-only-here" data-search-exclude>Named only here</h2>\n'
            '<p class="bf-note">Actors no other article names. Each one\'s address '
            '(<code>actors/&lt;id&gt;/</code>) leads to its entry here until another article names it.</p>\n'
            '<ul class="bf-cards">' + "".join(items) + "</ul>\n"]


def _facts(rec: ArticleRecord, corpus: Corpus, page_url: str) -> list[str]:
    """What was extracted from the article, each item linked to its paragraph on this page."""
    from .lists import fmt_value

    ex, a = rec.extraction, rec.article
    out = []
    if ex.quotes:
        items = []
        for q in ex.quotes:
            aid = rec.actor_of.get((q.speaker_start, q.speaker_end))
            spk = q.speaker_text if q.speaker_start is None else shown_text(a, q.speaker_start, q.speaker_end)
            who = (f"[{md_text(corpus.actors[aid].name)}]({actor_md(corpus, aid, md_of(page_url))})"
                   if aid in corpus.actors else md_text(q.speaker_description or spk or "unattributed"))
            partial = " (partial)" if q.partial else ""
            items.append(f"“[{md_quote(shown_text(a, q.start, q.end))}](#{rec.anchor_at(q.start)})”{partial} — {who}")
        if is_large(rec) and len(items) > PART:  # see LARGE_PAGE
            out.append('<h2 id="quotes" data-search-exclude>Quotes</h2>\n'
                       + _grouped([f"- {x}" for x in items], "bf-quotes", "\n") + "\n")
        else:
            out.append('<h2 id="quotes" data-search-exclude>Quotes</h2>\n<ul class="bf-quotes" markdown="1">\n'
                       + "".join(f'<li markdown="1">{x}</li>\n' for x in items) + "</ul>\n")
    if ex.figures:
        items = []
        for f in ex.figures:
            val = fmt_value(f.value) + (f" {html_text(f.unit)}" if f.unit else "")
            said = html_text(shown_text(a, f.start, f.end))
            items.append(f'<li><a href="#{rec.anchor_at(f.start)}">{said}</a> = {val}</li>')
        out.append('<h2 id="figures" data-search-exclude>Figures</h2>\n<ul class="bf-figures">' + "".join(items) + "</ul>\n")
    if ex.dates:
        items = [f'<li><a href="#{rec.anchor_at(d.start)}">{html_text(shown_text(a, d.start, d.end))}</a> → '
                 f'{html_text(d.value or "?")}</li>' for d in ex.dates]
        out.append('<h2 id="dates" data-search-exclude>Dates</h2>\n<ul class="bf-dates">' + "".join(items) + "</ul>\n")
    return out
