"""Bad input never breaks the site or loses an article: each case gets a clear path:line message."""
import json
import os
import re

import pytest
from conftest import mkdocs_build

from generator.build import generate, is_error

GOOD = "Ministers agree rail plan\n\nLONDON \u2014 Transport Minister Jane Doe said on Monday that 5,000 jobs would follow.\n"
CASES = {
    "empty.txt": b"",
    "blank.md": b"  \n\t\n",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "latin1.txt": "Caf\u00e9 owners in S\u00e3o Paulo protest\n\nOwners said prices rose.\n".encode("latin-1"),
    "utf16.txt": "Storm hits coast\n\nA storm hit the coast on Friday.\n".encode("utf-16"),
    "bom.md": "\ufeff---\ntitle: With a BOM\n---\nBody text of the BOM article.\n".encode("utf-8"),
    "crlf.txt": b"Headline with Windows endings\r\n\r\nFirst paragraph, officials said.\r\nSecond paragraph.\r\n",
    "bad-yaml.md": b"---\ntitle: [unclosed\ndate: 2020-01-01\n---\nBody of an article with broken front matter.\n",
    "list-yaml.md": b"---\n- just\n- a list\n---\nBody of an article whose front matter is a list.\n",
    "bomb.md": (b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nBomb body.\n"),
    "typo-key.md": b"---\ntittle: A typo\nflavour: extra\n---\nBody of the typo article.\n",
    "impossible-date.md": b"---\ntitle: Leap\ndate: 2023-02-30\n---\nBody of an article with an impossible date.\n",
    "inline-impossible.txt": b"date 2023-13-01 Body with an impossible inline date, officials said.\n",
    "same-title-a.txt": b"Same headline twice\n\nThe first article with this title.\n",
    "same-title-b.txt": b"Same headline twice\n\nThe second article with this title, different text.\n",
    "same-text-1.txt": GOOD.encode(),
    "same-text-2.txt": GOOD.encode(),
    "With spaces and \u00e7\u0131k.txt": b"File name with spaces\n\nA body.\n",
    "!!!.txt": b"A name that slugs to nothing\n\nA body.\n",
    "\u015eakir.txt": b"Sakir one\n\nA body.\n",
    "Sakir.txt": b"Sakir two\n\nAnother body.\n",
    "notes.docx": b"PK\x03\x04 not an article",
    # encodings (issue 11): one bad byte in a UTF-8 file costs that byte only, not the whole file
    "damaged-utf8.txt": ("Caf\u00e9 owners in S\u00e3o Paulo protest\n\nOwners said \u201cprices rose\u201d.\n".encode()
                         + b"A bad \xff byte here.\n"),
    "utf32.txt": "Storm hits the coast\n\nA storm hit the \u201ccoast\u201d on Friday.\n".encode("utf-32"),
    "utf32be.txt": "\ufeffFlood warning issued\n\nRivers rose on Sunday.\n".encode("utf-32-be"),
    "late-nul.txt": ("Damaged file keeps its text\n\n" + "Officials said the plan would go ahead. " * 250
                     + "\n\nA NUL\x00here and\x00there.\n").encode(),
    "invisible.txt": "\u200b\u200d \ufeff\n\u00ad\u2060\t\u200e\n".encode(),
    "invisible-head.txt": "\u200b\n\nThe minister resigned on Monday after a long row.\n".encode(),
    "payload.md": (b"---\ntitle: '<script>alert(1)</script> {{ config.site_name }}'\nurl: javascript:alert(1)\n---\n"
                   b"<script>alert('x')</script> [click](javascript:alert(2)) {% raw %} {{ 7*7 }}\n\n"
                   b"<img src=x onerror=alert(3)>\n"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import make_project

    root = make_project(tmp_path_factory.mktemp("bad"), CASES)
    (root / "content/actors.yml").write_text(
        "a:\n  redirect_from: [b]\nb:\n  redirect_from: [a]\nnobody-at-all:\n  name: Nobody At All\n", encoding="utf-8")
    report = generate(root, quiet=True)
    return root, report


def messages(report, name):
    return [p for p in report.problems if p.startswith(f"content/articles/{name}:")]


def test_counts_add_up(built):
    root, report = built
    assert report.files == len(CASES)
    assert report.published + len(report.rejected) == report.files
    rejected = {p.split("/")[-1] for p, _ in report.rejected}
    assert rejected == {"empty.txt", "blank.md", "image.txt", "notes.docx", "invisible.txt"}
    pages = {p.stem for p in (root / "docs/articles").glob("*.md")} - {"index"}
    assert len(pages) == report.published


@pytest.mark.parametrize("name,pattern", [
    ("empty.txt", r":1: error: skipped: the file holds no article text"),
    ("invisible.txt", r":1: error: skipped: the file holds no article text"),
    ("damaged-utf8.txt", r":4: warning: not valid UTF-8 \(1 invalid byte, the first on this line\); shown as U\+FFFD"),
    ("utf32.txt", r":1: warning: file is UTF-32"),
    ("utf32be.txt", r":1: warning: file is UTF-32"),
    ("late-nul.txt", r":5: warning: 2 NUL characters \(a damaged file\?\); replaced by U\+FFFD"),
    ("image.txt", r":1: error: skipped: binary file"),
    ("latin1.txt", r":1: warning: not valid UTF-8; read as Latin-1"),
    ("utf16.txt", r":1: warning: file is UTF-16"),
    ("bad-yaml.md", r":\d: error: front matter not valid YAML"),
    ("list-yaml.md", r":1: error: front matter is not a mapping"),
    ("bomb.md", r":3: error: front matter YAML aliases \(\*name\) are not allowed"),
    ("typo-key.md", r":2: warning: unknown key 'tittle' kept as extra metadata; did you mean 'title'\?"),
    ("impossible-date.md", r":3: error: date '2023-02-30' does not exist; the article is treated as undated"),
    ("inline-impossible.txt", r":1: error: inline date '2023-13-01' does not exist"),
    ("same-title-b.txt", r":1: warning: same title as content/articles/same-title-a.txt"),
    ("same-text-2.txt", r":1: warning: same text as content/articles/same-text-1.txt"),
    ("notes.docx", r":1: error: skipped: not an article file"),
])
def test_each_bad_input_has_a_clear_message(built, name, pattern):
    _, report = built
    msgs = messages(report, name)
    assert any(re.search(pattern, m) for m in msgs), msgs


def test_what_is_used_is_right(built):
    root, _ = built
    arts = {a["slug"]: a for a in json.loads((root / "docs/articles.json").read_text())}
    assert arts["bom"]["title"] == "With a BOM"
    assert arts["latin1"]["title"] == "Caf\u00e9 owners in S\u00e3o Paulo protest"
    assert arts["utf16"]["title"] == "Storm hits coast"
    assert arts["crlf"]["title"] == "Headline with Windows endings"
    assert arts["impossible-date"]["published"] is None
    assert arts["with-spaces-and-cik"]["title"] == "File name with spaces"
    assert any(s.startswith("article-") for s in arts)  # "!!!" slugs to a stable hash
    assert {"sakir", "sakir-2"} <= set(arts)
    # encodings: only the bad byte is replaced; UTF-32 is not read as UTF-16; no invisible title
    assert arts["damaged-utf8"]["title"] == "Caf\u00e9 owners in S\u00e3o Paulo protest"
    page = (root / "docs/articles/damaged-utf8.md").read_text(encoding="utf-8")
    assert "\u201cprices rose\u201d" in page and "A bad \ufffd byte here" in page and "\u00c3" not in page
    assert arts["utf32"]["title"] == "Storm hits the coast"
    assert arts["utf32be"]["title"] == "Flood warning issued"
    assert arts["late-nul"]["title"] == "Damaged file keeps its text"
    assert arts["invisible-head"]["title"] == "The minister resigned on Monday after a long row"
    for p in (root / "docs").rglob("*"):
        if p.is_file():
            assert b"\x00" not in p.read_bytes(), p


def test_registry_problems_reported(built):
    _, report = built
    reg = [p for p in report.problems if p.startswith("content/actors.yml:")]
    assert any("merge cycle" in p and is_error(p) for p in reg)
    assert any("nobody-at-all: matches no actor" in p for p in reg)


def test_site_builds_strict_and_payload_is_inert(built):
    root, _ = built
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    page = (root / "site/articles/payload/index.html").read_text()
    body = page[page.index('class="md-content"'):]
    assert "<script>alert" not in body and "<img src=x" not in body and 'href="javascript:' not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title shows literally
    assert "{{ 7*7 }}" not in page or "49" not in body
    nul = (root / "site/articles/late-nul/index.html").read_text(encoding="utf-8")
    assert "\x00" not in nul and "\ufffdhere and\ufffdthere" in nul


def test_check_command_exit_code(built):
    import subprocess
    import sys

    root, _ = built
    out = subprocess.run([sys.executable, "-m", "generator.cli", "check", "--root", str(root)],
                         capture_output=True, text=True)
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines and all(re.match(r"^[^:]+:\d+: (error|warning): ", line) for line in lines), lines[:3]


_LARGE_CHILD = """
import json, re, sys, time
from pathlib import Path
import markdown
import generator.extract, generator.render.site, generator.render.article  # imported before the baseline is taken
from generator.build import generate

def kb(field):  # this process's resident memory now (VmRSS) or at its peak (VmHWM), in kB
    return int(re.search(field + r":\\s+(\\d+)", Path("/proc/self/status").read_text()).group(1))

root = Path(sys.argv[1])
base = kb("VmRSS")
t = time.process_time()
report = generate(root, quiet=True)
generation = time.process_time() - t
page = (root / "docs" / "articles" / "huge.md").read_text(encoding="utf-8")
t = time.process_time()
html = markdown.markdown(page.split("\\n---\\n", 1)[1], extensions=sys.argv[2].split(","))
print(json.dumps({"generation": generation, "markdown": time.process_time() - t, "kb": kb("VmHWM") - base,
                  "published": report.published, "rejected": len(report.rejected), "paragraphs": html.count("<p ")}))
"""


def test_large_article_is_published_in_linear_time_and_memory(tmp_path):
    """A large article is published, and 4 times its size costs about 4 times the CPU time and
    memory, not 16: generation, and Python-Markdown on its page with the site's extensions
    (MkDocs' step that had not finished a 10 MB article after 20 minutes: it copied the rest
    of the page at each paragraph). Run in a child each, for its own memory peak; CPU time,
    so that other processes on the machine do not count. benchmarks/large_article.py gives
    the whole build (with ``mkdocs build``) for 1 to 10 MB."""
    import subprocess
    import sys

    import yaml
    from conftest import REPO, make_project

    # a paragraph with an actor, a date, a figure and a quotation, then short ones: many blocks
    unit = ("Turkish President Recep Tayyip Erdogan said on Tuesday that 1,400 people were killed. "
            "\u201cWe will not stop,\u201d he said in Ankara.\n\n" + "Officials met again to discuss the plan.\n\n" * 8)
    conf = yaml.load((REPO / "mkdocs.yml").read_text().replace("!ENV", ""), Loader=yaml.SafeLoader)
    extensions = ",".join(["toc", "tables", "fenced_code"] + conf["markdown_extensions"])  # MkDocs' own and the site's
    runs = {}
    for size in (200_000, 800_000):
        root = make_project(tmp_path / str(size), {"huge.txt": "Huge article\n\n" + unit * (size // len(unit))})
        out = subprocess.run([sys.executable, "-c", _LARGE_CHILD, str(root), extensions], capture_output=True, text=True,
                             env=dict(os.environ, BRIEFING_WORKERS="1"))
        assert out.returncode == 0, out.stderr[-2000:]
        runs[size] = json.loads(out.stdout.splitlines()[-1])
        assert runs[size]["published"] == 1 and not runs[size]["rejected"]
        assert runs[size]["paragraphs"] >= 9 * (size // len(unit))  # every paragraph is on the page
    small, large = runs[200_000], runs[800_000]
    # 4 times the text: linear is 4, quadratic 16 (the old Markdown step was 9 at these sizes); CPU time
    # on this shared machine still varies by a third from run to run, hence the margin
    for what in ("generation", "markdown", "kb"):
        assert large[what] / max(small[what], 1e-9) < 8, (what, runs)


def test_large_article_page_shows_all_its_text(project):
    """A large article's page (drawn for Python-Markdown's sake in groups, see render.article.LARGE_PAGE)
    still shows every paragraph with its anchor and all its text; a very long paragraph is
    shown in pieces, cut outside names, the first with the paragraph's anchor."""
    import html as html_lib

    import markdown

    from generator.render import article as render

    long_para = " ".join(f"Recep Tayyip Erdogan spoke in Ankara on day {i}, officials said." for i in range(600))
    paras = [f"Paragraph {i} of the report: talks resumed, officials in Ankara said." for i in range(2000)]
    paras.insert(1000, long_para)
    paras[5] = "Talks were held in Ankara"  # a name ends the paragraph, before its attribute list
    root = project({"huge.txt": "Huge article\n\n" + "\n\n".join(paras) + "\n"})
    report = generate(root, quiet=True)
    assert report.published == 1 and not report.rejected
    page = (root / "docs/articles/huge.md").read_text(encoding="utf-8")
    assert len(page) > render.LARGE_PAGE and page.count('<div class="bf-body" markdown="1">') == 1
    out = markdown.markdown(page.split("\n---\n", 1)[1], extensions=["toc", "tables", "attr_list", "md_in_html"])
    shown = re.findall(r'<p class="bf-paragraph"( id="p(\d+)")?>(.*?)</p>', out)
    assert [int(n) for _, n, _ in shown if n] == list(range(2, len(paras) + 2))  # every anchor, in order
    pieces = [t for _, n, t in shown if not n]
    assert len(pieces) >= len(long_para) // render.PIECE  # the long paragraph is cut ...
    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", t)) for _, _, t in shown)
    assert text.split() == " ".join(paras).split()  # ... and nothing is lost or changed
    assert sum(t.count(">Recep Tayyip Erdogan</a>") for _, _, t in shown) == 600  # no name is cut
    assert shown[5][2] == 'Talks were held in <a class="bf-actor" href="#actor-ankara">Ankara</a>'


def test_long_paragraph_pieces_keep_names_whole():
    """Pieces of a very long paragraph: cut at spaces, or inside a run without any where they
    must, never inside an actor's name; nothing but the white space at a cut is left out."""
    from generator.render.article import PIECE, _pieces

    raw = "a" * (3 * PIECE) + " Jane Doe said " + "b " * PIECE + "Recep Tayyip Erdogan" + " c" * PIECE
    jane, recep = raw.index("Jane Doe"), raw.index("Recep")
    mentions = [(jane, jane + 8, "jane-doe"), (recep, recep + 20, "recep-tayyip-erdogan")]
    for names in (mentions, []):
        pieces = _pieces(raw, 0, len(raw), names)
        assert all(0 < e - s <= 2 * PIECE for s, e in pieces) and len(pieces) >= len(raw) // PIECE
        assert "".join(raw[s:e] for s, e in pieces).replace(" ", "") == raw.replace(" ", "")
        assert all(b[0] >= a[1] for a, b in zip(pieces, pieces[1:]))
    pieces = _pieces(raw, 0, len(raw), mentions)
    assert all(any(s <= ms and me <= e for s, e in pieces) for ms, me, _ in mentions)
