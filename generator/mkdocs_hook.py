"""A thin MkDocs hook: plain ``mkdocs build``/``mkdocs serve`` regenerate the
pages from ``content/`` first.  ``briefing build`` sets BRIEFING_GENERATED=1
after generating, so the work is not done twice.  No plugin is involved:
without the hook the generated tree builds the same (e.g. with Zensical)."""
from __future__ import annotations

import os
from pathlib import Path


def on_pre_build(config, **kwargs):
    if os.environ.get("BRIEFING_GENERATED") == "1":
        return
    from generator.build import generate

    root = Path(config["config_file_path"]).parent
    generate(root, Path(config["docs_dir"]))
