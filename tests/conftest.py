import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def make_project(tmp: Path, articles: dict[str, str | bytes] | None = None, samples: bool = False) -> Path:
    """A throwaway project: the repo's mkdocs.yml, overrides and generator, with its own content/."""
    root = tmp / "project"
    (root / "content" / "articles").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "overrides").symlink_to(REPO / "overrides")
    (root / "generator").symlink_to(REPO / "generator")
    (root / "docs").mkdir()
    if samples:
        for p in (REPO / "content" / "articles").iterdir():
            shutil.copy(p, root / "content" / "articles" / p.name)
    for name, text in (articles or {}).items():
        target = root / "content" / "articles" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    return root


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, BRIEFING_GENERATED="1", NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=root, env=env,
                          capture_output=True, text=True)


@pytest.fixture
def project(tmp_path):
    return lambda articles=None, samples=False: make_project(tmp_path, articles, samples)
