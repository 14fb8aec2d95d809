"""``briefing events``: read article files or folders, print one JSON object per event."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..build.cache import Cache
from ..build.read import Report, load, scan
from ..link.actors import link


def main(paths: list[str], cache_dir: str | None = None) -> int:
    from .clustering import cluster, related

    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for p in paths or ["content/articles"]:
        q = Path(p)
        if q.is_dir():  # a folder: its article files, as a build reads content/articles
            more, passed = scan(q)
            files += more
            skipped += passed
        else:
            files.append(q)
    report = Report()
    records = load(Path("content"), report, cache=Cache(Path(cache_dir)) if cache_dir else None,
                   entries=(files, skipped))
    for line in report.problems:
        print(line, file=sys.stderr)
    corpus = link(records)
    path_of = {r.slug: r.article.path for r in records}
    events = cluster(corpus)
    related(events, corpus)
    for ev in events:
        print(json.dumps({"id": ev.id, "title": ev.title, "date": ev.date,
                          "articles": [path_of[s] for s in ev.articles], "evidence": ev.evidence,
                          "related": ev.related}, ensure_ascii=False))
    return 0
