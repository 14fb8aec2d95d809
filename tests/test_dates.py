"""Tests of the date extractor: expression families, false friends, tense, granularity, inference."""
from __future__ import annotations

import glob
import os

import pytest

from generator.extract.dates import extract_dates, infer_published
from generator.ingest import read_article

PUB = "2023-11-12"  # a Sunday; ISO week 2023-W45


def dates(text: str, published: str | None = PUB) -> dict[str, str | None]:
    found = extract_dates(text, published)
    for d in found:
        assert text[d.start:d.end] == d.text
    return {d.text: d.value for d in found}


def one(text: str, published: str | None = PUB) -> tuple[str, str | None]:
    found = extract_dates(text, published)
    assert len(found) == 1, found
    return found[0].text, found[0].value


# --- weekdays -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("Turkey announced on Saturday that it was recalling its ambassador.", "Saturday", "2023-11-11"),
    ("The council met late on Tuesday.", "late on Tuesday", "2023-11-07"),
    ("On Tuesday night, protesters gathered outside the consulate.", "Tuesday night", "2023-11-07"),
    ("Blinken met Fidan in Ankara on Monday morning.", "Monday morning", "2023-11-06"),
    ("The minister said on Sunday that talks had failed.", "Sunday", "2023-11-12"),  # same day
    ("Police said last Friday that the suspect had fled.", "last Friday", "2023-11-10"),
    ("The summit opens next Wednesday.", "next Wednesday", "2023-11-15"),
])
def test_weekdays(text, span, value):
    assert one(text) == (span, value)


def test_tense_decides_direction_of_a_bare_weekday():
    assert one("Blinken will visit Ankara on Monday.")[1] == "2023-11-13"   # ahead
    assert one("Erdogan said on Monday that he was angry.")[1] == "2023-11-06"  # behind
    assert one("The vote is scheduled for Thursday.")[1] == "2023-11-16"
    assert one("Lawmakers are expected to vote Thursday.")[1] == "2023-11-16"
    assert one("The plan was announced Thursday.")[1] == "2023-11-09"


def test_weekday_name_in_a_title_is_not_a_date():
    assert dates("He wrote in the Sunday Times about the crisis.") == {}


# --- month-day, months, years, full dates ---------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("Hamas attacked Israel on October 7.", "October 7", "2023-10-07"),
    ("Hamas attacked Israel on Oct. 7.", "Oct. 7", "2023-10-07"),
    ("Hamas attacked Israel on 7 October.", "7 October", "2023-10-07"),
    ("Hamas attacked Israel on October 7, 2023.", "October 7, 2023", "2023-10-07"),
    ("The treaty was signed on 12 March 1990 in Paris.", "12 March 1990", "1990-03-12"),
    ("Results are in the file dated 2021-06-30.", "2021-06-30", "2021-06-30"),
    ("The letter of 4/15/1998 was read out.", "4/15/1998", "1998-04-15"),
    ("The ambassador had already left Turkey in October.", "October", "2023-10"),
    ("The group sent a flotilla to Gaza in 2010.", "2010", "2010"),
    ("Prices fell in June 2022.", "June 2022", "2022-06"),
    ("Prices fell in early September.", "early September", "2023-09"),
    ("Sales peaked in the 1990s.", "the 1990s", "199"),
    ("The bank expects a loss in fiscal 1990.", "fiscal 1990", "1990"),
    ("He was elected on Friday, Oct. 13.", "Friday, Oct. 13", "2023-10-13"),
])
def test_absolute_and_calendar_dates(text, span, value):
    assert one(text) == (span, value)


def test_month_day_year_is_chosen_near_publication():
    # a late-December date read in January is last year's
    assert one("The shooting happened on Dec. 28.", "2024-01-03")[1] == "2023-12-28"
    # a date ahead with a future cue is this year's
    assert one("Elections will be held on Nov. 30.")[1] == "2023-11-30"


def test_past_tense_month_day_is_behind():
    # nearest would be ahead (4 months) but "died" is past tense
    assert one("He died on 3 July.", "1998-03-05")[1] == "1997-07-03"
    assert one("He will speak on 3 July.", "1998-03-05")[1] == "1998-07-03"


