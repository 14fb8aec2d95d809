"""Orchestration: content/ -> docs/ (ingest, extract, link, render, write).

Every file in ``content/articles`` ends up either published or reported with
its reason; one bad article never stops the others.  Per-article work is
cached (``.cache/briefing``) and, on a cold start, spread over the machine's
cores; the output is the same byte for byte whichever way it was made.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import stat
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .. import __version__
from ..events.terms import article_words
from ..feed import feed_files
from ..ingest import decode, has_text, parse, text_digest
from ..link.actors import link
from ..link.registry import load as load_registry
from ..model import Article, ArticleRecord, Extraction
from ..render import TEMP_SUFFIX, event_files, existing_files, write_tree
from .cache import Cache, code_version
from .cache import key as cache_key
from .lock import build_lock
from .parallel import Background, can_fork

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
MAX_ARTICLE_BYTES = 20_000_000
PARALLEL_MIN = 64  # below this many articles to extract, a process pool costs more than it saves
AHEAD = 8  # at most this many new or changed articles are extracted ahead, in a child (_extract_ahead)
MANIFEST = ".briefing-manifest.json"
# which article file has which URL (file -> slug), kept apart from the manifest: the manifest is
# removed while a build writes, and an address must keep its owner across an interrupted build too
URLS = ".briefing-urls.json"


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


def scan(content: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files of ``content/articles`` to read, and the entries that are not read, each with its
    reason ("warning: ..." or "error: ...").  Nothing is read through a link that leaves
    ``content/`` (an article linked to /etc/passwd or .git/config would publish it), nor a folder
    link, a hidden file or anything that is not a regular file (a FIFO would hang the build)."""
    folder = content / "articles"
    if not folder.is_dir():
        return [], []
    inside = os.path.realpath(content) + os.sep
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
                if not target.startswith(inside):
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
    return scan(content)[0]


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
    """Ingest and extract one article (pure: the same bytes give the same result)."""
    from ..extract import (
        extract,  # imported when an article needs extracting, not on a rebuild from the cache
    )
    from ..extract.dates import infer_published

    raw, problems = decode(data)
    article = parse(shown, raw, problems)
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
    return article, ex, notes


def _analyse_job(job: tuple[str, bytes, str | None, str]):
    """Analyse one article in a worker process and store its cache entry there too, so that the
    parent only collects results (serialising thousands of entries in it made it the bottleneck)."""
    shown, data, folder, k = job
    res = analyse(shown, data)
    Cache(Path(folder) if folder else None).put(k, res[0], res[1])
    return res


def _extract_ahead(content: Path, root: Path, read: dict[Path, bytes], folder: Path) -> list[str]:
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
         ahead: Background | None = None, owners: dict[str, str] | None = None) -> list[ArticleRecord]:
    """Ingest and extract every article file, from the cache where possible (``read``: the bytes
    of files already read, by path; ``ahead``: :func:`_extract_ahead` started in a child;
    ``owners``: the URL slug the last build gave each file, which it keeps, see :func:`_owned`)."""
    read = read or {}
    cache = cache or Cache(None)
    todo: list[tuple[str, bytes, str, str]] = []  # (shown path, bytes, text, cache key)
    done: dict[str, tuple[Article, Extraction, list[str]]] = {}
    order: list[str] = []
    keys: dict[str, str] = {}
    prefix = root.as_posix().rstrip("/") + "/" if root else None
    files, skipped = scan(content)
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
    if len(jobs) >= PARALLEL_MIN and workers > 1:
        with ProcessPoolExecutor(max_workers=workers, initializer=gc.enable) as pool:  # see generate()
            results = pool.map(_analyse_job, jobs, chunksize=8)
            for n, ((shown, _, _, _k), res) in enumerate(zip(todo, results), 1):
                done[shown] = res  # its cache entry was written by the worker
                if progress and n % 500 == 0:
                    print(f"briefing: extracted {n}/{len(todo)} articles", file=sys.stderr, flush=True)
    else:
        for n, job in enumerate(jobs, 1):
            res = done[job[0]] = _analyse_job(job)
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


