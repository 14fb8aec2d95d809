"""Ingest: each messy form of the sample, recognised by general rules."""
from pathlib import Path

import pytest

from generator.ingest import parse, read_article

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "content" / "articles"


def art(text, name="a.txt"):
    a = parse(name, text)
    assert len(a.view) == len(a.raw)
    return a


def kinds(a):
    return [b.kind for b in a.blocks]


def test_inline_date_prefix_with_leading_space_and_body_on_same_line():
    a = art(" date 2023-11-12 Turkey has recalled its ambassador. It said so.\n\nSecond paragraph here.\n")
    assert a.published == "2023-11-12" and a.published_from == "inline prefix"
    # the prefix is metadata: blanked for extractors, body text intact
    assert "2023-11-12" not in a.view
    assert a.view.strip().startswith("Turkey has recalled")


def test_impossible_inline_date_is_reported_not_used():
    a = art("date 2023-02-30 Something happened in the city today.\n\nMore.\n")
    assert a.published is None
    assert any("does not exist" in p for p in a.problems)


def test_headline_standfirst_and_dateline():
    a = art("Ministers agree new plan for rail network\n"
            "Deal comes after months of talks between unions and operators\n"
            "LONDON, England \u2014 Ministers agreed a plan on Monday.\n"
            "It will cost money.\n")
    assert kinds(a) == ["headline", "standfirst", "paragraph", "paragraph"]
    assert a.title == "Ministers agree new plan for rail network"
    assert a.place == "London, England"


def test_dateline_with_agency():
    a = art("Storm hits coast\n\nWASHINGTON (Reuters) - A storm hit the coast on Friday.\n\nMore text.\n")
    assert a.place == "Washington"


def test_source_line_under_headline():
    a = art("Talks end without agreement in capital\nGlobal Wire Service\nTalks ended on Monday without a deal.\n")
    assert kinds(a) == ["headline", "byline", "paragraph"]
    assert a.source == "Global Wire Service"


def test_byline_gives_author():
    a = art("Talks end without agreement\nBy Jane Q. Doe\nTalks ended on Monday without a deal.\n")
    assert a.author == "Jane Q. Doe" and a.source is None


def test_undated_article_stays_undated_and_gets_lead_title():
    text = ("The central bank raised interest rates for the third time this year, citing persistent inflation "
            "and a tight labour market, officials said.\n\nMarkets fell.\n")
    a = art(text)
    assert a.published is None and a.published_from is None
    assert a.title_inferred
    assert a.title == "The central bank raised interest rates for the third time this year"
    assert len(a.title) <= 90 and not a.title.endswith(" ")


def test_lead_title_cut_at_word_boundary():
    a = art("Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
            "upsilon phi chi psi omega alpha beta gamma delta.\n\nNext.\n")
    assert a.title.endswith("\u2026")
    assert a.title[:-1].split()[-1] in a.raw.split()


def test_markdown_front_matter_keys_and_extra_kept():
    a = art("---\ntitle: My title\ndate: 2021-05-04\nsource: Wire\nurl: https://example.org/x\nauthor: A. Writer\n"
            "tags: [a, b]\n---\nBody text here.\n", "x.md")
    assert (a.title, a.published, a.published_from, a.source, a.url, a.author) == (
        "My title", "2021-05-04", "front matter", "Wire", "https://example.org/x", "A. Writer")
    assert a.meta == {"tags": ["a", "b"]}
    assert a.view[: a.raw.index("Body")].strip() == ""


def test_front_matter_date_wins_over_inline_prefix():
    a = art("---\ndate: 2020-01-02\n---\ndate 2023-11-12 Body.\n", "x.md")
    assert a.published == "2020-01-02"


def test_markdown_markup_blanked_but_offsets_kept():
    raw = "# The Title\n\nSome **bold** words and a [link](https://evil.example/x) and `code` &amp; \\*stars\\*.\n"
    a = art(raw, "x.md")
    assert a.title == "The Title"
    v = a.view
    assert "evil.example" not in v and "**" not in v and "`" not in v
    i = raw.index("bold")
    assert v[i:i + 4] == "bold"
    assert "link" in v and "code" in v
    assert " ".join(v.split()).startswith("The Title Some bold words and a link and code &")


def test_markdown_code_block_not_extracted():
    a = art("Intro paragraph.\n\n```\nPresident Nobody said nothing\n```\n", "x.md")
    assert "Nobody" not in a.view


def test_bad_front_matter_is_reported_with_line():
    a = art("---\ntitle: [unclosed\n---\nBody.\n", "x.md")
    assert any(p.startswith("line ") and "not valid YAML" in p for p in a.problems)
    assert "Body" in a.view


def test_front_matter_not_a_mapping():
    a = art("---\n- a\n- b\n---\nBody.\n", "x.md")
    assert any("not a mapping" in p for p in a.problems)


