"""Timeline, Quotes and Figures pages from hand-made extractions (independent of the extractors)."""
import re

import yaml
from conftest import mkdocs_build
from support import draw as render

from generator.build.write import write_tree
from generator.ingest import parse
from generator.link.actors import link
from generator.model import (
    ActorMention,
    ArticleRecord,
    DateMention,
    Extraction,
    Figure,
    Quote,
)

A1 = ("date 2023-11-05 Gaza toll rises\n\nThe health ministry in Gaza said 9,500 people have been killed in Gaza. "
      "Hamas attacked Israel on October 7.\n\n\u201cWe will not stop,\u201d Netanyahu said.\n")
A2 = ("date 2023-11-05 Toll climbs again\n\nOfficials said 9,700 people have been killed in Gaza since then. "
      "Hamas attacked Israel on October 7, officials said.\n")
A3 = "date 2023-11-09 Later report\n\nOver 10,000 people have been killed in Gaza, the ministry said.\n"


def rec(slug, text, actors=(), dates=(), quotes=(), figures=()):
    a = parse(f"{slug}.txt", text)
    a.slug = slug

    def span(s, nth=0):
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return i, i + len(s)

    ex = Extraction()
    for s, typ, name in actors:
        i, j = span(s)
        ex.actors.append(ActorMention(i, j, s, typ, name))
    for s, v in dates:
        i, j = span(s)
        ex.dates.append(DateMention(i, j, s, v))
    for s, speaker in quotes:
        i, j = span(s)
        si, sj = span(speaker)
        ex.quotes.append(Quote(i, j, s, speaker_start=si, speaker_end=sj, speaker_text=speaker, cue="said"))
    for s, v in figures:
        i, j = span(s)
        ex.figures.append(Figure(i, j, s, v, unit="people", counted="people", predicate="killed"))
    return ArticleRecord(a, ex)


def corpus():
    return link([
        rec("a1", A1, actors=[("Gaza", "place", "Gaza"), ("Israel", "country", "Israel"), ("Netanyahu", "person", "Netanyahu")],
            dates=[("October 7", "2023-10-07")], quotes=[("We will not stop,", "Netanyahu")],
            figures=[("9,500 people", 9500)]),
        rec("a2", A2, actors=[("Gaza", "place", "Gaza"), ("Israel", "country", "Israel")],
            dates=[("October 7", "2023-10-07")], figures=[("9,700 people", 9700)]),
        rec("a3", A3, actors=[("Gaza", "place", "Gaza")], figures=[("Over 10,000 people", 10000)]),
    ])


def test_timeline_happening_once_with_both_sources():
    pages = render(corpus())
    tl = pages["timeline/index.md"]
    lines = [line for line in tl.splitlines() if line.startswith("- **2023-10-07**")]
    assert len(lines) == 1 and "2 sources" in lines[0]
    assert "a1.md#p2" in lines[0] and "a2.md#p2" in lines[0]
    # per-actor timeline
    assert "## Timeline" in pages["actors/israel.md"]


def test_quotes_page_and_actor_quotes():
    pages = render(corpus())
    # Netanyahu is named in one article: no page of its own, a card on that article's page
    assert "## [Netanyahu](../articles/a1.md#actor-netanyahu)" in pages["quotes/index.md"]
    assert yaml.safe_load(pages["quotes/index.md"].split("---\n")[1])["search"] == {"exclude": True}
    assert "actors/netanyahu.md" not in pages
    card = re.search(r'<li id="actor-netanyahu">.*?</li>', pages["articles/a1.md"]).group(0)
    assert "<strong>Netanyahu</strong>: a person" in card and "1 mention, 1 quote" in card
    assert 'url=../../articles/a1/#actor-netanyahu"' in pages["actors/netanyahu/index.html"]
    # a second article gives it a page at the same address, with its quotes
    c = corpus()
    c.records[1].actor_of[(0, 1)] = "netanyahu"
    c.actors["netanyahu"].mentions.append(type(c.actors["netanyahu"].mentions[0])(c.records[1].slug, "p1", 0, 1, "N"))
    pages = render(c)
    assert "## Quotes" in pages["actors/netanyahu.md"] and "a1.md#p3" in pages["actors/netanyahu.md"]
    assert "## [Netanyahu](../actors/netanyahu.md)" in pages["quotes/index.md"]
    assert "actors/netanyahu/index.html" not in pages and 'id="actor-netanyahu"' not in pages["articles/a1.md"]


def test_figures_grouped_in_time_order_with_disagreement():
    page = render(corpus())["figures/index.md"]
    assert "### People killed in gaza" in page.replace("Gaza", "gaza")
    table = re.sub(r'<figure class="bf-pic".*?</figure>', "", page, flags=re.S)  # the rows, not the chart
    i, j, k = table.index("9,500"), table.index("9,700"), table.index("10,000")
    assert i < j < k
    assert "Sources disagree (2023-11-05)" in page


def test_corpus_pages_build_strict(project):
    root = project()
    write_tree(root / "docs", render(corpus()))
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    assert (root / "site/figures/index.html").exists() and (root / "site/timeline/index.html").exists()


def test_front_matter_round_trips_any_text():
    from generator.render.frontmatter import front_matter
    nasty = 'a "quoted" \\ back: slash # not comment\n\t\x00\x07\x85\x9f\u2028\ud800 \U0001F600 {{ x }} --- ... *alias &anchor'
    data = {"title": nasty, "list": [{"text": nasty, "n": 1.5, "ok": True, "none": None}]}
    text = front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n\n")
    back = yaml.safe_load(text[4:-5])
    assert back["list"][0]["n"] == 1.5 and back["list"][0]["none"] is None
    assert back["title"] == nasty.replace("\ud800", "\ud800")
