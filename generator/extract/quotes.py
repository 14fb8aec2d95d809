"""Direct quotations and their speakers."""
from __future__ import annotations

from ..model import ActorMention, Quote


def extract_quotes(view: str, actors: list[ActorMention]) -> list[Quote]:
    """Every quotation in the text view; the speaker span points at a name (an actor mention when one fits)."""
    return []
