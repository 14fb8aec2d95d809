"""Page metadata: the article/actor/event templates, JSON-LD, Open Graph, the Atom feed, the sitemap.

The sample site is built with a hostile article and a hostile actor name (from content/actors.yml),
once without a site URL (links relative, as in a local build) and once with BRIEFING_SITE_URL."""
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from conftest import make_project, mkdocs_build

from generator.build import generate
from generator.render.feed import FEED_MAX, normalise_site_url, site_url

HOSTILE = '</script><script>alert(1)</script> Türkiye "Q" & Co'
HOSTILE_TITLE = '</script><script>alert(2)</script> "Quoted" & <b>bold</b>'
ARTICLE = ("---\ntitle: '</script><script>alert(2)</script> \"Quoted\" & <b>bold</b>'\ndate: 2023-11-20\n"
           "source: 'Evil </script> & \"Co\"'\nauthor: \"O'Brien & <i>Sons</i>\"\n---\n"
           "Turkey said on Monday that the talks had failed. President Recep Tayyip Erdogan spoke in Ankara.\n")
REGISTRY = ('turkey:\n  name: "</script><script>alert(1)</script> Türkiye \\"Q\\" & Co"\n  aliases: [Turkey]\n'
            '  wikipedia: https://en.wikipedia.org/wiki/Turkey\n'
            'recep-tayyip-erdogan:\n  name: Recep Tayyip Erdogan\n  redirect_from: [old-erdogan]\n')
ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/briefing/"


class Head(HTMLParser):
    """The page's <meta>, JSON-LD scripts and element ids and classes."""

    def __init__(self):
        super().__init__()
        self.meta, self.jsonld, self.links, self.classes = [], [], [], set()
        self._ld = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.meta.append(a)
        if tag == "link":
            self.links.append(a)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._ld = []
        for c in (a.get("class") or "").split():
            self.classes.add(c)

    def handle_data(self, data):
        if self._ld is not None:
            self._ld.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._ld is not None:
            self.jsonld.append("".join(self._ld))
            self._ld = None

    def prop(self, name):
        return [m.get("content") for m in self.meta if m.get("property") == name or m.get("name") == name]


def parse(path: Path) -> tuple[Head, str]:
    text = path.read_text(encoding="utf-8")
    head = Head()
    head.feed(text)
    return head, text


def build(tmp: Path, url: str | None):
    root = make_project(tmp, {"zz-hostile.md": ARTICLE}, samples=True)
    (root / "content/actors.yml").write_text(REGISTRY, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        if url:
            mp.setenv("BRIEFING_SITE_URL", url)
        else:
            mp.delenv("BRIEFING_SITE_URL", raising=False)
        generate(root, quiet=True)
        done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("meta"), None) / "site"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return build(tmp_path_factory.mktemp("meta-url"), SITE_URL) / "site"


def event_page(site: Path, slug: str = "001-08d784ccb6862f36") -> Path:
    """The page of the event that the article ``slug`` belongs to (several sources)."""
    arts = json.loads((site / "articles.json").read_text())
    eid = next(a["event"] for a in arts if a["slug"] == slug)
    return site / "events" / eid / "index.html"


def only_ld(head: Head) -> dict:
    assert len(head.jsonld) == 1, head.jsonld
    return json.loads(head.jsonld[0])


# ---------------------------------------------------------------- JSON-LD

def test_article_jsonld(site):
    head, _ = parse(site / "articles/000-607b66bbe5a73dbc/index.html")
    ld = only_ld(head)
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "NewsArticle"
    assert ld["headline"].startswith("Turkey has made") and ld["datePublished"] == "2023-11-12"
    assert ld["description"]
    types = {m["name"]: m["@type"] for m in ld["mentions"]}
    assert types["Recep Tayyip Erdogan"] == "Person" and types["Hamas"] == "Organization"
    assert "Place" in types.values() or "Country" in types.values()
    assert all(m["url"].startswith("../../actors/") for m in ld["mentions"])  # relative: resolves under any sub-path
    assert ld["about"]["@type"] == "Event" and ld["about"]["url"].startswith("../../events/")


