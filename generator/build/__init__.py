"""Build: read the articles (:mod:`.read`, cached in :mod:`.cache`), run the stages, write
``docs/`` (:mod:`.pipeline`, what changed only: :mod:`.manifest`), one build at a time
(:mod:`.lock`), with a second core where it helps (:mod:`.parallel`)."""
from .pipeline import generate
from .read import Report, analyse, is_error, load

__all__ = ["Report", "analyse", "generate", "is_error", "load"]
