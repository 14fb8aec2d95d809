"""Render: a linked Corpus -> finished Markdown pages and JSON exports.

``render(corpus)`` returns ``{relative path: file content}`` for the docs
tree; :func:`write_tree` writes only what changed and removes stale pages.
``render(corpus, reuse)`` is the incremental form: each article, actor and
event page gets a digest of everything it is drawn from (see
:func:`_page_inputs`), and a page whose digest is the one the previous build
recorded is not drawn again (its content is ``None``: keep the file).  Index
pages and exports depend on the whole corpus and are always drawn.
Article bodies are written as escaped HTML blocks (one per paragraph, each
with a stable ``id``) so that offsets, anchors and links stay under the
generator's control whichever site builder reads the tree; a large article's
page is grouped so that Python-Markdown's time stays linear (see LARGE_PAGE).  Index pages use
Markdown links to ``.md`` files, which MkDocs checks in strict mode.
"""
from __future__ import annotations

import bisect
import hashlib
import heapq
import json
import os
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

from . import svg
from .escape import attr, html_text, md_inline, md_quote, md_text, safe_url
from .ingest import markdown
from .model import Actor, ArticleRecord, Corpus, shown_text

HOME_LATEST = 30
TYPE_LABELS = {"person": "People", "organization": "Organisations", "country": "Countries", "place": "Places"}


