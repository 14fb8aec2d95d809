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

import hashlib
from collections import defaultdict
from pathlib import Path

from ..model import Corpus
from .actor import actor_page
from .article import article_page
from .exports import actor_exports, event_exports
from .frontmatter import front_matter
from .indexes import actors_index, articles_index, home_page
from .urls import actor_home_url, actor_url, redirect_page

# ---------------------------------------------------------------- article pages


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


# ---------------------------------------------------------------- index pages


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


def event_free_files(corpus: Corpus) -> tuple[dict[str, str | None], list]:
    """The files that do not depend on the events (timeline, quotes, figures, the indexes of
    articles and actors, actor redirects and exports), with the timeline's happenings, which
    actor pages list.  A rebuild draws them while the events are clustered (generator.build.pipeline)."""
    from ..link.measures import build_measures
    from ..link.timeline import build_timeline
    from .lists import figures_page, quotes_page, timeline_pages

    happenings = build_timeline(corpus)
    files: dict[str, str | None] = dict(timeline_pages(corpus, happenings))
    files["articles/index.md"] = articles_index(corpus)
    files["actors/index.md"] = actors_index(corpus)
    files["quotes/index.md"] = quotes_page(corpus)
    files["figures/index.md"] = figures_page(corpus, build_measures(corpus))
    home = corpus.home_of()
    for x in corpus.actors.values():
        if x.id in home:  # no page of its own: its address leads to its card on its article's page
            files[f"actors/{x.id}/index.html"] = redirect_page(x.name, actor_url(x.id), actor_home_url(corpus, x.id))
    for old, new in corpus.redirects.items():
        files[f"actors/{old}/index.html"] = redirect_page(corpus.actors[new].name, actor_url(old),
                                                           actor_home_url(corpus, new))
    files.update(actor_exports(corpus))
    return files, happenings


def event_files(corpus: Corpus, reuse: dict[str, str], happenings: list, bases: dict[str, str] | None = None,
                by_actor: dict[str, list] | None = None, actors: dict[str, str] | None = None,
                events: dict[str, str] | None = None) -> tuple[dict[str, str | None], dict[str, str]]:
    """The home page, the article, actor and event pages (``None``: kept as the last build drew
    it, see :func:`_page_inputs`), the events index and redirects, and the exports that name
    events; with the input digest of every page that has one.  ``by_actor`` and the base
    digests may be given already computed."""
    from .event import event_page, events_index

    files: dict[str, str | None] = {"index.md": home_page(corpus)}
    by_actor = by_actor if by_actor is not None else actors_by_happening(happenings)
    inputs = _page_inputs(corpus, by_actor, bases, actors, events)

    def fresh(path: str) -> bool:
        if reuse.get(path) == inputs[path]:
            files[path] = None
            return False
        return True

    for r in corpus.records:
        if fresh(f"articles/{r.slug}.md"):
            files[f"articles/{r.slug}.md"] = article_page(r, corpus)
    home = corpus.home_of()
    for x in corpus.actors.values():
        if x.id not in home and fresh(f"actors/{x.id}.md"):
            files[f"actors/{x.id}.md"] = actor_page(x, corpus, by_actor.get(x.id, []))
    by_id = {e.id: e for e in corpus.events}
    files["events/index.md"] = events_index(corpus, corpus.events, front_matter)
    for e in corpus.events:
        if fresh(f"events/{e.id}.md"):
            files[f"events/{e.id}.md"] = event_page(corpus, e, by_id, front_matter)
    for old, new in corpus.event_redirects.items():
        files[f"events/{old}/index.html"] = redirect_page(by_id[new].title, f"events/{old}/", f"events/{new}/")
    files.update(event_exports(corpus))
    return files, inputs


