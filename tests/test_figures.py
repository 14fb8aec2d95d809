"""Tests of the figures (numeric claims) extractor."""
from __future__ import annotations

import glob
from pathlib import Path

import pytest

from generator.extract.figures import extract_figures
from generator.ingest import read_article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"


def figs(text):
    out = extract_figures(text)
    for f in out:
        assert text[f.start:f.end] == f.text
    return out


def one(text, needle=None):
    """The single figure of text (or the one whose text contains needle)."""
    out = figs(text)
    if needle is not None:
        out = [f for f in out if needle in f.text]
    assert len(out) == 1, [f.text for f in figs(text)]
    return out[0]


def texts(text):
    return [f.text for f in figs(text)]


# ----------------------------------------------------------------------------- counts


def test_cardinal_with_counted_noun_and_qualifier():
    f = one("Israeli raids killed approximately 1,400 people, mostly civilians.")
    assert f.text == "approximately 1,400 people"
    assert f.value == 1400 and f.unit == "people" and f.counted == "people"
    assert f.qualifier == "approximately"


def test_counted_noun_phrase_with_adjectives():
    f = one("He had been in touch over some 200 Israeli and foreign hostages held in Gaza.")
    assert f.text == "some 200 Israeli and foreign hostages"
    assert f.value == 200 and f.counted == "Israeli and foreign hostages" and f.unit == "hostages"
    assert f.qualifier == "some"


@pytest.mark.parametrize("text,qual,value", [
    ("More than 300 workers were laid off.", "more than", 300),
    ("It employs at least 55 staff.", "at least", 55),
    ("Up to 40 houses were destroyed.", "up to", 40),
    ("Nearly 1,000 people marched.", "nearly", 1000),
    ("Over 10,000 people have died.", "over", 10000),
    ("Around 9,500 people have been killed.", "around", 9500),
])
def test_qualifiers(text, qual, value):
    f = one(text)
    assert f.qualifier == qual and f.value == value
    assert f.text.lower().startswith(qual)


def test_spelled_numbers():
    assert one("Police detained five people.").value == 5
    assert one("Twenty-five soldiers were wounded.").value == 25
    assert one("It cost two hundred and fifty thousand pounds.").value == 250000
    f = one("They sold three million copies.")
    assert f.value == 3_000_000 and f.unit == "copies"


def test_digits_with_scale_words():
    assert one("The city has 1.4 million residents.").value == 1_400_000
    f = one("Turkey has a population of 80m people.")
    assert f.value == 80_000_000


# ----------------------------------------------------------------------------- money


@pytest.mark.parametrize("text,value,unit", [
    ("a $20 billion deal for fighter jets", 20_000_000_000, "USD"),
    ("It paid €3.5m for the site.", 3_500_000, "EUR"),
    ("The firm made £600m last year.", 600_000_000, "GBP"),
    ("profits of $1.13bn for the quarter", 1_130_000_000, "USD"),
    ("It will cost 2 billion lira to build.", 2_000_000_000, "TRY"),
    ("sales of 500,000 euros were recorded", 500_000, "EUR"),
    ("revenues of A$2.6bn", 2_600_000_000, "AUD"),
    ("The fine was US$5 million.", 5_000_000, "USD"),
    ("Shares closed at 583p in London.", 583, "pence"),
    ("They lost hundreds of millions of dollars.", 200_000_000, "USD"),
])
def test_money(text, value, unit):
    f = one(text)
    assert f.value == value and f.unit == unit


def test_money_in_brackets_gives_two_figures():
    out = figs("Profits jumped to $1.13bn (£600m) in the quarter.")
    assert [(f.text, f.unit) for f in out] == [("$1.13bn", "USD"), ("£600m", "GBP")]


# ----------------------------------------------------------------------------- percent


@pytest.mark.parametrize("text,value,unit", [
    ("Sales rose 12% last year.", 12, "percent"),
    ("Inflation was 2.5 per cent in May.", 2.5, "percent"),
    ("Support fell to 45 percent.", 45, "percent"),
    ("Rates went up by 0.25 percentage points.", 0.25, "percentage points"),
])
def test_percentages(text, value, unit):
    f = one(text)
    assert f.value == value and f.unit == unit


# ----------------------------------------------------------------------------- durations and ages


def test_durations_that_measure_how_long():
    f = one("The meeting lasted for two and a half hours.")
    assert f.text == "two and a half hours" and f.value == 2.5 and f.unit == "hours"
    f = one("He was sentenced to 90 days in jail.")
    assert f.value == 90 and f.unit == "days"
    f = one("They signed a five-year deal.")
    assert f.value == 5 and f.unit == "years"
    assert one("She waited half an hour.").value == 0.5


@pytest.mark.parametrize("text", [
    "He left four years ago.",
    "Two days later, the talks collapsed.",
    "The striker scored after 20 minutes.",
    "They equalised on 42 minutes.",
])
def test_durations_that_place_events_are_not_figures(text):
    assert figs(text) == []


