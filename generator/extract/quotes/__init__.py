"""Direct quotations and their speakers (see find.py for the method).

marks: quotation spans; speakers: speaker phrases; doc: the per-article state (sentences, name
candidates, pronouns); attribution: the speaker of one quotation from its context; find: extract_quotes.
Imports run one way, in that order.
"""
from __future__ import annotations

from .find import extract_quotes

__all__ = ["extract_quotes"]
