"""Events: articles that report one happening.  Each article is represented by weighted terms
(:mod:`.terms`, :mod:`.vectors`, :mod:`.docs`), pairs are scored (:mod:`.scoring`), grouped
(:mod:`.clustering`) and described (:mod:`.describe`: date, title, id, evidence); the editor's
content/events.yml has the last word (:mod:`.editorial`).  Every tunable is in :mod:`.params`."""
from .clustering import cluster, infer_published, related

__all__ = ["cluster", "infer_published", "related"]
