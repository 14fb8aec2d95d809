"""Timeline: every dated happening in the corpus, in order, each once with all its sources.

A happening is a sentence that carries a normalised date ("Hamas's attack on
Israel ... on October 7" -> 2023-10-07).  Sentences from different articles
with the same date value that say much the same thing (shared content words,
shared actors) are one happening with several sources.
"""
from __future__ import annotations

import bisect
import re

from ..model import ArticleRecord, Corpus, Happening, Source, shown_text
from ..model.timeline import start_of

_STOP = frozenset("""a an the of in on at to for from by with and or but as that this these those it its is was were be been
has have had will would said says say also after before since during over about into than their his her they he she we
who which what when where while there not no yes on""".split())
# a content word: a letter, then two or more letters, apostrophes or hyphens (ASCII: lower() is casefold())
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]{2,}")
MAX_LABEL = 180
MAX_COMPARE = 50


def _clip(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= MAX_LABEL:
        return text
    cut = text[: MAX_LABEL - 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "\u2026"


def _content_words(text: str) -> set[str]:
    return set(map(str.lower, _WORD.findall(text))) - _STOP


def sentence_spans(rec: ArticleRecord) -> list[tuple[int, int]]:
    return rec.article.sentences


def sentence_of(spans: list[tuple[int, int]], start: int) -> tuple[int, int] | None:
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= start < spans[i][1]:
        return spans[i]
    return None


def _same(a: Happening, b: Happening) -> bool:
    if not a.words or not b.words:
        return False
    inter = len(a.words & b.words)
    jac = inter / (len(a.words) + len(b.words) - inter)
    return jac >= 0.5 or (jac >= 0.25 and len(a.actors & b.actors) >= 2)


def build_timeline(corpus: Corpus) -> list[Happening]:
    items: list[Happening] = []
    for rec in corpus.records:
        spans = sentence_spans(rec)
        ments = sorted((ms, me, aid) for (ms, me), aid in rec.actor_of.items()) if rec.extraction.dates else []
        for d in rec.extraction.dates:
            if not d.value or start_of(d.value) is None:
                continue
            sent = sentence_of(spans, d.start)
            if sent is None:
                continue
            s, e = sent
            text = shown_text(rec.article, s, e)  # no Markdown syntax
            actors = set()
            for ms, me, aid in ments[bisect.bisect_left(ments, (s, -1, "")):]:
                if ms >= e:
                    break
                if me <= e:
                    actors.add(aid)
            written = shown_text(rec.article, d.start, d.end)
            items.append(Happening(d.value, _clip(text), [Source(rec.slug, rec.anchor_at(d.start), written,
                                                                  rec.article.published)],
                                   actors, _content_words(text)))
    merged: list[Happening] = []
    # per date value: its happenings so far, and where each content word occurs among them
    by_value: dict[str, tuple[list[Happening], dict[str, list[int]]]] = {}
    for h in sorted(items, key=lambda h: (h.value, h.sources[0].published or "", h.sources[0].slug, h.label)):
        group, where = by_value.setdefault(h.value, ([], {}))
        # h joins the first of the last MAX_COMPARE (bounded: one huge article must not make this
        # quadratic) that is the same happening; only one sharing a word can be (_same)
        first = len(group) - MAX_COMPARE
        near: set[int] = set()
        for w in h.words:
            at = where.get(w)
            if at:
                near.update(at[bisect.bisect_left(at, first):] if at[0] < first else at)
        for i in sorted(near):
            g = group[i]
            if _same(g, h) and h.sources[0].slug not in {s.slug for s in g.sources}:
                g.sources.extend(h.sources)
                g.actors |= h.actors
                break
        else:
            for w in h.words:
                where.setdefault(w, []).append(len(group))
            group.append(h)
            merged.append(h)
    merged.sort(key=lambda h: h.sort_key)
    return merged
