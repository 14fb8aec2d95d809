"""Ingest: an article file -> Article (metadata, text view, blocks)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .model import Article

_FRONT = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_INLINE_DATE = re.compile(r"\A(\s*)date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks (same length)."""
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


def read_article(path: str | Path) -> Article:
    path = str(path)
    raw = Path(path).read_bytes().decode("utf-8", errors="replace")
    article = Article(path=path, raw=raw, view=raw, fmt="md" if path.endswith(".md") else "txt")
    view = raw
    m = _FRONT.match(raw)
    if m:
        view = _blank(view, 0, m.end())
        try:
            meta = yaml.safe_load(m.group(2)) or {}
        except yaml.YAMLError as e:
            meta = {}
            article.problems.append(f"line 1: front matter is not valid YAML: {e}")
        if isinstance(meta, dict):
            for k, v in meta.items():
                k = str(k)
                if k == "date" and v is not None:
                    article.published = str(v)
                    article.published_from = "front matter"
                elif k in ("title", "source", "url", "author"):
                    setattr(article, k, str(v) if v is not None else None)
                else:
                    article.meta[k] = v
    body = m.end() if m else 0
    d = _INLINE_DATE.match(raw[body:])
    if d:
        view = _blank(view, body, body + d.end())
        if not article.published:
            article.published = d.group(2)
            article.published_from = "inline prefix"
    article.view = view
    return article
