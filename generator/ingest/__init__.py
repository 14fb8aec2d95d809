"""Ingest: an article file -> Article (metadata, text view, blocks).

:mod:`.encoding` turns bytes into text, :mod:`.frontmatter` reads YAML front matter
(through :mod:`.yamlsafe`, also used for the editorial files), :mod:`.markdown_view` makes the
text view of a Markdown body and :mod:`.structure` that of a plain-text one, then reads
the beginning of any article as an editor would; :mod:`.reader` puts them together."""
from .encoding import decode, has_text, text_digest
from .frontmatter import valid_date
from .markdown_view import markdown
from .reader import parse, read_article
from .structure import DATELINE

__all__ = ["DATELINE", "decode", "has_text", "markdown", "parse", "read_article", "text_digest", "valid_date"]
