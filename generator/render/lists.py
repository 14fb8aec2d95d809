"""Corpus pages: Timeline, Quotes, Figures (Markdown, every item linked to its paragraph)."""
from __future__ import annotations

from collections import defaultdict

from ..escape import md_quote, md_text
from ..model import Corpus, Happening, Measure, shown_text
from . import pictures
from .frontmatter import front_matter
from .indexes import article_order
from .urls import actor_md

TIMELINE_LATEST = 200
FIGURES_SINGLES = 300


def fmt_value(v: float | None) -> str:
    if v is None:
        return ""
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def _src_links(corpus: Corpus, h: Happening, prefix: str) -> str:
    recs = corpus.by_slug()
    out = []
    for s in h.sources:
        title = recs[s.slug].article.title
        out.append(f"[{md_text(title)}]({prefix}articles/{s.slug}.md#{s.anchor})")
    return "; ".join(out)


def _happening_line(corpus: Corpus, h: Happening, prefix: str) -> str:
    n = len(h.sources)
    srcs = f"{n} sources: " if n > 1 else "source: "
    return f"- **{h.value}** — {md_text(h.label)} <small>({srcs}{_src_links(corpus, h, prefix)})</small>"


def timeline_pages(corpus: Corpus, happenings: list[Happening]) -> dict[str, str]:
    years: dict[str, list[Happening]] = defaultdict(list)
    for h in happenings:
        years[h.value[:4]].append(h)
    files = {}
    intro = ["# Timeline\n", f"{len(happenings)} dated happenings from {len(corpus.records)} articles, "
             "each once with all the articles that report it. Dates are normalised against each article's "
             "publication date; a value like 2023-W44 is a week, 2023-10 a month.\n"]
    if len(happenings) <= TIMELINE_LATEST:
        body = intro + [_happening_line(corpus, h, "../") for h in happenings]
    else:
        body = intro + ["By year: " + " · ".join(f"[{y}]({y}.md) ({len(years[y])})" for y in sorted(years)) + "\n",
                        f"## Latest {TIMELINE_LATEST}\n"]
        body += [_happening_line(corpus, h, "../") for h in happenings[-TIMELINE_LATEST:]]
        for y, hs in years.items():
            page = [front_matter({"title": f"Timeline {y}", "search": {"exclude": True}}), f"# Timeline: {y}\n",
                    "[All years](index.md)\n"] + [_happening_line(corpus, h, "../") for h in hs]
            files[f"timeline/{y}.md"] = "\n".join(page) + "\n"
    if not happenings:
        body.append("No dated happenings yet.")
    files["timeline/index.md"] = front_matter({"title": "Timeline", "search": {"exclude": True}}) + "\n".join(body) + "\n"
    return files


def quotes_page(corpus: Corpus) -> str:
    by_speaker: dict[str, list] = defaultdict(list)
    anonymous, unattributed = [], []
    for rec in corpus.records:
        for q in rec.extraction.quotes:
            aid = rec.actor_of.get((q.speaker_start, q.speaker_end))
            item = (rec, q)
            if aid and aid in corpus.actors:
                by_speaker[aid].append(item)
            elif q.anonymous or q.speaker_text:
                anonymous.append(item)
            else:
                unattributed.append(item)
    lines = [front_matter({"title": "Quotes", "search": {"exclude": True}}), "# Quotes\n",
             f"{sum(len(v) for v in by_speaker.values()) + len(anonymous)} attributed quotes, grouped by speaker. "
             "Each links to the paragraph it was said in.\n"]

    def quote_line(rec, q) -> str:
        partial = " <small>(partial)</small>" if q.partial else ""
        when = rec.article.published or "undated"
        return (f"- “{md_quote(shown_text(rec.article, q.start, q.end))}”{partial} — <small>{when}, "
                f"[{md_text(rec.article.title)}](../articles/{rec.slug}.md#{rec.anchor_at(q.start)})</small>")

    order = sorted(by_speaker, key=lambda a: (-len(by_speaker[a]), corpus.actors[a].name.casefold()))
    for aid in order:
        lines.append(f"## [{md_text(corpus.actors[aid].name)}]({actor_md(corpus, aid, 'quotes/index.md')})\n")
        items = sorted(by_speaker[aid], key=lambda it: (article_order(it[0]), it[1].start))
        lines += [quote_line(*it) for it in items] + [""]
    if anonymous:
        lines.append("## Unnamed sources\n")
        for rec, q in sorted(anonymous, key=lambda it: (article_order(it[0]), it[1].start)):
            spk = q.speaker_text if q.speaker_start is None else shown_text(rec.article, q.speaker_start, q.speaker_end)
            who = q.speaker_description or spk or "unnamed"
            lines.append(quote_line(rec, q) + f" <small>({md_text(who)})</small>")
        lines.append("")
    if not by_speaker and not anonymous:
        lines.append("No quotes yet.\n")
    return "\n".join(lines)


def _point_row(corpus: Corpus, p) -> str:
    rec = corpus.by_slug()[p.slug]
    f = p.figure
    qual = f"{md_text(f.qualifier)} " if f.qualifier else ""
    value = fmt_value(f.value) + (f"–{fmt_value(f.high)}" if f.high and f.high != f.value else "")
    src = md_text(p.attribution) if p.attribution else (md_text(rec.article.source) if rec.article.source else "")
    said = md_text(shown_text(rec.article, f.start, f.end))
    return (f"| {p.published or 'undated'} | {qual}{value}{' (vague)' if f.vague else ''} | “{said}” "
            f"| {src} | [{md_text(rec.article.title)}](../articles/{p.slug}.md#{p.anchor}) |")


def figures_page(corpus: Corpus, measures: list[Measure]) -> str:
    names = {aid: a.name for aid, a in corpus.actors.items()}
    multi = [m for m in measures if len({p.slug for p in m.points}) > 1]
    single = [m for m in measures if len({p.slug for p in m.points}) <= 1]
    lines = [front_matter({"title": "Figures", "search": {"exclude": True}}), "# Figures\n",
             "Reported numbers grouped by what they measure, in the order they were published, each with its source "
             "and a link to its paragraph. Where articles published the same day give different numbers for the "
             "same thing, the disagreement is flagged.\n"]
    if multi:
        lines.append("## Reported by several articles\n")
    header = ["| Published | Value | As written | Attributed to | Article |", "|---|---|---|---|---|"]
    for i, m in enumerate(multi):
        lines.append(f"### {md_text(m.label(names)).capitalize()}\n")
        if pic := pictures.measure_block(corpus, m, names, f"bf-m{i}"):
            lines.append(pic)
        for pts in m.conflicts:
            vals = ", ".join(sorted({fmt_value(p.figure.value) for p in pts}))
            lines.append(f'!!! warning "Sources disagree ({pts[0].published})"\n    Articles published the same day '
                         f"give {vals}.\n")
        lines += header + [_point_row(corpus, p) for p in m.points] + [""]
    if single:
        shown = single[:FIGURES_SINGLES]
        lines.append("## Other figures\n")
        if len(single) > len(shown):
            lines.append(f"{len(shown)} of {len(single)} measures reported once; the rest are on their article pages.\n")
        lines += ["| Measure | Published | Value | As written | Attributed to | Article |", "|---|---|---|---|---|---|"]
        for m in shown:
            for p in m.points:
                lines.append(f"| {md_text(m.label(names))} " + _point_row(corpus, p))
        lines.append("")
    if not measures:
        lines.append("No figures yet.\n")
    return "\n".join(lines)
