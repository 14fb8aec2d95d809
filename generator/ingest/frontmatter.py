"""Front matter and dates given by a person: YAML front matter -> Article fields, and the check
of a publication date (front matter, the inline prefix, events.yml)."""
from __future__ import annotations

import re
from datetime import date, time

from ..model import FIRST_YEAR, LAST_YEAR, Article, in_date_range
from . import yamlsafe
from .encoding import trim

_DAY_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                       r"[ \t]*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


def valid_date(value) -> tuple[str | None, str | None]:
    """A publication date given by a person (front matter, the inline prefix, events.yml) ->
    (ISO day, None), or (None, what is wrong).  A time of day may follow; it must be a real one."""
    if isinstance(value, date):
        value = value.isoformat()
    s = str(value).strip()
    m = _DAY_TIME.fullmatch(s)
    if not m:
        return None, f"date {s!r} is not YYYY-MM-DD"
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
        if m[4] is not None:
            time(int(m[4]), int(m[5]), int(m[6] or 0))
    except ValueError:
        return None, f"date {s!r} does not exist"
    if not in_date_range(day.isoformat()):
        return None, f"date {s!r} is outside the years {FIRST_YEAR} to {LAST_YEAR}"
    return day.isoformat(), None


def read_front_matter(article: Article, text: str) -> None:
    try:
        doc = yamlsafe.load_doc(text, first_line=2)
    except yamlsafe.YamlProblem as e:
        article.problems.append(f"line {e.line}: error: front matter {e}; the front matter is ignored")
        return
    meta = doc.data
    for line, severity, message in doc.problems:
        article.problems.append(f"line {line}: {severity}: front matter: {message}")
    if meta is None:
        return
    if not isinstance(meta, dict):
        article.problems.append("line 1: error: front matter is not a mapping of keys to values; ignored")
        return
    lines = doc.lines
    for k, v in meta.items():
        k = str(k)
        if v is None:
            continue
        if k == "date":
            value, problem = valid_date(v)
            if problem:
                article.problems.append(f"line {lines.get(k, 1)}: error: {problem}; the article is treated as undated")
            else:
                article.published, article.published_from = value, "front matter"
        elif k in ("title", "source", "url", "author"):
            if isinstance(v, (dict, list)):
                article.problems.append(f"line {lines.get(k, 1)}: error: {k} should be text; ignored")
                continue
            # as written: "source: yes" is the word yes, not YAML's true ("True")
            written = v if isinstance(v, str) else doc.scalars.get(k, str(v))
            setattr(article, k, trim(written) or None)
        else:
            article.meta[k] = v
            near = _near_key(k)
            if near:
                article.problems.append(f"line {lines.get(k, 1)}: warning: unknown key {k!r} kept as extra metadata;"
                                        f" did you mean {near!r}?")


def _near_key(k: str) -> str | None:
    """A known front-matter key that ``k`` is probably a typo of ("Date", "tittle", "sorce")."""
    import difflib

    known = ("title", "date", "source", "url", "author")
    if k.lower() in known:
        return k.lower()
    m = difflib.get_close_matches(k.lower(), known, n=1, cutoff=0.75)
    return m[0] if m else None
