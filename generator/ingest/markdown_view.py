"""The Markdown view: a Markdown body -> its text view (markup blanked, every real character kept
where it stands in the file) and its top-level blocks, each with its HTML."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..escape import attr, html_text, safe_url
from ..model import Block
from .encoding import line_starts, strip_span


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


def markdown_view(raw: str, body: int) -> tuple[str, list[Block]]:
    """Text view and top-level blocks of a Markdown body starting at offset ``body``."""
    chars = [c if c in "\r\n" else " " for c in raw]
    text = raw[body:]
    starts = line_starts(text)

    def off(line: int) -> int:
        return body + (starts[line] if line < len(starts) else len(text))

    blocks: list[Block] = []
    md = markdown()
    tokens = md.parse(text)
    opened: tuple[Block, int] | None = None  # the top-level block being read, and its first token
    for i, tok in enumerate(tokens):
        if tok.level == 0 and tok.map and tok.nesting >= 0:
            s, e = strip_span(raw, off(tok.map[0]), off(tok.map[1]))
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