# characters YAML does not accept unescaped (besides tab and newline, which JSON escapes anyway)
# (and the line breaks YAML folds inside quoted strings: NEL, LS, PS)
_YAML_UNSAFE = re.compile("[^\x09\x0A\x0D\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def yaml_value(value) -> str:
    """A YAML flow value: JSON (which YAML reads) with the characters YAML rejects escaped.
    Orders of magnitude faster than PyYAML's pure-Python emitter on large pages."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _YAML_UNSAFE.sub(lambda m: "\\u%04x" % ord(m.group()) if ord(m.group()) < 0x10000
                            else json.dumps(m.group())[1:-1], text)


def _front_matter(data: dict) -> str:
    """YAML front matter, one top-level key per line."""
    return "---\n" + "".join(f"{k}: {yaml_value(v)}\n" for k, v in data.items()) + "---\n\n"


def article_url(slug: str) -> str:
    return f"articles/{slug}/"


def actor_url(aid: str) -> str:
    return f"actors/{aid}/"


def md_of(page_url: str) -> str:
    """The .md file of a page at directory URL ``page_url`` ("articles/x/" -> "articles/x.md")."""
    return page_url.rstrip("/") + ".md" if page_url else "index.md"


def actor_home_url(corpus: Corpus, aid: str) -> str:
    """Where an actor is shown (a directory URL): its page, or, for an actor without a page of its
    own (:meth:`Corpus.home_of`), its card on the page of its one article."""
    slug = corpus.home_of().get(aid)
    return f"articles/{slug}/#actor-{aid}" if slug else actor_url(aid)


def actor_md(corpus: Corpus, aid: str, from_md: str) -> str:
    """Markdown link target of an actor from the page whose file is ``from_md`` ("articles/x.md",
    "index.md"): the .md file of its page, or its card on its one article's page (``#actor-<id>``
    on that page itself)."""
    up = "../" * from_md.count("/")
    slug = corpus.home_of().get(aid)
    if slug is None:
        return f"{up}actors/{aid}.md"
    if from_md == f"articles/{slug}.md":
        return f"#actor-{aid}"
    return f"{up}articles/{slug}.md#actor-{aid}"


def _date_label(iso: str | None) -> str:
    if not iso:
        return "undated"
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B %Y')}"


def _sort_key_article(r: ArticleRecord):
    # newest first; undated last; ties by title then slug
    return (r.article.published is None, "" if r.article.published is None else _neg(r.article.published),
            r.article.title.casefold(), r.slug)


def _neg(iso: str) -> str:
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in iso)


# ---------------------------------------------------------------- article pages

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


# ---------------------------------------------------------------- large article pages
#
# Python-Markdown (MkDocs' parser) does work that grows with the square of some counts on one
# page: at the end of each top-level HTML block it copies the rest of the page; each element
# kept for md_in_html is taken out of and put back into one list of all of them; an element's
# children are flattened one by one into a growing string; and inline patterns rescan a text
# from its start after each match (escapes, links), so one long text costs the square of its
# length.  On an ordinary article none of this shows; a page of tens of thousands of blocks
# (a 10 MB article) did not build in 20 minutes.  Past LARGE_PAGE characters of article text,
# a page is drawn so that every one of those counts stays small, and MkDocs' time grows with
# the article: the body paragraphs and the quotes list are Markdown inside nested
# ``<div markdown="1">`` groups of at most PART items, a Markdown article's blocks are raw HTML
# in at most about MD_PARTS top-level groups, and a paragraph longer than PIECE characters is
# shown as several paragraphs (the first keeps its anchor).  The text and every link are the same.

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


def _article_page(rec: ArticleRecord, corpus: Corpus) -> str:
    from .eventsite import lead_sentence

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
    lines = [_front_matter(fm)]
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
        roles = [r["role"] for r in _roles(x)[:INFOBOX_ROLES]]  # the order an actor page's infobox uses
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
    from .pages import fmt_value

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


# ---------------------------------------------------------------- index pages

def _article_line(rec: ArticleRecord, prefix: str) -> str:
    a = rec.article
    when = a.published or "undated"
    src = f" — {md_text(a.source)}" if a.source else ""
    return f"| {when} | [{md_text(a.title)}]({prefix}{a.slug}.md){src} |"


def _articles_table(records: list[ArticleRecord], prefix: str) -> list[str]:
    rows = ["| Date | Article |", "|---|---|"]
    rows += [_article_line(r, prefix) for r in sorted(records, key=_sort_key_article)]
    return rows


def _home(corpus: Corpus) -> str:
    from .eventsite import lead_sentence

    recs = corpus.records
    undated = [r for r in recs if not r.article.published]
    multi = [e for e in corpus.events if len(e.articles) > 1]
    lines = [_front_matter({"hide": ["navigation"], "search": {"exclude": True}}), "# Briefing\n",
             f"{len(recs)} articles ({len(undated)} undated) on {len(corpus.events)} events "
             f"({len(multi)} reported by several articles), {len(corpus.actors)} actors. "
             "[Timeline](timeline/index.md) · [Figures](figures/index.md) · [Quotes](quotes/index.md)\n"]
    if pic := svg.home_block(corpus):  # "" when there is too little to draw
        lines.append(pic)
    if corpus.events:
        lines.append("## Latest events\n")
        for e in corpus.events[:HOME_LATEST]:
            lead, anchor = lead_sentence(corpus, e.articles[0])
            n = len(e.articles)
            lines.append(f"- **{e.date or 'undated'}** [{md_text(e.title)}](events/{e.id}.md) "
                         f"<small>({n} source{'s' if n != 1 else ''})</small>  \n  {md_text(lead)}")
        if len(corpus.events) > HOME_LATEST:
            lines.append(f"\nAll {len(corpus.events)} events are in [Events](events/index.md).")
        lines.append("")
    top = sorted(corpus.actors.values(), key=lambda x: (-len(x.articles), x.name.casefold(), x.id))[:12]
    if top:
        lines += ["## Most active actors\n",
                  ", ".join(f"[{md_text(x.name)}]({actor_md(corpus, x.id, 'index.md')}) ({len(x.articles)})" for x in top), ""]
    figs = [(r, f) for r in sorted(recs, key=_sort_key_article) if r.article.published
            for f in r.extraction.figures if f.predicate][:8]
    if figs:
        lines.append("## Recent figures\n")
        for r, f in figs:
            said = md_text(shown_text(r.article, f.start, f.end))
            lines.append(f"- {r.article.published}: “{said}” {md_text(f.predicate or '')} "
                         f"<small>([{md_text(r.article.title)}](articles/{r.slug}.md#{r.anchor_at(f.start)}))</small>")
        lines.append("\nAll figures, grouped by what they measure: [Figures](figures/index.md).\n")
    dated = sorted((r for r in recs if r.article.published), key=_sort_key_article)
    if dated:
        lines += ["## Latest articles\n", *_articles_table(dated[:HOME_LATEST], "articles/"), ""]
    if undated:
        shown = sorted(undated, key=_sort_key_article)[:HOME_LATEST]
        more = f" {len(shown)} of {len(undated)} shown; all are in [Articles](articles/index.md)." \
            if len(undated) > len(shown) else ""
        lines += ["## Undated articles\n", f"These articles carry no publication date.{more}\n",
                  *_articles_table(shown, "articles/"), ""]
    return "\n".join(lines)


def _articles_index(corpus: Corpus) -> str:
    lines = [_front_matter({"title": "Articles", "search": {"exclude": True}}), "# Articles\n",
             f"{len(corpus.records)} articles, newest first; undated articles at the end.\n",
             *_articles_table(corpus.records, ""), ""]
    return "\n".join(lines)


def _actors_index(corpus: Corpus) -> str:
    lines = [_front_matter({"title": "Actors", "search": {"exclude": True}}), "# Actors\n"]
    if not corpus.actors:
        lines.append("No actors found yet.\n")
    by_type: dict[str, list[Actor]] = defaultdict(list)
    for x in corpus.actors.values():
        by_type[x.type].append(x)
    for t in sorted(by_type, key=lambda t: (list(TYPE_LABELS).index(t) if t in TYPE_LABELS else 99, t)):
        lines.append(f"## {TYPE_LABELS.get(t, t.title())}\n")
        for x in sorted(by_type[t], key=lambda x: (x.name.casefold(), x.id)):
            lines.append(f"- [{md_text(x.name)}]({actor_md(corpus, x.id, 'actors/index.md')}) — "
                         f"{len(x.mentions)} mentions in {len(x.articles)} articles")
        lines.append("")
    return "\n".join(lines)


def _actor_quotes(x: Actor, corpus: Corpus) -> list[str]:
    items = corpus.quotes_by_speaker().get(x.id, [])
    if not items:
        return []
    lines = ["## Quotes { data-search-exclude }\n"]
    for rec, q in sorted(items, key=lambda it: (_sort_key_article(it[0]), it[1].start)):
        partial = " <small>(partial)</small>" if q.partial else ""
        said = md_quote(shown_text(rec.article, q.start, q.end))
        lines.append(f"- “{said}”{partial} — <small>{rec.article.published or 'undated'}, "
                     f"[{md_text(rec.article.title)}](../articles/{rec.slug}.md#{rec.anchor_at(q.start)})</small>")
    return lines + [""]


ACTOR_KIND = {"person": "a person", "organization": "an organisation", "country": "a country", "place": "a place"}
INFOBOX_ROLES = 10
CO_ACTORS = 12  # co-actors listed on an actor's page (those its picture draws)


def _roles(x: Actor) -> list[dict]:
    """The actor's roles, most often seen first, each with the first and last date it was seen."""
    seen: dict[str, list[str | None]] = defaultdict(list)
    for role, _slug, when in x.roles:
        seen[role].append(when)
    out = []
    for role in sorted(seen, key=lambda r: (-len(seen[r]), r.casefold(), r)):
        whens = sorted(w for w in seen[role] if w)
        out.append({"role": role, "first": whens[0] if whens else None, "last": whens[-1] if whens else None})
    return out


