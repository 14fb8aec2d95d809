"""Exports for other tools: actors.json, articles.json, events.json and one JSON file per actor."""
from __future__ import annotations

import json
from collections import defaultdict

from ..model import Corpus
from .urls import actor_home_url, article_url

_RECORD = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # one encoder for the tens of thousands of records


def _records_file(lines: list[str]) -> str:
    return "[\n" + ",\n".join(lines) + "\n]\n"


def _dump_records(items: list[dict]) -> str:
    # one record per line: a change shows as the lines of the records it touches, and the
    # C encoder (no indent) writes the corpus' exports in a fraction of the indented time
    return _records_file(list(map(_RECORD.encode, items)))


def actor_exports(corpus: Corpus) -> dict[str, str]:
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


def event_exports(corpus: Corpus) -> dict[str, str]:
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
