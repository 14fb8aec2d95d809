"""Render: a linked corpus -> finished Markdown pages and exports, one module per page kind
(:mod:`.article`, :mod:`.actor`, :mod:`.event`, :mod:`.indexes`, :mod:`.lists` for the timeline,
quotes and figures, :mod:`.exports`, :mod:`.feed`), with the pictures (:mod:`.pictures`), the
front matter (:mod:`.frontmatter`) and the addresses (:mod:`.urls`) they share.  :mod:`.site`
says which files a site has and what each page is drawn from."""
from .site import event_files, event_free_files

__all__ = ["event_files", "event_free_files"]
