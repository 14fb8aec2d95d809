"""Orchestration: content/ -> docs/ (ingest, extract, link, render, write).

Every file in ``content/articles`` ends up either published or reported with
its reason; one bad article never stops the others.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .extract import extract
from .extract.dates import infer_published
from .ingest import read_article
from .link import ArticleRecord, link
from .model import Extraction
from .registry import load as load_registry
from .render import render, write_tree

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass
class Report:
    files: int = 0
    published: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    problems: list[str] = field(default_factory=list)  # "path:line: message"
    errors: int = 0
    pages: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        stage = ", ".join(f"{k} {v:.2f}s" for k, v in self.seconds.items())
        return (f"briefing: {self.files} files, {self.published} articles published, {len(self.rejected)} rejected, "
                f"{len(self.problems)} problems; pages written {self.pages.get('written', 0)}, "
                f"unchanged {self.pages.get('unchanged', 0)}, removed {self.pages.get('removed', 0)}; {stage}")


def article_files(content: Path) -> list[Path]:
    folder = content / "articles"
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")),
                  key=lambda p: p.as_posix())


def _problem(path: str, message: str) -> str:
    if message.startswith("line "):
        line, _, rest = message.partition(": ")
        return f"{path}:{line[5:]}: {rest}"
    return f"{path}:1: {message}"


def load(content: Path, report: Report, root: Path | None = None) -> list[ArticleRecord]:
    """Ingest and extract every article file."""
    records: list[ArticleRecord] = []
    slugs: set[str] = set()
    for p in article_files(content):
        report.files += 1
        shown = p.relative_to(root).as_posix() if root and p.is_relative_to(root) else p.as_posix()
        if p.suffix.lower() not in ARTICLE_SUFFIXES:
            report.rejected.append((shown, f"not an article file (expected {', '.join(ARTICLE_SUFFIXES)})"))
            report.problems.append(_problem(shown, f"skipped: not an article file (expected {', '.join(ARTICLE_SUFFIXES)})"))
            continue
        try:
            article = read_article(p)
        except OSError as e:
            report.rejected.append((shown, f"cannot be read: {e.strerror or e}"))
            report.problems.append(_problem(shown, f"skipped: cannot be read: {e.strerror or e}"))
            continue
        article.path = shown
        for msg in article.problems:
            report.problems.append(_problem(shown, msg))
        if not article.view.strip():
            report.rejected.append((shown, "empty: no article text"))
            report.problems.append(_problem(shown, "skipped: the file holds no article text"))
            continue
        base, n = article.slug, 2
        while article.slug in slugs:
            article.slug = f"{base}-{n}"
            n += 1
        slugs.add(article.slug)
        try:
            ex = extract(article)
        except Exception as e:  # an extractor bug must not lose the article
            report.problems.append(_problem(shown, f"extraction failed ({type(e).__name__}: {e}); published without it"))
            ex = Extraction()
        if not article.published:
            value, evidence = infer_published(article.view)
            if value:
                article.published, article.published_from, article.published_evidence = value, "inferred", evidence
        records.append(ArticleRecord(article, ex))
        report.published += 1
    return records


def generate(root: Path, out: Path | None = None, quiet: bool = False) -> Report:
    """Generate the docs tree for the project at ``root``."""
    root = Path(root)
    out = Path(out) if out else root / "docs"
    report = Report()
    t0 = time.perf_counter()
    records = load(root / "content", report, root)
    t1 = time.perf_counter()
    registry = load_registry(root / "content" / "actors.yml")
    corpus = link(records, registry)
    report.problems.extend(registry.messages())
    report.errors += len(registry.errors)
    t2 = time.perf_counter()
    files = render(corpus)
    t3 = time.perf_counter()
    report.pages = write_tree(out, files)
    t4 = time.perf_counter()
    report.seconds = {"read+extract": t1 - t0, "link": t2 - t1, "render": t3 - t2, "write": t4 - t3}
    if not quiet:
        for line in report.problems:
            print(line, file=sys.stderr)
        print(report.summary(), file=sys.stderr)
    return report
