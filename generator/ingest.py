"""Ingest: an article file -> Article (metadata, text view, blocks).

The *text view* is what extractors read: a string exactly as long as the file
in which everything that is not article text (front matter, the inline date
prefix, Markdown syntax, link targets, code) is replaced by spaces, line
breaks kept.  An offset into the view is therefore an offset into the file.

Recognised without any rule keyed to particular files:

- YAML front matter (``title``, ``date``, ``source``, ``url``, ``author``;
  other keys are kept in ``Article.meta``);
- an inline publication-date prefix ``date YYYY-MM-DD`` opening the body;
- a headline line, an optional standfirst line and a source or byline line;
- a dateline opening the first paragraph (``ANKARA, Turkey —``);
- otherwise a title made from the lead sentence.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from . import yamlsafe
from .model import Article, Block
from .slug import slugify

_FRONT = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_INLINE_DATE = re.compile(r"\A(\s*)date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
_TERMINAL = re.compile(r"""[.!?]["'\u201d\u2019)\]]*$""")
_BYLINE = re.compile(r"^(?:by|par|von)\s+(?P<who>\S.{0,80})$", re.I)
_SOURCE_LINE = re.compile(r"^(?:source|from|via)\s*:\s*(?P<src>\S.{0,80})$", re.I)
_DASH = r"(?:\u2014|\u2013|--|-)"
# "ANKARA, Turkey —", "LONDON (Reuters) -", "WASHINGTON —", "Gaza City, Gaza —", "New York (AFP) –",
# "CAMBRIDGE, Mass., Dec. 11 (UPI) —", "PARIS, Aug 31 (Reuters) -", "LONDON, 12 November 2023 (Reuters) -"
_DL_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
             r"|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DL_DATE = rf"(?:,\s*(?:{_DL_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_DL_MONTH})(?:,?\s+\d{{4}})?(?![\w]))"
_DL_AGENCY = r"\((?P<agency>[A-Z][A-Za-z&.' -]{0,38})\)"
DATELINE = re.compile(
    r"^(?P<place>(?:[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3})"
    r"(?:,\s*(?!" + _DL_MONTH + r"\s+\d)[A-Z][A-Za-z.'\u2019-]*(?: [A-Z][A-Za-z.'\u2019-]*){0,3})?"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2},\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}(?=\s*(?:\([^)]*\)\s*)?[\u2014\u2013])"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}(?=\s*" + _DL_AGENCY.replace("?P<agency>", "?:") + r"\s*" + _DASH + r"\s))"
    r"(?P<date>" + _DL_DATE + r")?"
    r"\s*(?:" + _DL_AGENCY + r"\s*)?" + _DASH + r"\s+(?=\S)"
)


@lru_cache(maxsize=1)
def _md():
    """The Markdown parser, made when first needed (a rebuild from the cache seldom needs it)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


_LIST_MARK = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")

MAX_HEADLINE_WORDS = 30
MAX_SOURCE_WORDS = 6


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks (same length)."""
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


def decode(data: bytes) -> tuple[str, list[str]]:
    """File bytes -> text; problems for anything that is not clean UTF-8."""
    problems: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ["line 1: warning: file is UTF-16, not UTF-8; read as UTF-16"]
    try:
        return data.decode("utf-8"), problems
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        problems.append(f"line {line}: warning: not valid UTF-8; read as Latin-1")
        return data.decode("latin-1"), problems


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _align(raw: str, content: str, pos: int, limit: int, chars: list[str]) -> int:
    """Show ``content`` in the view where it stands in raw[pos:limit]; returns the new position."""
    found = raw.find(content, pos, limit)
    if found >= 0 and content:
        chars[found:found + len(content)] = list(content)
        return found + len(content)
    for ch in content:  # escapes and entities: align character by character
        if ch.isspace():
            continue
        j = raw.find(ch, pos, min(limit, pos + 12))
        if j >= 0:
            chars[j] = raw[j]
            pos = j + 1
    return pos


