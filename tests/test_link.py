"""Canonical actors across the corpus, the editorial registry and permanent ids."""
import re

from support import draw as render

from generator.ingest import parse
from generator.link.actors import link
from generator.link.registry import load as load_registry
from generator.model import ActorMention, ArticleRecord, Extraction


def record(slug, text, names):
    """An article whose extraction is the given (surface, type, in-article name, role) mentions, in order."""
    a = parse(f"{slug}.txt", text)
    a.slug = slug
    mentions, pos = [], 0
    for surface, typ, name, *role in names:
        i = text.index(surface, pos)
        mentions.append(ActorMention(i, i + len(surface), surface, typ, name, role[0] if role else None))
        pos = i + len(surface)
    return ArticleRecord(a, Extraction(actors=mentions))


def registry(tmp_path, text):
    p = tmp_path / "actors.yml"
    p.write_text(text, encoding="utf-8")
    return load_registry(p)


def corpus_a():
    return [
        record("a1", "Turkish President Recep Tayyip Erdogan spoke. Erdogan said more.",
               [("Recep Tayyip Erdogan", "person", "Recep Tayyip Erdogan", "Turkish President"),
                ("Erdogan", "person", "Recep Tayyip Erdogan")]),
        record("a2", "Erdogan met Antony Blinken in Ankara.",
               [("Erdogan", "person", "Erdogan"), ("Antony Blinken", "person", "Antony Blinken"),
                ("Ankara", "place", "Ankara")]),
    ]


def test_short_name_resolves_to_the_one_full_name():
    c = link(corpus_a())
    assert set(c.actors) == {"recep-tayyip-erdogan", "antony-blinken", "ankara"}
    e = c.actors["recep-tayyip-erdogan"]
    assert len(e.mentions) == 3 and e.articles == ["a1", "a2"]
    assert ("Turkish President", "a1", None) in e.roles
    assert c.redirects.get("erdogan") == "recep-tayyip-erdogan"


def test_ambiguous_short_name_not_merged():
    recs = [record("b1", "John Smith and Jane Smith met. Smith left.",
                   [("John Smith", "person", "John Smith"), ("Jane Smith", "person", "Jane Smith"),
                    ("Smith", "person", "Smith")])]
    c = link(recs)
    assert "smith" in c.actors and len(c.actors["smith"].mentions) == 1


def test_ids_unchanged_when_an_article_is_added():
    before = {aid: a.name for aid, a in link(corpus_a()).actors.items()}
    more = corpus_a() + [record("a3", "Hakan Fidan met Blinken in Ankara.",
                                [("Hakan Fidan", "person", "Hakan Fidan"), ("Blinken", "person", "Blinken"),
                                 ("Ankara", "place", "Ankara")])]
    after = link(more).actors
    assert set(before) <= set(after)
    assert all(after[aid].name == name for aid, name in before.items())


def test_registry_rename_keeps_id_and_sets_details(tmp_path):
    reg = registry(tmp_path, "recep-tayyip-erdogan:\n  name: Recep Tayyip Erdoğan\n  description: President of Turkey.\n"
                             "  wikidata: Q39723\n")
    c = link(corpus_a(), reg)
    e = c.actors["recep-tayyip-erdogan"]
    assert e.name == "Recep Tayyip Erdoğan" and e.description == "President of Turkey."
    assert e.links["Wikidata"].endswith("/Q39723")
    assert not reg.errors


def test_registry_new_id_redirects_old_url(tmp_path):
    reg = registry(tmp_path, "erdogan-president:\n  name: R. T. Erdoğan\n  aliases: [Recep Tayyip Erdogan]\n")
    c = link(corpus_a(), reg)
    assert "erdogan-president" in c.actors and "recep-tayyip-erdogan" not in c.actors
    assert c.redirects["recep-tayyip-erdogan"] == "erdogan-president"
    pages = render(c)
    page = pages["actors/recep-tayyip-erdogan/index.html"]
    assert "actors/recep-tayyip-erdogan.md" not in pages
    assert 'http-equiv="refresh" content="0; url=../erdogan-president/"' in page
    assert 'rel="canonical" href="../erdogan-president/"' in page and 'content="noindex"' in page


def test_registry_merge_two_actors(tmp_path):
    recs = [record("c1", "The Turkish foreign ministry said. The Ministry of Foreign Affairs of Turkey agreed.",
                   [("Turkish foreign ministry", "organization", "Turkish foreign ministry"),
                    ("Ministry of Foreign Affairs of Turkey", "organization", "Ministry of Foreign Affairs of Turkey")])]
    assert len(link(recs).actors) == 2
    reg = registry(tmp_path, "turkish-ministry-of-foreign-affairs:\n  name: Turkish Ministry of Foreign Affairs\n"
                             "  type: organization\n  aliases: [Turkish foreign ministry, Ministry of Foreign Affairs of Turkey]\n")
    c = link(recs, reg)
    assert list(c.actors) == ["turkish-ministry-of-foreign-affairs"]
    assert c.redirects["turkish-foreign-ministry"] == "turkish-ministry-of-foreign-affairs"


def test_registry_split_and_hide(tmp_path):
    reg = registry(tmp_path, "recep-tayyip-erdogan:\n  split: [Erdogan]\nantony-blinken:\n  hide: true\n")
    c = link(corpus_a(), reg)
    assert "antony-blinken" not in c.actors
    assert len(c.actors["recep-tayyip-erdogan"].mentions) == 1
    assert "erdogan" in c.actors and len(c.actors["erdogan"].mentions) == 2
    # hidden actors' mentions are not linked
    assert all(v != "antony-blinken" for r in c.records for v in r.actor_of.values())


def test_registry_problems_are_reported_with_lines(tmp_path):
    reg = registry(tmp_path, "good-one:\n  name: Good\n  colour: blue\n"
                             "a:\n  redirect_from: [b]\n"
                             "b:\n  redirect_from: [a]\n"
                             "Bad Id:\n  type: alien\n")
    msgs = reg.messages()
    assert any(":3: warning" in m or ":1: warning" in m for m in msgs if "colour" in m)
    assert any("merge cycle" in m for m in msgs)
    assert any("not a slug" in m for m in msgs) and any("alien" in m for m in msgs)
    c = link(corpus_a(), reg)
    assert any("matches no actor" in m for m in reg.messages())
    assert "good-one" not in c.actors


def test_registry_alias_bomb_refused(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n"
    reg = registry(tmp_path, bomb)
    assert not reg.entries and any("aliases" in m and "not allowed" in m for m in reg.messages())


def test_actor_slugs_that_collide_or_are_empty():
    recs = [record("d1", "\u015eakir met Sakir and \u0627\u0644\u0633\u064a\u0633\u064a in town.",
                   [("\u015eakir", "person", "\u015eakir"), ("Sakir", "person", "Sakir"),
                    ("\u0627\u0644\u0633\u064a\u0633\u064a", "person", "\u0627\u0644\u0633\u064a\u0633\u064a")])]
    c = link(recs)
    ids = sorted(c.actors)
    assert len(ids) == 3 and len(set(ids)) == 3
    assert "sakir" in ids and any(i.startswith("sakir-") for i in ids)
    assert any(i.startswith("person-") for i in ids)  # Arabic script: a stable hash id, never empty
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    again = sorted(link([record("d1", recs[0].article.raw, [(m.text, m.type, m.name) for m in recs[0].extraction.actors])]).actors)
    assert again == ids  # stable