def _actor_info(x: Actor, corpus: Corpus) -> dict:
    """What overrides/actor.html shows in the infobox and its JSON-LD (raw text: the template escapes)."""
    recs = corpus.by_slug()
    roles = _roles(x)
    dates = sorted(d for d in (recs[s].article.published for s in x.articles if s in recs) if d)
    of = corpus.event_of() if corpus.events else {}
    return {"id": x.id, "name": x.name, "type": x.type, "aliases": sorted(x.aliases),
            "description": x.description, "roles": roles[:INFOBOX_ROLES],
            "roles_more": max(0, len(roles) - INFOBOX_ROLES), "first_seen": dates[0] if dates else None,
            "last_seen": dates[-1] if dates else None, "articles": len(x.articles), "mentions": len(x.mentions),
            "events": len({of[s].id for s in x.articles if s in of}),
            "links": [{"label": k, "url": v} for k, v in sorted(x.links.items()) if safe_url(v)]}


def _actor_lead(info: dict) -> str:
    """One sentence on the actor: the page's lead paragraph and its description."""
    also = f" (also {', '.join(info['aliases'])})" if info["aliases"] else ""
    desc = " ".join((info["description"] or "").split())
    if desc:
        return f"{info['name']}{also}: {desc}"
    n = info["articles"]
    first, last = _date_label(info["first_seen"]), _date_label(info["last_seen"])
    span = "" if not info["first_seen"] else f", {first}" if first == last else f", {first} to {last}"
    return f"{info['name']}{also}: {ACTOR_KIND.get(info['type'], info['type'])} named in {n} article{'s' if n != 1 else ''}{span}."


