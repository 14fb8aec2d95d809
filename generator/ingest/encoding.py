"""Decode: an article file's bytes -> text, with a problem for anything that is not clean UTF-8,
and the small text helpers ingest shares."""
from __future__ import annotations

import hashlib
import re
import unicodedata

# Characters that show nothing by themselves, besides whitespace: the soft hyphen, zero-width
# spaces and joiners, direction marks, byte-order marks, variation selectors, fillers.  A
# text made only of these (and of other format characters, lone combining marks, control,
# private-use or unassigned code points: see has_text) holds no article text.
_INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
              "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8")


_MAYBE_SHOWN = re.compile(f"[^\\s{_INVISIBLE}]")


_EDGES = re.compile(f"^[\\s{_INVISIBLE}]+|[\\s{_INVISIBLE}]+$")


_NOT_SHOWN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Zs", "Zl", "Zp"))


def has_text(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a character that shows (not only whitespace and invisible
    characters such as U+200B): a file without one holds no article text."""
    for m in _MAYBE_SHOWN.finditer(text, start, len(text) if end is None else end):
        if unicodedata.category(m.group()) not in _NOT_SHOWN:
            return True
    return False


def trim(s: str) -> str:
    """``s`` without whitespace or invisible characters at either end (titles, names)."""
    return _EDGES.sub("", s)


def blank_out(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks (same length)."""
    return text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]


def decode(data: bytes) -> tuple[str, list[str]]:
    """File bytes -> text; problems for anything that is not clean UTF-8.

    The text is what every offset points into, so it is as long as the file read the usual way:
    UTF-8 with each invalid byte sequence replaced by U+FFFD (``bytes.decode(errors="replace")``),
    one warning naming the first damaged line and the count.  A file with fewer valid multi-byte
    UTF-8 characters than damaged places (none, in a Latin-1 file) is a legacy 8-bit file, read
    as Latin-1: its letters stay letters, and no valid UTF-8 is turned into mojibake.  A UTF-32 or
    UTF-16 byte-order mark selects that encoding (UTF-32 first: its little-endian mark begins
    with UTF-16's).  NUL characters, never text, are replaced by U+FFFD (as Markdown does) with
    a warning, so none reaches a page."""
    problems: list[str] = []
    text = None
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            text = data.decode("utf-32")
            problems.append("line 1: warning: file is UTF-32, not UTF-8; read as UTF-32")
        except UnicodeDecodeError:
            text = None
    if text is None and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        problems.append("line 1: warning: file is UTF-16, not UTF-8; read as UTF-16")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _damaged_utf8(data, problems)
    if "\x00" in text:
        n = text.count("\x00")
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.append(f"line {line}: warning: {n} NUL character{'s' if n > 1 else ''} (a damaged file?);"
                        f" replaced by U+FFFD")
        text = text.replace("\x00", "\ufffd")
    return text, problems


_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that surrogateescape could not decode


_DECODED = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _damaged_utf8(data: bytes, problems: list[str]) -> str:
    """Text of a file that is not valid UTF-8 (see :func:`decode`)."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    first = _ESCAPED.search(escaped)
    line = escaped.count("\n", 0, first.start()) + 1
    runs = _ESCAPED.findall(escaped)
    bad = sum(map(len, runs))
    good = len(_DECODED.findall(escaped))  # characters of valid multi-byte sequences
    if good < len(runs):  # mostly (or only) bytes that are not UTF-8: a legacy 8-bit file
        problems.append(f"line {line}: warning: not valid UTF-8; read as Latin-1")
        return data.decode("latin-1")
    problems.append(f"line {line}: warning: not valid UTF-8 ({bad} invalid byte{'s' if bad > 1 else ''}, the first"
                    f" on this line); shown as U+FFFD")
    return data.decode("utf-8", errors="replace")


def line_starts(text: str) -> list[int]:
    """Where each line begins, as Markdown counts lines (a lone CR ends one too)."""
    starts = [0]
    for m in re.finditer("\r\n?|\n", text):
        starts.append(m.end())
    return starts


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def text_digest(view: str) -> str:
    """sha1 of a text view with its whitespace collapsed: the same text, however it is wrapped."""
    return hashlib.sha1(" ".join(view.split()).encode("utf-8", "surrogatepass")).hexdigest()
