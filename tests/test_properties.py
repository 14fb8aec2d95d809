"""Property tests: for any text, ingest and every extractor raise nothing, every offset
slices to its text (plain text and Markdown alike), and the output is JSON-serialisable
and deterministic.

The budget is fixed, so CI time is bounded: BRIEFING_FUZZ_EXAMPLES examples per property
(default 200), no deadline, derandomized (the same examples on every run)."""
import json
import os
import re
from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.common.entities import entities

from generator.build import analyse
from generator.build.read import analyse_article
from generator.extract.actors import extract_actors
from generator.extract.dates import extract_dates, infer_published
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.extract.records import extraction_json
from generator.ingest import parse

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

# news-like pieces mixed with arbitrary text, so the extractors' interesting paths are reached
PIECES = ["Turkish President Recep Tayyip Erdogan", " said", " on Saturday", " October 7", " 2023-10-07", " in 2010",
          " last week", " \u201c", "\u201d", " \"", "'", " \u2018", "\u2019", " some 1,400 people", " $20 billion",
          " \u20ac3.5m", " 12%", " dozens", " two and a half hours", ", according to the ministry", ".", "\n", "\n\n",
          " ANKARA, Turkey \u2014", "---\n", "date 2023-11-12 ", "# ", "* ", "[link](javascript:x)", "<script>",
          " J. Smith", " de la", "-run", " he", " she", " it", "&amp;", "\\", "\r\n", "\t", "\u00e9", "\u015e",
          " Mr.", " U.S.", "1.", " F-16", " 3-1", " one of the", "\u2014"]
text_st = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join),
)


# what Markdown articles are made of besides: emphasis, links, images, entities, escapes, code,
# lists, block quotes, headings, front matter
MD_PIECES = ["*", "**", "_", "__", "`", "``", "[", "]", "](https://www.reuters.com/a \"said Erdogan\")", "](u)",
             "<https://a.b/c?d=1>", "![Erdogan said \u201chi\u201d](i.png \"t a\")", "[ref]", "\n[ref]: http://x \"T\"\n",
             "&amp;", "&quot;", "&ldquo;", "&rdquo;", "&rsquo;", "&nbsp;", "&#67;", "&#x41;", "&eacute;", "&Agrave;",
             "&#0;", "&bogus;", "AT&T", "\\*", "\\_", "\\[", "\\\\", "\\\"", "\n- ", "\n* ", "\n1. ", "\n> ",
             "\n## ", "\n```\n", "\n    ", "  \n", "\\\n", "\r", "\x00", "\u200b", "---\ntitle: T\n---\n",
             " The \"ACT.\"", " said: \u201cWe *will* not stop,\u201d", " 7,500 people", " Oct. 7, 2023", " Jane Doe"]
article_st = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(MD_PIECES), st.text(max_size=6)),
                      max_size=60).map("".join)


def check_offsets(raw, records):
    for r in records:
        assert 0 <= r.start <= r.end <= len(raw)
        assert raw[r.start:r.end] == r.text


def check_answer(raw, answer):
    """Every record of an ``extract --json`` answer slices the file to its text: actor mentions,
    dates, quotes (and their speakers), figures."""
    spans = [m for a in answer["actors"] for m in a["mentions"]] + answer["dates"] + answer["quotes"] + answer["figures"]
    for r in spans:
        assert 0 <= r["start"] <= r["end"] <= len(raw), r
        assert raw[r["start"]:r["end"]] == r["text"], r
    for q in answer["quotes"]:
        if q["speaker_start"] is None:
            continue
        assert raw[q["speaker_start"]:q["speaker_end"]] == q["speaker_name"], q
        # the speaker as written: the name and what follows it in its noun phrase, from the same place
        assert raw.startswith(q["speaker_text"], q["speaker_start"]), q


