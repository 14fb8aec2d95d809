"""Per-article extraction cache.

An entry holds what ingest and extract made of one article file (everything
but the file's own text, which is re-read), keyed by a hash of the file's
bytes, its path and the generator version (a hash of the code and data
that ingest and extraction depend on).  Entries are JSON, never pickle: a cache
restored in CI must not be able to run code.  A corrupt or foreign entry is a
miss, never an error.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import fields
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..model import ActorMention, Article, Block, DateMention, Extraction, Figure, Quote

PACKAGE = Path(__file__).resolve().parent.parent  # generator/
# what an article's extraction depends on: ingest, the model and every extractor with its data
_DEPENDS = ("build/cache.py", "ingest", "model", "slug.py", "events/terms.py", "extract", "data")


@lru_cache(maxsize=1)
def code_version() -> str:
    h = hashlib.sha256(__version__.encode())
    for name in _DEPENDS:
        p = PACKAGE / name
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file() and f.suffix not in (".pyc",) and "__pycache__" not in f.parts:
                h.update(f.relative_to(PACKAGE).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def key(data: bytes, path: str) -> str:
    """The file's path is part of the key: an entry holds what depends on it (the slug, a title
    made from the file name), so two files with the same bytes never share an entry."""
    h = hashlib.sha256()
    h.update(code_version().encode())
    h.update(path.encode("utf-8", "surrogatepass") + b"\0")
    h.update(data)
    return h.hexdigest()


def _rows(items) -> list[list]:
    """Dataclass records as rows of their fields' values (in field order): a third of the
    size of a list of dicts, and much faster to read back."""
    return [[getattr(x, f.name) for f in fields(x)] for x in items]


def dump(article: Article, ex: Extraction) -> dict:
    # not the path: the key holds it, and a file name need not be text (undecodable bytes)
    a = {f.name: getattr(article, f.name) for f in fields(article) if f.name not in ("raw", "blocks", "path")}
    a["blocks"] = _rows(article.blocks)
    return {"article": a, "extraction": {"actors": _rows(ex.actors), "dates": _rows(ex.dates),
                                         "quotes": _rows(ex.quotes), "figures": _rows(ex.figures), "words": ex.words}}


def _accepts(annotation: str) -> tuple[type, ...]:
    """The JSON types a record field of this annotation may hold ("int | None" -> (int, NoneType))."""
    kinds = {"int": (int,), "float": (int, float), "str": (str,), "bool": (bool,), "None": (type(None),)}
    return tuple(t for part in annotation.split("|") for t in kinds[part.strip()])


_ROWS = {cls: [(f.name, _accepts(str(f.type))) for f in fields(cls)]
         for cls in (ActorMention, DateMention, Quote, Figure, Block)}
_ARTICLE = {"slug": (str,), "fmt": (str,), "title": (str,), "title_inferred": (bool,), "view": (str,),
            "text_digest": (str,), "published_evidence": (list,), "problems": (list,), "meta": (dict,),
            "blocks": (list,), "sentences": (list,), "dateline": (list, type(None))}
_ARTICLE.update({k: (str, type(None)) for k in ("published", "published_from", "source", "author", "url", "place",
                                                 "agency")})
_OFFSETS = ("start", "end", "speaker_start", "speaker_end")


class Corrupt(ValueError):
    """A cache entry that does not describe its file: treated as a miss."""


def _check_rows(rows, cls, n: int) -> None:
    spec = _ROWS[cls]
    if not isinstance(rows, list):
        raise Corrupt(cls.__name__)
    for row in rows:
        if not isinstance(row, list) or len(row) != len(spec):
            raise Corrupt(cls.__name__)
        for value, (name, types) in zip(row, spec):
            # bool is an int to Python: a true where a number belongs is still corrupt
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                raise Corrupt(f"{cls.__name__}.{name}")
        at = {name: value for value, (name, _) in zip(row, spec) if name in _OFFSETS}
        for a, b in (("start", "end"), ("speaker_start", "speaker_end")):
            if a in at and at[a] is not None and not 0 <= at[a] <= (at[b] if at[b] is not None else n) <= n:
                raise Corrupt(f"{cls.__name__} offsets")


def check(d, n: int) -> None:
    """Raise Corrupt unless ``d`` is an entry of the form :func:`dump` writes, for a file of ``n``
    characters: every field of the type it is declared with, every offset inside the file.  A
    cache restored in CI or left by a crash is data from outside, checked like an article."""
    if not isinstance(d, dict) or not isinstance(d.get("article"), dict) or not isinstance(d.get("extraction"), dict):
        raise Corrupt("shape")
    a, e = d["article"], d["extraction"]
    for k, types in _ARTICLE.items():
        if not isinstance(a.get(k, ...), types):
            raise Corrupt(f"article.{k}")
    if len(a["view"]) != n:
        raise Corrupt("entry does not fit the file")
    if not all(isinstance(x, str) for x in a["published_evidence"] + a["problems"]):
        raise Corrupt("article text lists")
    _check_rows(a["blocks"], Block, n)
    for pair in a["sentences"]:
        if not (isinstance(pair, list) and len(pair) == 2 and all(type(x) is int for x in pair)
                and 0 <= pair[0] <= pair[1] <= n):
            raise Corrupt("article.sentences")
    if a["dateline"] is not None and not (len(a["dateline"]) == 3 and all(type(x) is int and 0 <= x <= n
                                                                         for x in a["dateline"])):
        raise Corrupt("article.dateline")
    for key, cls in (("actors", ActorMention), ("dates", DateMention), ("quotes", Quote), ("figures", Figure)):
        _check_rows(e.get(key), cls, n)
    words = e.get("words")
    if not isinstance(words, dict) or not all(type(v) is int for v in words.values()):
        raise Corrupt("extraction.words")


def load_entry(d: dict, raw: str, path: str) -> tuple[Article, Extraction]:
    check(d, len(raw))
    a = dict(d["article"])
    a["blocks"] = [Block(*b) for b in a["blocks"]]
    a["sentences"] = [tuple(x) for x in a["sentences"]]
    a["path"] = path
    article = Article(raw=raw, **a)
    e = d["extraction"]
    ex = Extraction(actors=[ActorMention(*m) for m in e["actors"]], dates=[DateMention(*m) for m in e["dates"]],
                    quotes=[Quote(*m) for m in e["quotes"]], figures=[Figure(*m) for m in e["figures"]],
                    words=e["words"])
    return article, ex


class Cache:
    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None
        self._prefix = f"{self.folder}{os.sep}" if self.folder else ""
        self.hits = self.misses = 0

    def _path(self, k: str) -> str:
        # a string, not a Path: looked up for every article of every build
        return f"{self._prefix}{k[:2]}{os.sep}{k}.json"

    def has(self, k: str) -> bool:
        return self.folder is not None and os.path.isfile(self._path(k))

    def get(self, k: str, raw: str, path: str):
        if self.folder is None:
            return None
        p = self._path(k)
        try:
            with open(p, encoding="utf-8") as f:
                d = json.load(f)
            got = load_entry(d, raw, path)
        except Exception:  # noqa: BLE001 - corrupt in any way (200,000 nested brackets, a folder, wrong types): a miss
            self.misses += 1
            return None
        self.hits += 1
        return got

    def put(self, k: str, article: Article, ex: Extraction) -> None:
        if self.folder is None:
            return
        p = Path(self._path(k))
        tmp = p.with_name(f"{p.name}.{os.getpid()}.tmp")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(dump(article, ex), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, p)
        except OSError:  # a cache that cannot be written (a folder where the entry goes, a full disk) is no cache
            with contextlib.suppress(OSError):
                tmp.unlink()

    def prune(self, keep: set[str]) -> int:
        """Remove the entries not in ``keep`` (older versions of articles, older generator code):
        the cache the workflow saves holds what the last build used, and does not grow forever."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for sub in os.scandir(self.folder):
            if not sub.is_dir():
                continue
            for entry in os.scandir(sub.path):
                name = entry.name
                if name.endswith(".json") and name[:-5] not in keep:
                    try:
                        os.unlink(entry.path)
                        removed += 1
                    except OSError:
                        pass
        return removed

