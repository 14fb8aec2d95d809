"""Date mentions and their values (ISO dates, weeks, months, quarters...), resolved against the
publication date; and a publication date inferred from the text alone.

grammar: the date expressions; values: what an expression means on a reference date; tense: past or
future from the verbs around; find: candidates and extract_dates; infer: infer_published.
"""
from __future__ import annotations

from .find import extract_dates
from .infer import infer_published

__all__ = ["extract_dates", "infer_published"]
