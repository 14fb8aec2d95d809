"""Actor detection: people, organisations, countries and places (see tokens.py for the method).

tokens: lines, tokens and runs of capitalised words; classify: a run trimmed and typed;
resolve: the document pass and the headlines; find: extract_actors; lexicon: the gazetteers.
"""
from __future__ import annotations

from .find import extract_actors

__all__ = ["extract_actors"]
