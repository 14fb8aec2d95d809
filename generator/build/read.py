"""Read: the article files of ``content/articles`` -> ArticleRecords (ingest + extract, cached).

Every file ends up either published or reported with its reason; one bad article never stops
the others.  Per-article work (:func:`analyse`) is cached (``.cache/briefing``) and, on a cold
start, spread over the machine's cores; the output is the same whichever way it was made.  This
is the one loader: ``briefing build``, ``check``, ``actors``, ``events`` and ``extract`` all read
articles through it.
"""
from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..events.terms import article_words
from ..ingest import decode, has_text, parse, text_digest
from ..model import Article, ArticleRecord, Extraction
from .cache import Cache
from .cache import key as cache_key
from .parallel import Background, pool_map

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")


MAX_ARTICLE_BYTES = 20_000_000


PARALLEL_MIN = 64  # below this many articles to extract, a process pool costs more than it saves


AHEAD = 8  # at most this many new or changed articles are extracted ahead, in a child (extract_ahead)


@dataclass
class Report:
    files: int = 0
    published: int = 0
    extracted: int = 0
    from_cache: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    problems: list[str] = field(default_factory=list)  # "path:line: message"

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if is_error(p))
    pages: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    unchanged: bool = False
    drawn: int = 0  # pages drawn this build (the others were unchanged and kept; see render)

    def summary(self) -> str:
        stage = ", ".join(f"{k} {v:.2f}s" for k, v in self.seconds.items())
        if self.unchanged:
            return (f"briefing: {self.files} files, {self.published} articles: nothing changed since the last build; "
                    f"{stage}")
        return (f"briefing: {self.files} files read, {self.published} articles published "
                f"({self.extracted} extracted, {self.from_cache} from cache), {len(self.rejected)} rejected, "
                f"{len(self.problems)} problems; pages drawn {self.drawn}, written {self.pages.get('written', 0)}, "
                f"unchanged {self.pages.get('unchanged', 0)}, removed {self.pages.get('removed', 0)}; {stage}")


