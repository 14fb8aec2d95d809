"""Per-article extraction: pure functions of the article text (cacheable)."""
from __future__ import annotations

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
    return as_written(article.raw, ex) if article.view != article.raw else ex


def as_written(raw: str, ex: Extraction) -> Extraction:
    """The records with their text as the file holds it: extractors read the text view, where
    Markdown markup is blanked ("hello  big  world"), but ``text == raw[start:end]`` is the
    contract ("hello *big* world"); what a page shows is derived (:func:`generator.model.shown_text`)."""
    def fix(r):
        text = raw[r.start:r.end]
        return r if r.text == text else replace(r, text=text)

    quotes = []
    for q in ex.quotes:
        q = fix(q)
        if q.speaker_start is not None:
            spk = raw[q.speaker_start:q.speaker_end]
            if spk != q.speaker_text:
                q = replace(q, speaker_text=spk)
        quotes.append(q)
    return Extraction(actors=[fix(m) for m in ex.actors], dates=[fix(d) for d in ex.dates], quotes=quotes,
                      figures=[fix(f) for f in ex.figures], words=ex.words)
