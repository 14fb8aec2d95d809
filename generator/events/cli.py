"""``briefing events``: read article files or folders, print one JSON object per event."""
from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..build.cache import Cache
from ..build.cache import key as cache_key
from ..build.pipeline import (
    ARTICLE_SUFFIXES,
    MAX_ARTICLE_BYTES,
    PARALLEL_MIN,
    _analyse_job,
)
from ..ingest import decode, has_text
from ..link.actors import link
from ..model import ArticleRecord


def article_paths(paths: list[str]) -> list[str]:
    """Files as given; folders expanded to the article files in them (sorted)."""
    out: list[str] = []
    for p in paths:
        q = Path(p)
        if q.is_dir():
            out.extend(str(f) for f in sorted(q.rglob("*"), key=lambda f: f.as_posix())
                       if f.is_file() and not f.name.startswith(".") and f.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            out.append(p)
    return out


def load_paths(paths: list[str], cache: Cache | None = None, workers: int | None = None) -> list[ArticleRecord]:
    """Ingest and extract the files (from the cache where possible), like ``build.load`` does."""
    cache = cache or Cache(None)
    done: dict[str, tuple] = {}
    todo: list[tuple[str, bytes, str]] = []
    order: list[str] = []
    for shown in paths:
        try:
            if os.path.getsize(shown) > MAX_ARTICLE_BYTES:
                print(f"{shown}:1: skipped: larger than {MAX_ARTICLE_BYTES // 1_000_000} MB", file=sys.stderr)
                continue
            data = Path(shown).read_bytes()
        except OSError as e:
            print(f"{shown}:1: cannot be read: {e.strerror or e}", file=sys.stderr)
            continue
        order.append(shown)
        k = cache_key(data, shown)
        hit = cache.get(k, decode(data)[0], shown)
        if hit is not None:
            done[shown] = hit
        else:
            todo.append((shown, data, k))
    workers = workers if workers is not None else (os.cpu_count() or 1)
    # the same jobs as build.load's: each analysed and its cache entry written where it runs
    folder = str(cache.folder) if cache.folder else None
    jobs = [(shown, data, folder, k) for shown, data, k in todo]
    if len(jobs) >= PARALLEL_MIN and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_analyse_job, jobs, chunksize=8))
    else:
        results = [_analyse_job(job) for job in jobs]
    for (shown, _data, _k), (article, ex, _notes) in zip(todo, results):
        done[shown] = (article, ex)
    records, slugs = [], set()
    for shown in order:
        article, ex = done[shown][0], done[shown][1]
        if not has_text(article.view):
            continue
        base, n = article.slug, 2
        while article.slug in slugs:
            article.slug = f"{base}-{n}"
            n += 1
        slugs.add(article.slug)
        records.append(ArticleRecord(article, ex))
    return records


def main(paths: list[str], cache_dir: str | None = None) -> int:
    from .cluster import cluster, related

    files = article_paths(paths or ["content/articles"])
    records = load_paths(files, Cache(Path(cache_dir)) if cache_dir else None)
    corpus = link(records)
    path_of = {r.slug: r.article.path for r in records}
    events = cluster(corpus)
    related(events, corpus)
    for ev in events:
        print(json.dumps({"id": ev.id, "title": ev.title, "date": ev.date,
                          "articles": [path_of[s] for s in ev.articles], "evidence": ev.evidence,
                          "related": ev.related}, ensure_ascii=False))
    return 0