def test_future_month_is_next_occurrence():
    assert one("The summit will take place in March.")[1] == "2024-03"
    assert one("The summit took place in March.")[1] == "2023-03"


# --- relative expressions -------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("Last year, Israel and Turkey agreed to reappoint ambassadors.", "Last year", "2022"),
    ("The ministry announced last weekend a re-evaluation of relations.", "last weekend", "2023-W44-WE"),
    ("Blinken met Arab leaders over the weekend.", "over the weekend", "2023-W45-WE"),
    ("Cruz swept Colorado this past weekend.", "this past weekend", "2023-W44-WE"),
    ("The rally is planned for this coming weekend.", "this coming weekend", "2023-W46-WE"),
    ("Prices rose earlier this month.", "earlier this month", "2023-11"),
    ("Talks resume next week.", "next week", "2023-W46"),
    ("The two countries broke off ties a decade ago.", "a decade ago", "2013"),
    ("The statement was issued yesterday.", "yesterday", "2023-11-11"),
    ("The vote takes place today.", "today", "2023-11-12"),
    ("Officials will meet tomorrow.", "tomorrow", "2023-11-13"),
    ("Ministers met this week.", "this week", "2023-W45"),
    ("Prices rose last month.", "last month", "2023-10"),
    ("Growth will slow next year.", "next year", "2024"),
    ("The deal closed two years ago.", "two years ago", "2021"),
    ("Profit fell in the third quarter of 2022.", "the third quarter of 2022", "2022-Q3"),
    ("Demand rose last summer.", "last summer", "2022-SU"),
    ("Revenue grew in Q3 2022.", "Q3 2022", "2022-Q3"),
])
def test_relative_periods(text, span, value):
    assert one(text) == (span, value)


def test_anchored_to_the_text_not_the_publication_date():
    got = dates("He fled to Florida in June 1998 and returned to Cuba later that year.")
    assert got["later that year"] == "1998"
    got = dates("The firm was founded in 1995. The following year it went public.")
    assert got["The following year"] == "1996"


def test_without_publication_date_relative_values_are_none():
    got = dates("On Saturday, 40 years after 1983, and last year, on October 7, 2023.", None)
    assert got["Saturday"] is None and got["last year"] is None
    assert got["1983"] == "1983" and got["October 7, 2023"] == "2023-10-07"


# --- false friends --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "We have written him off.",
    "It took two and a half hours to cross the border.",
    "He paid with a $20 bill.",
    "The group will march to the consulate.",
    "Thousands march through the capital.",
    "They endured a decade of strained relations.",
    "May I ask a question?",
    "About 1500 soldiers and 2000 police were deployed.",
    "The index rose 1,990 points to 12.1990.",
    "Kick-off is at 2000 GMT.",
    "April Ryan asked the question.",
    "Flight 1995 landed safely.",
])
def test_false_friends_are_not_dates(text):
    assert dates(text) == {}


def test_durations_are_not_dated():
    got = dates("After ten years of boom and a couple of years of decline, the deal took three months.")
    assert got == {}


def test_offsets_match_the_text():
    text = "  Turkey said on Saturday, Nov. 11, 2023, and in October, and last weekend.\n\nMonday"
    for d in extract_dates(text, PUB):
        assert text[d.start:d.end] == d.text


def test_expression_does_not_cross_a_paragraph_break():
    got = dates("Friday, 25 February\n\n2000 GMT", "2005-03-01")
    assert got == {"Friday, 25 February": "2005-02-25"}


# --- publication date inference -------------------------------------------------------------------

def test_infer_from_a_dateline():
    text = "ANKARA, Oct. 19, 2023\n\nIsrael recalled its diplomats on Thursday, officials said."
    value, evidence = infer_published(text)
    assert value == "2023-10-19"
    assert evidence and "dateline" in evidence[0]


def test_infer_from_a_wire_dateline_opening_the_paragraph():
    text = "LONDON, 12 November 2023 (Reuters) - The government said on Sunday it would act."
    assert infer_published(text)[0] == "2023-11-12"


def test_infer_from_weekday_tied_full_date():
    text = ("The minister said Thursday that talks would go on. On Thursday, Oct. 19, 2023, the council met "
            "in closed session, a spokesman said Thursday.")
    assert infer_published(text)[0] == "2023-10-19"
    # named only once, the weekday is not enough
    text = "He died Friday, March 25, 2016, at home. A funeral will be held."
    assert infer_published(text) == (None, [])