def test_ages():
    f = one("A 34-year-old man was arrested.")
    assert f.value == 34 and f.unit == "years" and f.counted == "age"
    assert one("The victim, aged 19, died in hospital.").value == 19
    f = one("The author, John Smith, 44, said he was sorry.")
    assert f.value == 44 and f.unit == "years"


# ----------------------------------------------------------------------------- vague quantities and ranges


@pytest.mark.parametrize("text,value,vague", [
    ("Dozens were hurt in clashes.", 24, True),
    ("The blast killed scores of people.", 40, True),
    ("Hundreds gathered outside.", 200, True),
    ("thousands of terrorists invaded Israel", 2000, True),
    ("tens of thousands of people marched", 20000, True),
    ("millions of people watched", 2_000_000, True),
    ("several thousand protesters marched", 3000, True),
    ("a dozen eggs were thrown", 12, False),
])
def test_vague_quantities(text, value, vague):
    f = one(text)
    assert f.value == value and f.vague is vague
    if vague:
        assert f.high is not None and f.high > f.value


def test_ranges_take_the_lower_bound():
    f = one("Between 10 and 20 people were injured.")
    assert f.value == 10 and f.high == 20
    f = one("The trip takes 10-15 days.")
    assert f.value == 10 and f.high == 15 and f.unit == "days"
    f = one("It will cost £5m-£10m.")
    assert f.value == 5_000_000 and f.high == 10_000_000


def test_change_is_not_a_range():
    out = figs("Sales rose from 10 to 20 units.")
    assert [f.value for f in out] == [10, 20]


# ----------------------------------------------------------------------------- predicate and attribution


def test_predicate_after_and_before():
    assert one("Dozens were hurt in clashes.").predicate == "hurt"
    assert one("Police detained five people.").predicate == "detained"
    assert one("The blast, which killed scores of people, was a rocket.").predicate == "killed"
    assert one("Quarterly profits jumped 76% in December.").predicate == "jumped"


def test_attribution_subject_claims():
    text = ("The Hamas-run health ministry in Gaza claims that since then, around 9,500 people, "
            "mostly women and children, have been killed in Israeli airstrikes.")
    f = one(text)
    assert f.text == "around 9,500 people"
    assert f.attribution == "the Hamas-run health ministry"
    assert f.predicate == "killed"


def test_attribution_according_to_and_inverted():
    assert one("According to the UN, 300 people fled.").attribution == "the UN"
    assert one("At least 12 people died, police said.").attribution == "police"
    assert one("Some 40 people were hurt, said the ministry.").attribution == "the ministry"
    assert one("About 40 people were hurt.").attribution is None


# ----------------------------------------------------------------------------- non-figures


@pytest.mark.parametrize("text", [
    "The flotilla sailed in 2010.",
    "It was the best 2004-05 season for the club.",
    "The attack began on October 7.",
    "The summit opens on 12 January.",
    "The meeting starts at 3pm.",
    "The meeting starts at 10:30.",
    "He finished third in the 21st race.",
    "The deal for F-16 jets was delayed.",
    "Users of Windows XP and owners of a Boeing 747 were told.",
    "The G8 summit ended.",
    "Chelsea won 3-1 on Sunday.",
    "Federer won 6-4 6-3.",
    "Call 0800 123 4567 for details.",
    "He lives at 10 Downing Street.",
    "See page 12 and section 4.",
    "Turkey has been one of the most vocal critics.",
    "He is the one who decided.",
    "The two nations signed.",
    "It happened in the 1990s.",
    "The 9/11 attacks changed everything.",
    "He watched Channel 4 news.",
])
def test_non_figures(text):
    assert figs(text) == [], texts(text)


def test_list_numbering_is_not_a_figure():
    text = "Steps:\n1. Open the box\n2. Take out 3 cakes\n"
    assert texts(text) == ["3 cakes"]


def test_offsets_in_a_blanked_view():
    view = "          \n" + "Police detained five people."
    f = one(view)
    assert view[f.start:f.end] == "five people"


# ----------------------------------------------------------------------------- sample articles


def _sample(name):
    path = next((ROOT / "content" / "articles").glob(name + "_*.txt"))
    return read_article(path)


def test_sample_001():
    a = _sample("001")
    out = figs(a.view)
    assert [f.text for f in out] == ["approximately 1,400 people", "around 9,500 people"]
    assert out[1].attribution == "the Hamas-run health ministry"


def test_sample_003():
    a = _sample("003")
    got = [f.text for f in figs(a.view)]
    for want in ["some 1,400 Israelis", "some 200 Israeli and foreign hostages", "Dozens", "five people",
                 "scores of people", "thousands of terrorists"]:
        assert want in got
    hostages = [f for f in figs(a.view) if "hostages" in f.text][0]
    assert hostages.attribution == "Turkey’s top diplomat Hakan Fidan"
    assert hostages.value == 200 and hostages.qualifier == "some"
    assert not any("7" in f.text for f in figs(a.view))  # "October 7"


def test_sample_004():
    a = _sample("004")
    out = figs(a.view)
    assert [f.text for f in out] == ["two and a half hours", "over 10,000 people", "$20 billion"]
    assert [f.value for f in out] == [2.5, 10000, 20_000_000_000]
    assert not any("16" in f.text for f in out)


