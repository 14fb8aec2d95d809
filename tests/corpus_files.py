"""Reading files of the benchmark corpus (../shared/corpus/articles) for the annotation joins.

A corpus file is YAML front matter between two '---' lines, then the body; offsets in the
annotations are into the body, exactly as it follows the closing line."""
from __future__ import annotations


def split_front_matter(text: str, name: str) -> tuple[str, str]:
    """(front matter, body) of a corpus file."""
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        raise ValueError(f"{name}: does not start with a front matter line '---'")
    try:
        close = lines.index("---", 1)
    except ValueError:
        raise ValueError(f"{name}: front matter is not closed by a '---' line") from None
    prefix = sum(len(line) + 1 for line in lines[: close + 1])
    return "\n".join(lines[1:close]), text[prefix:]
