"""Actor pages: the infobox, roles, picture, quotes and articles of one actor."""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict

from ..escape import attr, html_text, md_quote, md_text, safe_url
from ..model import Actor, Corpus, shown_text
from . import pictures
from .frontmatter import front_matter
from .indexes import article_order, date_label
from .urls import actor_md


def _actor_quotes(x: Actor, corpus: Corpus) -> list[str]:
    items = corpus.quotes_by_speaker().get(x.id, [])
    if not items:
        return []
    lines = ["## Quotes { data-search-exclude }\n"]
    for rec, q in sorted(items, key=lambda it: (article_order(it[0]), it[1].start)):
        partial = " <small>(partial)</small>" if q.partial else ""
        said = md_quote(shown_text(rec.article, q.start, q.end))
        lines.append(f"- “{said}”{partial} — <small>{rec.article.published or 'undated'}, "
                     f"[{md_text(rec.article.title)}](../articles/{rec.slug}.md#{rec.anchor_at(q.start)})</small>")
    return lines + [""]


ACTOR_KIND = {"person": "a person", "organization": "an organisation", "country": "a country", "place": "a place"}


INFOBOX_ROLES = 10


CO_ACTORS = 12  # co-actors listed on an actor's page (those its picture draws)


def roles_of(x: Actor) -> list[dict]:
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
    roles = roles_of(x)
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
    first, last = date_label(info["first_seen"]), date_label(info["last_seen"])
    span = "" if not info["first_seen"] else f", {first}" if first == last else f", {first} to {last}"
    return f"{info['name']}{also}: {ACTOR_KIND.get(info['type'], info['type'])} named in {n} article{'s' if n != 1 else ''}{span}."


def actor_page(x: Actor, corpus: Corpus, happenings: list | None = None) -> str:
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
    lines = [front_matter(fm), f"# {md_text(x.name)}\n", md_text(lead + seen_as) + "\n"]
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
    for slug in sorted(by_article, key=lambda s: article_order(recs[s])):
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
        if pic := pictures.actor_block(corpus, x, top):
            lines.append(pic)
        for aid, n in top:
            lines.append(f"- [{md_text(corpus.actors[aid].name)}]({actor_md(corpus, aid, f'actors/{x.id}.md')}) — "
                         f"{n} article{'s' if n != 1 else ''}")
        lines.append("")
    return "\n".join(lines)
