"""The linked corpus: article records with their mentions resolved, and the canonical actors."""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

from .article import Article, Extraction
from .events import Event


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
    pinned: bool = False  # an entry of content/actors.yml: always a page of its own

    _articles: tuple[int, list[str]] | None = field(default=None, repr=False, compare=False)

    @property
    def articles(self) -> list[str]:
        """Slugs of the articles mentioning the actor, sorted (kept until a mention is added)."""
        if self._articles is None or self._articles[0] != len(self.mentions):
            self._articles = (len(self.mentions), sorted({m.article for m in self.mentions}))
        return self._articles[1]


@dataclass
class ArticleRecord:
    article: Article
    extraction: Extraction
    actor_of: dict[tuple[int, int], str] = field(default_factory=dict)  # mention span -> actor id
    key: str = ""  # the extraction cache key: a hash of the file's bytes, path and the extractors' code
    _starts: list[int] | None = field(default=None, repr=False)
    _ids: tuple[int, list[str]] | None = field(default=None, repr=False)

    @property
    def slug(self) -> str:
        return self.article.slug

    def anchor_at(self, offset: int) -> str:
        """The anchor of the block containing (or preceding) ``offset``."""
        blocks = self.article.blocks
        if not blocks:
            return ""
        if self._starts is None or len(self._starts) != len(blocks):
            self._starts = [b.start for b in blocks]
        i = bisect.bisect_right(self._starts, offset) - 1
        return blocks[max(i, 0)].anchor

    def actor_ids(self) -> list[str]:
        """The ids of the actors the article mentions, sorted (kept until a mention is added)."""
        if self._ids is None or self._ids[0] != len(self.actor_of):
            self._ids = (len(self.actor_of), sorted(set(self.actor_of.values())))
        return self._ids[1]


@dataclass
class Corpus:
    records: list[ArticleRecord]
    actors: dict[str, Actor]
    redirects: dict[str, str] = field(default_factory=dict)  # old actor id -> actor id
    events: list[Event] = field(default_factory=list)  # newest first
    event_redirects: dict[str, str] = field(default_factory=dict)
    _by_slug: dict | None = field(default=None, repr=False)
    _quotes: dict | None = field(default=None, repr=False)
    _home: tuple | None = field(default=None, repr=False)
    _event_of: tuple | None = field(default=None, repr=False)

    def by_slug(self) -> dict[str, ArticleRecord]:
        if self._by_slug is None or len(self._by_slug) != len(self.records):
            self._by_slug = {r.slug: r for r in self.records}
        return self._by_slug

    def event_of(self) -> dict[str, Event]:
        """article slug -> its event."""
        if self._event_of is None or self._event_of[0] is not self.events:
            self._event_of = (self.events, {s: e for e in self.events for s in e.articles})
        return self._event_of[1]

    def home_of(self) -> dict[str, str]:
        """actor id -> the slug of its one article, for the actors that have no page of their own.

        An actor named in a single article (most actors of a large briefing: a
        person quoted once, a town in a dateline) is shown by a card on that
        article's page, and its address ``actors/<id>/`` leads there; a second
        article, or an entry in ``content/actors.yml``, gives it its own page at
        the same address.  So every actor address works, and the site does not
        carry (or MkDocs build) thousands of pages that only repeat one article."""
        key = (len(self.actors), len(self.records))
        if self._home is None or self._home[0] != key:
            self._home = (key, {aid: x.articles[0] for aid, x in self.actors.items()
                                if not x.pinned and len(x.articles) == 1})
        return self._home[1]

    def quotes_by_speaker(self) -> dict[str, list]:
        """actor id -> [(record, quote)] in corpus order."""
        if self._quotes is None:
            self._quotes = defaultdict(list)
            for r in self.records:
                for q in r.extraction.quotes:
                    aid = r.actor_of.get((q.speaker_start, q.speaker_end))
                    if aid:
                        self._quotes[aid].append((r, q))
        return self._quotes

