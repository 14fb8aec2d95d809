"""Link: across the corpus.  :mod:`.actors` turns each article's mentions into canonical actors
(with the editor's :mod:`.registry`, content/actors.yml); :mod:`.timeline` gathers dated
happenings and :mod:`.measures` the figures reported for one quantity."""
from .actors import link

__all__ = ["link"]
