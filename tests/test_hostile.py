"""Hostile and odd input, one value at a time: each is reported with its file and line, and the
rest of the site is built and published (MkDocs strict) whatever it holds.  A regression test per
defect the attack on the generator found."""
import html.parser
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_project, mkdocs_build

from generator.build import generate, is_error
from generator.build.cache import Cache, dump
from generator.ingest import markdown, parse
from generator.model import Extraction

BODY = "Turkey recalled its ambassador to Israel on Monday, the foreign ministry said in Ankara.\n"
XSS_AUTHOR = '"><svg onload=window.pwned=1>'
CASES = {
    # a publication date Python's dates cannot do arithmetic around (the first and last days)
    "year-one.txt": "date 0001-01-01 " + BODY,
    "year-9999.md": "---\ndate: 9999-12-31\n---\n" + BODY,
    "year-9999-text.txt": "Odd years ahead\n\n" + BODY + "The capsule opens on December 31, 9999, he said.\n",
    "bad-time.md": "---\ndate: 2023-01-01T25:99:99\n---\n" + BODY,
    "good-time.md": "---\ndate: 2023-01-02T10:30:00Z\n---\n" + BODY,
    # YAML tags JSON cannot hold, and lone surrogates UTF-8 cannot encode
    "set-tag.md": "---\ntags: !!set {beta, alpha}\n---\n" + BODY,
    "binary-tag.md": "---\nblob: !!binary aGVsbG8=\n---\n" + BODY,
    "surrogate.md": '---\ntitle: "Lone \\uD800 surrogate"\nsource: "\\uDC00"\n---\n' + BODY,
    "inf.md": "---\nscore: .inf\n---\n" + BODY,
    "dup-key.md": "---\ntitle: First title\ntitle: Second title\n---\n" + BODY,
    "source-yes.md": "---\nsource: yes\ntitle: 2023\n---\n" + BODY,
    # the author is written into <head> by Material, unescaped
    "xss-byline.txt": f"Big news in the capital\n\nBy {XSS_AUTHOR}\n\n" + BODY,
    "xss-author.md": "---\nauthor: '\"><img src=x onerror=window.pwned=2>'\nsource: '\"><b>src</b>'\n---\n" + BODY,
    # slugs that would take an index page
    "index.txt": "Index\n\n" + BODY,
    # links and images in Markdown bodies
    "links.md": ("[call](tel:+100) [proto](//evil.example/x) [rel](../../mkdocs.yml) [ok](https://example.org/a) "
                 "[mail](mailto:desk@example.org)\n\n![pixel](https://tracker.example/p.gif) ![local](img/a.png)\n\n"
                 + BODY),
    # hidden files are reported, not silently skipped
    ".hidden.txt": BODY,
}
ACTORS = ("index:\n  name: Index Corp\nturkey:\n  name: Turkey\n  hide: 'false'\n  description: \"\\uD800\"\n"
          "turkey:\n  name: Turkiye\n")
EVENTS = "index:\n  title: An index event\nlate:\n  date: 9999-12-31\nlate:\n  title: Again\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    root = make_project(tmp, CASES)
    (root / "content/actors.yml").write_text(ACTORS, encoding="utf-8")
    (root / "content/events.yml").write_text(EVENTS, encoding="utf-8")
    arts = root / "content/articles"
    outside = tmp / "secret.txt"
    outside.write_text("SECRET-TOKEN-123 from outside the content folder.\n", encoding="utf-8")
    (arts / "passwd.txt").symlink_to(outside)
    (arts / "config.txt").symlink_to(root / "mkdocs.yml")  # in the repository, but not in content/
    (arts / "dangling.txt").symlink_to(tmp / "no-such-file.txt")
    (arts / "inside.txt").symlink_to(arts / "index.txt")  # a link within content/ is read
    (arts / "folder-link").symlink_to(tmp, target_is_directory=True)
    (arts / ".git").mkdir()
    (arts / ".git/config").write_text("[remote] token=SECRET-TOKEN-456\n", encoding="utf-8")
    os.mkfifo(arts / "pipe.txt")  # reading it would wait forever
    report = generate(root, quiet=True)
    done = mkdocs_build(root)
    return root, report, done


def problems(report, name):
    return [p for p in report.problems if p.startswith(name + ":")]


def has(report, name, pattern):
    found = problems(report, name)
    return any(re.search(pattern, p) for p in found), found


def test_the_site_is_published_whatever_one_value_holds(built):
    root, report, done = built
    assert done.returncode == 0, done.stderr[-2000:]
    published = {p.stem for p in (root / "docs/articles").glob("*.md")} - {"index"}
    assert report.published == len(published)
    readable = {n.rsplit(".", 1)[0] for n in CASES if not n.startswith(".")} | {"inside"}
    assert {re.sub(r"[^a-z0-9]+", "-", n.lower()) for n in readable} - {"index"} <= published
    assert "index-article" in published