@pytest.mark.parametrize("name,title,published,source,place", [
    ("000_607b66bbe5a73dbc.txt", "Turkey has made a significant diplomatic move by recalling its ambassador to Israel",
     "2023-11-12", None, None),
    ("003_75990caaf2879742.txt", "Israel bringing diplomats home from Turkey after warning its citizens to leave",
     None, None, "Ankara, Turkey"),
    ("004_0fd4dcf16330c07a.txt", "US Secretary of State Blinken Meets Turkish FM for Challenging Israel-Gaza Talks",
     None, "ICARO Media Group", None),
])
def test_samples(name, title, published, source, place):
    a = read_article(SAMPLES / name)
    assert (a.title, a.published if a.published_from != "inferred" else None, a.source, a.place) == (
        title, published, source, place)


def test_samples_text_view_keeps_every_word():
    for p in sorted(SAMPLES.iterdir()):
        a = read_article(p)
        body_words = a.raw.split()
        view_words = a.view.split()
        # only the inline date prefix is blanked in plain-text files
        missing = [w for w in body_words if w not in view_words]
        assert missing in ([], ["date", a.published]), (p.name, missing[:5])


def test_markdown_list_markers_and_rules_stay_visible():
    raw = "Results on Friday:\n\n1. Michelle Freeman (Jamaica) 12.71 seconds\n2. Ludmila Engquist (Sweden) 12.80\n\n- - - -\n\nNext.\n"
    a = art(raw, "r.md")
    assert "1. Michelle Freeman" in a.view and "2. Ludmila" in a.view and "- - - -" in a.view


def test_wire_datelines_with_a_date_and_an_agency():
    cases = {
        "CAMBRIDGE, Mass., Dec. 11 (UPI) \u2014 Young voters are moving to the senator.\n": ("Cambridge, Mass.", "UPI"),
        "PARIS, Aug 31 (Reuters) - The party leader spoke on Wednesday.\n": ("Paris", "Reuters"),
        "New York (AFP) \u2013 The actress backed the senator on Tuesday.\n": ("New York", "AFP"),
        "LONDON, 12 November 2023 (Reuters) - Ministers met on Sunday.\n": ("London", "Reuters"),
        "WASHINGTON, May 3 \u2014 The House voted on Friday.\n": ("Washington", None),
    }
    for text, (place, agency) in cases.items():
        a = art(text + "\nMore text follows here.\n")
        assert (a.place, a.agency) == (place, agency), text
        start, place_end, end = a.dateline
        assert a.view[start:place_end].casefold() == text[:place_end - start].casefold() == place.upper().casefold()
        assert a.view[end:].split()[0] in ("Young", "The", "Ministers"), text  # the lead proper
        assert not a.title.startswith(text[:6]), a.title  # the lead title leaves the dateline out


def test_no_dateline_in_an_ordinary_lead():
    a = art("Donald Trump said - and repeated - that he would win.\n\nMore text.\n")
    assert a.dateline is None and a.agency is None


# ---------------------------------------------------------------- encodings (issue 11)

def test_one_invalid_byte_costs_only_that_byte():
    from generator.ingest import decode

    good = "Caf\u00e9 \u201cowners\u201d in S\u00e3o Paulo\nprotest \u2014 again.\n"
    text, problems = decode(good.encode()[:-8] + b"\xff\xfe" + good.encode()[-8:])
    assert text == good[:-8] + "\ufffd\ufffd" + good[-8:]  # no Latin-1 mojibake ("Caf\u00c3\u00a9")
    assert problems == ["line 2: warning: not valid UTF-8 (2 invalid bytes, the first on this line); shown as U+FFFD"]


def test_a_legacy_latin1_file_is_still_read_as_latin1():
    from generator.ingest import decode

    text, problems = decode("Caf\u00e9 owners\nin S\u00e3o Paulo.\n".encode("latin-1"))
    assert text == "Caf\u00e9 owners\nin S\u00e3o Paulo.\n"
    assert problems == ["line 1: warning: not valid UTF-8; read as Latin-1"]


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_not_read_as_utf16(codec):
    from generator.build.read import looks_binary
    from generator.ingest import decode

    good = "Storm hits coast\n\nA storm hit the \u201ccoast\u201d on Friday.\n"
    data = ("" if codec == "utf-32" else "\ufeff").encode(codec) + good.encode(codec)
    assert not looks_binary(data)
    text, problems = decode(data)
    assert text.lstrip("\ufeff") == good
    assert problems == ["line 1: warning: file is UTF-32, not UTF-8; read as UTF-32"]


def test_nul_characters_anywhere_are_replaced_with_a_warning():
    from generator.build.read import looks_binary
    from generator.ingest import decode

    data = b"Headline\n\n" + b"Plain text. " * 1000 + b"\nA\x00B and\x00C.\n"
    assert not looks_binary(data)  # past the first 8 KB: a damaged text file, not a binary one
    text, problems = decode(data)
    assert "\x00" not in text and len(text) == len(data) and text.endswith("A\ufffdB and\ufffdC.\n")
    assert problems == ["line 4: warning: 2 NUL characters (a damaged file?); replaced by U+FFFD"]