@dataclass
class EventsResult:
    events: list
    redirects: dict[str, str]
    problems: list[str]
    inferred: dict[str, tuple[str, list[str]]]  # slug -> (publication date, evidence) inferred from its event


def cluster_events(corpus, content: Path) -> EventsResult:
    """Cluster the articles into events and apply the editor's content/events.yml.

    An undated article reporting the same happening as dated ones is dated from them, with
    the evidence (applied to ``corpus`` here: :func:`generator.events.related` reads the dates
    it then mentions); the events are returned, not attached."""
    from ..events.cluster import cluster, related
    from ..events.cluster import infer_published as infer_from_events
    from ..eventsite import apply_registry
    from ..eventsite import load_registry as load_events

    entries, problems = load_events(content / "events.yml")
    events, redirects, more = apply_registry(cluster(corpus), entries, corpus)
    recs = corpus.by_slug()
    inferred = {slug: (value, evidence) for slug, (value, evidence) in sorted(infer_from_events(events, corpus.records).items())
                if recs[slug].article.published is None}
    date_articles(corpus, inferred)
    related(events, corpus)
    return EventsResult(events, redirects, problems + more, inferred)


def date_articles(corpus, inferred: dict[str, tuple[str, list[str]]]) -> dict[str, tuple]:
    """Give undated articles their inferred publication dates; their relative dates ("on Saturday")
    are normalised again against them.  Returns what it replaced, for :func:`undate_articles`."""
    if not inferred:
        return {}
    from ..extract.dates import extract_dates

    recs = corpus.by_slug()
    saved = {}
    for slug, (value, evidence) in inferred.items():
        rec = recs.get(slug)
        if rec is None or rec.article.published is not None:
            continue
        a = rec.article
        saved[slug] = (a.published, a.published_from, a.published_evidence, rec.extraction.dates)
        a.published, a.published_from, a.published_evidence = value, "inferred", list(evidence)
        rec.extraction.dates = extract_dates(a.view, value)
    return saved


def undate_articles(corpus, saved: dict[str, tuple]) -> None:
    recs = corpus.by_slug()
    for slug, (published, published_from, evidence, dates) in saved.items():
        a = recs[slug].article
        a.published, a.published_from, a.published_evidence = published, published_from, evidence
        recs[slug].extraction.dates = dates


@dataclass
class FreeFiles:
    """What a build draws without the events (see :func:`events_and_free_files`)."""
    files: dict[str, str | None]
    happenings: list
    bases: dict[str, str] | None  # article slug -> digest of its page's inputs but the event
    digests: dict[str, str]  # path -> sha1 of the file's bytes, for write_tree
    by_actor: dict[str, list]  # actor id -> its happenings
    actor_bases: dict[str, str]  # actor id -> digest of its page's inputs but its articles' digests
    event_bases: dict[str, str] | None = None  # event id -> digest of the event (drawn beside the events)


def free_files(corpus, with_bases: bool = True) -> FreeFiles:
    """The event-free files and what the pages' input digests need that does not depend on the
    events (the articles' base digests, unless ``with_bases`` is false: see
    :func:`events_and_free_files`)."""
    from ..render import (
        actor_bases,
        actors_by_happening,
        article_bases,
        event_free_files,
    )

    files, happenings = event_free_files(corpus)
    digests = {rel: hashlib.sha1(text.encode("utf-8")).hexdigest() for rel, text in files.items() if text is not None}
    by_actor = actors_by_happening(happenings)
    return FreeFiles(files, happenings, article_bases(corpus) if with_bases else None, digests, by_actor,
                     actor_bases(corpus, by_actor))


