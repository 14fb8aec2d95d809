"""Helpers shared by the tests."""
from __future__ import annotations

from generator.model import Corpus
from generator.render.site import event_files, event_free_files


def draw(corpus: Corpus, reuse: dict[str, str] | None = None) -> dict[str, str | None]:
    """Every file of the docs tree for a linked corpus (with its events attached), drawn as a build
    draws them: the files that do not depend on the events, then the rest."""
    files, happenings = event_free_files(corpus)
    files.update(event_files(corpus, reuse or {}, happenings)[0])
    return files
