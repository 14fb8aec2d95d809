"""Two builds of the same content give byte-identical generated Markdown and JSON exports,
whatever the folder, the cache state, the number of worker processes or the hash seed."""
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, make_project

from generator.build import generate

EXTRA = {f"synthetic-{i:03d}.txt": (f"date 2023-11-{1 + i % 28:02d} Minister Ana Lopez{i % 7} visits city {i % 5}\n\n"
                                    f"Minister Ana Lopez{i % 7} said on Monday that {100 + i} people were evacuated from "
                                    f"Ankara, officials said. \u201cWe act now,\u201d she said.\n") for i in range(70)}


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".briefing-manifest.json"}


def test_builds_are_byte_identical(tmp_path):
    a = make_project(tmp_path / "a", EXTRA, samples=True)
    b = make_project(tmp_path / "b", EXTRA, samples=True)
    generate(a, quiet=True, use_cache=False, workers=1)  # serial, no cache
    generate(b, quiet=True, workers=2)  # over 70 articles: a process pool, writing the cache
    assert tree(a / "docs") == tree(b / "docs")
    generate(b, quiet=True, workers=2, force=True)  # everything from the cache
    assert tree(a / "docs") == tree(b / "docs")


def test_hash_seed_does_not_leak_into_output(tmp_path):
    outs = []
    for seed in ("1", "2"):
        root = make_project(tmp_path / seed, samples=True)
        env = dict(os.environ, PYTHONHASHSEED=seed, NO_MKDOCS_2_WARNING="1")
        done = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--no-site", "--no-cache", "--root",
                               str(root)], env=env, capture_output=True, text=True, cwd=REPO)
        assert done.returncode == 0, done.stderr
        outs.append(tree(root / "docs"))
    assert outs[0] == outs[1]