def events_and_free_files(corpus, content: Path, report: Report, guess: dict[str, tuple[str, list[str]]]):
    """Attach the events to ``corpus`` and draw the files that do not depend on them
    (:func:`free_files`); returns those and the inferred dates.

    With a second core the two run side by side: the events in a forked child, the
    event-free files here.  Those files depend on the events in one way
    only: the dates inferred for undated articles.  So they are drawn with the dates the
    last build inferred (``guess``, from its manifest) and kept only when the events infer
    exactly those again (the usual case: an edit rarely changes them); otherwise the guess
    is undone and they are drawn again.  Either way the result is the serial result.

    The child also computes the digests of the article pages' inputs (they need the inferred
    dates, which it has) and of the events, where the event-free files take longer."""
    from ..render import article_bases, event_bases
    from .parallel import fork_map

    free = None
    bases = ev_bases = None
    if can_fork():
        applied: dict[str, tuple] = {}

        def draw_free():
            applied.update(date_articles(corpus, guess))
            drawn_with = {slug: guess[slug] for slug in applied}
            return free_files(corpus, with_bases=False), drawn_with

        def find_events():
            undate_articles(corpus, applied)  # nothing to undo in the child; in the parent (no child) the guess
            applied.clear()
            res = cluster_events(corpus, content)
            return res, article_bases(corpus), event_bases(res.events)

        (free, drawn_with), (res, bases, ev_bases) = fork_map(lambda task: task(), [draw_free, find_events])
        if drawn_with != {s: (v, list(e)) for s, (v, e) in res.inferred.items()}:
            undate_articles(corpus, applied)  # guessed wrong: draw them again from the right dates
            date_articles(corpus, res.inferred)
            free = None
    else:
        res = cluster_events(corpus, content)
    corpus.events, corpus.event_redirects = res.events, res.redirects
    report.problems.extend(res.problems)
    if free is None:
        free = free_files(corpus, with_bases=bases is None)
    if bases is not None:
        free.bases = bases
    free.event_bases = ev_bases
    return free, res.inferred


