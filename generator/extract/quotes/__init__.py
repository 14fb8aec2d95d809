"""Direct quotations and their speakers (see find.py for the method)."""
from __future__ import annotations

from .find import extract_quotes

__all__ = ["extract_quotes"]
