"""Shared text helpers for extractors: lines, sentences, words.

All functions work on an article's text view and return character offsets
into it.  Nothing here knows about files or MkDocs.
"""
from __future__ import annotations

import re
from bisect import bisect_left

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st ft mt jr sr inc ltd co corp bros
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx dept est fig univ assn ave blvd
    u.s u.k u.n e.g i.e a.m p.m mass calif fla ill pa va wash""".split()
)

_SENT_END = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F])""")
_WORD = re.compile(r"\w+(?:[-'\u2019.]\w+)*")
_NEWLINE = re.compile("\n")


class Lines:
    """Where each line of a text starts and ends, found by bisection over its line breaks.

    ``view.find("\\n", i)`` costs the length of the rest of the line: over one long line with
    many lookups (a 10 MB article with few line breaks) that is the square of its length;
    here each lookup costs the logarithm of the number of lines."""

    __slots__ = ("breaks", "size")

    def __init__(self, view: str):
        self.breaks = [m.start() for m in _NEWLINE.finditer(view)]
        self.size = len(view)

    def end(self, i: int) -> int:
        """The first line break at or after i (``view.find("\\n", i)``), else the text's length."""
        k = bisect_left(self.breaks, i)
        return self.breaks[k] if k < len(self.breaks) else self.size

    def start(self, i: int) -> int:
        """Where the line holding i starts (``view.rfind("\\n", 0, i) + 1``)."""
        k = bisect_left(self.breaks, i) - 1
        return self.breaks[k] + 1 if k >= 0 else 0


def _word_before(view: str, lo: int, dot: int) -> str:
    """The run of word characters and dots that ends at dot, not before lo (what
    ``re.search(r"([\\w.]+)$", view[lo:dot])`` finds, without copying the sentence so far)."""
    j = dot
    while j > lo and (view[j - 1].isalnum() or view[j - 1] in "_."):
        j -= 1
    return view[j:dot]


def lines(view: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines, stripped."""
    out = []
    for m in re.finditer(r"[^\n]+", view):
        s, e = m.start(), m.end()
        while s < e and view[s].isspace():
            s += 1
        while e > s and view[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentences(view: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans within view[start:end]; every line break that ends a line
    of text without running on (a headline, a paragraph end) also ends a sentence."""
    end = len(view) if end is None else end
    out: list[tuple[int, int]] = []
    for ls, le in lines(view[start:end]):
        ls += start
        le += start
        s = ls
        for m in _SENT_END.finditer(view, ls, le):
            dot = m.start()
            if view[dot] == "." and m.end() - dot == 1 or view[dot:m.end()].startswith(".") and len(view[dot:m.end()].rstrip("\"'\u201d\u2019)]")) == 1:
                w = _word_before(view, s, dot).lower()  # not view[s:dot]: a sentence of many dots costs its square
                if w:
                    if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                        continue
            out.append((s, m.end()))
            s = m.end()
            while s < le and view[s].isspace():
                s += 1
        if s < le:
            out.append((s, le))
    return out


def words(view: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(view) if end is None else end
    return [(m.start(), m.end()) for m in _WORD.finditer(view, start, end)]
