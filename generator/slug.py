"""Slugs for ids and file names: ASCII, lowercase, hyphenated, never empty, never a path."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_EXTRA = str.maketrans({"ı": "i", "ø": "o", "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
                        "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "ð": "d"})
_APOSTROPHES = re.compile(r"['\u2019]")
_OTHER = re.compile(r"[^a-z0-9]+")
# slugs that name a folder's own page (articles/index.md is the articles index, not an article):
# an id or file name that would take one gets the kind after it ("index-article", "index-event")
RESERVED = frozenset({"index"})


@lru_cache(maxsize=1 << 17)  # pure, and asked for the same names again and again (every alias of every actor)
def slugify(text: str, fallback_prefix: str = "x") -> str:
    """``"Recep Tayyip Erdoğan"`` -> ``"recep-tayyip-erdogan"``.

    A name with no ASCII letters or digits left (e.g. Arabic script) gets a
    short stable hash instead of an empty slug; a RESERVED slug gets
    ``fallback_prefix`` after it.
    """
    text = text or ""
    if text.isascii():  # most names: nothing to transliterate (the steps below would leave it as is)
        t = text.lower().replace("'", "")
    else:
        t = unicodedata.normalize("NFKD", text.translate(_EXTRA))
        t = _APOSTROPHES.sub("", t.encode("ascii", "ignore").decode("ascii").lower())
    t = _OTHER.sub("-", t).strip("-")
    t = t[:80].rstrip("-")
    if not t:
        t = f"{fallback_prefix}-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    elif t in RESERVED:
        t = f"{t}-{fallback_prefix}"
    return t
