"""The built sample site in a real headless Chromium (Debian's chromium, driven by Playwright),
served from 127.0.0.1 under a sub-path as GitHub project pages are.

Screenshots go to tests/artifacts/screenshots/."""
import functools
import http.server
import json
import os
import shutil
import threading

import pytest
from conftest import REPO, make_project, mkdocs_build
from test_svg import TOLL

from generator.build import generate

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if os.environ.get("BRIEFING_REQUIRE_BROWSER") == "1":  # CI: a missing browser is a failure, not a skip
    assert CHROMIUM, "chromium is not installed (apt-get install chromium)"
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is installed by ./run test")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium; .ci/run does)")
SHOTS = REPO / "tests" / "artifacts" / "screenshots"
PREFIX = "/briefing/"
PAYLOAD = ("---\ntitle: '<script>window.pwned=1</script>Payload {{ config.site_name }}'\nurl: javascript:alert(1)\n---\n"
           "<script>window.pwned=2</script> [click](javascript:window.pwned=3) {% raw %} {{ 7*7 }}\n\n"
           "<img src=x onerror=\"window.pwned=4\"> **bold** &lt;b&gt;\n")
PAYLOAD_TXT = "Plain <script>window.pwned=5</script> headline\n\n<img src=x onerror=window.pwned=6> [x](javascript:1) {{ 7*7 }}\n"
# values the theme writes into the <head> (author, description, title) and the header line
BYLINE = '"><svg onload=window.pwned=7>'
PAYLOAD_HEAD = ("---\nauthor: '\"><img src=x onerror=window.pwned=8>'\nsource: '\"><svg onload=window.pwned=9>'\n"
                "title: '\"><svg onload=window.pwned=10> Head payload'\n---\n"
                "'\"><svg onload=window.pwned=11> Turkey said on Monday it would act, officials said.\n")
PAYLOAD_BYLINE = f"Byline payload headline\n\nBy {BYLINE}\n\nTurkey said on Monday it would act, officials said.\n"
ACTORS = ("turkey:\n  name: Turkey\n  description: '\"><svg onload=window.pwned=12> <script>window.pwned=13</script>'\n"
          "  aliases: ['\"><img src=x onerror=window.pwned=14>']\n")
PAYLOADS = {"zz-payload.md": PAYLOAD, "zz-payload-plain.txt": PAYLOAD_TXT, "zz-payload-head.md": PAYLOAD_HEAD,
            "zz-payload-byline.txt": PAYLOAD_BYLINE}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    root = make_project(tmp, {**PAYLOADS, **TOLL}, samples=True)
    (root / "content" / "actors.yml").write_text(ACTORS, encoding="utf-8")
    generate(root, quiet=True)
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    served = tmp / "served"
    served.mkdir()
    (served / PREFIX.strip("/")).symlink_to(root / "site")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    """The sample site built with BRIEFING_SITE_URL set to where it is served: canonical URLs, a full
    sitemap, and so Material's instant navigation, as on the published site."""
    tmp = tmp_path_factory.mktemp("browser-url")
    root = make_project(tmp, samples=True)
    served = tmp / "served"
    served.mkdir()
    (served / PREFIX.strip("/")).symlink_to(root / "site")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFING_SITE_URL", url)
        generate(root, quiet=True)
        done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


def test_search_short_name_reaches_actor_then_quote_paragraph(site, page):
    page.goto(site)
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.type("Erdogan")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15000)
    href = first.get_attribute("href")
    assert "actors/recep-tayyip-erdogan/" in href, href
    first.click()
    page.wait_for_url("**/actors/recep-tayyip-erdogan/**")
    assert page.locator("h1").first.inner_text() == "Recep Tayyip Erdogan"
    # a quote on the actor page leads to its paragraph, highlighted on arrival
    quote = page.locator("h2#quotes + ul li a, h2:has-text('Quotes') + ul li a").first
    quote.click()
    page.wait_for_url("**/articles/**#p*")
    anchor = page.url.split("#")[1]
    target = page.locator(f"[id='{anchor}']")
    assert "written him off" in target.inner_text()
    outline = target.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).backgroundColor")
    assert not outline.startswith("none") and "rgba(0, 0, 0, 0)" not in outline, outline
    assert not page.errors, page.errors