def _markdown_view(raw: str, body: int) -> tuple[str, list[Block]]:
    """Text view and top-level blocks of a Markdown body starting at offset ``body``."""
    chars = [c if c in "\r\n" else " " for c in raw]
    text = raw[body:]
    starts = _line_starts(text)

    def off(line: int) -> int:
        return body + (starts[line] if line < len(starts) else len(text))

    blocks: list[Block] = []
    md = _md()
    tokens = md.parse(text)
    opened: tuple[Block, int] | None = None  # the top-level block being read, and its first token
    for i, tok in enumerate(tokens):
        if tok.level == 0 and tok.map and tok.nesting >= 0:
            s, e = _strip_span(raw, off(tok.map[0]), off(tok.map[1]))
            if s < e:
                kind = {"heading_open": "heading", "paragraph_open": "paragraph", "bullet_list_open": "list",
                        "ordered_list_open": "list", "blockquote_open": "quote", "fence": "code",
                        "code_block": "code", "hr": "rule", "html_block": "paragraph", "table_open": "table"}
                blocks.append(Block(s, e, kind.get(tok.type, "paragraph")))
                opened = (blocks[-1], i)
        if opened and tok.level == 0 and tok.nesting <= 0:
            # the block's HTML, rendered once here (and cached with the extraction), not on every build
            opened[0].html = md.renderer.render(tokens[opened[1]:i + 1], md.options, {}).strip()
            opened = None
        if tok.type in ("list_item_open", "hr") and tok.map:
            # list markers and rules are structure a reader sees ("1. Michelle Freeman (Jamaica) 12.71"):
            # extractors keep them, only hidden markup is blanked
            ls = off(tok.map[0])
            m = _LIST_MARK.match(raw, ls) if tok.type == "list_item_open" else re.compile(r"[^\n]*").match(raw, ls)
            if m:
                chars[m.start():m.end()] = list(raw[m.start():m.end()])
        if tok.type != "inline" or not tok.map:
            continue
        pos, limit = off(tok.map[0]), off(tok.map[1])
        stack = list(reversed(tok.children or []))
        while stack:
            child = stack.pop()
            if child.type in ("text", "code_inline"):
                pos = _align(raw, child.content, pos, limit, chars)
            elif child.type == "image" and child.children:
                stack.extend(reversed(child.children))
    return "".join(chars), blocks


def _text_blocks(raw: str, body: int) -> list[Block]:
    """Blocks of a plain-text body: each non-blank line is a paragraph, except
    lines that are visibly hard-wrapped, which are joined to the line before."""
    spans = []
    for m in re.finditer(r"[^\n]+", raw[body:]):
        s, e = _strip_span(raw, body + m.start(), body + m.end())
        if s < e:
            blank_before = not spans or "\n" in raw[spans[-1][1]:s] and raw[spans[-1][1]:s].count("\n") > 1
            spans.append((s, e, blank_before))
    lens = [e - s for s, e, _ in spans]
    wrapped = len(lens) >= 4 and sum(50 <= n <= 80 for n in lens) >= 0.6 * len(lens)
    blocks: list[Block] = []
    for s, e, blank_before in spans:
        if blocks and not blank_before:
            # the last line of the block so far (not the whole block: joining a long run of wrapped
            # lines would cost its square); _TERMINAL looks at the end of a line only
            prev = raw[max(blocks[-1].start, raw.rfind("\n", blocks[-1].start, blocks[-1].end) + 1):blocks[-1].end]
            nxt = raw[s:e]
            if not _TERMINAL.search(prev) and (nxt[:1].islower() or (wrapped and 50 <= len(prev.splitlines()[-1]) <= 80)):
                blocks[-1].end = e
                continue
        blocks.append(Block(s, e, "paragraph"))
    return blocks


