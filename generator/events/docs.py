"""The representation of an article for clustering: its date, lead, headline, weighted terms,
distinctive keys and participants."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..model import ArticleRecord
from .params import (
    ACTOR_WEIGHT,
    KEY_TERMS,
    PARTICIPANT_PRIOR,
    PARTICIPANT_SHARE,
    UNIQUE_WEIGHT,
)
from .terms import LEAD_SENTENCES, LEAD_WEIGHT, article_words, headline, lead_end
from .vectors import vector, weight_tables

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


WEEKDAY_NUM = {d: i for i, d in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())}


@dataclass
class Doc:
    rec: ArticleRecord
    pub: date | None
    lead_end: int
    source: str | None
    vec: dict[str, float] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    participants: frozenset[str] | None = None  # its specific actors ("@id"); None: it names no actor at all


def pub_date(rec: ArticleRecord) -> date | None:
    try:
        return date.fromisoformat(rec.article.published) if rec.article.published else None
    except ValueError:
        return None


def lead_end_of(rec: ArticleRecord, n: int = LEAD_SENTENCES) -> int:
    return lead_end(rec.article, n)


def headline_of(rec: ArticleRecord) -> str:
    return headline(rec.article)


def _actor_terms(rec: ArticleRecord, lead_end: int) -> dict[str, float]:
    """The article's linked actors as terms ("@id"), those of the lead weighted."""
    terms: dict[str, float] = {}
    place_end = end = 0
    if rec.article.dateline:  # a wire dateline's agency says nothing of the happening
        _s, place_end, end = rec.article.dateline
    for (s, _e), aid in rec.actor_of.items():
        if place_end <= s < end:
            continue
        t = "@" + aid
        terms[t] = terms.get(t, 0) + ACTOR_WEIGHT * (LEAD_WEIGHT if s < lead_end else 1)
    return terms


def _top_keys(vec: dict[str, float], n: int = KEY_TERMS) -> list[str]:
    """The n terms of highest weight, most distinctive first, ties by term."""
    if len(vec) <= n:
        return sorted(sorted(vec), key=vec.__getitem__, reverse=True)
    cut = sorted(vec.values(), reverse=True)[n - 1]  # the n-th weight: anything below it is out
    top = [t for t, x in vec.items() if x >= cut]
    top.sort()
    top.sort(key=vec.__getitem__, reverse=True)
    return top[:n]


def make_docs(records: list[ArticleRecord]) -> list[Doc]:
    docs, terms, actor_terms = [], [], []
    for rec in records:
        end = lead_end_of(rec)
        source = " ".join(rec.article.source.split()).casefold() if rec.article.source else None
        docs.append(Doc(rec, pub_date(rec), end, source))
        actors = _actor_terms(rec, end)
        t = dict(rec.extraction.words or article_words(rec.article))
        t.update(actors)
        terms.append(t)
        actor_terms.append(actors)
    df: Counter = Counter()
    for t in terms:
        df.update(t.keys())
    # the dated articles' document frequencies: all of them less the undated articles' (fewer to count)
    undated_df: Counter = Counter()
    for d, t in zip(docs, terms):
        if not d.pub:
            undated_df.update(t.keys())
    n_dated = sum(1 for d in docs if d.pub)
    # each term's weight, once for the corpus instead of once per article that has it: its IDF
    # (vectors.idf_table's) over all articles, and for dated articles over the dated ones where
    # it occurs in one (else the corpus-wide IDF)
    weight, dated_weight, unseen = weight_tables(df, undated_df, len(docs), n_dated, UNIQUE_WEIGHT)
    for d, t in zip(docs, terms):
        vec = d.vec = vector(t, dated_weight if d.pub else weight, unseen)
        d.keys = _top_keys(vec)
    common = PARTICIPANT_SHARE * (len(docs) + PARTICIPANT_PRIOR)
    for d, actors in zip(docs, actor_terms):
        d.participants = frozenset(w for w in actors if df[w] <= common) if actors else None
    return docs
