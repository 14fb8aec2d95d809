"""The data model passed between pipeline stages: every type one stage hands to another.

- :mod:`.article`: one article file as read (Article, Block) and what the extractors found in it
  (ActorMention, DateMention, Quote, Figure, Extraction), all with character offsets into the file;
- :mod:`.corpus`: the linked corpus (ArticleRecord, Actor, Mention, Corpus);
- :mod:`.events`: Event and the editor's EventEntry; :mod:`.timeline`: Happening, Source;
  :mod:`.measures`: Measure, Point; :mod:`.registry`: the editor's actor Registry and its Entry;
- :mod:`.problem`: Problem, how every stage reports what is wrong with the input.
"""
from .article import (
                      ACTOR_TYPES,
                      FIRST_YEAR,
                      LAST_YEAR,
                      ActorMention,
                      Article,
                      Block,
                      DateMention,
                      Extraction,
                      Figure,
                      Quote,
                      in_date_range,
                      shown_text,
)
from .corpus import Actor, ArticleRecord, Corpus, Mention
from .events import Event, EventEntry
from .measures import Measure, Point
from .registry import Entry, Registry
from .timeline import Happening, Source

__all__ = ["ACTOR_TYPES", "FIRST_YEAR", "LAST_YEAR", "Actor", "ActorMention", "Article", "ArticleRecord", "Block",
           "Corpus", "DateMention", "Entry", "Event", "EventEntry", "Extraction", "Figure", "Happening", "Measure",
           "Mention", "Point", "Quote", "Registry", "Source", "in_date_range", "shown_text"]
