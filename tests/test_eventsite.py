"""Editorial control of events: content/events.yml renames, merges, splits and pins; old URLs redirect.

Small synthetic corpora (the made-up happenings of test_events.py) go through the real ingest,
extract, link and clustering stages; the editor's file is written to a temporary folder."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import mkdocs_build
from support import draw as render
from test_events import DAM, OTHERS, corpus_of

from generator.build import generate
from generator.events import clustering as E
from generator.events.editorial import apply_registry, load_registry

DAM_ID = "thousands-flee-as-orsolan-dam-collapses-in-valmora"
CHESS_ID = "petrova-wins-lindau-chess-open"
MERGER_ID = "brightwater-and-oakes-agree-shipping-merger"
BUDGET_ID = "norland-parliament-passes-austerity-budget"
COMET_ID = "astronomers-spot-bright-comet-near-jupiter"


def edited(tmp_path: Path, yml: str, items=None):
    """(corpus, events, redirects, problems) after applying ``yml`` as content/events.yml."""
    corpus = corpus_of(items or DAM + OTHERS)
    path = tmp_path / "events.yml"
    path.write_text(yml, encoding="utf-8")
    entries, problems = load_registry(path)
    events, redirects, more = apply_registry(E.cluster(corpus), entries, corpus)
    corpus.events, corpus.event_redirects = events, redirects
    return corpus, {e.id: e for e in events}, redirects, problems + more


def front_matter(page: str) -> dict:
    m = re.match(r"---\n(.*?)\n---\n", page, re.S)
    return yaml.safe_load(m.group(1))


def redirect_target(page: str) -> str:
    """Where a redirect page (a static HTML file) sends the reader."""
    m = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page)
    assert m and 'content="noindex"' in page, page[:300]
    return m.group(1)


def assert_redirect_page(pages: dict[str, str], old: str, new: str, title: str) -> None:
    page = pages[f"events/{old}/index.html"]
    assert f"events/{old}.md" not in pages
    assert redirect_target(page) == f"../{new}/"  # relative: works under any sub-path
    assert f"<title>Moved: {title}</title>" in page


def every_article_once(corpus, events) -> bool:
    seen = [s for e in events.values() for s in e.articles]
    return sorted(seen) == sorted(r.slug for r in corpus.records)


def test_no_file_changes_nothing(tmp_path):
    corpus = corpus_of(DAM + OTHERS)
    entries, problems = load_registry(tmp_path / "absent.yml")
    found = E.cluster(corpus)
    events, redirects, more = apply_registry(found, entries, corpus)
    assert {e.id: e.articles for e in events} == {e.id: e.articles for e in found}
    assert redirects == {} and problems == [] and more == []


def test_rename_keeps_the_id_and_url_and_sets_title_and_date(tmp_path):
    corpus, events, redirects, problems = edited(
        tmp_path, f"{DAM_ID}:\n  title: Orsolan dam bursts\n  date: 2031-05-04\n")
    assert problems == [] and redirects == {}
    dam = events[DAM_ID]
    assert dam.title == "Orsolan dam bursts" and dam.date == "2031-05-04"
    assert dam.articles == ["dam-afp", "dam-reuters", "dam-probe"]
    # a rename is not a regrouping: the evidence does not claim the editor grouped the articles
    assert not any("editor" in x for x in dam.evidence)
    page = render(corpus)[f"events/{DAM_ID}.md"]
    assert front_matter(page)["title"] == "Orsolan dam bursts" and "# Orsolan dam bursts" in page


def test_merge_folds_an_event_in_and_its_old_url_redirects(tmp_path):
    corpus, events, redirects, problems = edited(tmp_path, f"{CHESS_ID}:\n  merge: [{MERGER_ID}]\n")
    assert problems == []
    assert MERGER_ID not in events
    assert events[CHESS_ID].articles == ["chess", "merger"]
    assert events[CHESS_ID].title == "Petrova wins Lindau chess open"
    assert any("editor" in x for x in events[CHESS_ID].evidence)
    assert redirects == {MERGER_ID: CHESS_ID}
    assert every_article_once(corpus, events)
    pages = render(corpus)
    assert_redirect_page(pages, MERGER_ID, CHESS_ID, "Petrova wins Lindau chess open")
    assert f"events/{CHESS_ID}.md" in pages


def test_renaming_the_id_by_merging_into_a_new_entry_keeps_title_date_and_old_url(tmp_path):
    corpus, events, redirects, problems = edited(tmp_path, f"valmora-dam-collapse:\n  merge: [{DAM_ID}]\n")
    assert problems == []
    new = events["valmora-dam-collapse"]
    assert DAM_ID not in events
    assert new.articles == ["dam-afp", "dam-reuters", "dam-probe"]
    # the event is the same: its title and the date of its happening carry over
    assert new.title == "Thousands flee as Orsolan dam collapses in Valmora"
    assert new.date == "2031-05-05"
    assert redirects == {DAM_ID: "valmora-dam-collapse"}
    assert_redirect_page(render(corpus), DAM_ID, "valmora-dam-collapse",
                         "Thousands flee as Orsolan dam collapses in Valmora")


def test_split_moves_pinned_articles_to_a_new_event(tmp_path):
    corpus, events, redirects, problems = edited(
        tmp_path, "orsolan-dam-inquiry:\n  title: Prosecutors open Orsolan dam inquiry\n  articles: [dam-probe.md]\n")
    assert problems == [] and redirects == {}
    assert events[DAM_ID].articles == ["dam-afp", "dam-reuters"]
    inquiry = events["orsolan-dam-inquiry"]
    assert inquiry.articles == ["dam-probe"] and inquiry.title == "Prosecutors open Orsolan dam inquiry"
    assert inquiry.date == "2031-05-08"  # no date given: the publication date of its article
    assert every_article_once(corpus, events)


def test_pinning_an_article_to_an_event_moves_it_and_an_emptied_event_redirects(tmp_path):
    # file name, file stem or slug all name an article
    corpus, events, redirects, problems = edited(tmp_path, f"{DAM_ID}:\n  articles: [budget.md, comet]\n")
    assert problems == []
    assert set(events[DAM_ID].articles) == {"dam-afp", "dam-reuters", "dam-probe", "budget", "comet"}
    assert BUDGET_ID not in events and COMET_ID not in events
    assert redirects == {BUDGET_ID: DAM_ID, COMET_ID: DAM_ID}
    assert every_article_once(corpus, events)
    pages = render(corpus)
    assert_redirect_page(pages, BUDGET_ID, DAM_ID, "Thousands flee as Orsolan dam collapses in Valmora")


def test_redirect_from_keeps_an_old_id_leading_to_the_event(tmp_path):
    corpus, events, redirects, problems = edited(tmp_path, f"{DAM_ID}:\n  redirect_from: [Valmora Dam Breach]\n")
    assert problems == []
    assert events[DAM_ID].articles == ["dam-afp", "dam-reuters", "dam-probe"]
    assert redirects == {"valmora-dam-breach": DAM_ID}  # the old id as a slug
    assert_redirect_page(render(corpus), "valmora-dam-breach", DAM_ID,
                         "Thousands flee as Orsolan dam collapses in Valmora")


def test_redirect_from_naming_a_live_event_is_reported_not_followed(tmp_path):
    corpus, events, redirects, problems = edited(tmp_path, f"{DAM_ID}:\n  redirect_from: [{CHESS_ID}]\n")
    assert CHESS_ID in events and redirects == {}
    assert any(":1: warning:" in p and CHESS_ID in p for p in problems)


def test_chains_of_redirects_lead_to_the_final_event(tmp_path):
    # merger merged into chess, chess merged into the dam event: both old URLs lead to the dam event
    corpus, events, redirects, problems = edited(
        tmp_path, f"{CHESS_ID}:\n  merge: [{MERGER_ID}]\n{DAM_ID}:\n  merge: [{CHESS_ID}]\n")
    assert redirects.get(CHESS_ID) == DAM_ID and redirects.get(MERGER_ID) in (DAM_ID, CHESS_ID)
    target = redirects[MERGER_ID]
    assert target in events  # never a redirect to a page that is not there
    pages = render(corpus)
    for old, new in redirects.items():
        assert redirect_target(pages[f"events/{old}/index.html"]) == f"../{new}/"
    assert every_article_once(corpus, events)


def test_editorial_mistakes_are_reported_with_their_lines(tmp_path):
    yml = (f"{DAM_ID}:\n  merge: [no-such-event]\n  articles: [missing.md]\n"   # lines 1-3
           f"{CHESS_ID}:\n  articles: [dam-probe.md]\n"                          # lines 4-5
           "empty-event:\n  title: Nothing here\n"                               # lines 6-7
           f"{COMET_ID}:\n  date: 2031-02-30\n  colour: blue\n")                # lines 8-10
    corpus, events, redirects, problems = edited(tmp_path, yml)
    text = "\n".join(problems)
    assert re.search(r"events\.yml:1: warning: .*no-such-event", text)
    assert re.search(r"events\.yml:1: error: .*missing\.md", text)
    # dam-probe is claimed by the dam event (it is in it) and pinned to chess: the first id wins, reported
    assert re.search(r"events\.yml:\d+: error: .*dam-probe is also pinned", text)
    assert re.search(r"events\.yml:6: warning: empty-event: has no articles", text)
    assert re.search(r"events\.yml:8: error: .*2031-02-30", text)
    assert "colour" in text
    assert "empty-event" not in events
    assert every_article_once(corpus, events)


def test_merge_cycle_is_reported_and_every_url_still_resolves(tmp_path):
    corpus, events, redirects, problems = edited(
        tmp_path, f"{CHESS_ID}:\n  merge: [{MERGER_ID}]\n{MERGER_ID}:\n  merge: [{CHESS_ID}]\n")
    assert len([e for e in events.values() if set(e.articles) == {"chess", "merger"}]) == 1
    assert all(new in events for new in redirects.values())
    assert not set(redirects) & set(events)
    assert every_article_once(corpus, events)


def test_built_site_serves_old_event_urls_as_redirects(project):
    articles = {}
    for name, day, text in DAM + OTHERS:
        articles[f"{name}.md"] = f"---\ndate: {day}\n---\n{text}\n"
    root = project(articles)
    (root / "content" / "events.yml").write_text(
        f"valmora-dam-collapse:\n  title: Orsolan dam bursts\n  merge: [{DAM_ID}]\n"
        f"{CHESS_ID}:\n  merge: [{MERGER_ID}]\n", encoding="utf-8")
    report = generate(root, quiet=True)
    assert not [p for p in report.problems if "events.yml" in p], report.problems
    docs = root / "docs" / "events"
    for old, new in ((DAM_ID, "valmora-dam-collapse"), (MERGER_ID, CHESS_ID)):
        assert redirect_target((docs / old / "index.html").read_text(encoding="utf-8")) == f"../{new}/"
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    html = (root / "site" / "events" / DAM_ID / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in html and "valmora-dam-collapse/" in html
    assert "Orsolan dam bursts" in (root / "site" / "events" / "valmora-dam-collapse" / "index.html").read_text(
        encoding="utf-8")


def test_an_entry_whose_articles_are_all_pinned_elsewhere_redirects_to_them(tmp_path):
    # the chess entry renames its event, but another entry (first by id) takes its only article
    corpus, events, redirects, problems = edited(
        tmp_path, f"{CHESS_ID}:\n  title: Chess\na-chess-event:\n  articles: [chess.md]\n")
    assert CHESS_ID not in events and events["a-chess-event"].articles == ["chess"]
    assert redirects == {CHESS_ID: "a-chess-event"}
    assert any("no articles" in p for p in problems)
    assert_redirect_page(render(corpus), CHESS_ID, "a-chess-event", "Petrova wins Lindau chess open")