def _is_headline(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_HEADLINE_WORDS or len(line) > 220:
        return False
    letters = [c for c in line if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    return not _TERMINAL.search(line)


def _is_source_line(line: str) -> bool:
    if _BYLINE.match(line) or _SOURCE_LINE.match(line):
        return True
    words = line.split()
    if not 1 <= len(words) <= MAX_SOURCE_WORDS or _TERMINAL.search(line) or len(line) > 60:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in ("of", "the", "and", "&", "for", "de") for w in words)


def _lead_title(sentence: str, max_len: int = 90) -> str:
    """A short readable title from a lead sentence, cut at a clause or word boundary."""
    s = re.sub(r"\s+", " ", sentence).strip()
    s = re.sub(r"""[.!?]+["'\u201d\u2019]*$""", "", s) if _TERMINAL.search(s) else s
    if len(s) <= max_len:
        return s
    best = -1
    for m in re.finditer(r",\s|;\s|\s[\u2014\u2013]\s|\s-\s|:\s", s):
        if 35 <= m.start() <= max_len:
            best = m.start()
    if best > 0:
        return s[:best].rstrip()
    cut = s[: max_len - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(",;:-\u2014\u2013 ") + "\u2026"


def _place(dateline: str) -> str:
    parts = []
    for w in re.split(r"(\s+)", dateline.strip().rstrip(",")):
        letters = [c for c in w if c.isalpha()]
        parts.append(w.capitalize() if len(letters) > 1 and all(c.isupper() for c in letters) else w)
    return "".join(parts)


def _valid_date(value) -> tuple[str | None, str | None]:
    """Front-matter date -> ISO string, or a problem."""
    if isinstance(value, date):
        return value.isoformat()[:10], None
    s = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", s)
    if not m:
        return None, f"date {s!r} is not YYYY-MM-DD"
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat(), None
    except ValueError:
        return None, f"date {s!r} does not exist"


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
        view = _blank(view, 0, m.end())
        body = m.end()
        _read_front_matter(article, m.group(2))
    d = _INLINE_DATE.match(raw[body:])
    if d:
        view = _blank(view, body, body + d.end())
        if not article.published:
            value, problem = _valid_date(d.group(2))
            line = raw[: body + d.start(2)].count("\n") + 1
            if problem:
                article.problems.append(f"line {line}: error: inline {problem}; the article is treated as undated")
            else:
                article.published, article.published_from = value, "inline prefix"
        body += d.end()
    if fmt == "md":
        md_view, blocks = _markdown_view(raw, body)
        view = view[:body] + md_view[body:]
    else:
        blocks = _text_blocks(raw, body)
    article.view = view
    _structure(article, blocks)
    article.text_digest = text_digest(article.view)
    return article


def text_digest(view: str) -> str:
    """sha1 of a text view with its whitespace collapsed: the same text, however it is wrapped."""
    return hashlib.sha1(" ".join(view.split()).encode("utf-8", "surrogatepass")).hexdigest()


def _read_front_matter(article: Article, text: str) -> None:
    try:
        meta = yamlsafe.load(text, first_line=2)
    except yamlsafe.YamlProblem as e:
        article.problems.append(f"line {e.line}: error: front matter {e}; the front matter is ignored")
        return
    if meta is None:
        return
    if not isinstance(meta, dict):
        article.problems.append("line 1: error: front matter is not a mapping of keys to values; ignored")
        return
    lines = yamlsafe.key_lines(text, first_line=2)
    for k, v in meta.items():
        k = str(k)
        if v is None:
            continue
        if k == "date":
            value, problem = _valid_date(v)
            if problem:
                article.problems.append(f"line {lines.get(k, 1)}: error: {problem}; the article is treated as undated")
            else:
                article.published, article.published_from = value, "front matter"
        elif k in ("title", "source", "url", "author"):
            if isinstance(v, (dict, list)):
                article.problems.append(f"line {lines.get(k, 1)}: error: {k} should be text; ignored")
                continue
            setattr(article, k, str(v).strip() or None)
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


def _structure(article: Article, blocks: list[Block]) -> None:
    """Label headline, standfirst, byline and dateline; choose the title; number the anchors."""
    raw = article.raw
    text_blocks = [b for b in blocks if b.kind in ("paragraph", "heading")]
    i = 0

    def line_of(b: Block) -> str:
        return re.sub(r"\s+", " ", article.view[b.start:b.end]).strip()

    if text_blocks and len(text_blocks) > 1:
        first = text_blocks[0]
        single_line = "\n" not in raw[first.start:first.end]
        is_md_h1 = article.fmt == "md" and first.kind == "heading" and raw[first.start:first.end].startswith("# ")
        if is_md_h1 or (single_line and first.kind == "paragraph" and _is_headline(line_of(first))):
            first.kind = "headline"
            i = 1
            if not article.title:
                article.title = line_of(first)
            # an optional source/byline line and an optional standfirst, in either order
            for _ in range(2):
                if i >= len(text_blocks) - 1 or "\n" in raw[text_blocks[i].start:text_blocks[i].end]:
                    break
                b, line = text_blocks[i], line_of(text_blocks[i])
                if b.kind != "paragraph":
                    break
                if _is_source_line(line) and not any(x.kind == "byline" for x in text_blocks[:i]):
                    b.kind = "byline"
                    by = _BYLINE.match(line)
                    src = _SOURCE_LINE.match(line)
                    if by and not article.author:
                        article.author = by.group("who").strip()
                    elif not by and not article.source:
                        article.source = src.group("src").strip() if src else line
                    i += 1
                elif not _TERMINAL.search(line) and not any(x.kind == "standfirst" for x in text_blocks[:i]) \
                        and not DATELINE.match(line):
                    b.kind = "standfirst"
                    i += 1
                else:
                    break
    body = [b for b in text_blocks[i:] if b.kind == "paragraph"]
    if body:
        lead = body[0]
        dl = DATELINE.match(article.view[lead.start:lead.end])
        if dl:
            article.dateline = [lead.start, lead.start + dl.end("place"), lead.start + dl.end()]
            if not article.place:
                article.place = _place(dl.group("place"))
            if dl.group("agency") and not article.agency:
                article.agency = " ".join(dl.group("agency").split())
    if not article.title:
        article.title_inferred = True
        if body:
            from .extract.text import sentences  # text helpers are shared with extractors

            lead = body[0]
            dl = DATELINE.match(article.view[lead.start:lead.end])
            start = lead.start + (dl.end() if dl else 0)
            sents = sentences(article.view, start, lead.end)
            first = article.view[sents[0][0]:sents[0][1]] if sents else article.view[start:lead.end]
            article.title = _lead_title(first)
        if not article.title:
            article.title = Path(article.path).stem
    for n, b in enumerate(blocks, 1):
        b.anchor = f"p{n}"
    article.blocks = blocks
    from .extract.text import sentences

    article.sentences = [s for b in blocks if b.kind not in ("code", "rule")
                         for s in sentences(article.view, b.start, b.end)]


def read_article(path: str | Path) -> Article:
    path = str(path)
    raw, problems = decode(Path(path).read_bytes())
    return parse(path, raw, problems)
