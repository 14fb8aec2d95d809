"""A thin MkDocs hook: plain ``mkdocs build``/``mkdocs serve`` regenerate the
pages from ``content/`` first.  ``briefing build`` sets BRIEFING_GENERATED=1
after generating, so the work is not done twice.  No plugin is involved:
without the hook the generated tree builds the same (e.g. with Zensical).

Each MkDocs build holds the checkout's build lock (generator.build.lock) from before
the pages are generated until the site is written, so it never runs beside a
``briefing build``; ``mkdocs serve`` holds it only while it rebuilds.  Under
``briefing build`` (BRIEFING_GENERATED=1) the hook takes nothing: its parent
holds the lock, and waiting for it would wait for ourselves."""
from __future__ import annotations

import os
from pathlib import Path

_locked: list[Path] = []  # the root this build locked, until it ends (post_build or build_error)


def on_pre_build(config, **kwargs):
    if os.environ.get("BRIEFING_GENERATED") == "1":
        return
    from generator.build import generate
    from generator.build.lock import acquire

    root = Path(config["config_file_path"]).parent
    _release()  # a build that ended without either event below (none known): never hold it twice
    acquire(root)
    _locked.append(root)
    generate(root, Path(config["docs_dir"]))


def _release(**kwargs):
    from generator.build.lock import release

    while _locked:
        release(_locked.pop())


on_post_build = _release
on_build_error = _release
on_shutdown = _release