def _actor_page(x: Actor, corpus: Corpus, happenings: list | None = None) -> str:
    recs = corpus.by_slug()
    info = _actor_info(x, corpus)
    lead = _actor_lead(info)
    # a search for an actor's name, alias or role finds the actor's page above the articles that mention
    # it: the lead paragraph names the aliases and roles (the infobox, overrides/actor.html, is not indexed)
    fm = {"title": html_text(x.name), "template": "actor.html", "description": attr(lead),
          "search": {"boost": 10}, "actor": info}
    roles = [r["role"] for r in info["roles"]]
    seen_as = f" Seen as {', '.join(roles[:-1])} and {roles[-1]}." if len(roles) > 1 else \
        f" Seen as {roles[0]}." if roles else ""
    lines = [_front_matter(fm), f"# {md_text(x.name)}\n", md_text(lead + seen_as) + "\n"]
    single = len(x.articles) == 1  # most actors of a large briefing: their page stays short (see below)
    if corpus.events:
        of = corpus.event_of()
        evs = {of[s].id: of[s] for s in x.articles if s in of}
        if single and all(len(e.articles) == 1 for e in evs.values()):
            evs = {}  # the one event is the one article: the Articles line below says it all
        if evs:
            lines.append("## Events { data-search-exclude }\n")
            for e in sorted(evs.values(), key=lambda e: (e.date or "", e.id), reverse=True)[:30]:
                lines.append(f"- {e.date or 'undated'}: [{md_text(e.title)}](../events/{e.id}.md) "
                             f"— {len(e.articles)} source{'s' if len(e.articles) != 1 else ''}")
            lines.append("")
    lines += _actor_quotes(x, corpus)
    if happenings:
        lines.append("## Timeline { data-search-exclude }\n")
        for h in happenings[-50:]:
            src = h.sources[0]
            more = f" and {len(h.sources) - 1} more" if len(h.sources) > 1 else ""
            lines.append(f"- **{h.value}** — {md_text(h.label)} <small>([source](../articles/{src.slug}.md#{src.anchor}){more})</small>")
        lines.append("")
    lines.append("## Articles { data-search-exclude }\n")
    by_article: dict[str, list] = defaultdict(list)
    for m in x.mentions:
        by_article[m.article].append(m)
    for slug in sorted(by_article, key=lambda s: _sort_key_article(recs[s])):
        r = recs[slug]
        first = by_article[slug][0]
        n = len(by_article[slug])
        lines.append(f"- {r.article.published or 'undated'}: [{md_text(r.article.title)}](../articles/{slug}.md#{first.anchor})"
                     f" — {n} mention{'s' if n != 1 else ''}")
    lines.append("")
    co = Counter()
    for slug in by_article:
        for aid in recs[slug].actor_ids():
            if aid != x.id:
                co[aid] += 1
    if co and single:
        # the others named in the same article: that article's actors line lists them, linked
        slug = next(iter(by_article))
        lines.append(f"Appears with the {len(co)} other actor{'s' if len(co) != 1 else ''} named in "
                     f"[{md_text(recs[slug].article.title)}](../articles/{slug}.md).\n")
    elif co:
        lines.append("## Appears with { data-search-exclude }\n")
        top = heapq.nsmallest(CO_ACTORS, co.items(), key=lambda kv: (-kv[1], corpus.actors[kv[0]].name.casefold(), kv[0]))
        if pic := svg.actor_block(corpus, x, top):
            lines.append(pic)
        for aid, n in top:
            lines.append(f"- [{md_text(corpus.actors[aid].name)}]({actor_md(corpus, aid, f'actors/{x.id}.md')}) — "
                         f"{n} article{'s' if n != 1 else ''}")
        lines.append("")
    return "\n".join(lines)


_RECORD = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # one encoder for the tens of thousands of records


def _records_file(lines: list[str]) -> str:
    return "[\n" + ",\n".join(lines) + "\n]\n"


def _dump_records(items: list[dict]) -> str:
    # one record per line: a change shows as the lines of the records it touches, and the
    # C encoder (no indent) writes the corpus' exports in a fraction of the indented time
    return _records_file(list(map(_RECORD.encode, items)))