@SETTINGS
@given(text_st, st.sampled_from(["a.txt", "a.md"]))
def test_ingest_any_text(text, name):
    a = parse(name, text)
    assert len(a.view) == len(a.raw) == len(text)
    assert all(0 <= b.start <= b.end <= len(text) for b in a.blocks)
    assert isinstance(a.title, str) and a.title
    json.dumps(asdict(a))


@SETTINGS
@given(text_st)
def test_extractors_any_text(text):
    view = parse("a.txt", text).view
    actors = extract_actors(view)
    check_offsets(text, actors)
    dates = extract_dates(view, "2023-11-12")
    check_offsets(text, dates)
    check_offsets(text, extract_dates(view, None))
    quotes = extract_quotes(view, actors)
    check_offsets(text, quotes)
    for q in quotes:
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
    figures = extract_figures(view)
    check_offsets(text, figures)
    value, evidence = infer_published(view)
    assert value is None or len(value) == 10
    json.dumps([asdict(x) for x in actors + dates + quotes + figures])


@SETTINGS
@given(text_st, st.sampled_from(["a.txt", "a.md"]))
def test_whole_analysis_deterministic(text, name):
    one = analyse(name, text.encode("utf-8", "surrogatepass"))
    two = analyse(name, text.encode("utf-8", "surrogatepass"))
    assert json.dumps(asdict(one[1]), sort_keys=True) == json.dumps(asdict(two[1]), sort_keys=True)
    assert one[0].title == two[0].title and one[0].published == two[0].published
    assert not one[2], one[2]  # no extractor failed


@SETTINGS
@given(st.one_of(text_st, article_st), st.sampled_from(["a.txt", "a.md"]))
def test_extract_answer_offsets_slice_the_file(text, name):
    """The contract of ``briefing extract --json`` (shared/eval/README.md): text == file[start:end],
    for Markdown articles too, whose extractors read a view without the markup."""
    article = parse(name, text)
    check_answer(text, extraction_json(article, analyse_article(article)[0]))


@pytest.mark.parametrize("broken", [
    {"dates": [{"start": 3, "end": 8, "text": "hello  big"}]},  # the text view's words, not the file's
    {"quotes": [{"start": 0, "end": 5, "text": "He sa", "speaker_start": 10, "speaker_end": 12,
                 "speaker_name": "xx", "speaker_text": "xx"}]},
    {"quotes": [{"start": 0, "end": 5, "text": "He sa", "speaker_start": 0, "speaker_end": 2,
                 "speaker_name": "He", "speaker_text": "She said"}]},
])
def test_the_offset_check_can_fail(broken):
    answer = {"actors": [], "dates": [], "quotes": [], "figures": [], **broken}
    with pytest.raises(AssertionError):
        check_answer("He said \u201chello *big* world\u201d.", answer)


# words joined by entities and escapes on one line (no other Markdown, no indented code): every
# letter and digit of the file outside an entity is in the view where it stands, and the view
# holds nothing the file does not
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
words_st = st.lists(st.sampled_from(["ACT", "Erdogan", "said", "7", "caf", "&amp;", "&nbsp;", "&#67;", "&#65;",
                                     "&Agrave;", "&eacute;", "&ldquo;", "&rdquo;", "&quot;", "&copy;", "&bogus;",
                                     "\\*", "\\_", "\\\\", "\\&", " ", " ", ".", ","]),
                    max_size=30).map(lambda s: "".join(s).lstrip())


@SETTINGS
@given(words_st)
def test_markdown_view_keeps_every_real_character(text):
    view = parse("a.md", text).view
    inside = set()
    for m in _ENTITY.finditer(text):
        if m.group()[1] == "#" or m.group()[1:-1] in entities:  # "&bogus;" is text
            inside.update(range(m.start(), m.end()))
    for i, (r, v) in enumerate(zip(text, view)):
        if r.isalnum() and i not in inside:
            assert v == r, (i, view)
        assert v in (" ", r) or i in inside, (i, view)
