"""The data model passed between pipeline stages.

Every extracted record carries ``start``/``end`` character offsets into the
article file as read from disk (decoded UTF-8, no newline translation), so
that ``record.text == article.raw[start:end]`` (and a quote's
``speaker_text == article.raw[speaker_start:speaker_end]``), in Markdown
articles too.  Extractors receive the article's *text view*: a string of the
same length as the file in which markup and metadata (front matter, Markdown
syntax, link targets, the inline date prefix) are blanked with spaces,
newlines kept.  Offsets into the view are therefore offsets into the file.
What a page shows of a record is :func:`shown_text`: the same text without the
Markdown (``hello *big* world`` reads ``hello big world``).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

ACTOR_TYPES = ("person", "organization", "country", "place")

# The years a date may fall in, published or reported.  Every later stage does arithmetic on
# dates (a week before publication, the month after the last article); Python's dates end at
# the years 1 and 9999, so a value there would stop the build.  A date outside this range is
# a typo or not a date at all in a news briefing: a publication date is refused with a message,
# an extracted one is kept as text without a value.
FIRST_YEAR, LAST_YEAR = 1000, 2999


def in_date_range(iso: str | None) -> bool:
    """Whether an ISO value ("2023", "2023-10-07", "2023-W44") lies in FIRST_YEAR..LAST_YEAR; a value
    without a four-digit year (a decade such as "199") counts as inside."""
    if not iso or len(iso) < 4 or not iso[:4].isdigit():
        return True
    return FIRST_YEAR <= int(iso[:4]) <= LAST_YEAR


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in one article."""

    start: int
    end: int
    text: str
    type: str  # one of ACTOR_TYPES
    name: str  # the fullest name for this actor within the article ("Recep Tayyip Erdogan")
    role: str | None = None  # title or role seen with the mention ("Turkish President")


@dataclass(frozen=True)
class DateMention:
    """A time expression normalised to ISO 8601 at the granularity the text gives."""

    start: int
    end: int
    text: str
    value: str | None  # "2010", "2023-10", "2023-10-07", "2023-W44", "2023-W44-WE"; None if unknown


@dataclass(frozen=True)
class Quote:
    """A direct quotation; start/end cover the text inside the quotation marks."""

    start: int
    end: int
    text: str
    partial: bool = False
    speaker_start: int | None = None  # span of the speaker's name as resolved (a name, not a pronoun, when possible)
    speaker_end: int | None = None
    speaker_text: str | None = None
    cue: str | None = None  # the reporting verb or cue ("said", "according to")
    anonymous: bool = False  # "a source close to the dossier"
    speaker_description: str | None = None  # description of an anonymous or non-name speaker


@dataclass(frozen=True)
class Figure:
    """A reported number with what it counts."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None  # "people", "USD", "percent", "hours", ...
    counted: str | None = None  # what is counted ("Israeli and foreign hostages")
    qualifier: str | None = None  # "approximately", "at least", ...
    vague: bool = False  # "dozens", "thousands of"
    high: float | None = None  # upper bound of a range or vague quantity
    predicate: str | None = None  # "killed", "detained", ...
    attribution: str | None = None  # "the Hamas-run health ministry"


@dataclass
class Block:
    """A block of the article: headline, standfirst, byline, body paragraph..."""

    start: int
    end: int
    kind: str  # "headline" | "standfirst" | "byline" | "paragraph" | "heading" | "list" | "quote" | "code"
    anchor: str = ""
    html: str = ""  # Markdown articles: the block as HTML (markdown-it, raw HTML shown as text)


@dataclass
class Article:
    path: str  # as given
    raw: str  # the file as read (UTF-8, no newline translation)
    view: str  # same length as raw: what extractors read
    slug: str = ""
    fmt: str = "txt"  # "txt" | "md"
    title: str = ""
    title_inferred: bool = False
    published: str | None = None  # ISO date
    published_from: str | None = None  # "front matter" | "inline prefix" | "inferred"
    published_evidence: list[str] = field(default_factory=list)
    source: str | None = None
    author: str | None = None
    url: str | None = None
    place: str | None = None
    agency: str | None = None  # the news agency a wire dateline names: "LONDON (Reuters) -"
    dateline: list[int] | None = None  # [start, end of the place, end] of the dateline opening the lead
    meta: dict[str, Any] = field(default_factory=dict)  # other front-matter keys, kept
    blocks: list[Block] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # sentence spans of the text blocks
    problems: list[str] = field(default_factory=list)  # "line N: message"
    # sha1 of the text view with its whitespace collapsed: two files with the same text (a warning)
    text_digest: str = ""


@dataclass
class Extraction:
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    # the article's content words with their counts (lead weighted), for events: a pure function of
    # the article, so cached here rather than recomputed on every build (events_text.article_words)
    words: dict[str, int] = field(default_factory=dict)


# an entity inside a word, which the text view keeps as written ("AT&amp;T": see ingest.markdown_view._entity_marks)
_WORD_ENTITY = re.compile(r"(?<=[^\W_])&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});(?=[^\W_])")


def shown_text(article: Article, start: int, end: int) -> str:
    """How the text at [start, end) reads on a page: the file's text itself, or where it holds
    Markdown (emphasis marks, link targets, escapes, entities), the text view's words without
    the markup.  Records keep the file's text in ``text`` (the offsets contract); pages show this."""
    raw = article.raw[start:end]
    view = article.view[start:end]
    if view == raw and (article.fmt != "md" or "&" not in raw):
        return raw
    text = " ".join(view.split())
    return _WORD_ENTITY.sub(lambda m: html.unescape(m.group()), text) if article.fmt == "md" else text
