"""Permanent actor URLs, end to end with the real extractor and MkDocs."""
import json
import re

from conftest import mkdocs_build

from generator.build import generate


def actor_ids(root):
    return {a["id"] for a in json.loads((root / "docs/actors.json").read_text())}


def test_registry_rename_keeps_old_url_working(project):
    root = project(samples=True)
    generate(root, quiet=True)
    assert "recep-tayyip-erdogan" in actor_ids(root)
    # the editor moves the actor to a new id and a new name
    (root / "content/actors.yml").write_text(
        "erdogan:\n  name: Recep Tayyip Erdoğan\n  type: person\n  aliases: [Recep Tayyip Erdogan]\n"
        "  description: President of Turkey.\n  wikidata: Q39723\n", encoding="utf-8")
    report = generate(root, quiet=True)
    assert not report.errors
    ids = actor_ids(root)
    assert "erdogan" in ids and "recep-tayyip-erdogan" not in ids
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    new = (root / "site/actors/erdogan/index.html").read_text()
    assert "Recep Tayyip Erdoğan" in new and "President of Turkey." in new
    old = (root / "site/actors/recep-tayyip-erdogan/index.html").read_text()
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', old).group(1)
    assert target == "../erdogan/"
    assert (root / "site/actors/recep-tayyip-erdogan" / target / "index.html").resolve() == \
        (root / "site/actors/erdogan/index.html").resolve()
    # article pages link to the new URL
    page = (root / "site/articles/000-607b66bbe5a73dbc/index.html").read_text()
    assert "../../actors/erdogan/" in page and "../../actors/recep-tayyip-erdogan/" not in page


def test_adding_an_article_keeps_existing_ids(project):
    root = project(samples=True)
    generate(root, quiet=True)
    before = actor_ids(root)
    (root / "content/articles/005-new.txt").write_text(
        "Greek Prime Minister Kyriakos Mitsotakis met Erdogan in Athens on Thursday, officials said. "
        "The European Union welcomed the talks.\n", encoding="utf-8")
    generate(root, quiet=True)
    after = actor_ids(root)
    assert before <= after
    assert {"kyriakos-mitsotakis", "athens"} <= after


def test_sample_actor_pages_no_duplicates_no_non_actors(project):
    root = project(samples=True)
    generate(root, quiet=True)
    actors = json.loads((root / "docs/actors.json").read_text())
    names = {a["name"].casefold() for a in actors}
    for bad in ("turkish", "israeli", "western", "state", "saturday", "tuesday", "although", "palestinian"):
        assert bad not in names, bad
    # one page per real actor: no surname-only or demonym twins
    for full, short in (("recep tayyip erdogan", "erdogan"), ("antony blinken", "blinken"),
                        ("benjamin netanyahu", "netanyahu"), ("hakan fidan", "fidan")):
        assert full in names and short not in names
    ministries = [a for a in actors if "foreign affairs" in a["name"].casefold() and "turkey" in a["name"].casefold()]
    assert len(ministries) == 1
