"""Building a site: pages, front matter, full text, escaping, search index."""
import json
import re
from pathlib import Path

import yaml
from conftest import mkdocs_build

from generator.build import generate

FM_KEYS = {"title", "file", "actors", "dates", "quotes", "figures"}


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(m.group(1))


def test_sample_site_builds_with_pages_and_search(project):
    root = project(samples=True)
    report = generate(root, quiet=True)
    assert report.files == 5 and report.published == 5 and not report.rejected
    pages = sorted((root / "docs" / "articles").glob("*.md"))
    assert len(pages) == 6  # five articles and the index
    for p in pages:
        if p.name == "index.md":
            continue
        fm = front_matter(p)
        assert FM_KEYS <= set(fm), p.name
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    site = root / "site"
    html_pages = sorted(site.glob("articles/*/index.html"))
    assert len(html_pages) == 5
    index = json.loads((site / "search" / "search_index.json").read_text())
    locations = {d["location"] for d in index["docs"]}
    assert any(loc.startswith("articles/003-75990caaf2879742/") for loc in locations)
    assert any("Torunlar" in d["text"] for d in index["docs"])


def test_article_text_appears_in_full(project):
    root = project(samples=True)
    generate(root, quiet=True)
    assert mkdocs_build(root).returncode == 0
    src = (root / "content/articles/003_75990caaf2879742.txt").read_text()
    page = (root / "site/articles/003-75990caaf2879742/index.html").read_text()
    text = re.sub(r"<[^>]+>", "", page)
    import html
    text = " ".join(html.unescape(text).split())
    for line in src.splitlines():
        if line.strip():
            assert " ".join(line.split()) in text, line[:60]


def test_plain_text_specials_show_literally(project):
    body = "Headline with <b>tags</b> and *stars*\n\nA _line_ with # hash, [bracket](javascript:alert(1)) and {{ jinja }}.\n"
    root = project({"odd.txt": body})
    generate(root, quiet=True)
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    page = (root / "site/articles/odd/index.html").read_text()
    assert "<b>tags</b>" not in page and "&lt;b&gt;tags&lt;/b&gt;" in page
    assert "*stars*" in page and "_line_" in page and "# hash" in page
    assert 'href="javascript:' not in page
    assert "[bracket](javascript:alert(1))" in page
    assert "&#123;&#123; jinja &#125;&#125;" in page or "{{ jinja }}" in page


def test_home_marks_undated(project):
    root = project(samples=True)
    generate(root, quiet=True)
    home = (root / "docs/index.md").read_text()
    assert "## Undated articles" in home


def test_stale_pages_removed_and_unchanged_not_rewritten(project):
    root = project(samples=True)
    generate(root, quiet=True)
    again = generate(root, quiet=True)
    assert again.unchanged  # nothing changed: nothing done
    forced = generate(root, quiet=True, force=True)  # --force writes every file again (from the cache)
    pages = [p for p in (root / "docs").rglob("*") if p.is_file() and p.name not in (".briefing-manifest.json", ".briefing-urls.json")]
    assert forced.pages["written"] == len(pages) and forced.from_cache == 5 and forced.extracted == 0
    assert generate(root, quiet=True).unchanged
    (root / "content/articles/001_08d784ccb6862f36.txt").unlink()
    third = generate(root, quiet=True)
    assert not (root / "docs/articles/001-08d784ccb6862f36.md").exists()
    assert third.pages["removed"] >= 1


def test_empty_and_odd_files_are_reported_not_lost(project):
    root = project({"empty.txt": "", "blank.md": "   \n\n", "notes.docx": b"PK\x03\x04", "ok.txt": "A fine article.\n"})
    report = generate(root, quiet=True)
    assert report.files == 4
    assert report.published + len(report.rejected) == report.files
    assert report.published == 1
    assert all(":" in p and p.split(":")[1].isdigit() for p in report.problems)


def test_identical_files_keep_their_own_urls_through_the_cache(project):
    root = project({"one.txt": "Same story\n\nThe same text, word for word.\n",
                    "two.txt": "Same story\n\nThe same text, word for word.\n"})
    generate(root, quiet=True)
    report = generate(root, quiet=True, force=True)  # from the cache
    assert report.from_cache == 2
    assert {p.stem for p in (root / "docs/articles").glob("*.md")} == {"index", "one", "two"}
