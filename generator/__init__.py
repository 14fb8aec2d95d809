"""Briefing: a static briefing-site generator.

Pipeline: ingest (files -> Article) -> extract (per article: actors, dates,
quotes, figures) -> link (corpus: canonical actors, events, timeline) ->
render (Markdown + front matter) -> MkDocs.
"""

__version__ = "0.1.0"