def _actor_exports(corpus: Corpus) -> dict[str, str]:
    """actors.json and each actor's record on its own (linked from the actor page's infobox)."""
    moved: dict[str, list[str]] = defaultdict(list)
    for old, new in sorted(corpus.redirects.items()):
        moved[new].append(old)
    actors = [{"id": x.id, "name": x.name, "type": x.type, "aliases": sorted(x.aliases), "url": actor_home_url(corpus, x.id),
               "description": x.description, "links": x.links, "articles": len(x.articles), "mentions": len(x.mentions),
               "redirected_from": moved.get(x.id, [])}
              for x in sorted(corpus.actors.values(), key=lambda x: x.id)]
    lines = list(map(_RECORD.encode, actors))  # each record once, for actors.json and for its own file
    files = {"actors.json": _records_file(lines)}
    for entry, line in zip(actors, lines):
        files[f"actors/{entry['id']}.json"] = line + "\n"
    return files


def _event_exports(corpus: Corpus) -> dict[str, str]:
    """articles.json (with each article's event) and events.json."""
    articles = [{"slug": r.slug, "title": r.article.title, "published": r.article.published,
                 "published_from": r.article.published_from, "source": r.article.source, "place": r.article.place,
                 "url": article_url(r.slug), "actors": r.actor_ids()}
                for r in sorted(corpus.records, key=lambda r: r.slug)]
    of = corpus.event_of()
    for art in articles:
        art["event"] = of[art["slug"]].id if art["slug"] in of else None
    events = [{"id": e.id, "title": e.title, "date": e.date, "url": f"events/{e.id}/", "articles": e.articles,
               "related": e.related} for e in sorted(corpus.events, key=lambda e: e.id)]
    return {"articles.json": _dump_records(articles), "events.json": _dump_records(events)}


_RENDER_CODE: str | None = None


def render_code_version() -> str:
    """A hash of the generator's code: any change to it draws every page again."""
    global _RENDER_CODE
    if _RENDER_CODE is None:
        h = hashlib.sha1()
        pkg = Path(__file__).resolve().parent
        for p in sorted(pkg.rglob("*")):
            if p.is_file() and p.suffix in (".py", ".yml", ".yaml", ".txt", ".json") and "__pycache__" not in p.parts:
                h.update(p.relative_to(pkg).as_posix().encode() + b"\0" + p.read_bytes())
        _RENDER_CODE = h.hexdigest()
    return _RENDER_CODE


def _digest(*parts) -> str:
    return hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def article_bases(corpus: Corpus) -> dict[str, str]:
    """slug -> digest of what an article page is drawn from, its event aside (see :func:`_page_inputs`):
    the article (its cache key covers the file and its extraction), the publication date (which
    events may infer) and the actors its mentions resolve to (ids, names, types)."""
    code = render_code_version()
    home = corpus.home_of()
    # an actor without a page is drawn on its article's page (a card) and linked there from everywhere
    x_lite = {aid: (x.id, x.name, x.type, home.get(aid)) + ((sorted(x.aliases), x.roles) if aid in home else ())
              for aid, x in corpus.actors.items()}
    out = {}
    for r in corpus.records:
        a = r.article
        out[r.slug] = _digest(code, r.key, a.path, a.slug, a.title, a.published, a.published_from,
                              a.published_evidence, sorted(r.actor_of.items()),
                              [x_lite.get(i) for i in r.actor_ids()],
                              r.extraction.dates if a.published_from == "inferred" else None)
    return out


def actors_by_happening(happenings: list) -> dict[str, list]:
    """actor id -> the timeline's happenings naming it (its page lists them)."""
    by_actor: dict[str, list] = defaultdict(list)
    for h in happenings:
        for aid in h.actors:
            by_actor[aid].append(h)
    return by_actor


def actor_bases(corpus: Corpus, by_actor: dict[str, list]) -> dict[str, str]:
    """actor id -> digest of what its page is drawn from, its articles' digests aside (see
    :func:`_page_inputs`): the actor itself, its articles and its timeline entries."""
    code = render_code_version()
    home = corpus.home_of()
    out = {}
    for x in corpus.actors.values():
        if x.id in home:
            continue
        hs = [(h.value, h.label, h.sources) for h in by_actor.get(x.id, ())]
        out[x.id] = _digest(code, x.id, x.name, x.type, sorted(x.aliases), x.roles, x.description,
                            sorted(x.links.items()), len(x.mentions), x.articles, hs)
    return out


