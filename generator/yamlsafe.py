"""YAML for untrusted content: safe types only, no aliases (no alias bombs),
and line numbers for messages."""
from __future__ import annotations

import re

import yaml

MAX_YAML_BYTES = 1_000_000


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates and times as text: the caller validates them and
    reports an impossible one ("2023-02-30") with its line instead of crashing."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlProblem(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def load(text: str, first_line: int = 1):
    """Parse ``text``; raises YamlProblem(line, message).  ``first_line`` is the
    file line of the text's first line."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlProblem(first_line, f"YAML block larger than {MAX_YAML_BYTES} bytes")
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(first_line + event.start_mark.line, "YAML aliases (*name) are not allowed")
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except YamlProblem:
        raise
    except (ValueError, TypeError, RecursionError) as e:
        raise YamlProblem(first_line, f"not valid YAML: {e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = first_line + (mark.line if mark is not None else 0)
        raise YamlProblem(line, f"not valid YAML: {getattr(e, 'problem', None) or e}") from None


def key_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """Line of each top-level key of a mapping document (for messages)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    out = {}
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            out[str(k.value)] = first_line + k.start_mark.line
    return out


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_entries(path, kind: str, keys: set[str]) -> tuple[list[tuple[str, int, dict]], list[tuple[int, str, str]]]:
    """An editorial file mapping ids (URL slugs) to entries, such as content/actors.yml.

    Returns ([(id, line, entry)], [(line, "error"|"warning", message)]).  A missing file is
    empty; a file that cannot be read or parsed is reported and ignored; an id that is not a
    slug is slugged, a repeated id or an entry that is not a mapping is skipped, and unknown
    keys are reported."""
    from .slug import slugify

    entries: list[tuple[str, int, dict]] = []
    problems: list[tuple[int, str, str]] = []
    if not path.is_file():
        return entries, problems
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return entries, [(1, "error", f"cannot be read: {e}")]
    try:
        data = load(text)
    except YamlProblem as e:
        return entries, [(e.line, "error", f"{e}; the file is ignored")]
    if data is None:
        return entries, problems
    if not isinstance(data, dict):
        return entries, [(1, "error", f"the file should map {kind} ids to entries; ignored")]
    lines = key_lines(text)
    seen: set[str] = set()
    for raw_id, body in data.items():
        line = lines.get(str(raw_id), 1)
        eid = str(raw_id)
        if not _SLUG.match(eid):
            fixed = slugify(eid, kind)
            problems.append((line, "error", f"{kind} id {eid!r} is not a slug (lowercase letters, digits, hyphens); "
                                            f"using {fixed!r}"))
            eid = fixed
        if eid in seen:
            problems.append((line, "error", f"{kind} id {eid!r} appears twice; the later entry is ignored"))
            continue
        body = {} if body is None else body
        if not isinstance(body, dict):
            problems.append((line, "error", f"entry {eid!r} should be a mapping of keys; ignored"))
            continue
        for k in body:
            if k not in keys:
                problems.append((line, "warning", f"{eid}: unknown key {k!r} ignored (known: {', '.join(sorted(keys))})"))
        seen.add(eid)
        entries.append((eid, line, body))
    return entries, problems
