"""Pair scores: how alike two articles are (terms, days apart, participants), and the candidate
pairs worth scoring, found through an inverted index of distinctive terms."""
from __future__ import annotations

import math
import operator
from collections import Counter, defaultdict
from itertools import chain, combinations

from ..build.parallel import fork_map, split, workers
from .docs import Doc
from .params import (
    DAY_PENALTY,
    MAX_POSTING,
    MIN_KEYS,
    MIN_SHARED,
    MIXED_BAR,
    NEAR_KEYS,
    NO_PARTICIPANT_BAR,
    PARALLEL_PAIRS,
    SAME_SOURCE_BAR,
    THRESHOLD,
    UNDATED_BAR,
    WINDOW_DAYS,
)

# ----------------------------------------------------------------------------- representation


def days_apart(a: Doc, b: Doc) -> int | None:
    return abs((a.pub - b.pub).days) if a.pub and b.pub else None


def day_penalty(days: int) -> float:
    """Score two reports ``days`` apart lose: nothing within a day, then DAY_PENALTY for the second
    day, twice that for the third, and so on (0.02, 0.06, 0.12, 0.20, 0.30 ...).  Reports of one
    happening bunch in its first days; the longer the gap, the more other stories on the same
    subject fall between two reports, so the resemblance needed grows faster than the gap."""
    return DAY_PENALTY * days * (days - 1) / 2 if days > 1 else 0.0


def text_score(a: Doc, b: Doc) -> float:
    """Cosine of the two vectors; 0 when they share fewer than MIN_SHARED terms (one or two shared
    words or names, "open" or "Norland", are a coincidence, not a shared happening)."""
    x, y = a.vec, b.vec
    common = x.keys() & y.keys()
    if len(common) < MIN_SHARED:
        return 0.0
    # fsum: exactly rounded, so the result does not depend on the set's (hash-seeded) order
    return math.fsum(map(operator.mul, map(x.__getitem__, common), map(y.__getitem__, common)))


def score_pair(a: Doc, b: Doc) -> float:
    """Text score less the penalties; -1 when the two cannot be one happening."""
    days = days_apart(a, b)
    if days is not None and days > WINDOW_DAYS:
        return -1.0
    s = text_score(a, b)
    if days is None:
        return s - ((MIXED_BAR if a.pub or b.pub else UNDATED_BAR) - THRESHOLD)
    if (s < NO_PARTICIPANT_BAR and a.participants is not None and b.participants is not None
            and not a.participants & b.participants):
        s = 0.0
    if a.source and a.source == b.source:
        s -= max(0.0, SAME_SOURCE_BAR - THRESHOLD)
    return s - day_penalty(days)


def candidate_pairs(docs: list[Doc]) -> dict[tuple[int, int], float]:
    """Scores of the pairs that share a distinctive term (capped posting lists)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for t in d.keys:
            postings[t].append(i)
    shared: Counter = Counter()
    for ids in postings.values():
        if 2 <= len(ids) <= MAX_POSTING:
            shared.update(combinations(ids, 2))  # ids ascend, so each pair comes as (lower, higher)
    # a pair with an undated article must be a close retelling (UNDATED_BAR, MIXED_BAR): it shares
    # most of its distinctive terms, so one that shares fewer than NEAR_KEYS is not compared
    dated = [d.pub is not None for d in docs]
    pairs = [(i, j) for (i, j), n in shared.items()
             if n >= NEAR_KEYS or (n >= MIN_KEYS and dated[i] and dated[j])]

    def score(part: list[tuple[int, int]]) -> list[float]:
        return [score_pair(docs[i], docs[j]) for i, j in part]

    # tens of thousands of pairs in a large corpus: scored over the machine's cores (pure, same result)
    parts = fork_map(score, split(pairs, workers())) if len(pairs) >= PARALLEL_PAIRS else [score(pairs)]
    return dict(zip(pairs, chain.from_iterable(parts)))