def scan(folder: Path, inside: Path | None = None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The article files below ``folder`` to read, and the entries that are not read, each with its
    reason ("warning: ..." or "error: ...").  Nothing is read through a link that leaves ``inside``
    (``content/``; an article linked to /etc/passwd or .git/config would publish it), nor a folder
    link, a hidden file or anything that is not a regular file (a FIFO would hang the build)."""
    if not folder.is_dir():
        return [], []
    inside_path = os.path.realpath(inside or folder) + os.sep
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(folder):  # links to folders are listed, never entered
        for d in sorted(dirnames):
            p = Path(dirpath, d)
            if p.is_symlink():
                skipped.append((p, "error: skipped: a link to a folder; links to folders are not followed"))
            elif d.startswith("."):
                skipped.append((p, "warning: skipped: a hidden folder (its name starts with a dot); "
                                   "its files are not read"))
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d))]
        for name in filenames:
            p = Path(dirpath, name)
            if name.startswith("."):
                skipped.append((p, "warning: skipped: a hidden file (its name starts with a dot), not an article"))
                continue
            if p.is_symlink():
                target = os.path.realpath(p)
                if not os.path.exists(target):
                    skipped.append((p, "error: skipped: a link to a file that does not exist"))
                    continue
                if not target.startswith(inside_path):
                    skipped.append((p, "error: skipped: a link to a file outside content/; links are not "
                                       "followed out of the content folder"))
                    continue
            try:
                regular = stat.S_ISREG(p.stat().st_mode)
            except OSError as e:
                skipped.append((p, f"error: skipped: cannot be read: {e.strerror or e}"))
                continue
            if regular:
                files.append(p)
            else:
                skipped.append((p, "error: skipped: not a regular file (a link to a folder, device or pipe)"))
    files.sort(key=lambda p: p.as_posix())
    skipped.sort(key=lambda x: x[0].as_posix())
    return files, skipped


def article_files(content: Path) -> list[Path]:
    """The files of ``content/articles`` to read (see :func:`scan`)."""
    return scan(content / "articles", content)[0]


def _problem(path: str, message: str) -> str:
    """``path:line: severity: message`` from an article problem ("line N: severity: message")."""
    line = "1"
    if message.startswith("line "):
        line, _, message = message.partition(": ")
        line = line[5:]
    if not message.startswith(("error: ", "warning: ")):
        message = f"error: {message}"
    return f"{path}:{line}: {message}"


def is_error(problem: str) -> bool:
    return ": error: " in problem


_CONTROL = bytes(b for b in range(32) if b < 9 or 13 < b)


def looks_binary(data: bytes) -> bool:
    """NUL bytes (outside UTF-16 and UTF-32) or mostly control characters in the first 8 KB: not
    a text file.  A NUL further on is a damaged text file: :func:`ingest.decode` replaces it."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    ctrl = len(head) - len(head.translate(None, _CONTROL))
    return bool(head) and ctrl / len(head) > 0.1


def analyse(shown: str, data: bytes) -> tuple[Article, Extraction, list[str]]:
    """Ingest and extract one article file (pure: the same bytes give the same result): the one
    per-article analysis, whose result the cache keeps."""
    raw, problems = decode(data)
    article = parse(shown, raw, problems)
    ex, notes = analyse_article(article)
    return article, ex, notes


def analyse_article(article: Article) -> tuple[Extraction, list[str]]:
    """What is found in an ingested article: its publication date when none is given (inferred
    from the text, with the evidence), actors, dates, quotes, figures, and its content words for
    events; and notes on what went wrong (an extractor's bug must not lose the article)."""
    from ..extract import (
        extract,  # imported when an article needs extracting, not on a rebuild from the cache
    )
    from ..extract.dates import infer_published

    notes = []
    if not article.published:
        value, evidence = infer_published(article.view)
        if value:
            article.published, article.published_from, article.published_evidence = value, "inferred", evidence
    try:
        ex = extract(article)
    except Exception as e:  # an extractor bug must not lose the article
        notes.append(f"extraction failed ({type(e).__name__}: {e}); published without it")
        ex = Extraction()
    ex.words = article_words(article)  # for events; cached with the extraction
    return ex, notes


def _analyse_job(job: tuple[str, bytes, str | None, str]):
    """Analyse one article in a worker process and store its cache entry there too, so that the
    parent only collects results (serialising thousands of entries in it made it the bottleneck)."""
    shown, data, folder, k = job
    res = analyse(shown, data)
    Cache(Path(folder) if folder else None).put(k, res[0], res[1])
    return res


def extract_ahead(content: Path, root: Path, read: dict[Path, bytes], folder: Path) -> list[str]:
    """Extract the few articles the cache lacks (an edit, a new article) and store their entries;
    returns their cache keys.  Run in a child as a rebuild starts, while the parent reads the
    cache: the parent then finds them there instead of importing the extractors and extracting
    after its reading (see :func:`load`).  Nothing when more than AHEAD lack entries (a cold
    build extracts them over a process pool), nor for an article whose extraction failed (its
    note must reach the build's report)."""
    cache = Cache(folder)
    prefix = root.as_posix().rstrip("/") + "/"
    missing = []
    for p, data in read.items():
        shown = p.as_posix()
        shown = shown[len(prefix):] if shown.startswith(prefix) else shown
        if p.suffix.lower() not in ARTICLE_SUFFIXES or looks_binary(data):
            continue
        k = cache_key(data, shown)
        if not cache.has(k):
            missing.append((shown, data, k))
            if len(missing) > AHEAD:
                return []
    done = []
    for shown, data, k in missing:
        article, ex, notes = analyse(shown, data)
        if not notes:
            cache.put(k, article, ex)
            done.append(k)
    return done


def load(content: Path, report: Report, root: Path | None = None, cache: Cache | None = None,
         workers: int | None = None, progress: bool = False, read: dict[Path, bytes] | None = None,
         ahead: Background | None = None, owners: dict[str, str] | None = None,
         entries: tuple[list[Path], list[tuple[Path, str]]] | None = None) -> list[ArticleRecord]:
    """Ingest and extract every article file of ``content/articles``, from the cache where possible
    (``read``: the bytes of files already read, by path; ``ahead``: :func:`extract_ahead` started
    in a child; ``owners``: the URL slug the last build gave each file, which it keeps, see
    :func:`_owned`; ``entries``: other files to read, as :func:`scan` gives them)."""
    read = read or {}
    cache = cache or Cache(None)
    todo: list[tuple[str, bytes, str, str]] = []  # (shown path, bytes, text, cache key)
    done: dict[str, tuple[Article, Extraction, list[str]]] = {}
    order: list[str] = []
    keys: dict[str, str] = {}
    prefix = root.as_posix().rstrip("/") + "/" if root else None
    files, skipped = entries if entries is not None else scan(content / "articles", content)
    for p, reason in skipped:
        report.files += 1
        shown = p.as_posix()
        shown = shown[len(prefix):] if prefix and shown.startswith(prefix) else shown
        report.rejected.append((shown, reason.split(": ", 2)[-1]))
        report.problems.append(_problem(shown, reason))
    for p in files:
        report.files += 1
        shown = p.as_posix()
        if prefix and shown.startswith(prefix):  # as p.relative_to(root), without pathlib's cost per file
            shown = shown[len(prefix):]
        if p.suffix.lower() not in ARTICLE_SUFFIXES:
            reason = f"not an article file (expected {', '.join(ARTICLE_SUFFIXES)})"
            report.rejected.append((shown, reason))
            report.problems.append(_problem(shown, f"skipped: {reason}"))
            continue
        try:
            data = read.get(p)
            size = len(data) if data is not None else p.stat().st_size
            if size > MAX_ARTICLE_BYTES:
                reason = f"larger than {MAX_ARTICLE_BYTES // 1_000_000} MB ({size:,} bytes)"
                report.rejected.append((shown, reason))
                report.problems.append(_problem(shown, f"skipped: {reason}"))
                continue
            if data is None:
                data = p.read_bytes()
            if looks_binary(data):
                reason = "binary file, not text"
                report.rejected.append((shown, reason))
                report.problems.append(_problem(shown, f"skipped: {reason}"))
                continue
        except OSError as e:
            reason = f"cannot be read: {e.strerror or e}"
            report.rejected.append((shown, reason))
            report.problems.append(_problem(shown, f"skipped: {reason}"))
            continue
        order.append(shown)
        k = keys[shown] = cache_key(data, shown)
        raw = decode(data)[0]
        hit = cache.get(k, raw, shown)
        if hit is not None:
            article, ex = hit
            done[shown] = (article, ex, [])
            report.from_cache += 1
        else:
            todo.append((shown, data, raw, k))
    if ahead is not None:  # the child has stored the entries it extracted by now (or extracted none)
        extracted_ahead = set(ahead.result())
        # those the pass above found already stored (the child was quicker) were extracted all the same
        early = sum(1 for shown in done if keys[shown] in extracted_ahead)
        report.from_cache -= early
        report.extracted += early
        still = []
        for shown, data, raw, k in todo:
            hit = cache.get(k, raw, shown) if k in extracted_ahead else None
            if hit is None:
                still.append((shown, data, raw, k))
            else:
                done[shown] = (hit[0], hit[1], [])
                report.extracted += 1
        todo = still
    # extract what the cache did not have, over the machine's cores when it is worth it
    workers = workers if workers is not None else (os.cpu_count() or 1)
    folder = str(cache.folder) if cache.folder else None
    jobs = [(shown, data, folder, k) for shown, data, _, k in todo]
    processes = workers if len(jobs) >= PARALLEL_MIN else 1
    for n, (job, res) in enumerate(zip(jobs, pool_map(_analyse_job, jobs, processes)), 1):
        done[job[0]] = res  # its cache entry was written where it was analysed
        if progress and n % 500 == 0:
            print(f"briefing: extracted {n}/{len(todo)} articles", file=sys.stderr, flush=True)
    report.extracted += len(todo)
    cache.prune(set(keys.values()))
    records: list[ArticleRecord] = []
    owned = _owned(order, {shown: done[shown][0].slug for shown in order}, owners or {})
    kept = set(owned.values())
    slugs: set[str] = set()
    titles: dict[str, str] = {}
    texts: dict[str, str] = {}
    for shown in order:
        article, ex, notes = done[shown]
        for msg in article.problems + notes:
            report.problems.append(_problem(shown, msg))
        if not has_text(article.view):  # whitespace or invisible characters (U+200B...) only
            report.rejected.append((shown, "empty: no article text"))
            report.problems.append(_problem(shown, "skipped: the file holds no article text"))
            continue
        base, n = article.slug, 2
        if owned.get(shown):
            article.slug = owned[shown]
        while article.slug in slugs or (article.slug in kept and owned.get(shown) != article.slug):
            article.slug = f"{base}-{n}"
            n += 1
        if article.slug != base:
            report.problems.append(_problem(shown, f"warning: its file name gives the same URL as another article's; "
                                                   f"published at /articles/{article.slug}/"))
        slugs.add(article.slug)
        t = " ".join(article.title.casefold().split())
        if t in titles:
            report.problems.append(_problem(shown, f"warning: same title as {titles[t]}; both are published"))
        titles.setdefault(t, shown)
        body = article.text_digest or text_digest(article.view)
        if body in texts:
            report.problems.append(_problem(shown, f"warning: same text as {texts[body]}; both are published"))
        texts.setdefault(body, shown)
        records.append(ArticleRecord(article, ex, key=keys[shown]))
        report.published += 1
    return records


def _owned(order: list[str], bases: dict[str, str], owners: dict[str, str]) -> dict[str, str]:
    """The URL each file keeps from the last build (``owners``: file -> slug): an address stays
    with the article that had it, so a new file with the same name (``x.md`` beside ``x.txt``)
    never takes it over; the newcomer gets the next free one.  Only a slug the file's own name
    gives (``x``, ``x-2``...) is kept: a renamed file gets its new name's URL."""
    owned: dict[str, str] = {}
    taken: set[str] = set()
    for shown in order:
        prev, base = owners.get(shown), bases[shown]
        if isinstance(prev, str) and prev not in taken and (
                prev == base or (prev.startswith(base + "-") and prev[len(base) + 1:].isdigit())):
            owned[shown] = prev
            taken.add(prev)
    return owned
