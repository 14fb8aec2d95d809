"""Ingest: an article file -> Article (metadata, text view, blocks).

:mod:`.decode` turns bytes into text, :mod:`.frontmatter` reads YAML front matter
(through :mod:`.yamlsafe`, also used for the editorial files), :mod:`.markdown` makes the
text view of a Markdown body and :mod:`.structure` that of a plain-text one, then reads
the beginning of any article as an editor would; :mod:`.parse` puts them together."""
from .decode import decode, has_text, text_digest
from .frontmatter import valid_date
from .markdown import markdown
from .parse import parse, read_article
from .structure import DATELINE

__all__ = ["DATELINE", "decode", "has_text", "markdown", "parse", "read_article", "text_digest", "valid_date"]