@pytest.mark.parametrize("name,pattern", [
    ("year-one.txt", r":1: error: inline date '0001-01-01' is outside the years 1000 to 2999"),
    ("year-9999.md", r":2: error: date '9999-12-31' is outside the years"),
    ("bad-time.md", r":2: error: date '2023-01-01T25:99:99' does not exist"),
    ("binary-tag.md", r":2: warning: front matter: binary data \(!!binary\) is not text; ignored"),
    ("surrogate.md", r":2: warning: front matter: a lone surrogate"),
    ("dup-key.md", r":3: error: front matter: 'title' is given twice \(first on line 2\)"),
])
def test_a_bad_value_is_reported_with_its_line(built, name, pattern):
    ok, found = has(built[1], f"content/articles/{name}", pattern)
    assert ok, found


def test_values_are_read_as_written(built):
    root = built[0]
    arts = {a["slug"]: a for a in json.loads((root / "docs/articles.json").read_text())}
    assert arts["year-one"]["published"] != "0001-01-01" and arts["year-9999"]["published"] != "9999-12-31"
    assert arts["good-time"]["published"] == "2023-01-02"
    assert arts["dup-key"]["title"] == "First title"
    assert arts["surrogate"]["title"] == "Lone \ufffd surrogate"
    page = (root / "docs/articles/source-yes.md").read_text()
    assert 'source: "yes"' in page and 'headline: "2023"' in page
    assert re.search(r"meta: .*alpha.*beta", (root / "docs/articles/set-tag.md").read_text())
    assert '"score": ".inf"' in (root / "docs/articles/inf.md").read_text()
    # a date no stage can place is text without a value
    fm = (root / "docs/articles/year-9999-text.md").read_text()
    assert '"value": "9999' not in fm, fm[:1500]


def test_editorial_files_are_checked(built):
    report = built[1]
    for pattern in [r":1: error: actor id 'index' is the address of the actors' index page; using 'index-actor'",
                    r":3: warning: turkey: hide is the text 'false'; read as false",
                    r":7: error: 'turkey' is given twice \(first on line 3\)",
                    r":6: warning: a lone surrogate"]:
        ok, found = has(report, "content/actors.yml", pattern)
        assert ok, (pattern, found)
    for pattern in [r":1: error: event id 'index' is the address of the events' index page",
                    r":5: error: 'late' is given twice", r":3: error: late: date '9999-12-31' is outside"]:
        ok, found = has(report, "content/events.yml", pattern)
        assert ok, (pattern, found)


def test_hide_false_as_text_does_not_hide(built):
    root = built[0]
    actors = {a["id"]: a for a in json.loads((root / "docs/actors.json").read_text())}
    assert actors["turkey"]["name"] == "Turkey"  # the first entry, not the repeated one; and shown


def test_nothing_takes_an_index_page(built):
    root = built[0]
    for folder, heading in (("articles", "# Articles"), ("actors", "# Actors"), ("events", "# Events")):
        assert heading in (root / "docs" / folder / "index.md").read_text()
    assert (root / "docs/articles/index-article.md").is_file()


@pytest.mark.parametrize("name,pattern", [
    ("passwd.txt", r"error: skipped: a link to a file outside content/"),
    ("config.txt", r"error: skipped: a link to a file outside content/"),
    ("dangling.txt", r"error: skipped: a link to a file that does not exist"),
    ("folder-link", r"error: skipped: a link to a folder"),
    ("pipe.txt", r"error: skipped: not a regular file"),
    (".hidden.txt", r"warning: skipped: a hidden file"),
    (".git", r"warning: skipped: a hidden folder"),
])
def test_every_file_is_published_or_reported(built, name, pattern):
    ok, found = has(built[1], f"content/articles/{name}", pattern)
    assert ok, found


def test_links_never_leak_what_is_outside_content(built):
    root = built[0]
    for p in list((root / "docs").rglob("*")) + list((root / "site").rglob("*")):
        if p.is_file():
            assert b"SECRET-TOKEN" not in p.read_bytes(), p
    assert built[1].files == len(CASES) + 7


