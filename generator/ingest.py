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

import hashlib
import re
import unicodedata
from datetime import date, time
from functools import lru_cache
from pathlib import Path

from . import yamlsafe
from .escape import attr, html_text, safe_url
from .model import FIRST_YEAR, LAST_YEAR, Article, Block, in_date_range, shown_text
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
def markdown():
    """The Markdown parser for article bodies, made when first needed (a rebuild from the cache
    seldom needs it).  Raw HTML is shown as text; a link is made only to an http(s) or mailto
    URL (anything else stays text: no ``javascript:``, ``tel:``, ``//host`` or relative path);
    an image is never loaded from elsewhere (a remote image can be a tracking pixel): it
    becomes a link to the image, named by its description."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    md.validateLink = lambda url: safe_url(url) is not None

    def image(self, tokens, idx, options, env):
        tok = tokens[idx]
        alt = self.renderInlineAsText(tok.children or [], options, env) or "image"
        return (f'<a class="bf-image" href="{attr(tok.attrGet("src") or "")}" rel="nofollow noopener">'
                f"[image: {html_text(alt)}]</a>")

    md.add_render_rule("image", image)
    return md


_LIST_MARK = re.compile(r"[ \t>]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")

MAX_HEADLINE_WORDS = 30
MAX_SOURCE_WORDS = 6


# Characters that show nothing by themselves, besides whitespace: the soft hyphen, zero-width
# spaces and joiners, direction marks, byte-order marks, variation selectors, fillers.  A
# text made only of these (and of other format characters, lone combining marks, control,
# private-use or unassigned code points: see has_text) holds no article text.
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
              "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8")
_MAYBE_SHOWN = re.compile(f"[^\\s{_INVISIBLE}]")
_EDGES = re.compile(f"^[\\s{_INVISIBLE}]+|[\\s{_INVISIBLE}]+$")
_NOT_SHOWN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Zs", "Zl", "Zp"))


def has_text(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a character that shows (not only whitespace and invisible
    characters such as U+200B): a file without one holds no article text."""
    for m in _MAYBE_SHOWN.finditer(text, start, len(text) if end is None else end):
        if unicodedata.category(m.group()) not in _NOT_SHOWN:
            return True
    return False


