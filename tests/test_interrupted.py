"""A build killed while it writes docs/ never leaves a tree the next build trusts: after the
edit is undone, the next build gives exactly the tree a clean build gives, no temporary file
survives, and MkDocs builds it.  ``--force`` writes everything again; a page changed behind
the manifest's back (another size) is drawn again.  (generator.build.pipeline._generate, render.write_tree)"""
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, make_project, mkdocs_build
from test_determinism import EXTRA

from generator.build import generate

# Runs a build of ROOT in a child process, counting its writes in ROOT/docs (os.replace of a
# finished file over its target, os.unlink of the manifest or a page no longer generated), and
# kills itself with SIGKILL just before or just after the K-th one: a build killed from outside
# at that point.  "count" lists the writes instead.
DRIVER = r"""
import os, signal, sys
root, mode, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = os.path.join(os.path.realpath(root), "docs") + os.sep
seen = []
real = {"replace": os.replace, "unlink": os.unlink}

def watch(op):
    def wrapped(*args, **kwargs):
        path = os.path.realpath(os.fspath(args[1] if op == "replace" else args[0]))
        mine = path.startswith(docs)
        if mine:
            seen.append(op + " " + path[len(docs):])
            if mode == "before" and len(seen) == k:
                os.kill(os.getpid(), signal.SIGKILL)
        real[op](*args, **kwargs)
        if mine and mode == "after" and len(seen) == k:
            os.kill(os.getpid(), signal.SIGKILL)
    return wrapped

os.replace, os.unlink = watch("replace"), watch("unlink")
from generator.build import generate
generate(root, quiet=True)
if mode == "count":
    print("\n".join(seen))
"""

MANIFEST = ".briefing-manifest.json"
URLS = ".briefing-urls.json"
NEW = ("date 2023-11-04 Minister Ana Lopez3 visits city 3\n\nMinister Ana Lopez3 said on Monday that 103 people "
       "were evacuated from Ankara, officials said. Lopez3 met Maria Lopez3 and Hakan Fidan.\n")


