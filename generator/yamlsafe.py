"""YAML for untrusted content: safe types only, no aliases (no alias bombs),
and line numbers for messages."""
from __future__ import annotations

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
