"""The one loader of the extractors' word lists: ``generator/data/<extractor>/<name>.txt``.

A list file holds one item per line, sorted, with ``#`` comment lines at the top saying what
the list is.  A record file (``lines``) keeps its order (the first record of a name wins);
tests/test_wordlists.py checks every file and that every file is read by some code.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def lines(extractor: str, name: str) -> tuple[str, ...]:
    """The items of a data file in file order, comment lines and blank lines left out."""
    with open(DATA / extractor / f"{name}.txt", encoding="utf-8") as f:
        return tuple(line.rstrip("\n") for line in f if line.strip() and not line.startswith("#"))


@cache
def words(extractor: str, name: str) -> frozenset[str]:
    """The items of a sorted list file, as a set."""
    return frozenset(lines(extractor, name))
