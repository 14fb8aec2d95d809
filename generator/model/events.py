"""Events: articles reporting one happening, and the editor's entries for them (content/events.yml)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Event:
    id: str  # permanent slug (see the module docstring)
    title: str
    date: str | None  # ISO date of the happening, None when no article is dated
    articles: list[str]  # article slugs, by publication date (undated last), then slug
    evidence: list[str] = field(default_factory=list)  # why these articles are together
    related: list[str] = field(default_factory=list)  # ids of related events, in time order (see related())


@dataclass
class EventEntry:
    id: str
    line: int
    title: str | None = None
    date: str | None = None
    merge: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    redirect_from: list[str] = field(default_factory=list)

