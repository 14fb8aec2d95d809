"""The editor's actor registry (content/actors.yml) as read."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entry:
    id: str
    line: int
    name: str | None = None
    type: str | None = None
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    redirect_from: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)
    hide: bool = False


@dataclass
class Registry:
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, severity, message)
    path: str = "content/actors.yml"

    def messages(self) -> list[str]:
        return [f"{self.path}:{line}: {sev}: {msg}" for line, sev, msg in self.problems]

    @property
    def errors(self) -> list[str]:
        return [f"{self.path}:{line}: {msg}" for line, sev, msg in self.problems if sev == "error"]