# ----------------------------------------------------------------------------- corpus (skipped without ../shared)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus absent")
def test_corpus_offsets():
    # (speed is measured by benchmarks/extract_speed.py, not asserted by a timed test)
    paths = sorted(glob.glob(str(CORPUS / "*.md")))[:600]
    arts = [read_article(p) for p in paths]
    n = 0
    for a in arts:
        for f in extract_figures(a.view):
            assert a.view[f.start:f.end] == f.text
            assert f.start < f.end
            n += 1
    assert n > 1000


# ----------------------------------------------------------------------------- regressions found on the corpus


def test_dozen_multiplier_and_collective_modifiers():
    f = one("It drew on more than two dozen Post reporters.")
    assert f.value == 24 and f.qualifier == "more than"
    f = one("The plane carried 16 crew members.")
    assert f.text == "16 crew members" and f.unit == "members"


def test_source_with_a_number_in_it():
    f = one("Prices fell 3%, according to a Gallup poll of 1,015 adults.", "3%")
    assert f.attribution == "a Gallup poll of 1,015 adults"


def test_change_with_to_is_two_figures():
    out = figs("Employment increased by 296,000 to 28.52 million.")
    assert [f.value for f in out] == [296000, 28520000]
    out = figs("Brent crude gained $1.32 to $44.45.")
    assert [f.value for f in out] == [1.32, 44.45]


def test_football_line_up_minutes_are_not_figures():
    assert figs("Goals: Rooney 68, Dunne 75. Subs: Kewell (Nunez 56), Morientes.") == []


def test_metres_in_athletics():
    f = one("He hurt his hamstring on his final 200m of the night.")
    assert f.value == 200 and f.unit == "metres"


def test_ratio():
    f = one("Seven in 10 voters backed the plan.")
    assert f.value == 7 and f.unit == "in 10" and f.counted == "voters"


def test_wire_money_notations():
    assert one("Trade fell to dlrs 14 billion last year.").value == 14_000_000_000
    f = one("Profit slipped to #89.7 million.")
    assert f.value == 89_700_000 and f.unit == "GBP"
    assert figs("He is ranked #1 in the world.") == []
    assert one("Revenue rose to $4.03 billion.", "$").value == 4_030_000_000
    f = one("She said it was worth a hundred thirty million dollars.")
    assert f.value == 130_000_000 and f.unit == "USD"


def test_broadcast_spelled_numbers():
    f = one("It is part of a one point six billion dollar cost cutting plan.")
    assert f.value == 1_600_000_000 and f.unit == "USD"
    assert one("The market has fallen by twelve percent.").value == 12
    assert one("Two hundred and thirty four Americans have flown in space.").value == 234
    assert figs("The goal was to halve unemployment by the year two thousand.") == []
    assert figs("At one point he left the room.") == []


@pytest.mark.parametrize("text", [
    "Just one month into the process, he quit.",
    "The law takes effect 30 days from now.",
])
def test_more_durations_that_place_events(text):
    assert figs(text) == [], texts(text)


def test_in_n_years_measures_a_span():
    assert one("The state has not voted Republican in 32 years.").value == 32
    assert one("The scheme has paid out 25 grants in four years.", "years").value == 4


def test_percent_ranges():
    f = one("Stocks recorded an 8%-10% rise.")
    assert (f.value, f.high, f.text) == (8, 10, "8%-10%")
    f = one("It is between 6.6% and 8.5% of profits.")
    assert (f.value, f.high) == (6.6, 8.5)
    assert [f.value for f in figs("The rate fell from 5% to 7%.")] == [5, 7]


def test_tables_of_numbers_are_not_figures():
    assert figs("Wigan 4 3 1 0 9 4 10 Fulham 4 3 0 1 5 3 9") == []
    assert one("In 2004 35 people died.").value == 35


def test_spelled_number_after_a_predicate():
    assert [f.value for f in figs("The blast killed three and injured seven.")] == [3, 7]
    assert figs("He won one.") == []


# ----------------------------------------------------------------------------- properties

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TOKENS = ["5", "1,400", "3.5", "$", "£", "€", "20", "bn", "m", "%", "per cent", "-", "–", " to ", " and ", "between ",
           "some ", "about ", "dozens", " of ", "people", "years", "ago", "old", "year", "-year-old", "two", "hundred",
           "thousand", "million", "a ", "half", "one", "the ", "said", ", ", ". ", "\n", "  ", "October", "7", "(", ")",
           "#", "dlrs ", "point", "five", "in", "10", "2004", "3pm", "F-16", "G8", "Police", "killed", "ministry"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40))
def test_any_text_gives_well_formed_figures(parts):
    text = "".join(parts)
    out = extract_figures(text)
    last_end = -1
    for f in out:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.start >= last_end  # figures do not overlap and come in order
        last_end = f.end
        assert isinstance(f.value, (int, float))
        assert f.high is None or f.high >= f.value


def test_and_a_half():
    assert one("Labour has had two-and-a-half years to convince people.").value == 2.5
    assert one("There were one and a half million people.").value == 1_500_000
