"""Slugs for ids and file names: ASCII, lowercase, hyphenated, never empty, never a path."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_EXTRA = str.maketrans({"ı": "i", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
                        "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "ð": "d"})


@lru_cache(maxsize=1 << 17)  # pure, and asked for the same names again and again (every alias of every actor)
def slugify(text: str, fallback_prefix: str = "x") -> str:
    """``"Recep Tayyip Erdoğan"`` -> ``"recep-tayyip-erdogan"``.

    A name with no ASCII letters or digits left (e.g. Arabic script) gets a
    short stable hash instead of an empty slug.
    """
    t = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    t = t.encode("ascii", "ignore").decode("ascii").lower()
    t = re.sub(r"['\u2019]", "", t)
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    t = t[:80].rstrip("-")
    if not t:
        t = f"{fallback_prefix}-" + hashlib.sha1((text or "").encode("utf-8")).hexdigest()[:10]
    return t
