"""Property tests: for any text, ingest and every extractor raise nothing, every offset
slices to its text, and the output is JSON-serialisable and deterministic.

The budget is set by BRIEFING_FUZZ_EXAMPLES (default 200 examples per property)."""
import json
import os
from dataclasses import asdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import analyse
from generator.extract.actors import extract_actors
from generator.extract.dates import extract_dates, infer_published
from generator.extract.figures import extract_figures
from generator.extract.quotes import extract_quotes
from generator.ingest import parse

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

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


def check_offsets(raw, records):
    for r in records:
        assert 0 <= r.start <= r.end <= len(raw)
        assert raw[r.start:r.end] == r.text


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
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text or q.speaker_text
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