def test_event_page_reaches_every_source(site, page):
    page.goto(site + "events/")
    links = page.locator("article a[href*='events/']")
    event_href = [h for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))") if h.count("/") >= 1][0]
    page.goto(page.url.split("#")[0] + event_href if not event_href.startswith("http") else event_href)
    sources = page.locator("h2:has-text('Sources') + ul li a").evaluate_all("els => els.map(e => e.href)")
    assert sources
    for url in sources:
        page.goto(url)
        assert "/articles/" in page.url and page.locator("h1").count() >= 1
        assert page.title() and "404" not in page.title()
    assert not page.errors, page.errors


_HANDLERS = "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on')))" \
            ".map(e => e.outerHTML)"


@pytest.mark.parametrize("path", ["articles/zz-payload/", "articles/zz-payload-plain/", "articles/zz-payload-head/",
                                  "articles/zz-payload-byline/", "actors/turkey/", "articles/", "actors/", ""])
def test_whole_document_is_inert(site, page, path):
    """Nothing from an article or the registry runs anywhere in the page, the <head> included."""
    page.goto(site + path)
    page.wait_for_load_state("load")
    assert page.evaluate("window.pwned === undefined")
    assert page.evaluate(_HANDLERS) == []
    assert page.locator("head svg, head img").count() == 0
    assert not [e for e in page.errors if "pwned" in e], page.errors


def test_head_shows_payloads_as_text(site, page):
    page.goto(site + "articles/zz-payload-byline/")
    assert page.locator('meta[name="author"]').get_attribute("content") == BYLINE
    assert f"By {BYLINE}" in page.locator(".bf-header").inner_text()
    page.goto(site + "articles/zz-payload-head/")
    assert page.locator('meta[name="author"]').get_attribute("content") == '"><img src=x onerror=window.pwned=8>'
    assert page.title().startswith('"><svg onload=window.pwned=10> Head payload')
    assert page.locator('meta[name="description"]').get_attribute("content").startswith('\'"><svg onload')
    ld = json.loads(page.locator('script[type="application/ld+json"]').inner_text())
    assert ld["author"]["name"] == '"><img src=x onerror=window.pwned=8>'
    assert ld["publisher"]["name"] == '"><svg onload=window.pwned=9>'


@pytest.mark.parametrize("name", ["zz-payload", "zz-payload-plain"])
def test_payload_article_is_inert(site, page, name):
    page.goto(site + f"articles/{name}/")
    assert page.evaluate("window.pwned === undefined")
    text = page.locator("article").inner_text()
    assert "<script>window.pwned=" in text and "{{ 7*7 }}" in text and "49" not in text
    assert page.locator("article a[href^='javascript:']").count() == 0
    assert page.locator("article img[onerror]").count() == 0
    assert not [e for e in page.errors if "pwned" in e], page.errors


def test_pictures_draw_and_lead_to_their_sources(site, page):
    """The build-time SVG pictures: drawn at a readable size, each mark a working link (served under a
    sub-path), and no script error from them (Material's instant navigation touches every link)."""
    for path in ("", "figures/", "actors/recep-tayyip-erdogan/", "events/"):
        page.goto(site + path)
        if path == "events/":
            page.locator("article table a").first.click()
            page.wait_for_url("**/events/*/")
        pic = page.locator("figure.bf-pic svg").first
        box = pic.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 60, (path, box)
        assert page.locator("figure.bf-pic figcaption").first.inner_text().strip()
    page.goto(site + "figures/")
    page.locator("figure.bf-pic svg a circle").first.click()
    page.wait_for_url("**/articles/toll-a/#p1")
    assert "1,417" in page.locator("[id='p1']").inner_text()
    page.goto(site + "actors/recep-tayyip-erdogan/")
    page.locator("figure.bf-pic svg a").first.click()
    page.wait_for_url("**/actors/*/")
    assert "recep-tayyip-erdogan" not in page.url and page.locator("h1").count() == 1
    assert not page.errors, page.errors


