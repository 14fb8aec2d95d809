"""Structure: the blocks of a plain-text body, and how an editor reads the beginning of any
article (headline, standfirst, byline or source line, dateline, a title from the lead)."""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Article, Block, shown_text
from .encoding import has_text, strip_span, trim

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


MAX_HEADLINE_WORDS = 30


MAX_SOURCE_WORDS = 6


def plain_blocks(raw: str, body: int) -> list[Block]:
    """Blocks of a plain-text body: each non-blank line is a paragraph, except
    lines that are visibly hard-wrapped, which are joined to the line before."""
    spans = []
    for m in re.finditer(r"[^\n]+", raw[body:]):
        s, e = strip_span(raw, body + m.start(), body + m.end())
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


def read_structure(article: Article, blocks: list[Block]) -> None:
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
            from ..extract.text import (
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
    from ..extract.text import sentences

    article.sentences = [s for b in blocks if b.kind not in ("code", "rule")
                         for s in sentences(article.view, b.start, b.end)]
