"""TF-IDF vectors for event clustering: term weights, unit vectors, cosine, centroid.

Kept apart from :mod:`generator.events.terms` (an article's content words,
part of the extraction cache's version): how the corpus weighs those words
can change without invalidating any article's cache entry.
"""
from __future__ import annotations

import math
import operator
from collections import Counter
from itertools import repeat


def idf_table(doc_terms: list, prior: int = 20, df: Counter | None = None) -> tuple[dict[str, float], float]:
    """Inverse document frequency with add-``prior`` smoothing.

    ``log((N + prior) / (df + 1))``: in a small corpus no word can look rarer
    than it is, and a word found in every article still weighs a little.
    ``doc_terms`` holds each document's terms (any collection of distinct terms: a set, a
    dict's keys); ``df``, when given, is their document frequencies already counted.
    Returns the table and the weight of an unseen word."""
    if df is None:
        df = Counter()
        for terms in doc_terms:
            df.update(iter(terms))  # an iterator: a dict counts its keys once, not its values
    n = len(doc_terms) + prior
    return {t: math.log(n / (c + 1)) for t, c in df.items()}, math.log(n)


def weight_tables(df: Counter, undated_df: Counter, n: int, n_dated: int, unique_weight: float,
                  prior: int = 20) -> tuple[dict[str, float], dict[str, float], float]:
    """Each term's weight for undated and for dated documents, in one pass over the vocabulary;
    the same values as :func:`idf_table` over all ``n`` documents (``df``) and over the ``n_dated``
    dated ones (``df`` less ``undated_df``; a term no dated document has keeps its corpus-wide
    IDF), times ``unique_weight`` for a term found in one document only.  Returns both tables
    and the weight of an unseen word."""
    log = math.log
    total, dated_total = n + prior, n_dated + prior
    weight: dict[str, float] = {}
    dated_weight: dict[str, float] = {}
    for w, c in df.items():
        x = log(total / (c + 1))
        u = 1.0 if c > 1 else unique_weight
        weight[w] = x * u
        cd = c - undated_df.get(w, 0)
        dated_weight[w] = (log(dated_total / (cd + 1)) if n_dated and cd > 0 else x) * u
    return weight, dated_weight, log(total)


def vector(counts: Counter, idf: dict[str, float], default: float) -> dict[str, float]:
    """Unit-length TF-IDF vector with sublinear term frequency."""
    if min(counts.values(), default=1) < 1:
        counts = {t: c for t, c in counts.items() if c >= 1}
    # (1 + log c) * idf per term, with each count's 1 + log(c) taken once and the loop in C
    tf = {c: 1.0 + math.log(c) for c in set(counts.values())}
    x = list(map(operator.mul, map(tf.__getitem__, counts.values()), map(idf.get, counts, repeat(default))))
    norm = math.sqrt(sum(map(operator.mul, x, x)))
    return dict(zip(counts, map(operator.truediv, x, repeat(norm)))) if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # the same sum, in the same order, as sum(x * b.get(t, 0.0) for t, x in a.items()), looped in C
    return sum(map(operator.mul, a.values(), map(b.get, a, repeat(0.0))))


def centroid(vectors: list[dict[str, float]]) -> dict[str, float]:
    acc: Counter = Counter()
    for v in vectors:
        for t, x in v.items():
            acc[t] += x
    norm = math.sqrt(sum(x * x for x in acc.values()))
    return {t: x / norm for t, x in acc.items()} if norm else {}
