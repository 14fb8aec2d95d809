"""The generated tree builds with Zensical (MkDocs' successor, which reads the same mkdocs.yml
and ignores plugins and hooks) as well as with MkDocs: same pages, no broken link or anchor."""
import os
import shutil
import subprocess

import pytest
from conftest import mkdocs_build
from test_links import check_site

from generator.build import generate

EXE = os.environ.get("BRIEFING_ZENSICAL") or shutil.which("zensical")
if not EXE:
    if os.environ.get("BRIEFING_REQUIRE_ZENSICAL") == "1":  # CI: missing is a failure, not a skip
        raise RuntimeError("BRIEFING_REQUIRE_ZENSICAL=1 but no zensical (set BRIEFING_ZENSICAL)")
    pytestmark = pytest.mark.skip(reason="zensical is not installed (.ci/run installs it)")


def test_same_tree_builds_with_zensical_and_mkdocs(project):
    root = project({"md-article.md": "---\ntitle: A Markdown article\ndate: 2023-11-13\n---\n"
                                     "Erdogan met [Blinken](https://example.org/b) in Ankara on Monday.\n"}, samples=True)
    generate(root, quiet=True)
    assert mkdocs_build(root).returncode == 0
    shutil.move(root / "site", root / "site-mkdocs")
    done = subprocess.run([EXE, "build"], cwd=root, capture_output=True, text=True,
                          env=dict(os.environ, BRIEFING_GENERATED="1"))
    assert done.returncode == 0, done.stdout + done.stderr
    z_pages, z_links, z_anchors, broken, orphans = check_site(root / "site")
    m_pages, m_links, _, _, _ = check_site(root / "site-mkdocs")
    print(f"zensical: {z_pages} pages, {z_links} internal links, {z_anchors} anchors; {len(broken)} broken")
    assert not broken, broken[:10]
    assert not orphans, orphans[:10]
    assert z_pages == m_pages and abs(z_links - m_links) <= m_links // 100  # the themes differ by a link or so
    # links written in article bodies reach the actor pages under either builder
    page = (root / "site" / "articles" / "md-article" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../actors/' in page