def test_actor_jsonld(site):
    head, _ = parse(site / "actors/recep-tayyip-erdogan/index.html")
    ld = only_ld(head)
    assert ld["@type"] == "Person" and ld["name"] == "Recep Tayyip Erdogan"
    assert "Erdogan" in ld["alternateName"]
    assert ld["subjectOf"]["url"] == "../recep-tayyip-erdogan.json"
    hamas = only_ld(parse(site / "actors/hamas/index.html")[0])
    assert hamas["@type"] == "Organization"


def test_event_jsonld(site):
    head, _ = parse(event_page(site))
    ld = only_ld(head)
    assert ld["@type"] == "Event" and ld["startDate"] == "2023-11-04" and ld["name"]
    assert len(ld["subjectOf"]) >= 2 and all(s["@type"] == "NewsArticle" for s in ld["subjectOf"])
    assert any(a["name"] == "Recep Tayyip Erdogan" and a["@type"] == "Person" for a in ld["about"])
    for s in ld["subjectOf"]:  # each source resolves to a built page
        target = urlparse(urljoin("http://x/events/e/", s["url"])).path
        assert (site / target.lstrip("/") / "index.html").is_file(), s["url"]


def test_hostile_names_stay_escaped_and_json_parses(site):
    for path, name, key in ((site / "actors/turkey/index.html", HOSTILE, "name"),
                            (site / "articles/zz-hostile/index.html", HOSTILE_TITLE, "headline")):
        head, text = parse(path)
        ld = only_ld(head)  # the script was not ended early: exactly one, and it parses
        assert ld[key] == name
        assert "<script>alert(" not in text and "</script><script>" not in text
        assert text.count("</script>") == text.count("<script")  # no stray end tag from the data
        assert head.prop("og:title") == [name]  # the parser unescapes: the attribute held the text, escaped
    art = only_ld(parse(site / "articles/zz-hostile/index.html")[0])
    assert art["publisher"]["name"] == 'Evil </script> & "Co"' and art["author"]["name"] == "O'Brien & <i>Sons</i>"
    assert any(m["name"] == HOSTILE and m["@type"] == "Country" for m in art["mentions"])


# ---------------------------------------------------------------- Open Graph and description

@pytest.mark.parametrize("page,og_type", [("articles/000-607b66bbe5a73dbc/index.html", "article"),
                                          ("actors/recep-tayyip-erdogan/index.html", "profile"),
                                          ("actors/hamas/index.html", "website"),
                                          ("index.html", "website"), ("events/index.html", "website")])
def test_open_graph_and_one_description(site, page, og_type):
    head, _ = parse(site / page)
    assert head.prop("og:type") == [og_type]
    assert len(head.prop("og:title")) == 1 and head.prop("og:title")[0]
    assert head.prop("og:site_name") == ["Briefing"] and head.prop("twitter:card") == ["summary"]
    desc = head.prop("description")
    assert len(desc) == 1 and desc[0] and head.prop("og:description") == desc
    assert head.prop("og:url") == []  # no site URL: no absolute URL is made up
    feeds = [ln for ln in head.links if ln.get("type") == "application/atom+xml"]
    assert len(feeds) == 1
    target = urlparse(urljoin("http://x/" + page, feeds[0]["href"])).path
    assert target == "/feed.xml"  # relative to the page: right under any sub-path


def test_descriptions_come_from_the_page(site):
    art = parse(site / "articles/001-08d784ccb6862f36/index.html")[0].prop("description")[0]
    assert art.startswith("Turkey announced on Saturday")
    actor = parse(site / "actors/recep-tayyip-erdogan/index.html")[0].prop("description")[0]
    assert actor.startswith("Recep Tayyip Erdogan (also Erdogan): a person named in")
    home = parse(site / "index.html")[0].prop("description")[0]
    assert home == "A cross-linked briefing built from news articles."


