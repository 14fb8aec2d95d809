"""Every internal link and anchor in the built site resolves, and no page is an orphan
(reachable from no navigation, index or backlink).  MkDocs checks Markdown links in strict
mode; the article bodies and meta lines are HTML written by the generator, so this walks the
finished site itself."""
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from conftest import mkdocs_build

from generator.build import generate


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids, self.redirect = [], set(), False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and (a.get("href") or a.get("xlink:href")):  # xlink:href: links inside inline SVG
            self.links.append(a.get("href") or a["xlink:href"])
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.redirect = True
            self.links.append(a["content"].split("url=", 1)[1])


def check_site(site: Path):
    pages = {}
    for p in site.rglob("*.html"):
        parser = Page()
        parser.feed(p.read_text(encoding="utf-8"))
        url = "/" + p.relative_to(site).as_posix()
        pages[url.removesuffix("index.html")] = parser
    broken, checked_links, checked_anchors, linked = [], 0, 0, set()
    for url, page in pages.items():
        for href in page.links:
            if urlparse(href).scheme or href.startswith(("mailto:", "//")):
                continue
            target, frag = urldefrag(urljoin("http://x" + url, href))
            path = unquote(urlparse(target).path)
            if path.endswith("index.html"):
                path = path.removesuffix("index.html")
            checked_links += 1
            if path not in pages:
                if not (site / path.lstrip("/")).is_file():
                    broken.append(f"{url}: {href}")
                continue
            if path != url:
                linked.add(path)
            if frag:
                checked_anchors += 1
                if frag not in pages[path].ids:
                    broken.append(f"{url}: {href} (no #{frag})")
    orphans = [u for u, p in pages.items() if u not in linked and u not in ("/", "/404.html") and not p.redirect]
    return len(pages), checked_links, checked_anchors, broken, orphans


def test_no_broken_links_or_orphans(project):
    root = project({"md-article.md": "---\ntitle: A Markdown article\ndate: 2023-11-13\n---\n"
                                     "Erdogan met [Blinken](https://example.org/b) in Ankara on Monday.\n\n"
                                     "- a list item\n"}, samples=True)
    (root / "content/actors.yml").write_text("erdogan:\n  name: Recep Tayyip Erdoğan\n  aliases: [Recep Tayyip Erdogan]\n",
                                             encoding="utf-8")
    generate(root, quiet=True)
    assert mkdocs_build(root).returncode == 0
    n_pages, n_links, n_anchors, broken, orphans = check_site(root / "site")
    print(f"link check: {n_pages} pages, {n_links} internal links, {n_anchors} anchors; "
          f"{len(broken)} broken, {len(orphans)} orphans")
    assert n_pages > 40 and n_links > 500 and n_anchors > 50
    assert not broken, broken[:10]
    assert not orphans, orphans[:10]


def test_checker_catches_broken_links_anchors_and_orphans(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "lonely").mkdir()
    (site / "index.html").write_text('<a href="a/">a</a> <a href="a/#nope">x</a> <a href="missing/">m</a>')
    (site / "a/index.html").write_text('<p id="p1">text</p><a href="../">home</a>')
    (site / "lonely/index.html").write_text("<p>nobody links here</p>")
    _, _, _, broken, orphans = check_site(site)
    assert "/: a/#nope (no #nope)" in broken and "/: missing/" in broken
    assert orphans == ["/lonely/"]