@pytest.mark.parametrize("width,height,label,scheme", [(390, 844, "phone", "light"), (1280, 900, "desktop", "light"),
                                                       (390, 844, "phone-dark", "dark"),
                                                       (1280, 900, "desktop-dark", "dark")])
def test_screenshots(site, browser, width, height, label, scheme):
    SHOTS.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    pg = ctx.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    for name, path in (("home", ""), ("actor", "actors/recep-tayyip-erdogan/"), ("event", "events/"),
                       ("figures", "figures/")):
        pg.goto(site + path)
        if name == "event":
            pg.locator("article table a").first.click()
            pg.wait_for_url("**/events/*/")
        pg.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=False)
        assert (SHOTS / f"{name}-{label}.png").stat().st_size > 5000
        pic = pg.locator("figure.bf-pic").first  # the picture itself, whole, for a close look
        pic.screenshot(path=str(SHOTS / f"{name}-picture-{label}.png"))
        # the labels are drawn in a colour of the scheme, not in the page's background colour
        fill, bg = pic.evaluate("f => [getComputedStyle(f.querySelector('svg text')).fill, "
                                "getComputedStyle(document.body).backgroundColor]")
        assert fill != bg, (name, label, fill, bg)
    ctx.close()
    assert not errors, errors


@pytest.mark.parametrize("width", [390, 1280])
def test_meta_infobox_and_header_under_sub_path(site, browser, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    pg = ctx.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(site + "actors/recep-tayyip-erdogan/")
    data = [json.loads(t) for t in pg.locator("script[type='application/ld+json']").all_text_contents()]
    assert [d["@type"] for d in data] == ["Person"] and data[0]["name"] == "Recep Tayyip Erdogan"
    box = pg.locator("aside.bf-infobox")
    assert box.is_visible() and "First seen" in box.inner_text() and "Last seen" in box.inner_text()
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # fits a phone
    for sel in ("aside.bf-infobox a[type='application/json']", "link[type='application/atom+xml']"):
        href = pg.locator(sel).first.evaluate("e => e.href")
        assert href.startswith(site) and pg.request.get(href).ok, href
    og = pg.locator("meta[property='og:title']").get_attribute("content")
    assert og == "Recep Tayyip Erdogan"
    pg.goto(site + "events/")
    pg.locator("article table a").first.click()
    pg.wait_for_url("**/events/*/")
    header = pg.locator("header.bf-header")
    assert header.is_visible() and "source" in header.inner_text()
    assert json.loads(pg.locator("script[type='application/ld+json']").first.text_content())["@type"] == "Event"
    header.locator("a[href*='actors/']").first.click()
    pg.wait_for_url("**/actors/*/")
    assert pg.locator("aside.bf-infobox").is_visible()
    ctx.close()
    assert not errors, errors


def test_published_build_instant_navigation(published_site, page):
    """With a site URL, Material's instant navigation is on: pages swap in without errors, the
    header and infobox come along, and a redirect page (left out of the sitemap) still redirects."""
    page.goto(published_site)
    assert page.locator("meta[property='og:url']").get_attribute("content") == published_site
    page.goto(published_site + "events/")
    page.evaluate("window.bfMarker = 1")  # survives instant navigation, not a page load
    page.locator("article table a").first.click()
    page.wait_for_url("**/events/*/")
    page.locator("header.bf-header").wait_for(timeout=10000)  # instant navigation swaps the content in
    assert page.evaluate("window.bfMarker") == 1
    page.locator("header.bf-header a[href*='actors/']").first.click()
    page.wait_for_url("**/actors/*/")
    page.locator("aside.bf-infobox").wait_for(timeout=10000)
    page.goto(published_site + "actors/erdogan/")  # an old id of Recep Tayyip Erdogan: a redirect page
    page.wait_for_url("**/actors/recep-tayyip-erdogan/")
    assert page.locator("aside.bf-infobox").is_visible()
    assert not page.errors, page.errors