def whole_tree(folder: Path) -> dict[str, bytes]:
    """Every file, hidden ones and the manifest included, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(root: Path) -> dict[str, bytes | None]:
    """Edit one article, add one and remove one (pages are rewritten, added and removed);
    returns what :func:`undo` needs."""
    arts = root / "content" / "articles"
    saved = {name: (arts / name).read_bytes() for name in ("synthetic-005.txt", "synthetic-010.txt")}
    saved["synthetic-new.txt"] = None
    with open(arts / "synthetic-005.txt", "a", encoding="utf-8") as f:
        f.write("\nGeneral Omar Haddad met Ana Lopez5 in Ankara and said 40 trucks had crossed.\n")
    (arts / "synthetic-new.txt").write_text(NEW, encoding="utf-8")
    (arts / "synthetic-010.txt").unlink()
    return saved


def undo(root: Path, saved: dict[str, bytes | None]) -> None:
    arts = root / "content" / "articles"
    for name, data in saved.items():
        if data is None:
            (arts / name).unlink()
        else:
            (arts / name).write_bytes(data)


def killed_build(root: Path, mode: str, k: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", DRIVER, str(root), mode, str(k)], cwd=REPO, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    """A built project (the state before the edit), the clean build's tree, and the writes an
    edited build makes, in order."""
    base = tmp_path_factory.mktemp("interrupted")
    built = make_project(base / "built", EXTRA, samples=True)
    generate(built, quiet=True)
    clean = make_project(base / "clean", EXTRA, samples=True)
    generate(clean, quiet=True)
    probe = copy(built, base / "probe")
    edit(probe)
    done = killed_build(probe, "count", 0)
    assert done.returncode == 0, done.stderr
    writes = done.stdout.splitlines()
    return built, whole_tree(clean / "docs"), writes


def copy(project: Path, to: Path) -> Path:
    shutil.copytree(project.parent, to, symlinks=True)  # make_project's root is <folder>/project
    return to / "project"


def points(writes: list[str]) -> dict[str, tuple[str, int]]:
    """Where to kill the build: (before or after, the write's number from 1)."""
    assert writes[0] == f"unlink {MANIFEST}" and writes[-1] == f"replace {MANIFEST}", writes
    pages = [i for i, w in enumerate(writes, 1) if w.startswith("replace ") and i < len(writes)]
    removals = [i for i, w in enumerate(writes, 1) if w.startswith("unlink ") and i > 1]
    assert len(pages) >= 3 and removals, writes
    return {
        "manifest removed, nothing written": ("after", 1),
        "first page half written": ("before", pages[0]),  # its temporary file is there, not renamed
        "first page": ("after", pages[0]),
        "middle page half written": ("before", pages[len(pages) // 2]),
        "middle page": ("after", pages[len(pages) // 2]),
        "last page": ("after", pages[-1]),
        "a stale page removed": ("after", removals[0]),
        "pages done, manifest half written": ("before", len(writes)),
    }


POINTS = ["manifest removed, nothing written", "first page half written", "first page", "middle page half written",
          "middle page", "last page", "a stale page removed", "pages done, manifest half written"]


@pytest.mark.parametrize("point", POINTS)
def test_killed_build_then_undone_edit_rebuilds_the_clean_tree(setup, tmp_path, point):
    built, clean, writes = setup
    root = copy(built, tmp_path / "p")
    before = whole_tree(root / "docs")
    assert before == clean
    saved = edit(root)
    mode, k = points(writes)[point]
    done = killed_build(root, mode, k)
    assert done.returncode == -signal.SIGKILL, (done.returncode, done.stderr)
    if point != "manifest removed, nothing written":
        assert whole_tree(root / "docs") != before  # the killed build changed docs/
    assert not (root / "docs" / MANIFEST).exists()  # and left no manifest to trust
    if "half written" in point:
        assert any(p.name.endswith(".tmp") for p in (root / "docs").rglob("*"))
    undo(root, saved)
    report = generate(root, quiet=True)
    assert not report.unchanged
    assert whole_tree(root / "docs") == clean
    assert generate(root, quiet=True).unchanged  # and the manifest is trusted again
    assert whole_tree(root / "docs") == clean


def test_killed_twice_then_undone(setup, tmp_path):
    """The build after the undo is killed too (with the edit's build's stale pages on disk)."""
    built, clean, writes = setup
    root = copy(built, tmp_path / "p")
    saved = edit(root)
    assert killed_build(root, *points(writes)["middle page half written"]).returncode == -signal.SIGKILL
    undo(root, saved)
    assert killed_build(root, "after", 3).returncode == -signal.SIGKILL
    generate(root, quiet=True)
    assert whole_tree(root / "docs") == clean


def test_killed_build_then_site_build_has_no_temporary_files(setup, tmp_path):
    """The whole command after the undo: pages and site; nothing temporary reaches site/."""
    built, clean, writes = setup
    root = copy(built, tmp_path / "p")
    saved = edit(root)
    assert killed_build(root, *points(writes)["middle page half written"]).returncode == -signal.SIGKILL
    undo(root, saved)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--quiet", "--root", str(root)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert whole_tree(root / "docs") == clean
    assert (root / "site" / "index.html").is_file()
    assert not [p for p in (root / "site").rglob("*") if ".tmp" in p.name]


def test_temporary_files_never_reach_the_site(project):
    """A second line of defence (mkdocs.yml's exclude_docs and hidden names): temporary files in
    docs/, of this version's form or the old one, are not copied into site/; the next build
    removes them even when nothing else changed."""
    root = project(samples=True)
    generate(root, quiet=True)
    docs = root / "docs"
    planted = [docs / "articles" / ".index.md.4242.tmp", docs / "articles" / "index.md.tmp",
               docs / "actors" / "x" / "index.html.tmp"]
    for p in planted:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("---\ntitle: half\n---\n[broken](nowhere.md)\n", encoding="utf-8")
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    assert not [p for p in (root / "site").rglob("*") if ".tmp" in p.name]
    report = generate(root, quiet=True)
    assert not report.unchanged and not any(p.exists() for p in planted)
    assert generate(root, quiet=True).unchanged


def test_force_writes_every_file_and_removes_the_rest(project, tmp_path):
    """--force rebuilds as into an empty folder, whatever the manifest claims: a page changed
    behind its back with the same size, a stray file and a temporary file are all put right."""
    root = project(samples=True)
    generate(root, quiet=True)
    clean = whole_tree(root / "docs")
    page = root / "docs" / "articles" / "index.md"
    text = page.read_bytes()
    page.write_bytes(text.replace(b"Articles", b"Artic1es", 1))  # same size: the manifest cannot tell
    (root / "docs" / "stray.md").write_text("# stray\n", encoding="utf-8")
    (root / "docs" / "events" / ".index.md.1.tmp").write_text("half", encoding="utf-8")
    assert page.read_bytes() != text
    report = generate(root, quiet=True, force=True)
    assert report.pages["written"] == len([p for p in clean if p not in (MANIFEST, URLS)])
    assert whole_tree(root / "docs") == clean
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    page.write_bytes(text.replace(b"Articles", b"Artic1es", 1))
    done = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--no-site", "--force", "--root",
                           str(root)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert whole_tree(root / "docs") == clean


@pytest.mark.parametrize("change", ["longer", "shorter", "gone"])
def test_page_of_another_size_than_the_manifest_says_is_drawn_again(project, change):
    """'Nothing changed' needs every file the manifest claims, with its size; a page that differs
    is drawn again (even a kept article page, whose inputs did not change)."""
    root = project(samples=True)
    generate(root, quiet=True)
    clean = whole_tree(root / "docs")
    pages = sorted((root / "docs" / "articles").glob("0*.md"))
    for page in (pages[0], root / "docs" / "index.md"):
        if change == "gone":
            page.unlink()
        else:
            data = page.read_bytes()
            page.write_bytes(data + b"\nstale\n" if change == "longer" else data[: len(data) // 2])
    report = generate(root, quiet=True)
    assert not report.unchanged
    assert whole_tree(root / "docs") == clean
    assert generate(root, quiet=True).unchanged


def test_manifest_of_the_earlier_form_is_not_trusted(project):
    """A manifest without sizes (written before they were recorded) is ignored: the tree is
    compared with what is drawn, and is right."""
    root = project(samples=True)
    generate(root, quiet=True)
    clean = whole_tree(root / "docs")
    path = root / "docs" / MANIFEST
    m = json.loads(path.read_text(encoding="utf-8"))
    del m["sizes"]
    path.write_text(json.dumps(m), encoding="utf-8")
    page = root / "docs" / "quotes" / "index.md"
    page.write_bytes(page.read_bytes().replace(b"Quotes", b"Qu0tes", 1))
    assert not generate(root, quiet=True).unchanged
    assert whole_tree(root / "docs") == clean
