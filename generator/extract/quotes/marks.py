"""Finding quotation spans: pairing quotation marks in a text view.

Works on the raw marks only; speakers are found in ``quotes.py``.  The rules:

* curly double marks are directional; straight double marks get a direction
  from their neighbours (space before and a letter after opens, a letter or
  punctuation before and a space/punctuation after closes), otherwise they
  alternate;
* a quotation may run over several paragraphs when each new paragraph starts
  with an opening mark and only the last one is closed (the span then covers
  everything from the first opening to the final closing mark);
* an opening mark left unclosed at the end of its paragraph (with no
  continuation) is dropped, and scanning goes on after it, so a stray mark
  never hides the quotations that follow;
* single marks (‘ ’ ') are quotations only outside double quotations, and
  only when the opening one is not glued to a letter before it and the
  closing one is not glued to a letter after it (it’s, don’t, ’90s stay
  apostrophes).
"""
from __future__ import annotations

import re

from ..text import Lines

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018\u201a\u2039"  # ‘ ‚ ‹
SINGLE_CLOSE = "\u2019\u203a"  # ’ ›

_DOUBLE = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb\u201f]")
_SINGLE = re.compile("['\u2018\u2019\u201a\u2039\u203a]")
_OPEN_BEFORE = set(" \t\n\r([{\u2014\u2013-/\u00a0") | set(DOUBLE_OPEN) | set(SINGLE_OPEN)
_CLOSE_AFTER = set(" \t\n\r,.;:!?)]}\u2014\u2013-/\u2026\u00a0") | set(DOUBLE_CLOSE) | set(SINGLE_CLOSE) | {"'", '"'}

# A straight or curly mark opening a paragraph.
_PARA_BREAK = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def _direction(view: str, i: int) -> str:
    """'open', 'close' or '?' for the quotation mark at view[i]."""
    ch = view[i]
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN or ch == "\u201f":
        return "open"
    if ch in DOUBLE_CLOSE or ch == "\u203a":
        return "close"
    before = view[i - 1] if i > 0 else "\n"
    after = view[i + 1] if i + 1 < len(view) else "\n"
    b_open = before in _OPEN_BEFORE
    a_close = after in _CLOSE_AFTER
    if b_open and not a_close:
        return "open"
    if a_close and not b_open:
        return "close"
    return "?"


def _next_line_start(view: str, i: int) -> tuple[int, bool]:
    """First non-blank character after the line break at i; and whether a blank line was crossed."""
    m = _PARA_BREAK.match(view, i)
    if not m:
        return i, False
    j = m.end()
    return j, m.group().count("\n") > 1


