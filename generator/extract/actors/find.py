"""extract_actors: the passes over an article (tokens, datelines and tables, runs, headlines, the document pass)."""
from __future__ import annotations

from ...model import ActorMention
from .classify import _analyze_run, _Doc, _hyphen_parts
from .resolve import (
    _dateline,
    _finish,
    _lowercase_ministries,
    _match_headline,
    _plain_name,
    _resolve,
    _table_line,
)
from .tokens import _SPORT_SET, _SPORT_WEAK, _line_style, _runs, _tokenize_line


def extract_actors(view: str) -> list[ActorMention]:
    """Every actor mention in the text view, typed, each with the fullest in-article name."""
    doc = _Doc(view)
    lx = doc.lx
    lines = []
    pos = 0
    for line in view.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if line.strip():
            lines.append((ls, le))
    tokenized = []
    sports = 0
    lower_add = doc.lower_words.add
    for ls, le in lines:
        toks = _tokenize_line(view, ls, le)
        tokenized.append(toks)
        for t in toks:
            k = t.kind
            if k == "l":
                lower_add(t.t)
                if t.t in _SPORT_SET:
                    sports += 2
                elif t.t in _SPORT_WEAK:
                    sports += 1
            elif k == "C":
                tl = t.t.lower()
                if tl in _SPORT_SET:
                    sports += 2
                elif tl in _SPORT_WEAK:
                    sports += 1
    for k, toks in enumerate(tokenized):
        style = _line_style(toks, lx, doc.lower_words)
        tokenized[k] = (toks, style)
        if style == "":
            for t in toks:
                if t.kind == "C" and not t.sent_start:
                    doc.mid_caps.add(t.t)
    doc.sports = sports >= 6
    doc.teams = set()
    doc.teams_lower = set()
    for ln, (toks, style) in enumerate(tokenized):
        if _dateline(doc, toks, ln) or _table_line(doc, toks, ln, style):
            tokenized[ln] = (toks, "done")
            continue
        if style == "caps":
            continue
        runs = _runs(toks, view, lx, doc.lower_words)
        runs = _hyphen_parts(doc, toks, ln, runs)
        n0 = len(doc.cands)
        for run in runs:
            _analyze_run(doc, run, toks, ln)
        if style == "title":
            # a Title Case line: keep only what stands without the help of capitals
            # (titled people, gazetteer names); the rest is matched against the body later
            doc.cands[n0:] = [c for c in doc.cands[n0:] if c.strength >= 3 or c.strength == 2 and c.type == "person"
                              and c.role is not None and _plain_name(c.text, lx, doc.lower_words)]
    _lowercase_ministries(doc)
    _resolve(doc)
    # headlines: match known names case-insensitively
    for ln, (toks, style) in enumerate(tokenized):
        if style and style != "done":
            _match_headline(doc, toks, ln, style)
    return _finish(doc)


