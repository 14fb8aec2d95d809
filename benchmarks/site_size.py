"""Site size per page for N synthetic articles: shows the navigation does not
grow with the page count.  Usage: python benchmarks/site_size.py 100 1000"""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import generate  # noqa: E402

WORDS = ("government minister talks agreement city council officials report economy border police court "
         "election vote budget company workers strike health hospital school river storm").split()
NAMES = ["Alice Moreau", "Omar Haddad", "Lena Fischer", "Ravi Patel", "Sofia Rossi", "Kwame Mensah"]


def article(i: int, rng: random.Random) -> str:
    paras = []
    for _ in range(6):
        sent = []
        for _ in range(4):
            words = rng.choices(WORDS, k=14)
            sent.append(f"{rng.choice(NAMES)} said the {' '.join(words)}.")
        paras.append(" ".join(sent))
    head = f"Synthetic story number {i} about {rng.choice(WORDS)}"
    return f"date 2024-{1 + i % 12:02d}-{1 + i % 28:02d} {head}\n\n" + "\n\n".join(paras) + "\n"


def measure(n: int) -> dict:
    rng = random.Random(n)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        (root / "overrides").symlink_to(REPO / "overrides")
        (root / "generator").symlink_to(REPO / "generator")
        (root / "docs").mkdir()
        arts = root / "content" / "articles"
        arts.mkdir(parents=True)
        for i in range(n):
            (arts / f"story-{i:05d}.txt").write_text(article(i, rng), encoding="utf-8")
        t0 = time.perf_counter()
        generate(root, quiet=True)
        t1 = time.perf_counter()
        env = dict(os.environ, BRIEFING_GENERATED="1", NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=root, env=env, check=True)
        t2 = time.perf_counter()
        pages = list((root / "site").rglob("*.html"))
        article_pages = list((root / "site" / "articles").glob("*/index.html"))
        total = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
        html_total = sum(p.stat().st_size for p in pages)
        art_avg = sum(p.stat().st_size for p in article_pages) / max(1, len(article_pages))
        index = (root / "site" / "search" / "search_index.json").stat().st_size
        return {"articles": n, "html_pages": len(pages), "site_bytes": total, "html_bytes_per_page": html_total // len(pages),
                "article_page_bytes": int(art_avg), "search_index_bytes": index,
                "generate_s": round(t1 - t0, 2), "mkdocs_s": round(t2 - t1, 2)}


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [100, 1000]:
        r = measure(n)
        print("  ".join(f"{k}={v}" for k, v in r.items()), flush=True)
