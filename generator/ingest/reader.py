"""Ingest: an article file -> Article (metadata, text view, blocks).

The *text view* is what extractors read: a string exactly as long as the file
in which everything that is not article text (front matter, the inline date
prefix, Markdown syntax, link targets, code) is replaced by spaces, line
breaks kept.  An offset into the view is therefore an offset into the file.
Every other character of the view is the file's own, never blanked, except
that a Markdown entity shows the character it stands for (see _entity_marks)
and a NUL shows as U+FFFD, as Markdown reads them.  Records keep the file's
text (``extract.as_written``).

Recognised without any rule keyed to particular files:

- YAML front matter (``title``, ``date``, ``source``, ``url``, ``author``;
  other keys are kept in ``Article.meta``);
- an inline publication-date prefix ``date YYYY-MM-DD`` opening the body;
- a headline line, an optional standfirst line and a source or byline line;
- a dateline opening the first paragraph (``ANKARA, Turkey —``);
- otherwise a title made from the lead sentence.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Article
from ..slug import slugify
from .encoding import blank_out, decode, text_digest
from .frontmatter import read_front_matter, valid_date
from .markdown_view import markdown_view
from .structure import plain_blocks, read_structure

_FRONT = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_INLINE_DATE = re.compile(r"\A(\s*)date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)


def parse(path: str, raw: str, problems: list[str] | None = None) -> Article:
    """Build an Article from its path and decoded text."""
    fmt = "md" if path.lower().endswith((".md", ".markdown")) else "txt"
    article = Article(path=path, raw=raw, view=raw, fmt=fmt, problems=list(problems or []))
    article.slug = slugify(Path(path).stem, "article")
    view = raw
    body = 0
    if raw.startswith("\ufeff"):  # a byte-order mark is not text
        view = " " + view[1:]
        body = 1
    m = _FRONT.match(raw)
    if m:
        view = blank_out(view, 0, m.end())
        body = m.end()
        read_front_matter(article, m.group(2))
    d = _INLINE_DATE.match(raw[body:])
    if d:
        view = blank_out(view, body, body + d.end())
        if not article.published:
            value, problem = valid_date(d.group(2))
            line = raw[: body + d.start(2)].count("\n") + 1
            if problem:
                article.problems.append(f"line {line}: error: inline {problem}; the article is treated as undated")
            else:
                article.published, article.published_from = value, "inline prefix"
        body += d.end()
    if fmt == "md":
        md_view, blocks = markdown_view(raw, body)
        view = view[:body] + md_view[body:]
    else:
        blocks = plain_blocks(raw, body)
    article.view = view
    read_structure(article, blocks)
    article.text_digest = text_digest(article.view)
    return article


def read_article(path: str | Path) -> Article:
    path = str(path)
    raw, problems = decode(Path(path).read_bytes())
    return parse(path, raw, problems)