def event_bases(events: list) -> dict[str, str]:
    """event id -> digest of the event itself (its articles' digests aside, see :func:`_page_inputs`)."""
    code = render_code_version()
    return {e.id: _digest(code, e) for e in events}


def _page_inputs(corpus: Corpus, by_actor: dict[str, list], bases: dict[str, str] | None = None,
                 actors: dict[str, str] | None = None, events: dict[str, str] | None = None) -> dict[str, str]:
    """page path -> digest of everything the page is drawn from.

    An article page is drawn from its article (:func:`article_bases`) and its event (id, title,
    date, size).  An actor page, from the actor (:func:`actor_bases`: the actor, its articles
    and its timeline entries) and the digests of its articles (which carry the names of every
    actor appearing with it and their events).  An event page, from the event
    (:func:`event_bases`), its articles' digests and its related events.  Every digest also
    covers the generator's code.  The three kinds of base digest can be given already computed
    (a rebuild computes them beside the events: generator.build)."""
    bases = bases if bases is not None else article_bases(corpus)
    actors = actors if actors is not None else actor_bases(corpus, by_actor)
    events = events if events is not None else event_bases(corpus.events)
    ev_of = corpus.event_of() if corpus.events else {}
    ev_lite = {e.id: (e.id, e.title, e.date, len(e.articles)) for e in corpus.events}
    art: dict[str, str] = {}
    out: dict[str, str] = {}
    for r in corpus.records:
        e = ev_of.get(r.slug)
        art[r.slug] = _digest(bases[r.slug], ev_lite.get(e.id) if e else None)
        out[f"articles/{r.slug}.md"] = art[r.slug]
    for aid, base in actors.items():
        out[f"actors/{aid}.md"] = _digest(base, [art[s] for s in corpus.actors[aid].articles])
    for e in corpus.events:
        out[f"events/{e.id}.md"] = _digest(events[e.id], [art[s] for s in e.articles],
                                           [ev_lite.get(r) for r in e.related])
    return out


def render(corpus: Corpus, reuse: dict[str, str] | None = None) -> dict[str, str | None]:
    """The docs tree.  ``reuse``: page path -> input digest of pages the last build wrote and
    that are still on disk; such a page whose digest has not changed comes back as ``None``."""
    return render_with_inputs(corpus, reuse)[0]


def render_with_inputs(corpus: Corpus, reuse: dict[str, str] | None = None
                       ) -> tuple[dict[str, str | None], dict[str, str]]:
    """(the docs tree as :func:`render` gives it, the input digest of every page that has one)."""
    files, happenings = event_free_files(corpus)
    more, inputs = event_files(corpus, reuse or {}, happenings)
    files.update(more)
    return files, inputs


def event_free_files(corpus: Corpus) -> tuple[dict[str, str | None], list]:
    """The files that do not depend on the events (timeline, quotes, figures, the indexes of
    articles and actors, actor redirects and exports), with the timeline's happenings, which
    actor pages list.  A rebuild draws them while the events are clustered (generator.build)."""
    from .link.measures import build_measures
    from .link.timeline import build_timeline
    from .pages import figures_page, quotes_page, timeline_pages

    happenings = build_timeline(corpus)
    files: dict[str, str | None] = dict(timeline_pages(corpus, happenings))
    files["articles/index.md"] = _articles_index(corpus)
    files["actors/index.md"] = _actors_index(corpus)
    files["quotes/index.md"] = quotes_page(corpus)
    files["figures/index.md"] = figures_page(corpus, build_measures(corpus))
    home = corpus.home_of()
    for x in corpus.actors.values():
        if x.id in home:  # no page of its own: its address leads to its card on its article's page
            files[f"actors/{x.id}/index.html"] = _redirect_page(x.name, actor_url(x.id), actor_home_url(corpus, x.id))
    for old, new in corpus.redirects.items():
        files[f"actors/{old}/index.html"] = _redirect_page(corpus.actors[new].name, actor_url(old),
                                                           actor_home_url(corpus, new))
    files.update(_actor_exports(corpus))
    return files, happenings


