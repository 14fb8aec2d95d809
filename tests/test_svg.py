"""Build-time SVG pictures (generator/svg.py): well-formed, escaped, deterministic, capped,
with a text alternative, and every link in them leads somewhere in a built site."""
import random
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from conftest import mkdocs_build
from test_links import check_site

from generator.build import generate
from generator.render import pictures as svg

NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
HOSTILE = ["<script>alert(1)</script>", "Tom & Jerry", 'say "hi"', "it's", "{{ 7*7 }}", "bell\x07ring", "x\ud800y"]

# three dated reports of one toll, on three days before the sample's own (9,500 on 2023-11-04):
# the Figures page draws a chart of them
TOLL = {
    "toll-a.md": "---\ntitle: Gaza toll rises past one thousand\ndate: 2023-10-12\nsource: Wire <A> & Co\n---\n"
                 "The health ministry said 1,417 people have been killed in Gaza.\n",
    "toll-b.md": "---\ntitle: Gaza toll passes four thousand\ndate: 2023-10-20\nsource: Wire B\n---\n"
                 "At least 4,137 people have been killed in Gaza, the health ministry said.\n",
    "toll-c.md": "---\ntitle: Gaza toll passes seven thousand\ndate: 2023-10-28\nsource: Wire C\n---\n"
                 "More than 7,326 people have been killed in Gaza, the health ministry said.\n",
}


