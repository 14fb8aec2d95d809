"""Time expressions normalised against the publication date."""
from __future__ import annotations

from ..model import DateMention


def extract_dates(view: str, published: str | None) -> list[DateMention]:
    """Every date expression in the text view; values relative to ``published`` (ISO date) when given."""
    return []


def infer_published(view: str) -> tuple[str | None, list[str]]:
    """A publication date inferred from the text alone, with the evidence; (None, []) without evidence."""
    return None, []