class _Attrs(html.parser.HTMLParser):
    """Every element and attribute of a page (the <head> too)."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_no_page_runs_injected_markup_anywhere(built):
    root = built[0]
    for page in (root / "site").rglob("*.html"):
        parser = _Attrs()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.tags:
            assert not any(k.startswith("on") for k in attrs), (page, tag, attrs)
            assert tag not in ("svg", "img") or "pwned" not in json.dumps(attrs), (page, tag, attrs)
    head = (root / "site/articles/xss-byline/index.html").read_text()
    assert '<meta name="author" content="&#34;&gt;&lt;svg onload=window.pwned=1&gt;">' in head or \
        '<meta name="author" content="&quot;&gt;&lt;svg onload=window.pwned=1&gt;">' in head, \
        re.findall(r'<meta name="author"[^>]*>', head)


def test_markdown_links_only_http_and_mail(built):
    page = (built[0] / "site/articles/links/index.html").read_text()
    body = page[page.index('class="md-content"'):]
    hrefs = re.findall(r'<a [^>]*href="([^"]*)"', body[:body.index("bf-actors") if "bf-actors" in body else None])
    assert "https://example.org/a" in hrefs and "mailto:desk@example.org" in hrefs
    assert not [h for h in hrefs if h.startswith(("tel:", "//", "../../mkdocs"))], hrefs
    assert "<img" not in body  # no image is loaded from elsewhere
    assert "[image: pixel]" in body


def test_markdown_renderer_policy():
    out = markdown().render("[a](tel:1) [b](//h/x) [c](x.md) [d](https://ok.example) ![p](https://t.example/p.gif) "
                            "![l](a.png) <tel:2> <https://auto.example>")
    assert re.findall(r'href="([^"]*)"', out) == ["https://ok.example", "https://t.example/p.gif",
                                                  "https://auto.example"]
    assert "<img" not in out


def test_a_later_file_never_takes_an_articles_url(project):
    root = project({"x.txt": BODY})
    generate(root, quiet=True)
    (root / "docs/.briefing-manifest.json").unlink()  # as an interrupted build leaves it: the owner is kept apart
    (root / "content/articles/x.md").write_text("Israel answered on Tuesday, officials said in Jerusalem.\n",
                                                encoding="utf-8")
    report = generate(root, quiet=True)
    assert "file: \"x.txt\"" in (root / "docs/articles/x.md").read_text()
    assert "file: \"x.md\"" in (root / "docs/articles/x-2.md").read_text()
    assert any("x.md:1: warning: its file name gives the same URL" in p for p in report.problems)
    report = generate(root, quiet=True, force=True)  # and it stays so
    assert "file: \"x.txt\"" in (root / "docs/articles/x.md").read_text()


def _corrupt_entries(root):
    return sorted((root / ".cache/briefing").rglob("*.json"))


@pytest.mark.parametrize("how", ["nested", "folder", "null-title", "string-blocks", "block-offsets", "quote-offsets",
                                 "bool-offset", "truncated"])
def test_a_corrupt_cache_entry_is_a_miss(project, how):
    root = project({"a.txt": "Ministers meet\n\n" + BODY})
    generate(root, quiet=True)
    clean = (root / "docs/articles/a.md").read_text()
    (entry,) = _corrupt_entries(root)
    d = json.loads(entry.read_text())
    if how == "nested":
        entry.write_text("[" * 200_000)
    elif how == "folder":
        entry.unlink()
        entry.mkdir()
    elif how == "truncated":
        entry.write_text(entry.read_text()[:100])
    else:
        if how == "null-title":
            d["article"]["title"] = None
        elif how == "string-blocks":
            d["article"]["blocks"] = "p1"
        elif how == "block-offsets":
            d["article"]["blocks"][0][1] = 10**6
        elif how == "quote-offsets":
            d["extraction"]["actors"][0][0] = -5
        elif how == "bool-offset":
            d["extraction"]["actors"][0][1] = True
        entry.write_text(json.dumps(d))
    (root / "docs/articles/a.md").unlink()
    report = generate(root, quiet=True, force=True)
    assert report.published == 1 and report.extracted == 1
    assert (root / "docs/articles/a.md").read_text() == clean


def test_cache_check_accepts_what_dump_writes(project):
    root = project(samples=True)
    generate(root, quiet=True)
    for p in (root / "content/articles").iterdir():
        from generator.build.cache import check, key
        raw = p.read_text(encoding="utf-8")
        shown = p.relative_to(root).as_posix()
        d = json.loads(Path(Cache(root / ".cache/briefing")._path(key(p.read_bytes(), shown))).read_text())
        check(d, len(raw))


def test_undecodable_file_name(project):
    root = project({"ok.txt": BODY})
    name = os.fsencode(root / "content/articles") + b"/caf\xe9.txt"
    with open(name, "wb") as f:
        f.write(b"Cafe owners protest\n\n" + BODY.encode())
    report = generate(root, quiet=True)
    assert report.published == 2
    assert mkdocs_build(root).returncode == 0


def test_check_counts_the_new_errors(built):
    root = built[0]
    out = subprocess.run([sys.executable, "-m", "generator.cli", "check", "--root", str(root)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 1, out.stderr
    assert "passwd.txt:1: error: skipped" in out.stdout
    assert "content/events.yml:5: error: 'late' is given twice" in out.stdout  # check reads events.yml too
    assert sum(1 for line in out.stdout.splitlines() if is_error(line)) >= 10


def test_parse_is_total_on_front_matter_values():
    for fm in ["date: !!timestamp 0001-01-01", "title: !!binary aGVsbG8=", "x: !!set {a}", "t: [1, .nan]"]:
        a = parse("a.md", f"---\n{fm}\n---\n{BODY}")
        json.dumps(dump(a, Extraction()))
