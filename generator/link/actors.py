"""Link: across the corpus, turn per-article extractions into canonical actors.

Input: articles with their extractions.  Output: a :class:`Corpus` holding
article records (with each mention resolved to an actor id) and actors
(canonical name, type, aliases, roles seen, mentions).  Nothing here writes
files or knows about MkDocs.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from ..model import (
    Actor,
    ArticleRecord,
    Corpus,
    Mention,
    Registry,
    shown_text,
)
from ..slug import slugify

_NAME_TYPE = attrgetter("name", "type")
_BY_PLACE = attrgetter("article", "start")


@lru_cache(maxsize=1 << 17)
def _norm(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).casefold()


def _discover(names: Iterable[tuple[str, str]], split: set[str]) -> dict[tuple[str, str], tuple[str, str]]:
    """(normalised in-article name, type) -> (normalised canonical name, type), for the
    (name, type) pairs of the corpus's mentions.

    A one-word person name that is the last word of exactly one fuller person
    name in the corpus is that person; an ambiguous short name stays apart,
    and so does a name the registry splits away."""
    full_by_last: dict[str, set[str]] = defaultdict(set)
    keys = {(_norm(n), t) for n, t in names}
    for n, t in keys:
        if t == "person" and " " in n:
            full_by_last[n.split()[-1]].add(n)
    canon = {}
    for n, t in keys:
        target = n
        if t == "person" and " " not in n and n not in split and len(full_by_last.get(n, ())) == 1:
            target = next(iter(full_by_last[n]))
        canon[(n, t)] = (target, t)
    return canon


def link(records: list[ArticleRecord], registry: Registry | None = None) -> Corpus:
    """Resolve every actor mention of every article to one canonical actor."""
    registry = registry or Registry()
    entries = registry.entries
    reg_name: dict[str, str] = {}  # normalised name -> registry id
    for e in entries.values():
        for n in ([e.name] if e.name else []) + e.aliases:
            other = reg_name.setdefault(_norm(n), e.id)
            if other != e.id:
                registry.problems.append((e.line, "error", f"{e.id}: name {n!r} is also claimed by {other!r}; "
                                                           f"it stays with {other!r}"))
    split_of = {e.id: {_norm(x) for x in e.split} for e in entries.values()}
    all_split = set().union(*split_of.values()) if split_of else set()
    # how often each (name, type) is mentioned: counted in C, then looked at once per name
    named = Counter(map(_NAME_TYPE, chain.from_iterable(r.extraction.actors for r in records)))
    canon = _discover(named, all_split)

    # surface forms per canonical key, for display names
    surface: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for (name, type_), n in named.items():
        surface[canon[(_norm(name), type_)]][name] += n

    did_of: dict[tuple[str, str], tuple[str, str]] = {}
    used: set[str] = set()
    for key in sorted(surface):  # deterministic: the same corpus always gives the same ids
        display = sorted(surface[key].items(), key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0]))[0][0]
        did = slugify(display, key[1])
        if did in used:
            did = f"{did}-{key[1]}"
        n = 2
        while did in used:
            did, n = f"{slugify(display, key[1])}-{n}", n + 1
        used.add(did)
        did_of[key] = (did, display)

    def registry_target(key: tuple[str, str], did: str, text: str, name: str) -> str | None:
        if did in entries:
            return did
        for n in (name, key[0], text):
            rid = reg_name.get(_norm(n))
            if rid is not None:
                return rid
        return None

    actors: dict[str, Actor] = {}
    redirects: dict[str, str] = {}
    hidden: set[str] = set()
    def resolve(m, text: str) -> Actor | None:
        """The actor a mention names (None: hidden by the registry); ``text``: the mention as it
        reads (:func:`generator.model.shown_text`: no Markdown in it)."""
        key = canon[(_norm(m.name), m.type)]
        did, display = did_of[key]
        rid = registry_target(key, did, text, m.name)
        if rid is not None and _norm(text) in split_of.get(rid, ()):
            # split away: this name is its own actor
            rid, key = None, (_norm(text), m.type)
            did, display = slugify(text, m.type), text
            if did in entries:
                did = f"{did}-{m.type}"
        if rid is not None:
            e = entries[rid]
            if e.hide:
                hidden.add(rid)
                return None
            if did != rid:
                redirects.setdefault(did, rid)
            actor = actors.get(rid) or actors.setdefault(rid, Actor(id=rid, name=e.name or display, type=e.type or key[1],
                                                                      description=e.description, links=dict(e.links),
                                                                      pinned=True))
        else:
            actor = actors.setdefault(did, Actor(id=did, name=display, type=key[1]))
        actor.aliases.update({text, m.name})
        return actor

    resolved: dict[tuple[str, str, str], Actor | None] = {}  # (name, type, text) -> actor: one resolution each
    right = bisect.bisect_right
    for r in records:  # about a hundred thousand mentions in a large briefing: names looked up once per article
        actor_of, slug, published = r.actor_of, r.slug, r.article.published
        blocks = r.article.blocks
        starts = [b.start for b in blocks]
        anchors = [b.anchor for b in blocks] or [""]
        article = r.article
        for m in r.extraction.actors:
            text = shown_text(article, m.start, m.end)
            k = (m.name, m.type, text)
            actor = resolved[k] if k in resolved else resolved.setdefault(k, resolve(m, text))
            if actor is None:
                continue
            start = m.start
            actor_of[(start, m.end)] = actor.id
            # the anchor of the block holding the mention (as ArticleRecord.anchor_at)
            anchor = anchors[max(right(starts, start) - 1, 0)]
            actor.mentions.append(Mention(slug, anchor, start, m.end, text))
            if m.role:
                actor.roles.append((m.role, slug, published))
    for e in entries.values():
        if e.id not in actors and e.id not in hidden:
            registry.problems.append((e.line, "warning", f"{e.id}: matches no actor found in the articles; no page"))
            continue
        if e.id in actors:
            actors[e.id].aliases.update(e.aliases)
            for old in e.redirect_from:
                if old not in actors:
                    redirects[old] = e.id
    # every other name of an actor keeps leading to it, so an id that changes
    # (a fuller name appears, an editor renames) never breaks a link
    alias_owner: dict[str, set[str]] = defaultdict(set)
    for a in actors.values():
        for n in a.aliases:
            alias_owner[slugify(n, a.type)].add(a.id)
    for slug_, owners in sorted(alias_owner.items()):
        if len(owners) == 1 and slug_ not in actors and slug_ not in redirects:
            redirects[slug_] = next(iter(owners))
    for old in [k for k in redirects if k in actors]:
        del redirects[old]
    for a in actors.values():
        a.aliases.discard(a.name)
        a.mentions.sort(key=_BY_PLACE)
    return Corpus(records=records, actors=actors, redirects=dict(sorted(redirects.items())))
