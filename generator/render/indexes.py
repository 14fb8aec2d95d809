"""Index pages: the home page, the articles index and the actors index."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..escape import md_text
from ..model import Actor, ArticleRecord, Corpus, shown_text
from . import pictures
from .frontmatter import front_matter
from .urls import actor_md

HOME_LATEST = 30


TYPE_LABELS = {"person": "People", "organization": "Organisations", "country": "Countries", "place": "Places"}


def date_label(iso: str | None) -> str:
    if not iso:
        return "undated"
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%B %Y')}"


def article_order(r: ArticleRecord):
    # newest first; undated last; ties by title then slug
    return (r.article.published is None, "" if r.article.published is None else _neg(r.article.published),
            r.article.title.casefold(), r.slug)


def _neg(iso: str) -> str:
    return "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in iso)


def _article_line(rec: ArticleRecord, prefix: str) -> str:
    a = rec.article
    when = a.published or "undated"
    src = f" — {md_text(a.source)}" if a.source else ""
    return f"| {when} | [{md_text(a.title)}]({prefix}{a.slug}.md){src} |"


def _articles_table(records: list[ArticleRecord], prefix: str) -> list[str]:
    rows = ["| Date | Article |", "|---|---|"]
    rows += [_article_line(r, prefix) for r in sorted(records, key=article_order)]
    return rows


def home_page(corpus: Corpus) -> str:
    from .event import lead_sentence

    recs = corpus.records
    undated = [r for r in recs if not r.article.published]
    multi = [e for e in corpus.events if len(e.articles) > 1]
    lines = [front_matter({"hide": ["navigation"], "search": {"exclude": True}}), "# Briefing\n",
             f"{len(recs)} articles ({len(undated)} undated) on {len(corpus.events)} events "
             f"({len(multi)} reported by several articles), {len(corpus.actors)} actors. "
             "[Timeline](timeline/index.md) · [Figures](figures/index.md) · [Quotes](quotes/index.md)\n"]
    if pic := pictures.home_block(corpus):  # "" when there is too little to draw
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
    figs = [(r, f) for r in sorted(recs, key=article_order) if r.article.published
            for f in r.extraction.figures if f.predicate][:8]
    if figs:
        lines.append("## Recent figures\n")
        for r, f in figs:
            said = md_text(shown_text(r.article, f.start, f.end))
            lines.append(f"- {r.article.published}: “{said}” {md_text(f.predicate or '')} "
                         f"<small>([{md_text(r.article.title)}](articles/{r.slug}.md#{r.anchor_at(f.start)}))</small>")
        lines.append("\nAll figures, grouped by what they measure: [Figures](figures/index.md).\n")
    dated = sorted((r for r in recs if r.article.published), key=article_order)
    if dated:
        lines += ["## Latest articles\n", *_articles_table(dated[:HOME_LATEST], "articles/"), ""]
    if undated:
        shown = sorted(undated, key=article_order)[:HOME_LATEST]
        more = f" {len(shown)} of {len(undated)} shown; all are in [Articles](articles/index.md)." \
            if len(undated) > len(shown) else ""
        lines += ["## Undated articles\n", f"These articles carry no publication date.{more}\n",
                  *_articles_table(shown, "articles/"), ""]
    return "\n".join(lines)


def articles_index(corpus: Corpus) -> str:
    lines = [front_matter({"title": "Articles", "search": {"exclude": True}}), "# Articles\n",
             f"{len(corpus.records)} articles, newest first; undated articles at the end.\n",
             *_articles_table(corpus.records, ""), ""]
    return "\n".join(lines)


def actors_index(corpus: Corpus) -> str:
    lines = [front_matter({"title": "Actors", "search": {"exclude": True}}), "# Actors\n"]
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
