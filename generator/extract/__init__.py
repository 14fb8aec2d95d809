"""Per-article extraction: pure functions of the article text (cacheable)."""
from __future__ import annotations

from ..model import Article, Extraction
from .actors import extract_actors
from .dates import extract_dates
from .figures import extract_figures
from .quotes import extract_quotes


def extract(article: Article) -> Extraction:
    actors = extract_actors(article.view)
    return Extraction(
        actors=actors,
        dates=extract_dates(article.view, article.published),
        quotes=extract_quotes(article.view, actors),
        figures=extract_figures(article.view),
    )
