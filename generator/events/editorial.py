"""The editor's events: content/events.yml read (ids, titles, dates, merges, pinned articles,
redirects) and applied to the clustered events."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..ingest import valid_date, yamlsafe
from ..model import Corpus, Event, EventEntry
from ..slug import slugify

HEADER_ACTORS = 30  # actors in an event page's front matter (its header shows the first six)
# reports of one measure listed on an event page: one line of thousands of links (a huge article's
# every "1,400 people") costs Python-Markdown their square; the rest are on the Figures page
MEASURE_POINTS = 50


KEYS = {"title", "date", "merge", "articles", "redirect_from"}


def load_registry(path: Path, shown: str = "content/events.yml") -> tuple[dict[str, EventEntry], list[str]]:
    items, found = yamlsafe.load_entries(path, "event", KEYS)
    problems = [f"{shown}:{line}: {sev}: {msg}" for line, sev, msg in found]
    entries: dict[str, EventEntry] = {}
    for eid, line, body in items:
        e = EventEntry(eid, line)
        if body.get("title") is not None:
            e.title = str(body["title"]).strip() or None
        if body.get("date") is not None:
            e.date, problem = valid_date(body["date"])
            if problem:
                problems.append(f"{shown}:{line}: error: {eid}: {problem}; ignored")
        for key in ("merge", "articles", "redirect_from"):
            v = body.get(key) or []
            if isinstance(v, str):
                v = [v]
            if not isinstance(v, list):
                problems.append(f"{shown}:{line}: error: {eid}: '{key}' should be a list; ignored")
                continue
            setattr(e, key, [str(x).strip() for x in v if str(x).strip()])
        entries[eid] = e
    return entries, problems


def apply_registry(events: list[Event], entries: dict[str, EventEntry], corpus: Corpus,
                   shown: str = "content/events.yml") -> tuple[list[Event], dict[str, str], list[str]]:
    """Rename, merge, split and pin as the editor says; returns (events, redirects old id -> id, problems).

    Merges are followed through: when ``a`` merges ``b`` and ``b`` merges ``c``, all three are one
    event ``a`` and both old URLs lead to it (a cycle is reported and broken at its smallest id).
    An entry that only renames keeps its event's evidence; one that regroups articles says so."""
    problems: list[str] = []
    redirects: dict[str, str] = {}
    by_id = {e.id: e for e in events}
    slug_of_file: dict[str, str] = {}
    for r in corpus.records:
        name = Path(r.article.path).name
        slug_of_file[name] = r.slug
        slug_of_file[Path(name).stem] = r.slug
        slug_of_file[r.slug] = r.slug
    # who merges whom: each event or entry is folded into at most one other
    merged_into: dict[str, str] = {}
    for eid in sorted(entries):
        entry = entries[eid]
        for other in entry.merge:
            if other == eid:
                continue
            if other not in by_id and other not in entries:
                problems.append(f"{shown}:{entry.line}: warning: {eid}: merge names {other!r}, which is no event")
            elif other in merged_into:
                problems.append(f"{shown}:{entry.line}: error: {eid}: {other!r} is already merged into "
                                f"{merged_into[other]!r}; ignored")
            else:
                merged_into[other] = eid
    for start in sorted(merged_into):  # break cycles at their smallest id, which then keeps the event
        path, x = [start], merged_into.get(start)
        while x is not None and x not in path:
            path.append(x)
            x = merged_into.get(x)
        if x is not None:
            cycle = path[path.index(x):]
            keep = min(cycle)
            problems.append(f"{shown}:{entries[keep].line}: error: merge cycle {' -> '.join(cycle + [cycle[0]])}; "
                            f"{keep!r} keeps the event")
            del merged_into[keep]

    def root(x: str) -> str:
        while x in merged_into:
            x = merged_into[x]
        return x

    group: dict[str, list[str]] = {}  # root id -> the ids folded into it (itself first)
    for x in sorted(set(entries) | set(merged_into)):
        r = root(x)
        if r in entries:
            group.setdefault(r, [r])
            if x != r:
                group[r].append(x)
                redirects[x] = r
    pinned: dict[str, set[str]] = {}
    for eid, ids in group.items():
        members: set[str] = set()
        for x in ids:
            if x in by_id:
                members |= set(by_id[x].articles)
            for name in entries[x].articles if x in entries else []:
                slug = slug_of_file.get(name) or slug_of_file.get(Path(name).name)
                if slug is None:
                    problems.append(f"{shown}:{entries[x].line}: error: {x}: no article {name!r} in content/articles")
                    continue
                members.add(slug)
        pinned[eid] = members
    # an article pinned by two entries stays with the first (sorted by id) and is reported
    taken: dict[str, str] = {}
    for eid in sorted(pinned):
        for s in sorted(pinned[eid]):
            if s in taken and taken[s] != eid:
                problems.append(f"{shown}:{entries[eid].line}: error: {eid}: article {s} is also pinned to {taken[s]}")
                pinned[eid].discard(s)
            else:
                taken[s] = eid
    out: dict[str, Event] = {}
    for e in events:
        if e.id in pinned or e.id in redirects:
            continue
        rest = [s for s in e.articles if taken.get(s, e.id) == e.id]
        if rest:
            out[e.id] = Event(e.id, e.title, e.date, rest, list(e.evidence), list(e.related))
        else:  # all its articles went elsewhere: its URL follows them
            dest = Counter(taken[s] for s in e.articles if s in taken).most_common(1)
            if dest:
                redirects.setdefault(e.id, dest[0][0])
    recs = corpus.by_slug()
    for eid, members in sorted(pinned.items()):
        if not members:
            problems.append(f"{shown}:{entries[eid].line}: warning: {eid}: has no articles; no page")
            lost = by_id[eid].articles if eid in by_id else []
            dest = Counter(taken[s] for s in lost if s in taken).most_common(1)
            if dest:  # an event whose articles were all pinned elsewhere: its URL follows them
                redirects.setdefault(eid, dest[0][0])
            continue
        # the event this entry stands for: its own, else the largest it folds in (a new id for an old event)
        folded = sorted((by_id[x] for x in group[eid] if x in by_id),
                        key=lambda e: (e.id != eid, -len(e.articles), e.date or "9999", e.id))
        base = folded[0] if folded else None
        arts = sorted(members, key=lambda s: (recs[s].article.published or "9999", s))
        title = entries[eid].title or (base.title if base else recs[arts[0]].article.title)
        when = entries[eid].date or (base.date if base else recs[arts[0]].article.published)
        evidence = list(base.evidence) if base else []
        if base is None or set(arts) != set(base.articles):
            evidence.append("grouped by the editor in content/events.yml")
        out[eid] = Event(eid, title, when, arts, evidence, list(base.related) if base else [])
    for eid in sorted(pinned):
        for old in entries[eid].redirect_from:
            key = slugify(old, "event")
            if key in out or key in by_id and key not in redirects:
                problems.append(f"{shown}:{entries[eid].line}: warning: {eid}: redirect_from names {old!r}, "
                                f"which is an event of its own; not redirected")
            elif key != eid:
                redirects.setdefault(key, eid)
    for old in [k for k in redirects if k in out]:
        del redirects[old]
    for old, new in list(redirects.items()):
        seen = {old}
        while new in redirects and new not in seen:  # follow chains, refuse cycles
            seen.add(new)
            new = redirects[new]
        if new not in out:
            problems.append(f"{shown}:1: error: event {old!r} would redirect nowhere (a merge cycle?); dropped")
            del redirects[old]
        else:
            redirects[old] = new
    result = sorted(out.values(), key=lambda e: (e.date or "", e.id), reverse=True)
    known = {e.id for e in result}
    for e in result:
        e.related = [r for r in e.related if r in known and r != e.id]
    return result, dict(sorted(redirects.items())), problems
