"""Orchestration: content/ -> docs/ (ingest, extract, link, render, write).

Every file in ``content/articles`` ends up either published or reported with
its reason; one bad article never stops the others.  Per-article work is
cached (``.cache/briefing``) and, on a cold start, spread over the machine's
cores; the output is the same byte for byte whichever way it was made.
"""
from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..link.actors import link
from ..link.registry import load as load_registry
from ..model import ArticleRecord, Corpus
from ..render.feed import feed_files
from ..render.site import event_files
from .cache import Cache
from .lock import build_lock
from .manifest import (
    MANIFEST,
    URLS,
    read_manifest,
    read_urls,
    remove_manifest,
    tree_fingerprint,
    write_json,
    write_manifest,
)
from .parallel import Background, can_fork
from .read import Report, extract_ahead, load
from .write import TEMP_SUFFIX, existing_files, write_tree


def link_articles(content: Path, records: list[ArticleRecord], report: Report) -> Corpus:
    """The articles linked across the corpus with the editor's registry (content/actors.yml),
    whose problems go to ``report``: what every command that reads a briefing works from."""
    registry = load_registry(content / "actors.yml")
    corpus = link(records, registry)
    report.problems.extend(registry.messages())
    return corpus


@dataclass
class EventsResult:
    events: list
    redirects: dict[str, str]
    problems: list[str]
    inferred: dict[str, tuple[str, list[str]]]  # slug -> (publication date, evidence) inferred from its event


def cluster_events(corpus, content: Path) -> EventsResult:
    """Cluster the articles into events and apply the editor's content/events.yml.

    An undated article reporting the same happening as dated ones is dated from them, with
    the evidence (applied to ``corpus`` here: :func:`generator.events.clustering.related` reads the dates
    it then mentions); the events are returned, not attached."""
    from ..events.clustering import cluster, related
    from ..events.clustering import infer_published as infer_from_events
    from ..events.editorial import apply_registry
    from ..events.editorial import load_registry as load_events

    entries, problems = load_events(content / "events.yml")
    events, redirects, more = apply_registry(cluster(corpus), entries, corpus)
    recs = corpus.by_slug()
    inferred = {slug: (value, evidence) for slug, (value, evidence) in sorted(infer_from_events(events, corpus.records).items())
                if recs[slug].article.published is None}
    date_articles(corpus, inferred)
    related(events, corpus)
    return EventsResult(events, redirects, problems + more, inferred)


def date_articles(corpus, inferred: dict[str, tuple[str, list[str]]]) -> None:
    """Give undated articles their inferred publication dates; their relative dates ("on Saturday")
    are normalised again against them."""
    if not inferred:
        return
    from ..extract.dates import extract_dates

    recs = corpus.by_slug()
    for slug, (value, evidence) in inferred.items():
        rec = recs.get(slug)
        if rec is None or rec.article.published is not None:
            continue
        a = rec.article
        a.published, a.published_from, a.published_evidence = value, "inferred", list(evidence)
        rec.extraction.dates = extract_dates(a.view, value)


@dataclass
class FreeFiles:
    """What a build draws before the event pages (see :func:`events_and_free_files`)."""
    files: dict[str, str | None]
    happenings: list
    bases: dict[str, str]  # article slug -> digest of its page's inputs but the event
    digests: dict[str, str]  # path -> sha1 of the file's bytes, for write_tree
    by_actor: dict[str, list]  # actor id -> its happenings
    actor_bases: dict[str, str]  # actor id -> digest of its page's inputs but its articles' digests
    event_bases: dict[str, str] | None = None  # event id -> digest of the event


def free_files(corpus) -> FreeFiles:
    """The files that do not depend on the events but through the dates they infer, and what the
    pages' input digests need besides the events."""
    from ..render.site import (
        actor_bases,
        actors_by_happening,
        article_bases,
        event_free_files,
    )

    files, happenings = event_free_files(corpus)
    digests = {rel: hashlib.sha1(text.encode("utf-8")).hexdigest() for rel, text in files.items() if text is not None}
    by_actor = actors_by_happening(happenings)
    return FreeFiles(files, happenings, article_bases(corpus), digests, by_actor,
                     actor_bases(corpus, by_actor))


def events_and_free_files(corpus, content: Path, report: Report) -> FreeFiles:
    """Attach the events to ``corpus`` (which dates the undated articles they infer a date for),
    then draw the files that do not depend on the events otherwise (:func:`free_files`);
    returns those."""
    from ..render.site import event_bases

    res = cluster_events(corpus, content)
    corpus.events, corpus.event_redirects = res.events, res.redirects
    report.problems.extend(res.problems)
    free = free_files(corpus)
    free.event_bases = event_bases(res.events)
    return free


