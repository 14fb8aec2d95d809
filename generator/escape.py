"""Escaping of article-derived text for the generated pages.

Nothing that comes from an article, its front matter or an editorial file is
ever written to a page unescaped: HTML text and attributes go through
:func:`html_text`/:func:`attr`, Markdown inline text through :func:`md_text`,
and URLs through :func:`safe_url`, which allows only http(s) and mailto.
MkDocs does not autoescape its templates, so strings that Material renders
raw (the page title) are stored HTML-escaped in the front matter.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-.!|~])")  # braces: written as entities, see below


def html_text(s: str) -> str:
    return html.escape(s or "", quote=False).replace("{", "&#123;").replace("}", "&#125;")


def attr(s: str) -> str:
    return html.escape(s or "", quote=True).replace("{", "&#123;").replace("}", "&#125;")


@lru_cache(maxsize=65536)
def md_text(s: str) -> str:
    """Inline Markdown that shows ``s`` literally (one line).  Cached: the same names and
    titles are written on many pages of a large briefing."""
    s = " ".join((s or "").split())
    return html.escape(_MD_SPECIAL.sub(r"\\\1", s), quote=False).replace("{", "&#123;").replace("}", "&#125;")


# Quotations shown in lists (an article's Quotes, the Quotes page, actor and event pages) are cut
# past this many characters: Python-Markdown's inline patterns rescan a text from its start after
# each match (every escape), so one text costs the square of its length, and a quotation can run
# over a whole article (paragraphs that each open with a quotation mark).  The longest on the
# 3,152-article corpus has 6,826 characters; the whole text stays in the article and its front matter.
QUOTE_SHOWN = 8_000


def md_quote(s: str) -> str:
    """:func:`md_text` of a quotation, cut at a word past QUOTE_SHOWN characters (with "…")."""
    if len(s or "") > QUOTE_SHOWN:
        s = s[:QUOTE_SHOWN].rsplit(None, 1)[0] + " …"
    return md_text(s)


_SPACE = re.compile(r"\s+")


def md_inline(s: str) -> str:
    """Like :func:`md_text`, for a piece of a longer inline text: whitespace runs become one
    space but are kept at the ends (the piece is followed or preceded by a link)."""
    s = _SPACE.sub(" ", s or "")
    return html.escape(_MD_SPECIAL.sub(r"\\\1", s), quote=False).replace("{", "&#123;").replace("}", "&#125;")


def safe_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    return url if re.match(r"(?i)^(https?://|mailto:)[^\s<>\"']+$", url) else None
