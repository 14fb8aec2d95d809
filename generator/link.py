"""Link: across the corpus, turn per-article extractions into canonical actors.

Input: articles with their extractions.  Output: a :class:`Corpus` holding
article records (with each mention resolved to an actor id) and actors
(canonical name, type, aliases, roles seen, mentions).  Nothing here writes
files or knows about MkDocs.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import Article, Extraction
from .slug import slugify


@dataclass
class Mention:
    article: str  # article slug
    anchor: str  # paragraph anchor
    start: int
    end: int
    text: str


@dataclass
class Actor:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    roles: list[tuple[str, str, str | None]] = field(default_factory=list)  # (role, article slug, date)
    mentions: list[Mention] = field(default_factory=list)
    description: str | None = None
    links: dict[str, str] = field(default_factory=dict)

    @property
    def articles(self) -> list[str]:
        return sorted({m.article for m in self.mentions})


@dataclass
class ArticleRecord:
    article: Article
    extraction: Extraction
    actor_of: dict[tuple[int, int], str] = field(default_factory=dict)  # mention span -> actor id

    @property
    def slug(self) -> str:
        return self.article.slug

    def anchor_at(self, offset: int) -> str:
        """The anchor of the block containing (or preceding) ``offset``."""
        blocks = self.article.blocks
        if not blocks:
            return ""
        i = bisect.bisect_right([b.start for b in blocks], offset) - 1
        return blocks[max(i, 0)].anchor

    def actor_ids(self) -> list[str]:
        return sorted(set(self.actor_of.values()))


@dataclass
class Corpus:
    records: list[ArticleRecord]
    actors: dict[str, Actor]
    redirects: dict[str, str] = field(default_factory=dict)  # old actor id -> actor id

    def by_slug(self) -> dict[str, ArticleRecord]:
        return {r.slug: r for r in self.records}


def _norm(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).casefold()


def link(records: list[ArticleRecord]) -> Corpus:
    """Resolve every actor mention of every article to one canonical actor."""
    # 1. collect in-article names per type, with counts
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (norm name, type) -> surface forms
    for r in records:
        for m in r.extraction.actors:
            names[(_norm(m.name), m.type)][m.name] += 1
    # 2. a one-word person name that is the last word of exactly one fuller person name
    #    in the corpus is that person; an ambiguous short name stays apart.
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for (n, t) in names:
        if t == "person" and " " in n:
            full_by_last[n.split()[-1]].add(n)
    canon: dict[tuple[str, str], tuple[str, str]] = {}
    for (n, t) in names:
        target = n
        if t == "person" and " " not in n and len(full_by_last.get(n, ())) == 1:
            target = next(iter(full_by_last[n]))
        canon[(n, t)] = (target, t)
    # 3. build actors; the id is the slug of the fullest name, ties broken alphabetically
    actors: dict[str, Actor] = {}
    key_to_id: dict[tuple[str, str], str] = {}
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for k, v in canon.items():
        groups[v].append(k)
    for (n, t), members in sorted(groups.items()):
        surface = names[(n, t)] or Counter({n: 1})
        display = sorted(surface.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        aid = slugify(display, t)
        base, k = aid, 2
        while aid in actors and (actors[aid].type != t or _norm(actors[aid].name) != n):
            aid = f"{base}-{k}"
            k += 1
        actor = actors.setdefault(aid, Actor(id=aid, name=display, type=t))
        for mk in members:
            key_to_id[mk] = aid
            actor.aliases.update(names[mk])
    for r in records:
        for m in r.extraction.actors:
            aid = key_to_id[(_norm(m.name), m.type)]
            r.actor_of[(m.start, m.end)] = aid
            actor = actors[aid]
            actor.aliases.add(m.text)
            actor.mentions.append(Mention(r.slug, r.anchor_at(m.start), m.start, m.end, m.text))
            if m.role:
                actor.roles.append((m.role, r.slug, r.article.published))
    for a in actors.values():
        a.aliases.discard(a.name)
        a.mentions.sort(key=lambda m: (m.article, m.start))
    return Corpus(records=records, actors=actors)