def test_with_site_url_og_url_and_absolute_jsonld(published):
    head, _ = parse(published / "actors/recep-tayyip-erdogan/index.html")
    assert head.prop("og:url") == [SITE_URL + "actors/recep-tayyip-erdogan/"]
    ld = only_ld(head)
    assert ld["url"] == SITE_URL + "actors/recep-tayyip-erdogan/"
    assert ld["subjectOf"]["url"] == SITE_URL + "actors/recep-tayyip-erdogan.json"
    art = only_ld(parse(published / "articles/000-607b66bbe5a73dbc/index.html")[0])
    assert all(m["url"].startswith(SITE_URL + "actors/") for m in art["mentions"])


# ---------------------------------------------------------------- templates

def test_actor_infobox(site):
    head, text = parse(site / "actors/recep-tayyip-erdogan/index.html")
    assert "bf-infobox" in head.classes
    box = text.split('<aside class="bf-infobox"', 1)[1].split("</aside>", 1)[0]
    for label in ("Type", "Also called", "Roles", "First seen", "Last seen", "Seen in", "Links"):
        assert f"<dt>{label}</dt>" in box, label
    assert ">person<" in box and "Turkish President" in box and "Erdogan" in box
    assert 'bf-infobox__first"><time datetime="2023-11-04">4 November 2023</time>' in box
    assert 'bf-infobox__last"><time datetime="2023-11-20">20 November 2023</time>' in box  # the hostile article
    assert '<a href="#articles">6 articles</a>' in box and '<a href="#events">' in box and "mentions" in box
    assert 'href="../recep-tayyip-erdogan.json"' in box
    assert (site / "actors/recep-tayyip-erdogan.json").is_file()
    entry = json.loads((site / "actors/recep-tayyip-erdogan.json").read_text())
    assert entry in json.loads((site / "actors.json").read_text())
    assert text.index("<h1") < text.index('<aside class="bf-infobox"') < text.index("<h2")  # under the name
    # the facts are the infobox's, not repeated as Markdown lines in the body
    body = text.split("</aside>", 1)[1]
    assert "<strong>Type:</strong>" not in body and "Also called:" not in body and ">Roles</h2>" not in body


def test_actor_aliases_and_roles_stay_searchable(site):
    """The infobox is the template's, outside the search index: the lead paragraph names them."""
    index = json.loads((site / "search/search_index.json").read_text())
    text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("actors/recep-tayyip-erdogan/"))
    assert "also Erdogan" in text and "Turkish President" in text


def test_article_header(site):
    head, text = parse(site / "articles/000-607b66bbe5a73dbc/index.html")
    header = text.split('<header class="bf-header"', 1)[1].split("</header>", 1)[0]
    assert '<time datetime="2023-11-12">12 November 2023</time>' in header
    assert "Event: <a href=\"../../events/" in header and "other source" in header
    assert "bf-meta" not in text  # the old hand-written meta line is gone
    # header, then the headline, then the actors line
    assert text.index("bf-header") < text.index("<h1") < text.index('class="bf-actors"')
    hostile = parse(site / "articles/zz-hostile/index.html")[1]
    header = hostile.split('<header class="bf-header"', 1)[1].split("</header>", 1)[0]
    assert "Source: Evil &lt;/script&gt; &amp; &#34;Co&#34;" in header and "By O&#39;Brien" in header


def test_event_header(site):
    head, text = parse(event_page(site))
    header = text.split('<header class="bf-header"', 1)[1].split("</header>", 1)[0]
    assert '<time datetime="2023-11-04">4 November 2023</time>' in header
    assert '<a class="bf-header__item" href="#sources">3 sources</a>' in header
    assert 'href="../../actors/recep-tayyip-erdogan/"' in header or "Actors:" in header
    assert "bf-event-meta" not in text and 'id="sources"' in text
    assert text.index("<h1") < text.index('<header class="bf-header"') < text.index("<h2")  # under the title


# ---------------------------------------------------------------- feed

def feed_entries(site: Path):
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == ATOM + "feed"
    return root, root.findall(ATOM + "entry")


