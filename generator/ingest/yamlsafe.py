"""YAML for untrusted content: safe types only, no aliases (no alias bombs),
and line numbers for messages.

What comes back is plain data that JSON can hold and UTF-8 can encode, whatever
the file says: a ``!!set`` becomes a sorted list, ``!!binary`` data is dropped,
a lone surrogate (``"\\uD800"``) becomes U+FFFD, an infinite or NaN number its
text, and a key given twice keeps its first value.  Each such repair is
reported with its line (:attr:`Loaded.problems`), so one odd value never
stops a build.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import yaml

MAX_YAML_BYTES = 1_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")


class YamlProblem(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates and times as text (the caller validates them and reports an
    impossible one, "2023-02-30", with its line) and repairs what JSON or UTF-8 cannot hold."""

    def __init__(self, stream):
        super().__init__(stream)
        self.repairs: list[tuple[int, str, str]] = []  # (0-based line, severity, message)

    def construct_yaml_str(self, node):
        value = super().construct_scalar(node)
        if _SURROGATE.search(value):
            self.repairs.append((node.start_mark.line, "warning", "a lone surrogate escape (such as \\uD800) is not a "
                                                       "character; replaced by \ufffd"))
            value = _SURROGATE.sub("\ufffd", value)
        return value

    def construct_yaml_float(self, node):
        value = super().construct_yaml_float(node)
        return value if math.isfinite(value) else str(self.construct_scalar(node))

    def construct_yaml_set(self, node):
        data: list = []
        yield data
        data.extend(sorted(self.construct_mapping(node), key=str))

    def construct_yaml_binary(self, node):
        self.repairs.append((node.start_mark.line, "warning", "binary data (!!binary) is not text; ignored"))
        return None

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            seen: dict = {}
            kept = []
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:  # an unhashable key: SafeLoader reports it
                    first = None
                if first is not None:
                    self.repairs.append((key_node.start_mark.line, "error", f"{key!r} is given twice (first on line "
                                                                            f"{{line:{first}}}); this one is ignored"))
                    continue
                if isinstance(key, (str, int, float, bool)) or key is None:
                    seen[key] = key_node.start_mark.line
                kept.append((key_node, value_node))
            node.value = kept
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:str", _Loader.construct_yaml_str)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
_Loader.add_constructor("tag:yaml.org,2002:set", _Loader.construct_yaml_set)
_Loader.add_constructor("tag:yaml.org,2002:binary", _Loader.construct_yaml_binary)
# an explicit !!timestamp is kept as its text too, for the same reason as the implicit one
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


@dataclass
class Loaded:
    data: object
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (line, severity, message)
    lines: dict[str, int] = field(default_factory=dict)  # top-level key -> its line
    scalars: dict[str, str] = field(default_factory=dict)  # top-level key -> its value as written, if a scalar


def load_doc(text: str, first_line: int = 1) -> Loaded:
    """Parse ``text``; raises YamlProblem(line, message).  ``first_line`` is the
    file line of the text's first line."""
    if len(text) > MAX_YAML_BYTES:
        raise YamlProblem(first_line, f"YAML block larger than {MAX_YAML_BYTES} bytes")
    if _SURROGATE.search(text):  # only from a file decoded with surrogateescape; never valid text
        text = _SURROGATE.sub("\ufffd", text)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(first_line + event.start_mark.line, "YAML aliases (*name) are not allowed")
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except YamlProblem:
        raise
    except (ValueError, TypeError, RecursionError) as e:
        raise YamlProblem(first_line, f"not valid YAML: {e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        line = first_line + (mark.line if mark is not None else 0)
        raise YamlProblem(line, f"not valid YAML: {getattr(e, 'problem', None) or e}") from None
    out = Loaded(data)
    for line, severity, message in loader.repairs:
        out.problems.append((first_line + line, severity,
                             re.sub(r"\{line:(\d+)\}", lambda m: str(first_line + int(m[1])), message)))
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            name = str(k.value)
            out.lines.setdefault(name, first_line + k.start_mark.line)
            if isinstance(v, yaml.ScalarNode):
                out.scalars.setdefault(name, v.value)
    return out


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_entries(path, kind: str, keys: set[str]) -> tuple[list[tuple[str, int, dict]], list[tuple[int, str, str]]]:
    """An editorial file mapping ids (URL slugs) to entries, such as content/actors.yml.

    Returns ([(id, line, entry)], [(line, "error"|"warning", message)]).  A missing file is
    empty; a file that cannot be read or parsed is reported and ignored; an id that is not a
    slug is slugged, a repeated id or an entry that is not a mapping is skipped, and unknown
    keys are reported."""
    from ..slug import RESERVED, slugify

    entries: list[tuple[str, int, dict]] = []
    problems: list[tuple[int, str, str]] = []
    if not path.is_file():
        return entries, problems
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        return entries, [(1, "error", f"cannot be read: {e}")]
    try:
        doc = load_doc(text)
    except YamlProblem as e:
        return entries, [(e.line, "error", f"{e}; the file is ignored")]
    data, lines = doc.data, doc.lines
    problems.extend(doc.problems)
    if data is None:
        return entries, problems
    if not isinstance(data, dict):
        return entries, [(1, "error", f"the file should map {kind} ids to entries; ignored")]
    seen: set[str] = set()
    for raw_id, body in data.items():
        line = lines.get(str(raw_id), 1)
        eid = str(raw_id)
        if eid in RESERVED:
            fixed = slugify(eid, kind)
            problems.append((line, "error", f"{kind} id {eid!r} is the address of the {kind}s' index page; "
                                            f"using {fixed!r}"))
            eid = fixed
        elif not _SLUG.match(eid):
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