def test_invisible_characters_are_not_article_text():
    from generator.ingest import has_text

    assert not has_text("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u202e\u180e \t\n\u3164\u0301")
    assert has_text("\u200bx") and has_text("\u00e9") and has_text("\u2014") and has_text("\u4e2d")
    a = art("\u200b\ufeff\n\nThe minister resigned on Monday after a long row.\n")
    assert a.title == "The minister resigned on Monday after a long row"
    assert art("\u200b\u200d\n").title == "a"  # nothing to read: the file name, never "\u200b"
    assert parse("a.md", "---\ntitle: \"\\u200b\"\n---\nThe minister resigned.\n").title == "The minister resigned"


# ---------------------------------------------------------------- Markdown offsets (issue 7)

def answer(text, name="a.md"):
    """What ``briefing extract --json`` answers for a file holding ``text``."""
    from generator.build.read import analyse_article
    from generator.extract.records import extraction_json

    article = parse(name, text)
    return extraction_json(article, analyse_article(article)[0])


def test_markdown_quote_text_is_the_file_slice_and_reads_without_markup():
    from generator.model import shown_text

    raw = "He said \u201chello *big* world\u201d.\n"
    a = parse("a.md", raw)
    (q,) = answer(raw)["quotes"]
    assert q["text"] == raw[q["start"]:q["end"]] == "hello *big* world"  # was "hello  big  world"
    assert shown_text(a, q["start"], q["end"]) == "hello big world"  # what the pages show


def test_markdown_entities_and_nul_in_records_slice_the_file():
    from generator.model import shown_text

    raw = "The minister said \u201cwe &amp; they agree\u201d on Monday. Rivals said \u201cno\x00way\u201d.\n"
    a = parse("a.md", raw)
    quotes = answer(raw)["quotes"]
    assert [q["text"] for q in quotes] == ["we &amp; they agree", "no\x00way"]
    assert all(raw[q["start"]:q["end"]] == q["text"] for q in quotes)
    assert shown_text(a, quotes[0]["start"], quotes[0]["end"]) == "we & they agree"


def test_markdown_entity_quotation_marks_open_and_close_quotes():
    raw = "The mayor said &ldquo;We won.&rdquo; Then she left.\n"
    (q,) = answer(raw)["quotes"]
    assert q["text"] == "We won." == raw[q["start"]:q["end"]]


@pytest.mark.parametrize("raw,view", [
    ("A&#67;T.", "A&#67;T."),  # was "A     T.": inside a word the entity is kept, not blanked
    ("&#65;CT.", "    ACT."),  # the character stands next to the word it belongs to
    ("&nbsp;&nbsp;ACT.", "            ACT."),  # was all blank: the walk lost its place after the entities
    ("&Agrave;ACT.", "       \u00c0ACT."),  # was " A       CT.": an "A" of "Agrave" shown, the real one blanked
    ("AT&amp;T and ACT.", "AT&amp;T and ACT."),
    ("caf&eacute; &amp; bar", "caf\u00e9" + " " * 8 + "&" + " " * 5 + "bar"),
    ("x &quot;ACT.&quot;", "x      \"ACT.\"     "),
    ("x\\*ACT\\_.", "x *ACT _."),  # an escape's backslash is markup, the character is not
    # a link's target and title are markup
    ("He met [Reuters](https://www.reuters.com/x \"a t\") at noon.", "He met  Reuters" + " " * 35 + "at noon."),
    ("![alt](https://e.x/i.png \"t a\") a", "  alt" + " " * 27 + "a"),  # the image title does not take the "a" after it
    ("![alt](i.png \"t a\") a", "![alt](i.png \"t a\") a"),  # not an image (a relative path): text, as shown
    ("Lead said.\r\rSecond para.\r", "Lead said.\r\rSecond para.\r"),  # lone CR line ends, as Markdown reads them
])
def test_markdown_view_never_blanks_real_characters(raw, view):
    assert parse("a.md", raw).view == view


def test_markdown_titles_and_shown_text_read_entities_as_characters():
    from generator.model import shown_text

    assert parse("a.md", "# AT&amp;T profits &amp; losses\n\nIt lost $3 billion.\n").title == "AT&T profits & losses"
    raw = "AT&amp;T said on Monday that the company&rsquo;s chief had resigned after a long row.\n"
    a = parse("a.md", raw)
    assert a.title == "AT&T said on Monday that the company\u2019s chief had resigned after a long row"
    assert shown_text(a, 0, raw.index(" said")) == "AT&T"
    assert shown_text(parse("a.txt", raw), 0, 8) == "AT&amp;T"  # plain text is shown as written


def test_markdown_records_take_entities_whole():
    raw = "Coach Jos&eacute; said the team would win on Saturday.\n"
    (actor,) = answer(raw)["actors"]
    (m,) = actor["mentions"]
    assert m["text"] == "Jos&eacute;" == raw[m["start"]:m["end"]] and actor["name"] == "Jos\u00e9"
