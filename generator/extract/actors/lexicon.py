"""Gazetteers and cue words for the actor extractor, loaded once from generator/data/actors/."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..wordlists import lines, words


@dataclass
class Lexicon:
    # exact surface -> (type, canonical name); types: country / place / organization
    known: dict[str, tuple[str, str]] = field(default_factory=dict)
    # lower-cased surface -> (type, canonical name, surface) for ALL-CAPS / Title Case lines
    known_lower: dict[str, tuple[str, str]] = field(default_factory=dict)
    max_known_tokens: int = 1
    demonyms: dict[str, str] = field(default_factory=dict)  # "Turkish" -> "Turkey"
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
    for line in lines("actors", "countries"):
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
    for line in lines("actors", "us_states"):
        add(line, "place", line)
    for line in lines("actors", "regions"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        for n in names:
            add(n, "place", names[0], override=n in known and known[n][0] == "place")
    for line in lines("actors", "organizations"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        for n in names:
            add(n, "organization", names[0], override=n not in known or known[n][0] != "country")
    lx.known = known
    for s, (t, c) in known.items():
        lx.known_lower.setdefault(s.lower(), (t, c))
        lx.max_known_tokens = max(lx.max_known_tokens, len(s.replace("-", " ").split()))
    # demonyms that are also country names (e.g. none usually) stay countries
    for d in list(lx.demonyms):
        if d in known:
            del lx.demonyms[d]
    lx.first_names = words("actors", "first_names")
    lx.honorifics = words("actors", "honorifics")
    lx.role_heads = frozenset(w.lower() for w in words("actors", "role_heads"))
    lx.role_words = frozenset(w.lower() for w in words("actors", "role_words"))
    lx.org_last = words("actors", "org_last")
    lx.org_first = words("actors", "org_first")
    lx.loc_last = words("actors", "loc_last")
    lx.loc_first = words("actors", "loc_first")
    lx.non_actors = words("actors", "non_actors")
    lx.lower_common = frozenset(w.lower() for w in words("actors", "lower_common")) | frozenset(
        w.lower().replace("'", "\u2019") for w in words("actors", "lower_common"))
    lx.misc_last = words("actors", "misc_last")
    lx.non_actors_lower = frozenset(w.lower() for w in lx.non_actors)
    return lx