def parse(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == NS + "svg"
    assert root.get("role") == "img" and "width" not in root.attrib and root.get("viewBox").startswith("0 0 360 ")
    ids = {e.get("id"): e.tag for e in root.iter() if e.get("id")}
    t, d = root.get("aria-labelledby").split()
    assert ids[t] == NS + "title" and ids[d] == NS + "desc"
    assert root.find(NS + "title").text and root.find(NS + "desc").text
    assert "style=" not in text  # colours and sizes come from CSS classes
    return root


def links(root: ET.Element) -> list[str]:
    return [a.get(XLINK) for a in root.iter(NS + "a")]


def marks(n: int, start=date(2023, 10, 1), step=1, names=None) -> list[svg.Mark]:
    names = names or [f"item {i}" for i in range(n)]
    kinds = ["ev", "ar", "mn", "rel", "rp"]
    return [svg.Mark(start + timedelta(days=i * step), kinds[i % len(kinds)], f"../x/{i}/#p{i}", names[i % len(names)])
            for i in range(n)]


def points(n: int, start=date(2023, 10, 1)) -> list[svg.ChartPoint]:
    return [svg.ChartPoint(start + timedelta(days=i // 2), 100.0 + 37 * i, f"../articles/a{i}/#p1", f"tip {i}",
                           high=(300.0 + 37 * i) if i % 5 == 0 else None, vague=i % 7 == 0) for i in range(n)]


def nodes(n: int, names=None) -> list[svg.Node]:
    names = names or [f"Actor {i}" for i in range(n)]
    return [svg.Node(names[i % len(names)] + (f" {i}" if i >= len(names) else ""), f"../a{i}/", 1 + i % 4)
            for i in range(n)]


def drawings(names=None):
    return {
        "strip": svg.timeline_svg(marks(9, names=names), "u1", "Title " + (names or [""])[0], "Desc",
                                  {"ev": "event", "ar": "article", "mn": "date", "rel": "related", "rp": "report"}),
        "chart": svg.chart_svg(points(9), "u2", "Chart " + (names or [""])[0], "Desc"),
        "graph": svg.cograph_svg((names or ["Centre"])[0], nodes(9, names), "u3", "Graph", "Desc"),
    }


def test_well_formed_with_title_desc_and_links():
    for kind, text in drawings().items():
        root = parse(text)
        hrefs = links(root)
        assert hrefs and all(h.startswith("../") for h in hrefs), kind
        for a in root.iter(NS + "a"):  # every link says what it is: a tooltip or a label
            assert "".join(e.text or "" for e in a.iter() if e.tag in (NS + "title", NS + "text")).strip()
        assert "<a href=" not in text  # see _NS in generator/svg.py: Material's script breaks on SVG's href


def test_hostile_names_are_escaped():
    for kind, text in drawings(HOSTILE).items():
        assert "<script" not in text and "{{" not in text and "\x07" not in text, kind
        root = parse(text)  # well-formed XML whatever the names
        seen = " ".join(e.text or "" for e in root.iter())
        assert "<script>" in seen or "<scri" in seen or kind == "chart", kind  # shown literally, as text
        assert "Tom & Jerry" in seen or kind == "chart"
    assert svg.esc('a"b\'c<d>&{e}') == "a&quot;b&#x27;c&lt;d&gt;&amp;&#123;e&#125;"
    bad_href = svg.timeline_svg([svg.Mark(date(2023, 1, 1), "ar", '"><script>x</script>', "t"),
                                 svg.Mark(date(2023, 1, 5), "ar", "ok/", "t")], "u", "t", "d")
    assert links(parse(bad_href))[0] == '"><script>x</script>'  # an attribute value, never markup


def test_deterministic_and_order_independent():
    a = drawings(HOSTILE)
    b = drawings(HOSTILE)
    assert a == b
    rng = random.Random(7)
    for build, data in ((lambda d: svg.timeline_svg(d, "u", "t", "d"), marks(40)),
                        (lambda d: svg.chart_svg(d, "u", "t", "d"), points(40)),
                        (lambda d: svg.cograph_svg("c", d, "u", "t", "d"), nodes(20))):
        shuffled = list(data)
        rng.shuffle(shuffled)
        assert build(data) == build(shuffled)
    # numbers have one format: no long floats, no exponent, no "-0"
    text = "".join(drawings().values())
    assert not re.search(r'="[^"]*\d\.\d\d', text) and "e-" not in re.sub(r"[a-z]e-[a-z]", "", text)
    assert svg.num(-0.04) == "0" and svg.num(2.0) == "2" and svg.num(1 / 3) == "0.3"


def test_too_little_to_draw_gives_nothing():
    d = date(2023, 5, 1)
    assert svg.timeline_svg([], "u", "t", "d") == ""
    assert svg.timeline_svg(marks(1), "u", "t", "d") == ""
    assert svg.timeline_svg([svg.Mark(d, "ar", "a/", "x"), svg.Mark(d, "mn", "b/", "y")], "u", "t", "d") == ""
    assert svg.chart_svg([], "u", "t", "d") == ""
    assert svg.chart_svg(points(1), "u", "t", "d") == ""
    assert svg.chart_svg([svg.ChartPoint(d, 1, "a/", "x"), svg.ChartPoint(d, 2, "b/", "y")], "u", "t", "d") == ""
    assert svg.cograph_svg("c", [], "u", "t", "d") == ""
    assert svg.figure("", "caption") == ""
    # one neighbour, two equal values, zero and negative values: still well-formed
    parse(svg.cograph_svg("c", nodes(1), "u", "t", "d"))
    parse(svg.chart_svg([svg.ChartPoint(d, 5, "a/", "x"), svg.ChartPoint(d + timedelta(1), 5, "b/", "y")], "u", "t", "d"))
    parse(svg.chart_svg([svg.ChartPoint(d, -3, "a/", "x"), svg.ChartPoint(d + timedelta(1), 0, "b/", "y")], "u", "t", "d"))


def test_sizes_are_capped():
    strip = parse(svg.timeline_svg(marks(500, step=3), "u", "t", "d"))
    assert len(links(strip)) <= svg.MAX_MARKS
    assert "Each column covers two months" in strip.find(NS + "desc").text  # 1,500 days: grouped
    xs = {c.get("cx") for c in strip.iter(NS + "circle")}
    assert len(xs) <= 40
    chart = parse(svg.chart_svg(points(500), "u", "t", "d"))
    assert len(links(chart)) == svg.MAX_POINTS
    assert "../articles/a499/#p1" in links(chart)  # the latest are drawn
    graph = parse(svg.cograph_svg("c", nodes(100), "u", "t", "d"))
    assert len(links(graph)) == svg.MAX_NODES
    # a heavy stack on one day ends in "+n", not in 50 dots
    same_day = [svg.Mark(date(2023, 1, 1), "mn", f"a{i}/", f"t{i}") for i in range(50)] + marks(1, date(2023, 2, 1))
    text = svg.timeline_svg(same_day, "u", "t", "d")
    assert len(links(parse(text))) == svg.MAX_STACK and ">+46<" in text


def test_log_scale_for_values_over_orders_of_magnitude():
    d = date(2023, 1, 1)
    pts = [svg.ChartPoint(d, 5, "a/", "x"), svg.ChartPoint(d + timedelta(3), 20e9, "b/", "y")]
    root = parse(svg.chart_svg(pts, "u", "t", "d"))
    texts = [t.text for t in root.iter(NS + "text")]
    assert "20bn" in texts and "5" in texts and "log scale" in texts


def test_relative_links():
    assert svg.rel("", "events/x/") == "events/x/"
    assert svg.rel("events/x/", "articles/y/") == "../../articles/y/"
    assert svg.rel("figures/", "articles/y/#p2") == "../articles/y/#p2"


class _Pics(HTMLParser):
    """Figures, their captions and the ids of a built page."""

    def __init__(self):
        super().__init__()
        self.ids, self.svgs, self.captions, self.stack = Counter(), 0, 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] += 1
        if tag == "svg" and "bf-svg" in (a.get("class") or ""):
            self.svgs += 1
            assert a.get("role") == "img" and a.get("aria-labelledby")
        if tag == "figcaption":
            self.captions += 1


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import make_project
    root = make_project(tmp_path_factory.mktemp("svg"), TOLL, samples=True)
    generate(root, quiet=True)
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    return root


def test_pages_carry_pictures_with_text_alternatives(built):
    docs, site = built / "docs", built / "site"
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert 'id="bf-home-t"' in home
    event = next(p for p in (docs / "events").glob("*.md") if "turkey-announced" in p.name)
    assert 'id="bf-event-t"' in event.read_text(encoding="utf-8")
    figures = (docs / "figures/index.md").read_text(encoding="utf-8")
    assert 'id="bf-m0-t"' in figures and "../articles/toll-a/#p1" in figures
    assert "Wire &lt;A&gt; &amp; Co" in figures and "Wire <A>" not in figures
    assert 'id="bf-co-t"' in (docs / "actors/recep-tayyip-erdogan.md").read_text(encoding="utf-8")
    # an actor in one article only has no page (a card on that article's page), so no picture either
    assert not (docs / "actors/irit-lillian.md").exists() and (docs / "actors/irit-lillian/index.html").exists()
    n = 0
    for page in site.rglob("*.html"):
        p = _Pics()
        p.feed(page.read_text(encoding="utf-8"))
        dup = [i for i, k in p.ids.items() if k > 1]
        assert not dup, (page, dup)
        assert p.svgs == p.captions, page  # each picture has its visible text alternative
        n += p.svgs
    assert n >= 5


def test_svg_links_resolve_in_built_site(built):
    site = built / "site"
    n_pages, n_links, n_anchors, broken, _ = check_site(site)
    assert not broken, broken[:10]
    # the checker saw the pictures' links (xlink:href) too
    svg_links = 0
    for page in site.rglob("*.html"):
        svg_links += page.read_text(encoding="utf-8").count("xlink:href=")
    assert svg_links > 20
    from test_links import Page
    p = Page()
    p.feed((site / "figures/index.html").read_text(encoding="utf-8"))
    assert "../articles/toll-a/#p1" in p.links


def test_rebuild_is_byte_identical(built, tmp_path):
    from conftest import make_project
    root = make_project(tmp_path, TOLL, samples=True)
    generate(root, quiet=True)
    for page in ("index.md", "figures/index.md", "actors/recep-tayyip-erdogan.md"):
        assert (root / "docs" / page).read_bytes() == (built / "docs" / page).read_bytes()
