"""Integrity of the extractors' word lists (generator/data/<extractor>/<name>.txt).

Every list file is sorted, holds each item once, has no blank or whitespace-padded item and
comments only at the top; a record file (whose header says the order matters) is only checked for
duplicates, blanks and padding. Every file is read by some code and every loader call names a file.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.extract import wordlists

PACKAGE = Path(wordlists.__file__).resolve().parent.parent
DATA = PACKAGE / "data"
ORDERED = "the order matters"  # a record file says so in its header
CALL = re.compile(r"""\b(?:words|lines)\(\s*["'](\w+)["']\s*,\s*["'](\w+)["']\s*\)""")


def problems(path: Path) -> list[str]:
    """What is wrong with one data file (empty when nothing)."""
    out = []
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        out.append("no newline at the end")
    items: list[str] = []
    header = True
    ordered = False
    for n, line in enumerate(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"), 1):
        if line.startswith("#"):
            if not header and not ordered:  # a record file may head its sections with a comment
                out.append(f"line {n}: a comment after the first item")
            ordered = ordered or header and ORDERED in line
            continue
        header = False
        if not line.strip():
            out.append(f"line {n}: blank")
        elif line != line.strip():
            out.append(f"line {n}: whitespace around {line.strip()!r}")
        items.append(line)
    seen: set[str] = set()
    for item in items:
        if item in seen:
            out.append(f"duplicate {item!r}")
        seen.add(item)
    if not ordered:
        for a, b in zip(items, items[1:]):
            if b < a:
                out.append(f"not sorted: {b!r} after {a!r}")
                break
    if not items:
        out.append("no items")
    return out


def _files() -> list[Path]:
    return sorted(DATA.rglob("*.txt"))


def _calls() -> set[tuple[str, str]]:
    found = set()
    for py in sorted(PACKAGE.rglob("*.py")):
        found.update(CALL.findall(py.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.relative_to(DATA).as_posix())
def test_data_file_is_clean(path):
    assert problems(path) == []


def test_every_data_file_is_read_by_some_code():
    used = _calls()
    files = {(p.parent.name, p.stem) for p in _files()}
    assert files, "no data files found"
    assert sorted(files - used) == [], "data files no code reads"
    assert sorted(used - files) == [], "loader calls naming no file"


def test_every_loader_call_loads():
    for extractor, name in sorted(_calls()):
        assert wordlists.lines(extractor, name), (extractor, name)


@pytest.mark.parametrize("text,expect", [
    ("# a list\nb\na\n", "not sorted"),
    ("a\nb\nb\n", "duplicate"),
    ("a\n\nb\n", "blank"),
    ("a\n b\n", "whitespace"),
    ("a\nb \n", "whitespace"),
    ("a\n# late\nb\n", "comment after"),
    ("# the order matters\nb\na\na\n", "duplicate"),
])
def test_problems_are_found(tmp_path, text, expect):
    p = tmp_path / "x.txt"
    p.write_text(text, encoding="utf-8")
    assert any(expect in msg for msg in problems(p)), problems(p)


def test_clean_files_pass(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("# a list\na\nb c\nd\n", encoding="utf-8")
    assert problems(p) == []
    p.write_text("# records: the order matters\nb\na\n", encoding="utf-8")
    assert problems(p) == []