def test_feed_parses_in_order_and_links_resolve(site):
    root, entries = feed_entries(site)
    assert 0 < len(entries) <= FEED_MAX
    for tag in ("id", "title", "updated"):
        assert root.find(ATOM + tag) is not None and root.find(ATOM + tag).text
    dates = [e.find(ATOM + "updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert root.find(ATOM + "updated").text == dates[0]  # the newest entry's date, not the build's
    kinds = {c.get("term") for e in entries for c in e.findall(ATOM + "category")}
    assert {"article", "event"} <= kinds
    titles = [e.find(ATOM + "title").text for e in entries]
    assert HOSTILE_TITLE in titles  # text, escaped by the XML writer
    ids = [e.find(ATOM + "id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for e in entries:
        for link in e.findall(ATOM + "link"):
            href = link.get("href")
            assert not urlparse(href).scheme  # relative: resolves against wherever the feed is served
            path = urlparse(urljoin("http://x/feed.xml", href)).path
            assert (site / path.lstrip("/") / "index.html").is_file(), href
    undated = json.loads((site / "articles.json").read_text())
    undated = {a["url"] for a in undated if not a["published"]}
    assert undated and not undated & {e.find(ATOM + "link").get("href") for e in entries}


def test_feed_is_deterministic(site, tmp_path):
    again = build(tmp_path, None) / "site"
    assert (again / "feed.xml").read_bytes() == (site / "feed.xml").read_bytes()


def test_feed_absolute_with_site_url(published):
    root, entries = feed_entries(published)
    assert root.find(ATOM + "id").text == SITE_URL + "feed.xml"
    links = [ln.get("href") for e in entries for ln in e.findall(ATOM + "link")]
    assert links and all(h.startswith(SITE_URL) for h in links)
    assert all(e.find(ATOM + "id").text.startswith(SITE_URL) for e in entries)


def test_feed_survives_characters_xml_cannot_hold(project):
    root = project({"odd.md": "---\ntitle: \"Odd \\x00\\x07\\x85 \\u2028 title\"\ndate: 2023-01-02\n---\nA line with \x0b and \u0085 in it.\n"})
    generate(root, quiet=True)
    tree = ET.fromstring((root / "docs/feed.xml").read_bytes())
    assert tree.find(ATOM + "entry/" + ATOM + "title").text.startswith("Odd")


def test_site_url_sources(tmp_path, monkeypatch):
    monkeypatch.delenv("BRIEFING_SITE_URL", raising=False)
    (tmp_path / "mkdocs.yml").write_text("site_name: X\nsite_url: !ENV [BRIEFING_SITE_URL, 'https://a.example/b']\n"
                                          "markdown_extensions:\n  - pymdownx.emoji:\n"
                                          "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    assert site_url(tmp_path) == "https://a.example/b/"
    monkeypatch.setenv("BRIEFING_SITE_URL", "https://owner.github.io/repo")
    assert site_url(tmp_path) == "https://owner.github.io/repo/"
    monkeypatch.setenv("BRIEFING_SITE_URL", "")  # set but empty: no site URL, as MkDocs's !ENV reads it
    assert site_url(tmp_path) is None
    assert normalise_site_url("javascript:alert(1)") is None and normalise_site_url("/relative/") is None


# ---------------------------------------------------------------- sitemap and redirects

def test_sitemap_lists_pages_not_redirects(site, published):
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    empty = ET.parse(site / "sitemap.xml").getroot()
    assert empty.tag == ns + "urlset" and not empty.findall(ns + "url")  # no site URL: no made-up locations
    locs = [u.find(ns + "loc").text for u in ET.parse(published / "sitemap.xml").getroot().findall(ns + "url")]
    assert SITE_URL in locs and SITE_URL + "actors/recep-tayyip-erdogan/" in locs
    assert SITE_URL + "articles/zz-hostile/" in locs and all(loc.startswith(SITE_URL) for loc in locs)
    redirect = published / "actors/old-erdogan/index.html"
    head, text = parse(redirect)
    assert head.prop("robots") == ["noindex"] and not head.jsonld and not head.prop("og:type")
    assert SITE_URL + "actors/old-erdogan/" not in locs
    pages = {p.parent.relative_to(published).as_posix() for p in published.rglob("index.html")}
    redirects = {p for p in pages if "http-equiv=\"refresh\"" in (published / p / "index.html").read_text()}
    assert redirects and not {SITE_URL + p + "/" for p in redirects} & set(locs)
    assert len(locs) == len(pages) - len(redirects)
