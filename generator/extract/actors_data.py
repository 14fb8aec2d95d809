"""Gazetteers and cue words for the actor extractor, loaded once from generator/data/actors/."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"


@dataclass
class Lexicon:
    # exact surface -> (type, canonical name); types: country / place / organization
    known: dict[str, tuple[str, str]] = field(default_factory=dict)
    # lower-cased surface -> (type, canonical name, surface) for ALL-CAPS / Title Case lines
    known_lower: dict[str, tuple[str, str]] = field(default_factory=dict)
    max_known_tokens: int = 1
    demonyms: dict[str, str] = field(default_factory=dict)  # "Turkish" -> "Turkey"
    demonyms_lower: dict[str, str] = field(default_factory=dict)
    first_names: frozenset = frozenset()
    honorifics: frozenset = frozenset()
    role_heads: frozenset = frozenset()  # lower case
    role_words: frozenset = frozenset()  # lower case
    org_last: frozenset = frozenset()
    org_first: frozenset = frozenset()
    loc_last: frozenset = frozenset()
    loc_first: frozenset = frozenset()
    non_actors: frozenset = frozenset()
    lower_common: frozenset = frozenset()
    misc_last: frozenset = frozenset()
    non_actors_lower: frozenset = frozenset()


def _lines(name: str):
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = None
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            cur = out.setdefault(line[1:-1], [])
        elif cur is not None:
            cur.extend(line.split())
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lx = Lexicon()
    known: dict[str, tuple[str, str]] = {}

    def add(surface: str, typ: str, canon: str, override: bool = False):
        surface = surface.strip()
        if not surface:
            return
        if override or surface not in known:
            known[surface] = (typ, canon)

    # countries first so that they win over cities/regions of the same spelling
    cities: list[tuple[str, str]] = []
    for line in _lines("countries.txt"):
        parts = [p.strip() for p in line.split(";")]
        while len(parts) < 3:
            parts.append("")
        names = [n for n in parts[0].split("|") if n]
        canon = names[0]
        for n in names:
            add(n, "country", canon)
        for d in parts[1].split("|"):
            d = d.strip()
            if d:
                lx.demonyms.setdefault(d, canon)
        for c in parts[2].split("|"):
            c = c.strip()
            if c:
                cities.append((c, c))
    for c, canon in cities:
        add(c, "place", canon)
    for line in _lines("us_states.txt"):
        add(line, "place", line)
    for line in _lines("regions.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        for n in names:
            add(n, "place", names[0], override=n in known and known[n][0] == "place")
    for line in _lines("organizations.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        for n in names:
            add(n, "organization", names[0], override=n not in known or known[n][0] != "country")
    lx.known = known
    for s, (t, c) in known.items():
        lx.known_lower.setdefault(s.lower(), (t, c))
        lx.max_known_tokens = max(lx.max_known_tokens, len(s.replace("-", " ").split()))
    lx.demonyms_lower = {d.lower(): c for d, c in lx.demonyms.items()}
    # demonyms that are also country names (e.g. none usually) stay countries
    for d in list(lx.demonyms):
        if d in known:
            del lx.demonyms[d]
    first: set[str] = set()
    for line in _lines("first_names.txt"):
        first.update(line.split())
    lx.first_names = frozenset(first)
    sec = _sections("cues.txt")
    lx.honorifics = frozenset(sec.get("honorifics", []))
    lx.role_heads = frozenset(w.lower() for w in sec.get("role_heads", []))
    lx.role_words = frozenset(w.lower() for w in sec.get("role_words", []))
    lx.org_last = frozenset(sec.get("org_last", []))
    lx.org_first = frozenset(sec.get("org_first", []))
    lx.loc_last = frozenset(sec.get("loc_last", []))
    lx.loc_first = frozenset(sec.get("loc_first", []))
    lx.non_actors = frozenset(sec.get("non_actors", []))
    lx.lower_common = frozenset(w.lower() for w in sec.get("lower_common", [])) | frozenset(
        w.lower().replace("'", "\u2019") for w in sec.get("lower_common", []))
    lx.misc_last = frozenset(sec.get("misc_last", []))
    lx.non_actors_lower = frozenset(w.lower() for w in lx.non_actors)
    return lx
