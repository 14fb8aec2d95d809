"""Per-article extraction: pure functions of the article text (cacheable)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..model import Article, Extraction
from .actors import extract_actors
from .dates import extract_dates
from .figures import extract_figures
from .quotes import extract_quotes


def extract(article: Article) -> Extraction:
    actors = extract_actors(article.view)
    ex = Extraction(
        actors=actors,
        dates=extract_dates(article.view, article.published),
        quotes=extract_quotes(article.view, actors),
        figures=extract_figures(article.view),
    )
    return as_written(article, ex) if article.view != article.raw else ex


_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


def as_written(article: Article, ex: Extraction) -> Extraction:
    """The records with their text as the file holds it: extractors read the text view, where
    Markdown markup is blanked ("hello  big  world"), but ``text == raw[start:end]`` is the
    contract ("hello *big* world"); what a page shows is derived (:func:`generator.model.shown_text`).
    A span never ends or begins inside an entity: the view shows an entity's character at one
    end of it ("Jos&eacute;" reads "José" followed by spaces), and the record takes it whole."""
    raw = article.raw
    cuts = [m.span() for m in _ENTITY.finditer(raw)] if article.fmt == "md" and "&" in raw else []
    firsts = [s for s, _ in cuts]

    def snap(s: int, e: int) -> tuple[int, int]:
        i = bisect_left(firsts, s) - 1  # the last entity beginning before s
        if i >= 0 and cuts[i][1] > s:
            s = cuts[i][0]
        i = bisect_left(firsts, e) - 1
        if i >= 0 and cuts[i][1] > e:
            e = cuts[i][1]
        return s, e

    def fix(r):
        s, e = snap(r.start, r.end) if cuts else (r.start, r.end)
        text = raw[s:e]
        return r if (s, e, text) == (r.start, r.end, r.text) else replace(r, start=s, end=e, text=text)

    quotes = []
    for q in ex.quotes:
        q = fix(q)
        if q.speaker_start is not None:
            s, e = snap(q.speaker_start, q.speaker_end) if cuts else (q.speaker_start, q.speaker_end)
            if (s, e, raw[s:e]) != (q.speaker_start, q.speaker_end, q.speaker_text):
                q = replace(q, speaker_start=s, speaker_end=e, speaker_text=raw[s:e])
        quotes.append(q)
    return Extraction(actors=[fix(m) for m in ex.actors], dates=[fix(d) for d in ex.dates], quotes=quotes,
                      figures=[fix(f) for f in ex.figures], words=ex.words)
