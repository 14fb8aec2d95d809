"""Measures: the figures articles report for one quantity (killed in X on day Y), side by side."""
from __future__ import annotations

from dataclasses import dataclass, field

from .article import Figure

UNIT_NAMES = {"usd": "US dollars", "eur": "euros", "gbp": "pounds sterling", "percent": "per cent", "try": "lira"}

@dataclass
class Point:
    figure: Figure
    slug: str
    anchor: str
    published: str | None
    attribution: str | None


@dataclass
class Measure:
    noun: str
    predicate: str | None
    place: str | None  # actor id
    when: str | None  # date value of the event measured
    points: list[Point] = field(default_factory=list)
    conflicts: list[list[Point]] = field(default_factory=list)

    def label(self, names: dict[str, str]) -> str:
        parts = [UNIT_NAMES.get(self.noun, self.noun)]
        if self.predicate:
            parts.append(self.predicate)
        if self.place:
            parts.append(f"in {names.get(self.place, self.place)}")
        if self.when:
            parts.append(f"on {self.when}")
        return " ".join(parts)

