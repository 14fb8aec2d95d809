"""Front matter: the YAML block opening every generated page (JSON flow values, which YAML reads)."""
from __future__ import annotations

import json
import re

# characters YAML does not accept unescaped (besides tab and newline, which JSON escapes anyway)
# (and the line breaks YAML folds inside quoted strings: NEL, LS, PS)
_YAML_UNSAFE = re.compile("[^\x09\x0A\x0D\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def yaml_value(value) -> str:
    """A YAML flow value: JSON (which YAML reads) with the characters YAML rejects escaped.
    Orders of magnitude faster than PyYAML's pure-Python emitter on large pages."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000
                            else json.dumps(m.group())[1:-1], text)


def front_matter(data: dict) -> str:
    """YAML front matter, one top-level key per line."""
    return "---\n" + "".join(f"{k}: {yaml_value(v)}\n" for k, v in data.items()) + "---\n\n"
