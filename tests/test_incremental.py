"""An incremental build (pages whose inputs did not change are kept, not drawn again)
gives exactly the tree a full build gives, after every kind of content change."""
import shutil

import pytest
from conftest import make_project
from test_determinism import EXTRA, tree

from generator.build import generate


def _full(src, tmp_path, name):
    """A from-scratch build of ``src``'s content in a fresh project: no manifest, no kept pages."""
    other = make_project(tmp_path / name)
    shutil.rmtree(other / "content")
    shutil.copytree(src / "content", other / "content")
    generate(other, quiet=True, force=True)
    return tree(other / "docs")


def _append(path, text):
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


CHANGES = {
    # a new paragraph with a new person, a known actor and a figure in one article
    "edit": lambda arts: _append(arts / "synthetic-005.txt",
                                 "\nGeneral Omar Haddad met Ana Lopez5 in Ankara and said 40 trucks had crossed.\n"),
    # a new article: it joins an event, adds mentions to known actors and a fuller name
    # that renames a one-word actor ("Lopez3" becomes "Maria Lopez3")
    "add": lambda arts: (arts / "synthetic-new.txt").write_text(
        "date 2023-11-04 Minister Ana Lopez3 visits city 3\n\nMinister Ana Lopez3 said on Monday that 103 people "
        "were evacuated from Ankara, officials said. Lopez3 met Maria Lopez3 and Hakan Fidan.\n", encoding="utf-8"),
    # an article removed: its actors lose a mention, some actors disappear
    "remove": lambda arts: (arts / "synthetic-010.txt").unlink(),
    # the editor renames an actor in content/actors.yml: every page linking to it changes
    "registry": lambda arts: (arts.parent / "actors.yml").write_text(
        "hakan-fidan:\n  name: Hakan Fidan (foreign minister)\n  type: person\n", encoding="utf-8"),
    # an undated sample article's date changes what events infer for others
    "redate": lambda arts: _append(next(arts.glob("001_*.txt")), "\nThe talks were held on 12 November 2023.\n"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_build_equals_full_build(tmp_path, change):
    root = make_project(tmp_path / "inc", EXTRA, samples=True)
    first = generate(root, quiet=True)
    assert first.drawn > 0
    CHANGES[change](root / "content" / "articles")
    again = generate(root, quiet=True)
    assert tree(root / "docs") == _full(root, tmp_path, "full")
    # and it was incremental: most article, actor and event pages were kept, not drawn again
    assert again.drawn < first.drawn / 2, (again.drawn, first.drawn)


def test_no_change_after_forced_build_draws_nothing_per_item(tmp_path):
    root = make_project(tmp_path / "inc", EXTRA, samples=True)
    generate(root, quiet=True)
    (root / "content" / "articles" / "synthetic-001.txt").touch()  # same bytes: the fingerprint shortcut
    assert generate(root, quiet=True).unchanged


def test_hand_edited_or_deleted_page_is_drawn_again(tmp_path):
    root = make_project(tmp_path / "inc", EXTRA, samples=True)
    generate(root, quiet=True)
    page = next((root / "docs" / "actors").glob("hakan-fidan.md"))
    page.unlink()
    _append(root / "content" / "articles" / "synthetic-002.txt", "\nA late line.\n")
    generate(root, quiet=True)
    assert page.is_file()
    assert tree(root / "docs") == _full(root, tmp_path, "full")


def test_cache_keeps_only_what_the_build_used(tmp_path):
    root = make_project(tmp_path / "inc", EXTRA, samples=True)
    generate(root, quiet=True)
    entries = lambda: sorted(p.name for p in (root / ".cache" / "briefing").rglob("*.json"))  # noqa: E731
    before = entries()
    assert len(before) == 75
    _append(root / "content" / "articles" / "synthetic-003.txt", "\nOne more line.\n")
    generate(root, quiet=True)
    after = entries()
    assert len(after) == 75 and len(set(after) - set(before)) == 1


@pytest.mark.parametrize("child", ["works", "fails", "no fork"])
def test_an_edited_article_extracted_ahead_counts_as_extracted(tmp_path, monkeypatch, child):
    """A rebuild extracts the few articles the cache lacks in a child while it reads the cache
    (build.extract_ahead); the report still says what was extracted, and a child that fails or
    cannot be forked changes nothing but where the work is done."""
    import os

    from generator.build import read as build

    root = make_project(tmp_path / "ahead", EXTRA, samples=True)
    first = generate(root, quiet=True)
    CHANGES["edit"](root / "content" / "articles")
    _append(root / "content" / "articles" / "synthetic-010.txt", "\nA second edit in Ankara.\n")
    if child == "fails":
        parent = os.getpid()
        real = build.analyse

        def analyse(shown, data):
            if os.getpid() != parent:
                raise RuntimeError("the child fails")
            return real(shown, data)
        monkeypatch.setattr(build, "analyse", analyse)
    elif child == "no fork":
        monkeypatch.setenv("BRIEFING_WORKERS", "1")
    again = generate(root, quiet=True)
    monkeypatch.undo()
    assert (again.extracted, again.from_cache) == (2, first.published - 2)
    assert tree(root / "docs") == _full(root, tmp_path, "full")


def test_many_new_articles_are_not_extracted_ahead(tmp_path):
    from generator.build.read import AHEAD, article_files, extract_ahead

    root = make_project(tmp_path / "many", {f"n{i}.txt": f"Report {i} from Ankara.\n" for i in range(AHEAD + 1)})
    read = {p: p.read_bytes() for p in article_files(root / "content")}
    assert extract_ahead(root / "content", root, read, tmp_path / "cache") == []
    assert not (tmp_path / "cache").exists()  # nothing stored: a cold build extracts over its pool
    few = dict(list(read.items())[:AHEAD])
    assert len(extract_ahead(root / "content", root, few, tmp_path / "cache")) == AHEAD


def test_articles_the_child_extracted_before_the_cache_pass_still_count_as_extracted(tmp_path):
    from generator.build import Report, load
    from generator.build.cache import Cache
    from generator.build.read import article_files, extract_ahead

    root = make_project(tmp_path / "quick", {"a.txt": "Report from Ankara.\n", "b.txt": "Report from Paris.\n"})
    read = {p: p.read_bytes() for p in article_files(root / "content")}
    folder = tmp_path / "cache"
    # the child stores both entries before the parent's pass reaches them
    keys = extract_ahead(root / "content", root, read, folder)

    class Done:  # a child that has finished
        def result(self):
            return keys

    report = Report()
    records = load(root / "content", report, root, Cache(folder), read=read, ahead=Done())
    assert len(records) == 2 and (report.extracted, report.from_cache) == (2, 0)
