"""The timeline: dated happenings gathered across the corpus, each with its sources."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache


@dataclass
class Source:
    slug: str
    anchor: str
    text: str  # the date expression as written
    published: str | None


@dataclass
class Happening:
    value: str  # ISO 8601 date value ("2023-10-07", "2023-10", "2010", "2023-W44")
    label: str  # the sentence carrying the date, clipped
    sources: list[Source] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)

    @property
    def sort_key(self) -> tuple:
        return (start_of(self.value) or date.max, -granularity(self.value), self.label.casefold())


@lru_cache(maxsize=1 << 14)  # pure; a corpus repeats the same values thousands of times
def start_of(value: str) -> date | None:
    """First day of the period an ISO value names."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date(int(value[:4]), int(value[5:7]), 1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
        m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
        if m:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday + timedelta(days=5) if m[3] else monday
    except ValueError:
        return None
    return None


@lru_cache(maxsize=1 << 14)
def granularity(value: str) -> int:
    """Larger is finer: year 0, month 1, week 2, day 3."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return 3
    if "W" in value:
        return 2
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return 1
    return 0