def event_files(corpus: Corpus, reuse: dict[str, str], happenings: list, bases: dict[str, str] | None = None,
                by_actor: dict[str, list] | None = None, actors: dict[str, str] | None = None,
                events: dict[str, str] | None = None) -> tuple[dict[str, str | None], dict[str, str]]:
    """The home page, the article, actor and event pages (``None``: kept as the last build drew
    it, see :func:`_page_inputs`), the events index and redirects, and the exports that name
    events; with the input digest of every page that has one.  ``by_actor`` and the base
    digests may be given already computed."""
    from .eventsite import event_page, events_index

    files: dict[str, str | None] = {"index.md": _home(corpus)}
    by_actor = by_actor if by_actor is not None else actors_by_happening(happenings)
    inputs = _page_inputs(corpus, by_actor, bases, actors, events)

    def fresh(path: str) -> bool:
        if reuse.get(path) == inputs[path]:
            files[path] = None
            return False
        return True

    for r in corpus.records:
        if fresh(f"articles/{r.slug}.md"):
            files[f"articles/{r.slug}.md"] = _article_page(r, corpus)
    home = corpus.home_of()
    for x in corpus.actors.values():
        if x.id not in home and fresh(f"actors/{x.id}.md"):
            files[f"actors/{x.id}.md"] = _actor_page(x, corpus, by_actor.get(x.id, []))
    by_id = {e.id: e for e in corpus.events}
    files["events/index.md"] = events_index(corpus, corpus.events, _front_matter)
    for e in corpus.events:
        if fresh(f"events/{e.id}.md"):
            files[f"events/{e.id}.md"] = event_page(corpus, e, by_id, _front_matter)
    for old, new in corpus.event_redirects.items():
        files[f"events/{old}/index.html"] = _redirect_page(by_id[new].title, f"events/{old}/", f"events/{new}/")
    files.update(_event_exports(corpus))
    return files, inputs


def _relative(target: str, base: str) -> str:
    """The relative URL of the folder ``target`` from the folder ``base`` (both from the site root,
    like "actors/a/"), as posixpath.relpath gives it, with a trailing slash; drawn for every one of
    thousands of redirects on each build, so without relpath's absolute-path round trip."""
    t, b = [x for x in target.split("/") if x], [x for x in base.split("/") if x]
    n = 0
    while n < len(t) and n < len(b) and t[n] == b[n]:
        n += 1
    return "/".join([".."] * (len(b) - n) + t[n:]) + "/" if (len(b) - n) or t[n:] else "./"


def _redirect_page(title: str, from_url: str, target_url: str) -> str:
    """A moved page (an actor renamed or merged, an event renamed or merged) as a static HTML file:
    MkDocs and Zensical copy it as it is, so thousands of old URLs cost the site build nothing.
    Relative links, so the redirect works under any sub-path; the fragment is kept."""
    path, _, frag = target_url.partition("#")  # "articles/x/#actor-a": a card on a page
    rel = _relative(path, from_url)  # "actors/a/" -> "actors/b/": "../b/"
    keep = " + location.hash"
    if frag:
        rel, keep = f"{rel}#{frag}", ""
    target = attr(rel)
    name = html_text(title)
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{'Moved' if not frag else 'Named in one article'}: {name}</title>\n<meta name=\"robots\" content=\"noindex\">\n"
            f"<link rel=\"canonical\" href=\"{target}\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
            f"<script>location.replace({json.dumps(rel)}{keep})</script>\n"
            f"</head>\n<body>\n<p>" + (f"This page has moved to <a href=\"{target}\">{name}</a>." if not frag else
                                       f"{name} is named in one article: <a href=\"{target}\">see it there</a>.")
            + "</p>\n</body>\n</html>\n")