def generate(root: Path, out: Path | None = None, quiet: bool = False, cache_dir: Path | None = None,
             use_cache: bool = True, workers: int | None = None, force: bool = False) -> Report:
    """Generate the docs tree for the project at ``root``."""
    root = Path(root)
    out = Path(out) if out else root / "docs"
    with build_lock(root):  # one build at a time in a checkout (generator.build.lock); waits, saying so
        # what is on disk now, walked (tens of thousands of files) in a child while the articles are read
        walk = Background(partial(existing_files, out))
        try:
            return _generate(root, out, walk, quiet, cache_dir, use_cache, workers, force)
        finally:
            walk.close()


def _generate(root: Path, out: Path, walk: Background, quiet: bool, cache_dir: Path | None, use_cache: bool,
              workers: int | None, force: bool) -> Report:
    content = root / "content"
    report = Report()
    t0 = time.perf_counter()
    read: dict[Path, bytes] = {}
    fingerprint = tree_fingerprint(root, content, read)
    manifest = read_manifest(out)
    on_disk = walk.result() if not force and manifest.get("fingerprint") == fingerprint else None
    # nothing changed: the same inputs, every file the manifest claims there with its size, and no
    # temporary file left over (a full pass below removes any)
    if on_disk is not None and all(on_disk.get(rel) == size for rel, size in manifest["sizes"].items()) \
            and not any(rel.endswith(TEMP_SUFFIX) for rel in on_disk):
        report.unchanged = True
        report.files = manifest.get("report", {}).get("files", 0)
        report.published = manifest.get("report", {}).get("published", 0)
        report.problems = manifest.get("report", {}).get("problems", [])
        report.seconds = {"check": time.perf_counter() - t0}
        if not quiet:
            for line in report.problems:
                print(line, file=sys.stderr)
            print(report.summary(), file=sys.stderr)
        return report
    cache = Cache((cache_dir or root / ".cache" / "briefing") if use_cache else None)
    # a new or edited article is extracted in a child while the cache is read here
    ahead = Background(partial(extract_ahead, content, root, read, cache.folder)) \
        if cache.folder is not None and can_fork() else None
    try:
        records = load(content, report, root, cache, workers, progress=not quiet, read=read, ahead=ahead,
                       owners=read_urls(out))
    finally:
        if ahead is not None:
            ahead.close()
    read.clear()
    t1 = time.perf_counter()
    corpus = link_articles(content, records, report)
    t2 = time.perf_counter()
    free = events_and_free_files(corpus, content, report)
    if on_disk is None:
        on_disk = walk.result()
    files = free.files
    t3 = time.perf_counter()
    # a file whose size is not the one the manifest gives was changed since: its sha1 is unknown ("")
    sizes = manifest.get("sizes", {})
    previous = {rel: d if on_disk.get(rel, sizes[rel]) == sizes[rel] else ""
                for rel, d in manifest.get("files", {}).items()}
    # pages the last build drew and that are still on disk can be kept when their inputs are unchanged
    reuse = {rel: d for rel, d in manifest.get("inputs", {}).items() if previous.get(rel) and rel in on_disk} \
        if not force else {}
    more, inputs = event_files(corpus, reuse, free.happenings, free.bases, free.by_actor, free.actor_bases,
                               free.event_bases)
    files.update(more)
    report.drawn = sum(1 for v in files.values() if v is not None)
    files.update(feed_files(corpus, root))  # always drawn: it is small and depends on the site URL
    t4 = time.perf_counter()
    # The manifest claims the tree the last build left; from the first write on it would claim pages
    # that may have changed, so it goes now and comes back, whole, after the last write.  A build
    # killed in between leaves none: the next one compares every file it draws with what is on
    # disk and removes whatever else is there (temporary files included), as into a fresh folder.
    remove_manifest(out)
    report.pages, hashes, sizes = write_tree(out, files, previous, keep=(".gitignore", MANIFEST, URLS),
                                             existing=on_disk, digests=free.digests, force=force)
    write_json(out / URLS, {r.article.path: r.slug for r in records})
    write_manifest(out, {
        "fingerprint": fingerprint, "files": hashes, "sizes": sizes, "inputs": inputs,
        "report": {"files": report.files, "published": report.published, "problems": report.problems}})
    t5 = time.perf_counter()
    report.seconds = {"read+extract": t1 - t0, "link": t2 - t1, "events": t3 - t2, "render": t4 - t3, "write": t5 - t4}
    if not quiet:
        for line in report.problems:
            print(line, file=sys.stderr)
        print(report.summary(), file=sys.stderr)
    return report
