"""Content words of an article for event clustering (weighed and compared in :mod:`generator.events.vectors`).

What is here is a pure function of one article, computed at extraction and
cached with it (so this module is part of the extraction cache's version);
the corpus-wide weighting is not, so that it can change without
invalidating every article's cache entry.

Pure Python, no corpus-specific data: a stop list of function words and of
words that every news report uses ("said", "Tuesday", "percent", "officials"),
fragments of web addresses ("www", "com", "pic"), a light plural stemmer, and numbers kept as words (a figure such as "$280bn"
or "1,400" is among the most specific things two reports of one happening
share).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..model import Article

LEAD_SENTENCES = 3  # the lead: headline plus the first sentences of the body
LEAD_WEIGHT = 2  # words (and actors) of the lead count this many times
HEADLINE_WEIGHT = 1  # words of the headline count as much as body words (headlines are often catchy)

_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:[.,]\d+)*(?:bn|m|k)?")

STOP = frozenset("""
a about above across after afterwards again against all almost alone along already also although always am among
amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because become
becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
could did do does doing done down due during each either else elsewhere enough even ever every everyone everything
everywhere except few first for former formerly from further had has have having he hence her here hereafter hereby
herein hers herself him himself his how however i if in indeed instead into is it its itself just last latter least
less let like likely many may me meanwhile might mine more moreover most mostly much must my myself namely neither
never nevertheless next no nobody none nor not nothing now nowhere of off often on once one only onto or other others
otherwise our ours ourselves out over own per perhaps please quite rather really same seem seemed seeming seems
several she should since so some somehow someone something sometime sometimes somewhere still such than that the
their theirs them themselves then there thereafter thereby therefore therein these they this those though through
throughout thus to together too toward towards under until up upon us very via was we well were what whatever when
whence whenever where whereas whereby wherever whether which while who whoever whole whom whose why will with within
without would yet you your yours yourself yourselves
said says say saying told tell tells according added adding asked noted stated claimed reported report reports
reporting statement statements comment comments commented spokesman spokeswoman spokesperson interview
mr mrs ms dr sir
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight week weeks weekend
month months year years day days time times morning afternoon evening night earlier later recent recently ago


new news people percent cent number numbers part way ways lot lots thing things made make makes making get gets got
going go goes went come comes came take takes took taken give gives gave given know known see seen look looks want
wants wanted think thinks thought use used using need needs put puts called call calls include includes including
told two three four five six seven eight nine ten hundred thousand million billion first second third
many much also would could should one ones another don didn doesn isn wasn aren weren won wouldn couldn shouldn
ve ll re s t d m
http https www com org net html htm href pic datetime
""".split())


def stem(word: str) -> str:
    """Plural and possessive endings only: 'policies' -> 'policy', 'talks' -> 'talk'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def _normal(tok: str) -> str | None:
    """The content word a token stands for, or None."""
    if tok[0].isdigit():
        tok = tok.replace(",", "")
        if len(tok) >= 3 and not re.fullmatch(r"(19|20)\d\d", tok):  # a year is context, not content
            return tok
        return None
    w = tok.lower()
    if len(w) < 3 or w in STOP:
        return None
    w = stem(w)
    return None if w in STOP else w


def words(text: str) -> list[str]:
    """Content words of a text: lower-cased, stemmed, stop words and short words left out."""
    return [w for w in map(_normal, _TOKEN.findall(text)) if w is not None]


def lead_end(article: Article, n: int = LEAD_SENTENCES) -> int:
    """Offset where the lead (the first n sentences of the text) ends.  Labels set as sentences
    ("ABSTRACT.", "LETTERS.", "FULL TEXT.") do not count as sentences of the lead."""
    view = article.view
    count, end = 0, 0
    for s, e in article.sentences:
        end = e
        if len(view[s:e].split()) >= 4:
            count += 1
            if count >= n:
                break
    return end or len(view)


def headline(article: Article) -> str:
    return "" if article.title_inferred else article.title


def article_words(article: Article) -> dict[str, int]:
    """The article's content words with their counts, those of the lead counted
    :data:`LEAD_WEIGHT` times, the headline's :data:`HEADLINE_WEIGHT` times; a wire
    dateline's date and agency ("Dec. 11 (UPI) —") left out, as they say nothing of the
    happening.  A pure function of the article: computed once at extraction and cached
    with it, so a rebuild does not tokenise every article again."""
    view = article.view
    if article.dateline:
        _s, place_end, end = article.dateline
        view = view[:place_end] + " " * (end - place_end) + view[end:]
    cut = lead_end(article)
    terms: Counter = Counter({t: c * LEAD_WEIGHT for t, c in Counter(words(view[:cut])).items()})
    terms.update({t: c * HEADLINE_WEIGHT for t, c in Counter(words(headline(article))).items()})
    terms.update(words(view[cut:]))
    return dict(terms)