def existing_files(out: Path) -> dict[str, int]:
    """Every file under ``out``, as a path relative to it ("actors/x.md"), with its size: one walk
    of the tree instead of a lookup by name for each of tens of thousands of generated files.
    The sizes let a build check that the files its manifest claims are still the ones it wrote
    (the stat for them costs about 0.1 s for 45,000 files, in the child that walks)."""
    found: dict[str, int] = {}
    stack = [(str(out), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            try:
                if e.is_dir():
                    stack.append((e.path, f"{prefix}{e.name}/"))
                elif e.is_file():
                    found[prefix + e.name] = e.stat().st_size
            except OSError:
                pass
    return found


_BAD_PART = re.compile(r"(?:^|/)\.{0,2}(?:/|$)")  # an empty, "." or ".." part: "", "/a", "a//b", "a/", "../a"
TEMP_SUFFIX = ".tmp"  # a file being written: ".<name>.<pid>.tmp" beside it (hidden: site builders skip it)


def write_tree(out: Path, files: dict[str, str | None], previous: dict[str, str] | None = None,
               keep: tuple[str, ...] = (".gitignore",), existing: dict[str, int] | set[str] | None = None,
               digests: dict[str, str] | None = None, force: bool = False
               ) -> tuple[dict[str, int], dict[str, str], dict[str, int]]:
    """Write files under ``out``, only those whose bytes changed; delete files no longer generated.

    ``previous`` maps paths to the sha1 of what the last build wrote, so unchanged
    files are recognised without reading them (a path mapped to "" is one the last build may
    have left in any state: compared byte for byte when still generated, removed when not);
    ``existing`` is what is on disk now, with sizes (:func:`existing_files`, walked here when
    not given); ``digests`` holds the sha1 of files already hashed.  ``force``: write every file
    and remove every other one, as into an empty folder.  Each file is written to a temporary
    file of this process, then renamed over the target, so a reader (or a build killed midway)
    sees either the old file or the new one; temporary files left by a killed build are removed.
    Returns (stats, the sha1 of every file, the size of every file)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    previous = previous or {}
    on_disk = existing_files(out) if existing is None else existing
    size_on_disk = on_disk.get if isinstance(on_disk, dict) else (lambda rel: None)
    stats = {"written": 0, "unchanged": 0, "removed": 0}
    hashes: dict[str, str] = {}
    sizes: dict[str, int] = {}
    pid = os.getpid()
    for rel, content in files.items():  # the order does not matter: each file is written on its own
        if "\\" in rel or _BAD_PART.search(rel):
            raise ValueError(f"refusing to write outside {out}: {rel!r}")
        if content is None:  # unchanged, not drawn again (see render): the file the last build wrote stays
            if not previous.get(rel) or rel not in on_disk:
                raise ValueError(f"{rel}: kept from the last build, which did not write it")
            hashes[rel] = previous[rel]
            sizes[rel] = size_on_disk(rel)
            stats["unchanged"] += 1
            continue
        digest = digests.get(rel) if digests else None
        data = None
        if digest is None:
            data = content.encode("utf-8")
            digest = hashlib.sha1(data).hexdigest()
        hashes[rel] = digest
        known = previous.get(rel)
        if not force and known == digest and rel in on_disk:
            sizes[rel] = size_on_disk(rel)
            stats["unchanged"] += 1
            continue
        target = out / rel
        if data is None:
            data = content.encode("utf-8")
        sizes[rel] = len(data)
        if not force and not known and rel in on_disk and size_on_disk(rel) in (None, len(data)) \
                and target.read_bytes() == data:
            stats["unchanged"] += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{pid}{TEMP_SUFFIX}")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        stats["written"] += 1
    for rel in [rel for rel in on_disk if rel.endswith(TEMP_SUFFIX) and rel not in files]:
        p = out / rel  # what a killed build was writing: never part of the tree
        p.unlink()
        stats["removed"] += 1
        if p.parent != out and not any(p.parent.iterdir()):
            p.parent.rmdir()
    if previous and not force:  # the last build said what it wrote: remove what is no longer generated
        for rel in sorted(set(previous) - set(files)):
            p = out / rel
            if rel in on_disk:
                p.unlink()
                stats["removed"] += 1
                if p.parent != out and not any(p.parent.iterdir()):
                    p.parent.rmdir()
        return stats, hashes, sizes
    for dirpath, dirnames, filenames in os.walk(out, topdown=False):
        for name in filenames:
            rel = os.path.relpath(os.path.join(dirpath, name), out).replace(os.sep, "/")
            if rel not in files and not (rel in keep):
                os.unlink(os.path.join(dirpath, name))
                stats["removed"] += 1
        if dirpath != str(out) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return stats, hashes, sizes
    for dirpath, dirnames, filenames in os.walk(out, topdown=False):
        for name in filenames:
            rel = os.path.relpath(os.path.join(dirpath, name), out).replace(os.sep, "/")
            if rel not in files and not (rel in keep):
                os.unlink(os.path.join(dirpath, name))
                stats["removed"] += 1
        if dirpath != str(out) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return stats, hashes