def trim(s: str) -> str:
    """``s`` without whitespace or invisible characters at either end (titles, names)."""
    return _EDGES.sub("", s)


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks (same length)."""
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


def decode(data: bytes) -> tuple[str, list[str]]:
    """File bytes -> text; problems for anything that is not clean UTF-8.

    The text is what every offset points into, so it is as long as the file read the usual way:
    UTF-8 with each invalid byte sequence replaced by U+FFFD (``bytes.decode(errors="replace")``),
    one warning naming the first damaged line and the count.  A file with fewer valid multi-byte
    UTF-8 characters than damaged places (none, in a Latin-1 file) is a legacy 8-bit file, read
    as Latin-1: its letters stay letters, and no valid UTF-8 is turned into mojibake.  A UTF-32 or
    UTF-16 byte-order mark selects that encoding (UTF-32 first: its little-endian mark begins
    with UTF-16's).  NUL characters, never text, are replaced by U+FFFD (as Markdown does) with
    a warning, so none reaches a page."""
    problems: list[str] = []
    text = None
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            text = data.decode("utf-32")
            problems.append("line 1: warning: file is UTF-32, not UTF-8; read as UTF-32")
        except UnicodeDecodeError:
            text = None
    if text is None and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        problems.append("line 1: warning: file is UTF-16, not UTF-8; read as UTF-16")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _damaged_utf8(data, problems)
    if "\x00" in text:
        n = text.count("\x00")
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.append(f"line {line}: warning: {n} NUL character{'s' if n > 1 else ''} (a damaged file?);"
                        f" replaced by U+FFFD")
        text = text.replace("\x00", "\ufffd")
    return text, problems


_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that surrogateescape could not decode
_DECODED = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _damaged_utf8(data: bytes, problems: list[str]) -> str:
    """Text of a file that is not valid UTF-8 (see :func:`decode`)."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    first = _ESCAPED.search(escaped)
    line = escaped.count("\n", 0, first.start()) + 1
    runs = _ESCAPED.findall(escaped)
    bad = sum(map(len, runs))
    good = len(_DECODED.findall(escaped))  # characters of valid multi-byte sequences
    if good < len(runs):  # mostly (or only) bytes that are not UTF-8: a legacy 8-bit file
        problems.append(f"line {line}: warning: not valid UTF-8; read as Latin-1")
        return data.decode("latin-1")
    problems.append(f"line {line}: warning: not valid UTF-8 ({bad} invalid byte{'s' if bad > 1 else ''}, the first"
                    f" on this line); shown as U+FFFD")
    return data.decode("utf-8", errors="replace")


def _line_starts(text: str) -> list[int]:
    """Where each line begins, as Markdown counts lines (a lone CR ends one too)."""
    starts = [0]
    for m in re.finditer("\r\n?|\n", text):
        starts.append(m.end())
    return starts


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


@lru_cache(maxsize=1)
def _md_helpers():
    """markdown-it's own entity table and link-syntax parsers, so the view reads the file as it does."""
    from markdown_it.common.entities import entities
    from markdown_it.common.utils import fromCodePoint, isValidEntityCode
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    return entities, fromCodePoint, isValidEntityCode, parseLinkDestination, parseLinkTitle


_DIGITAL = re.compile(r"&#(x[a-f0-9]{1,6}|[0-9]{1,7});", re.I)
_NAMED = re.compile(r"&([a-z][a-z0-9]{1,31});", re.I)
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SPECIAL = re.compile(r"[\\&\x00\s]")  # where the file and the decoded text can differ


def _entity(raw: str, i: int, limit: int) -> tuple[int, str] | None:
    """The entity at raw[i] as markdown-it decodes it: (its end, the text it stands for), or None."""
    entities, from_code, valid, _, _ = _md_helpers()
    m = _DIGITAL.match(raw, i, limit)
    if m:
        g = m.group(1)
        code = int(g[1:], 16) if g[0] in "xX" else int(g)
        return m.end(), from_code(code) if valid(code) else "\ufffd"
    m = _NAMED.match(raw, i, limit)
    if m and m.group(1) in entities:
        return m.end(), entities[m.group(1)]
    return None


def _entity_marks(raw: str, i: int, end: int, d: str, left: str, right: str) -> list[tuple[int, str]]:
    """How the view shows an entity raw[i:end] standing for ``d`` (shorter), between the
    characters ``left`` and ``right``: never by blanking a real character, and so that the text
    it belongs to stays whole.  Space (``&nbsp;``) stays blank; inside a word (``AT&amp;T``,
    ``don&rsquo;t``) the entity is shown as written, so the word is not split; otherwise the
    character stands at the end that touches its neighbour: ``&ldquo;We`` -> ``     \u201cWe``,
    ``said.&rdquo;`` -> ``said.\u201d      ``, ``&#65;CT`` -> ``    ACT``."""
    if not d.strip():
        return []
    if left.isalnum() and right.isalnum():
        return [(i, raw[i:end])]
    opening = unicodedata.category(d[0]) in ("Ps", "Pi")
    if opening or (right.isalnum() and not left.isalnum()) or (left.isspace() and not right.isspace()):
        return [(end - len(d), d)]
    return [(i, d)]


def _walk(raw: str, content: str, i: int, k: int, limit: int, literal: bool):
    """Match content[k:] (text as Markdown decoded it) against the file from raw[i]: escapes,
    entities, NULs and whitespace that Markdown normalised are allowed for.  Returns where the
    match stopped in both and the pieces of the view it found, as (position, text)."""
    n = len(content)
    marks: list[tuple[int, str]] = []
    while k < n and i < limit:
        # a run of characters the file holds as they are: compared at once
        m = _SPECIAL.search(raw, i, limit)
        run = (m.start() if m else limit) - i
        if run > 1 and content.startswith(raw[i:i + run], k):
            marks.append((i, raw[i:i + run]))
            i, k = i + run, k + run
            continue
        c, r = content[k], raw[i]
        if not literal and r == "\\" and i + 1 < limit and raw[i + 1] == c and c in _ESCAPABLE:
            marks.append((i + 1, c))  # an escape: the backslash is markup
            i, k = i + 2, k + 1
        elif not literal and r == "&" and (ent := _entity(raw, i, limit)) and content.startswith(ent[1], k):
            end, d = ent
            left = content[k - 1] if k > 0 else raw[i - 1] if i > 0 else " "
            right = content[k + len(d)] if k + len(d) < n else raw[end] if end < len(raw) else " "
            marks.extend(_entity_marks(raw, i, end, d, left, right))
            i, k = end, k + len(d)
        elif r == c:
            marks.append((i, r))
            i, k = i + 1, k + 1
        elif r == "\x00" and c == "\ufffd":  # Markdown shows a NUL as U+FFFD
            marks.append((i, c))
            i, k = i + 1, k + 1
        elif c.isspace():  # whitespace Markdown normalised (a line break in a code span, CRLF)
            if r.isspace():
                if r not in "\r\n":
                    marks.append((i, r))
                i += 1
            k += 1
        elif r.isspace():
            i += 1
        else:
            break
    return i, k, marks


def _align(raw: str, content: str, pos: int, limit: int, chars: list[str], literal: bool = False) -> int:
    """Show ``content`` (a text or code token, as Markdown decoded it) in the view where it stands
    in raw[pos:limit]; returns the new position.  The view gets the file's own characters (an
    entity its character: see _entity_marks), never a character the file does not hold there."""
    if not content:
        return pos
    found = raw.find(content, pos, limit)
    if found >= 0:
        chars[found:found + len(content)] = content
        return found + len(content)
    # escapes, entities, NULs: walk the token and the file together from where it can begin
    k0 = len(content) - len(content.lstrip())
    if k0 == len(content):
        return pos
    c0 = content[k0]
    begins = re.compile("[" + re.escape(c0) + ("" if literal else r"\\&") + (r"\x00" if c0 == "\ufffd" else "") + "]")
    best = (k0, pos, [])
    j = pos
    for _ in range(64):  # the token seldom begins past its first candidate; a bound keeps this linear
        m = begins.search(raw, j, limit)
        if not m:
            break
        i, k, marks = _walk(raw, content, m.start(), k0, limit, literal)
        if k > best[0]:
            best = (k, i, marks)
            if k == len(content):
                break
        j = m.start() + 1
    for at, piece in best[2]:
        chars[at:at + len(piece)] = piece
    return best[1]


def _after_link(raw: str, pos: int, limit: int, kind: str) -> int:
    """The position after the end of a link or image whose text ends at ``pos``: its target and
    title are markup, and must not take text that follows (``[Reuters](https://x.com/a).``)."""
    if kind == "autolink":
        j = raw.find(">", pos, limit)
        return j + 1 if j >= 0 else pos
    j = raw.find("]", pos, limit)
    if j < 0:
        return pos
    p = j + 1
    if p < limit and raw[p] == "(":
        *_, destination, title = _md_helpers()
        q = p + 1
        while q < limit and raw[q] in " \t\r\n":
            q += 1
        got = destination(raw, q, limit)
        if got.ok:
            q = got.pos
            while q < limit and raw[q] in " \t\r\n":
                q += 1
            got = title(raw, q, limit)
            if got.ok:
                q = got.pos
            while q < limit and raw[q] in " \t\r\n":
                q += 1
        if q < limit and raw[q] == ")":
            return q + 1
    elif p < limit and raw[p] == "[":  # a reference: [text][label]
        q = raw.find("]", p + 1, limit)
        return q + 1 if q >= 0 else p
    return p


_IMAGE_END = object()  # marks, in the walk over inline tokens, where an image's alt text ends


def _markdown_view(raw: str, body: int) -> tuple[str, list[Block]]:
    """Text view and top-level blocks of a Markdown body starting at offset ``body``."""
    chars = [c if c in "\r\n" else " " for c in raw]
    text = raw[body:]
    starts = _line_starts(text)

    def off(line: int) -> int:
        return body + (starts[line] if line < len(starts) else len(text))

    blocks: list[Block] = []
    md = markdown()
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
        links: list[str] = []
        while stack:
            child = stack.pop()
            if child is _IMAGE_END:
                pos = _after_link(raw, pos, limit, "")
            elif child.type in ("text", "code_inline"):
                pos = _align(raw, child.content, pos, limit, chars, literal=child.type == "code_inline")
            elif child.type == "link_open":
                links.append(child.markup)
            elif child.type == "link_close":
                pos = _after_link(raw, pos, limit, links.pop() if links else "")
            elif child.type == "image":
                stack.append(_IMAGE_END)
                stack.extend(reversed(child.children or []))
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
    if not words or not has_text(line) or len(words) > MAX_HEADLINE_WORDS or len(line) > 220:
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
    s = trim(re.sub(r"\s+", " ", sentence))
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
            value, problem = valid_date(d.group(2))
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


def _structure(article: Article, blocks: list[Block]) -> None:
    """Label headline, standfirst, byline and dateline; choose the title; number the anchors."""
    raw = article.raw
    text_blocks = [b for b in blocks if b.kind in ("paragraph", "heading") and has_text(article.view, b.start, b.end)]
    i = 0

    def line_of(b: Block) -> str:
        return trim(re.sub(r"\s+", " ", shown_text(article, b.start, b.end)))

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
            from .extract.text import (
                sentences,  # text helpers are shared with extractors
            )

            lead = body[0]
            dl = DATELINE.match(article.view[lead.start:lead.end])
            start = lead.start + (dl.end() if dl else 0)
            sents = sentences(article.view, start, lead.end)
            first = shown_text(article, *(sents[0] if sents else (start, lead.end)))
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
