"""JSON shapes of per-article records (the extractor contract of shared/eval)."""
from __future__ import annotations

import re
from dataclasses import asdict

from ..model import Article, Extraction
from ..slug import slugify


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


_POSTMOD = re.compile(r"\s*(?:,|\(|\bof\b|\bwho\b|\bwhose\b|\bfrom\b)")
_STOP = re.compile(r"[\"\u201c\u201d\u2018]|\u2019(?![A-Za-z])|[.!?](?=\s|$)|\n|,?\s+(?:said|says|say|told|tells|added|adds|"
                   r"stated|wrote|writes|explained|noted|argued|warned|urged|insisted|according)\b|;|\s[\u2014\u2013]\s")
MAX_PHRASE = 250


def speaker_as_written(raw: str, q) -> str | None:
    """The speaker as the text describes them: the name with what follows it in the same noun
    phrase ("Jenna Golden, Twitter's director of political ad sales", "Sen. Ben Cardin of Maryland",
    "David Magel, 53, who lives in the Chicago suburbs"), up to the reporting verb, a quotation
    mark or the end of the sentence; else the name."""
    if q.speaker_end is None or q.speaker_start is None or q.anonymous:
        return q.speaker_text
    e = q.speaker_end
    if not _POSTMOD.match(raw, e, e + 8):
        return q.speaker_text
    stop = _STOP.search(raw, e, min(len(raw), e + MAX_PHRASE))
    end = stop.start() if stop else e
    # abbreviations inside the phrase ("Ill.)", "N.J.") do not end it
    while stop and raw[stop.start()] == "." and re.search(r"\b[A-Z][a-z]{0,3}$|\b[A-Z]$", raw[e:stop.start()]):
        stop = _STOP.search(raw, stop.start() + 1, min(len(raw), e + MAX_PHRASE))
        end = stop.start() if stop else end
    phrase = raw[q.speaker_start:end].rstrip(" ,")
    if q.start <= end and q.speaker_start < q.start:  # never run into the quotation itself
        return q.speaker_text
    return phrase if len(phrase) > len(q.speaker_text or "") else q.speaker_text


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
        d["speaker_name"] = q.speaker_text
        d["speaker_text"] = speaker_as_written(article.raw, q)
        quotes.append(d)
    return {
        "file": article.path,
        "title": article.title,
        "published": article.published,
        "published_from": article.published_from,
        "source": article.source,
        "place": article.place,
        "agency": article.agency,
        "author": article.author,
        "actors": actors,
        "dates": [asdict(d) for d in ex.dates],
        "quotes": quotes,
        "figures": [asdict(f) for f in ex.figures],
    }
