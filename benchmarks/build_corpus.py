"""Build benchmark on the 3,152-article corpus (../shared/corpus/articles).

Prints: cold generation time and words/s, warm no-change time, one-article-changed
time, MkDocs build time, total site size and bytes per page, search index size,
peak memory.  Also checks that the one-changed (incremental) tree equals a full build's.
Usage: python benchmarks/build_corpus.py [CORPUS_DIR] [--skip-mkdocs] [--zensical EXE]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(cmd, cwd, env=None):
    # the last build's files are flushed to disk first: the kernel writes them back up to
    # 30 s later, which would otherwise land in (and slow) the build being timed
    os.sync()
    t = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr[-3000:]}")
    return time.perf_counter() - t, done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): hashlib.sha1(p.read_bytes()).digest()
            for p in folder.rglob("*") if p.is_file() and p.name != ".briefing-manifest.json"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--skip-mkdocs", action="store_true")
    ap.add_argument("--zensical", metavar="EXE", help="also build the tree with this zensical executable")
    args = ap.parse_args()
    src = Path(args.corpus)
    files = sorted(src.glob("*.md"))
    if not files:
        sys.exit(f"no articles in {src}")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(REPO / "mkdocs.yml", root)
        for name in ("overrides", "generator"):
            (root / name).symlink_to(REPO / name)
        (root / "docs").mkdir()
        arts = root / "content" / "articles"
        arts.mkdir(parents=True)
        for p in files:
            shutil.copy(p, arts / p.name)
        gen = [py, "-m", "generator.cli", "build", "--no-site", "--root", str(root)]
        cold, line = run(gen, REPO, env)
        print(f"articles: {len(files)}, words: {words:,}, cores: {os.cpu_count()}")
        print(f"cold generation: {cold:.1f} s, {words / cold:,.0f} words/s ({words / cold / (os.cpu_count() or 1):,.0f} per core)")
        print(f"  {line}")
        m = re.search(r"read\+extract ([0-9.]+)s", line)
        if m:
            ext = float(m.group(1))
            print(f"extraction (read, ingest, extract; {os.cpu_count()} processes): {ext:.1f} s, {words / ext:,.0f} words/s "
                  f"({words / ext / (os.cpu_count() or 1):,.0f} per core)")
        warm, line = run(gen, REPO, env)
        print(f"warm, no change: {warm:.2f} s")
        # one article changed, three times over (three articles in turn: timings on a shared machine vary)
        ones = []
        for k, at in enumerate((len(files) // 2, len(files) // 5, 4 * len(files) // 5)):
            with open(arts / files[at].name, "a", encoding="utf-8") as f:
                f.write(f"\nA late paragraph: Finance Minister Ana Lopez{k or ''} said on Monday that "
                        f"{300 + k} jobs would go.\n")
            one, line = run(gen, REPO, env)
            ones.append(one)
            print(f"one article changed ({k + 1} of 3): {one:.2f} s (before MkDocs)")
            print(f"  {line}")
        print(f"one article changed: median {sorted(ones)[1]:.2f} s, best {min(ones):.2f} s, "
              f"worst {max(ones):.2f} s (before MkDocs)")
        # the incremental tree must be the tree a from-scratch build of the same content gives
        full = Path(tempfile.mkdtemp()) / "full"
        shutil.copytree(root, full, symlinks=True, ignore=shutil.ignore_patterns("docs", ".cache"))
        (full / "docs").mkdir()
        run(gen[:-1] + [str(full), "--force"], REPO, env)
        same = tree(root / "docs") == tree(full / "docs")
        print(f"incremental tree identical to a full build: {'yes' if same else 'NO'}")
        shutil.rmtree(full)
        if not args.skip_mkdocs:
            mk, _ = run([py, "-m", "mkdocs", "build", "--strict", "--quiet"], root, dict(env, BRIEFING_GENERATED="1"))
            site = root / "site"
            pages = list(site.rglob("*.html"))
            size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
            index = (site / "search" / "search_index.json").stat().st_size
            print(f"MkDocs build: {mk:.1f} s, {len(pages):,} HTML pages")
            print(f"site size: {size / 1e6:,.1f} MB, {size // max(1, len(pages)):,} bytes per page "
                  f"({sum(p.stat().st_size for p in pages) // max(1, len(pages)):,} HTML bytes per page)")
            print(f"search index: {index / 1e6:,.1f} MB")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory (largest process: generator, extraction workers, MkDocs): {peak:,.0f} MB")
        if args.zensical:
            shutil.rmtree(root / "site", ignore_errors=True)
            zs, _ = run([args.zensical, "build"], root, env)
            pages = list((root / "site").rglob("*.html"))
            size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
            print(f"Zensical build: {zs:.1f} s, {len(pages):,} HTML pages, {size / 1e6:,.1f} MB")
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"peak memory with Zensical: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
