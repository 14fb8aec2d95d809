"""Actor detection: people, organisations, countries and places."""
from __future__ import annotations

from ..model import ActorMention


def extract_actors(view: str) -> list[ActorMention]:
    """Every actor mention in the text view, typed, each with the fullest in-article name."""
    return []