def double_spans(view: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(open mark index, close mark index, continuation marks) of each double quotation."""
    marks = [m.start() for m in _DOUBLE.finditer(view)]
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    n = len(marks)
    if not n:
        return out
    lines = Lines(view)  # line ends by bisection: each unpaired mark of a long line looked for its end
    _line_end = lines.end
    k = 0
    open_at = -1
    conts: list[tuple[int, int]] = []
    line_end = -1
    while k < n:
        i = marks[k]
        if open_at >= 0 and i > line_end:
            # the open quotation reached the end of its line without closing
            nxt, blank = _next_line_start(view, line_end)
            if nxt == i and _direction(view, i) != "close":
                # a new paragraph that opens with a mark: the quotation continues
                conts.append((line_end, i))
                line_end = _line_end(i)
                k += 1
                continue
            if not blank and nxt < len(view) and line_end - (lines.start(open_at) - 1) < 120:
                # hard-wrapped text: keep looking on the next line
                line_end = _line_end(nxt)
                continue
            open_at = -1  # unbalanced: drop it
            conts = []
        d = _direction(view, i)
        if open_at < 0:
            if d != "close":
                open_at = i
                conts = []
                line_end = _line_end(i)
            k += 1
            continue
        # a quotation is open
        if d == "open" and _after_sentence_end(view, i):
            # "…back row. "Jonathan …": paragraphs of one quotation run together in one line
            conts.append((i, i))
            k += 1
            continue
        if d == "open" and view[i] in DOUBLE_OPEN and view[open_at] in DOUBLE_OPEN:
            # a second curly opening mark in the same paragraph: the first was stray
            open_at = i
            conts = []
            line_end = _line_end(i)
        elif d == "open" and view[i] == '"' and view[i - 1] in " \t" and i - open_at > 1 \
                and view[i + 1:i + 2].isalnum() and view[i - 2:i - 1] not in (",", ":", "") \
                and not _closes_soon(view, i, line_end if i <= line_end else _line_end(i)):
            open_at = i
            conts = []
            line_end = _line_end(i)
        else:
            if i > open_at + 1 and view[open_at + 1:i].strip():
                out.append((open_at, i, conts))
            open_at = -1
            conts = []
        k += 1
    return out


def _closes_soon(view: str, i: int, e: int) -> bool:
    """Whether the straight mark at i, read as an opening, has no closing mark after it in its line (ending at e)."""
    j = view.find('"', i + 1, e)
    return j < 0


_APOS_WORD = re.compile(r"(?:\d0s|\d\d\b|em\b|n\b|til\b|cause\b|tis\b|twas\b)", re.I)


def single_spans(view: str, inside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(open mark index, close mark index) of single-mark quotations outside double quotations."""
    out = []
    marks = [m.start() for m in _SINGLE.finditer(view)]
    bi = 0
    k = 0
    n = len(marks)
    inside = sorted(inside)
    if n:
        _line_end = Lines(view).end
    # for each mark, the index of the next closing mark, plural possessive and opening mark (right to left)
    nxt_strong, nxt_weak, nxt_barrier = [n] * (n + 1), [n] * (n + 1), [n] * (n + 1)
    for j in range(n - 1, -1, -1):
        c = marks[j]
        nxt_strong[j], nxt_weak[j], nxt_barrier[j] = nxt_strong[j + 1], nxt_weak[j + 1], nxt_barrier[j + 1]
        nb = view[c - 1] if c > 0 else "\n"
        na = view[c + 1] if c + 1 < len(view) else "\n"
        if view[c] in SINGLE_OPEN:
            nxt_barrier[j] = j
        elif na.isalnum() or nb.isspace():
            pass  # an apostrophe inside a word, or an opening
        elif nb in "sS" and na == " " and c + 2 < len(view) and view[c + 2].islower():
            nxt_weak[j] = j  # "the players’ decision"
        else:
            nxt_strong[j] = j
    while k < n:
        i = marks[k]
        while bi < len(inside) and inside[bi][1] < i:
            bi += 1
        if bi < len(inside) and inside[bi][0] <= i <= inside[bi][1]:
            k += 1
            continue
        ch = view[i]
        before = view[i - 1] if i > 0 else "\n"
        after = view[i + 1] if i + 1 < len(view) else "\n"
        opening = (ch in SINGLE_OPEN or (ch in "'\u2019" and not before.isalnum() and before in _OPEN_BEFORE)) \
            and not after.isspace() and not _APOS_WORD.match(view, i + 1)
        if not opening:
            k += 1
            continue
        end = _line_end(i)
        stop = end
        if bi < len(inside) and inside[bi][0] < stop:
            stop = inside[bi][0]
        # the first closing mark before the stop (a plural possessive only when nothing better closes it)
        strong, weak, barrier = nxt_strong[k + 1], nxt_weak[k + 1], nxt_barrier[k + 1]
        close = strong if strong < barrier and strong < n and marks[strong] < stop else -1
        if close < 0 and weak < barrier and weak < n and marks[weak] < stop:
            close = weak
        if close < 0:
            k += 1
            continue
        c = marks[close]
        if c > i + 1 and view[i + 1:c].strip():
            out.append((i, c))
        k = close + 1
    return out


def _after_sentence_end(view: str, i: int) -> bool:
    """Whether the mark at i follows a finished sentence and a space ('… row. "Jonathan')."""
    j = i - 1
    if j < 0 or view[j] not in " \t":
        return False
    while j >= 0 and view[j] in " \t":
        j -= 1
    while j >= 0 and view[j] in "'\u2019)":
        j -= 1
    return j >= 0 and view[j] in ".?!\u2026" and i + 1 < len(view) and (view[i + 1].isupper() or view[i + 1] in "[(\u2018'")