def test_infer_does_not_guess_the_reporting_day_after_a_weekday_tied_date():
    # sources spoke on a Thursday after "Tuesday, Oct. 17, 2023": likely Oct. 19, but not certain
    text = ("A blast hit the hospital on Tuesday, Oct. 17, 2023. A source told AFP Thursday that diplomats "
            "were leaving. The minister said Thursday the step was temporary.")
    assert infer_published(text) == (None, [])


def test_infer_today_must_be_beside_the_date():
    assert infer_published("Today, Oct. 19, 2023, the council met.")[0] == "2023-10-19"
    text = "Today, for the first time since June 25, 2007, his name is missing."
    assert infer_published(text) == (None, [])


def test_infer_ignores_a_today_that_is_a_name():
    text = "USA TODAY reported that on April 30, 2014, the group met."
    assert infer_published(text) == (None, [])


def test_infer_yesterday():
    text = "The election, held yesterday, March 3, 2024, was calm. Results are expected on Tuesday."
    assert infer_published(text)[0] == "2024-03-04"


def test_infer_refuses_without_a_full_date():
    assert infer_published("Hamas attacked on October 7. On Tuesday a blast hit a hospital.") == (None, [])
    assert infer_published("In 2010 a flotilla sailed to Gaza. Last year ties resumed.") == (None, [])
    assert infer_published("No dates here at all.") == (None, [])


def test_infer_refuses_a_past_event_date():
    # a historic full date in running text is not when the article was written
    text = "Britain's first mobile phone call was made on 1 January 1985 by Ernie Wise."
    assert infer_published(text) == (None, [])


# --- the sample articles --------------------------------------------------------------------------

ARTICLES = os.path.join(os.path.dirname(__file__), "..", "content", "articles")


def _article(prefix: str):
    path = glob.glob(os.path.join(ARTICLES, prefix + "_*"))[0]
    return read_article(path)


def test_sample_000_relative_to_inline_date():
    a = _article("000")
    assert a.published == "2023-11-12"
    got = {d.text: d.value for d in extract_dates(a.view, a.published)}
    assert got["October 7"] == "2023-10-07"
    assert got["October"] == "2023-10"


def test_sample_002_last_weekend():
    a = _article("002")
    assert a.published == "2023-11-10"  # a Friday: last weekend is 4-5 November, ISO week 44
    got = {d.text: d.value for d in extract_dates(a.view, a.published)}
    assert got["last weekend"] == "2023-W44-WE"


@pytest.mark.parametrize("prefix", ["001", "003", "004"])
def test_undated_samples_stay_undated(prefix):
    # none of them writes a full date with its year: only weekdays, "October 7", "2010", "last year"
    a = _article(prefix)
    assert a.published is None
    assert infer_published(a.view) == (None, [])


def test_sample_003_mentions_found_without_publication_date():
    a = _article("003")
    found = extract_dates(a.view, None)
    texts = [d.text for d in found]
    assert "October 7" in texts and "Thursday" in texts and "late on Tuesday" in texts
    assert all(d.value is None for d in found)  # nothing absolute to resolve them against


# --- robustness -----------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VOCAB = ["Monday", "Friday,", "Oct.", "October", "7", "31", "2023", "1999", "last", "next", "this", "week",
          "weekend", "year", "ago", "two", "a", "decade", "the", "early", "late", "mid-", "of", "in", "on",
          "said", "will", "today", "Christmas", "third", "quarter", "1990s", "'90s", "\n\n", "\n", ",", ".",
          "May", "March", "Sunday", "Times", "Q3", "twenty-first", "nineteen", "ninety-six", "$20", "1,990"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VOCAB), max_size=25), st.sampled_from([None, "2023-11-12", "2000-02-29", "junk"]))
def test_never_crashes_and_offsets_hold(words, published):
    text = " ".join(words)
    for d in extract_dates(text, published):
        assert text[d.start:d.end] == d.text
        assert d.start < d.end
        assert d.value is None or isinstance(d.value, str)
        assert "\n\n" not in d.text
    value, evidence = infer_published(text)
    assert value is None or len(value) == 10
