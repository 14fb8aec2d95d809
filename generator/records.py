"""JSON shapes of per-article records (the extractor contract of shared/eval)."""
from __future__ import annotations

from dataclasses import asdict

from .model import Article, Extraction
from .slug import slugify


def group_actors(ex: Extraction) -> list[dict]:
    """Mentions grouped into the article's actors, keyed by in-article name and type."""
    actors: dict[tuple[str, str], dict] = {}
    for m in sorted(ex.actors, key=lambda m: (m.start, m.end)):
        key = (m.name, m.type)
        a = actors.get(key)
        if a is None:
            a = actors[key] = {"id": slugify(m.name), "name": m.name, "type": m.type, "mentions": [], "roles": []}
        a["mentions"].append({"start": m.start, "end": m.end, "text": m.text})
        if m.role and m.role not in a["roles"]:
            a["roles"].append(m.role)
    return list(actors.values())


def extraction_json(article: Article, ex: Extraction) -> dict:
    actors = group_actors(ex)
    id_of_span = {}
    for a in actors:
        for m in a["mentions"]:
            id_of_span[(m["start"], m["end"])] = a["id"]
    quotes = []
    for q in ex.quotes:
        d = asdict(q)
        d["speaker"] = id_of_span.get((q.speaker_start, q.speaker_end))
        quotes.append(d)
    return {
        "file": article.path,
        "title": article.title,
        "published": article.published,
        "published_from": article.published_from,
        "source": article.source,
        "place": article.place,
        "author": article.author,
        "actors": actors,
        "dates": [asdict(d) for d in ex.dates],
        "quotes": quotes,
        "figures": [asdict(f) for f in ex.figures],
    }
