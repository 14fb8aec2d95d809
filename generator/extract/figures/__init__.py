"""Reported numbers with what they count (conventions: numbers.py; word lists: lexicon.py).

numbers: patterns, spelled numbers, counted noun phrases; context: predicate, attribution, units,
digits; find: a figure at a position, candidates, extract_figures.
"""
from __future__ import annotations

from .find import extract_figures

__all__ = ["extract_figures"]