def _fingerprint(root: Path, content: Path, read: dict[Path, bytes] | None = None) -> str:
    """Everything the generated tree depends on: article bytes, editorial files, the generator.
    The article files' bytes are kept in ``read``, when given, so that :func:`load` need not
    read them again."""
    h = hashlib.sha256(f"{__version__}:{code_version()}".encode())
    for p in sorted(Path(__file__).resolve().parent.parent.rglob("*.py")):  # the whole generator package
        h.update(p.read_bytes())
    files, skipped = scan(content)
    for p, reason in skipped:
        h.update(p.relative_to(content).as_posix().encode("utf-8", "surrogateescape") + reason.encode() + b"\0")
    for p in files:
        h.update(p.relative_to(content).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        try:
            data = p.read_bytes()
            h.update(hashlib.sha256(data).digest())
            if read is not None and len(data) <= MAX_ARTICLE_BYTES:
                read[p] = data
        except OSError:
            h.update(b"unreadable")
    for name in ("actors.yml", "events.yml"):
        p = content / name
        if p.is_file():
            h.update(name.encode() + p.read_bytes())
    # the feed's links and title: BRIEFING_SITE_URL or mkdocs.yml's site_url, site_name, site_description
    from ..feed import site_config, site_url

    h.update(json.dumps([site_url(root), site_config(root)], sort_keys=True).encode())
    return h.hexdigest()


def _read_manifest(out: Path) -> dict:
    """The last build's manifest, or {} when there is none to trust: absent (a build removes it
    before writing its first page and writes it again, whole, after its last: see
    :func:`_generate`), unreadable, or not in this version's form (a sha1 and a size for every
    file).  Its "sizes" come back as a map, path -> size."""
    try:
        m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not (isinstance(m, dict) and isinstance(m.get("files"), dict) and isinstance(m.get("sizes"), list)
            and len(m["files"]) == len(m["sizes"]) and isinstance(m.get("inputs", {}), dict)):
        return {}
    m["sizes"] = dict(zip(m["files"], m["sizes"]))
    return m


def _write_manifest(out: Path, manifest: dict) -> None:
    """Write the manifest whole or not at all (a temporary file renamed over it).  The sizes are
    a list in the order of "files" (sorted): a second map with 45,000 keys would add a third to
    the time the no-change check spends reading it."""
    _write_json(out / MANIFEST, dict(manifest, sizes=[manifest["sizes"][rel] for rel in sorted(manifest["files"])]))


def _write_json(path: Path, data: dict) -> None:
    """Write a JSON file whole or not at all (a temporary file renamed over it)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    tmp.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def _read_urls(out: Path) -> dict[str, str]:
    """Each article file's URL slug as the last build gave it (:data:`URLS`), so that it keeps it."""
    try:
        urls = json.loads((out / URLS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in urls.items() if isinstance(v, str)} if isinstance(urls, dict) else {}


def _remove_manifest(out: Path) -> None:
    try:
        os.unlink(out / MANIFEST)
    except FileNotFoundError:
        pass


def generate(root: Path, out: Path | None = None, quiet: bool = False, cache_dir: Path | None = None,
             use_cache: bool = True, workers: int | None = None, force: bool = False,
             keep: list | None = None) -> Report:
    """Generate the docs tree for the project at ``root``.

    ``keep``: a list the build's data (the linked corpus, the drawn files) is appended to
    instead of being freed on return.  The ``briefing`` command passes one and then leaves
    without tearing anything down: freeing a large briefing's millions of objects one by one
    takes longer than writing the pages that changed.

    The cyclic garbage collector is paused meanwhile: a build creates millions of long-lived
    objects (mentions, sentences, term vectors) and almost no reference cycles, and the
    collector's repeated passes over the growing heap took a quarter of a rebuild's time
    (2.6 of 11 s on the 3,152-article corpus).  Reference counting still frees everything else."""
    root = Path(root)
    out = Path(out) if out else root / "docs"
    with build_lock(root):  # one build at a time in a checkout (generator.lock); waits, saying so
        paused = gc.isenabled()
        gc.disable()
        # what is on disk now, walked (tens of thousands of files) in a child while the articles are read
        walk = Background(partial(existing_files, out))
        try:
            return _generate(root, out, walk, quiet, cache_dir, use_cache, workers, force, keep)
        finally:
            walk.close()
            if paused:
                gc.enable()


def _generate(root: Path, out: Path, walk: Background, quiet: bool, cache_dir: Path | None, use_cache: bool,
              workers: int | None, force: bool, keep: list | None = None) -> Report:
    content = root / "content"
    report = Report()
    t0 = time.perf_counter()
    read: dict[Path, bytes] = {}
    fingerprint = _fingerprint(root, content, read)
    manifest = _read_manifest(out)
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
    ahead = Background(partial(_extract_ahead, content, root, read, cache.folder)) \
        if cache.folder is not None and can_fork() else None
    try:
        records = load(content, report, root, cache, workers, progress=not quiet, read=read, ahead=ahead,
                       owners=_read_urls(out))
    finally:
        if ahead is not None:
            ahead.close()
    read.clear()
    t1 = time.perf_counter()
    registry = load_registry(content / "actors.yml")
    corpus = link(records, registry)
    report.problems.extend(registry.messages())
    t2 = time.perf_counter()
    guess = {}
    last = manifest.get("inferred")
    for slug, v in (last if isinstance(last, dict) else {}).items():  # a foreign or broken entry is no guess
        if isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) and isinstance(v[1], list):
            guess[slug] = (v[0], v[1])
    free, inferred = events_and_free_files(corpus, content, report, guess)
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
    _remove_manifest(out)
    report.pages, hashes, sizes = write_tree(out, files, previous, keep=(".gitignore", MANIFEST, URLS),
                                             existing=on_disk, digests=free.digests, force=force)
    _write_json(out / URLS, {r.article.path: r.slug for r in records})
    _write_manifest(out, {
        "fingerprint": fingerprint, "files": hashes, "sizes": sizes, "inputs": inputs, "inferred": inferred,
        "report": {"files": report.files, "published": report.published, "problems": report.problems}})
    t5 = time.perf_counter()
    report.seconds = {"read+extract": t1 - t0, "link": t2 - t1, "events": t3 - t2, "render": t4 - t3, "write": t5 - t4}
    if keep is not None:
        keep.append((records, corpus, free, files, more, inputs, on_disk, hashes, previous, manifest, reuse))
    if not quiet:
        for line in report.problems:
            print(line, file=sys.stderr)
        print(report.summary(), file=sys.stderr)
    return report
