"""The whole build of one large article: generation (``briefing build --no-site``,
extraction not cached) then ``mkdocs build --strict``, each in its own process,
for articles of 1, 2, 5 and 10 MB.  Prints seconds and peak memory per size and
step, and the seconds per MB: linear growth shows as a flat rate.

    python benchmarks/large_article.py                  # 1 2 5 10 MB of the sample articles' paragraphs
    python benchmarks/large_article.py 0.5 1 2 --text corpus   # paragraphs of ../shared/corpus/articles
    python benchmarks/large_article.py 1 2 --text dense        # the test paragraph: a quote, date and figure each

The article is realistic news text: the paragraphs of the sample articles in
content/articles (or of the first 400 corpus articles) in turn, as one .txt
file with a headline, until the size is reached.  Peak memory is the largest
resident set of the step's processes (``os.wait4``)."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DENSE = ("Turkish President Recep Tayyip Erdogan said on Tuesday that 1,400 people were killed. "
         "\u201cWe will not stop,\u201d he said in Ankara.")


def paragraphs(kind: str) -> list[str]:
    if kind == "dense":
        return [DENSE]
    if kind == "corpus":
        files = sorted((REPO.parent / "shared" / "corpus" / "articles").glob("*.md"))[:400]
        if not files:
            sys.exit("no ../shared/corpus/articles beside the repository: use --text sample")
    else:
        files = sorted((REPO / "content" / "articles").iterdir())
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---"):
            text = text.split("---", 2)[2]  # the front matter
        out += [p.strip() for p in text.split("\n\n")[1:] if len(p.strip()) > 80]  # not the headline
    return out


def article(size: int, paras: list[str]) -> str:
    parts, n, i = ["Large article", ""], 15, 0
    while n < size:
        p = paras[i % len(paras)]
        parts += [p, ""]
        n += len(p.encode("utf-8")) + 2
        i += 1
    return "\n".join(parts)


def run(cmd: list[str], cwd: Path, env: dict) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of a command and the processes it waited for."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-3000:]}")
    return seconds, usage.ru_maxrss // 1024


def measure(mb: float, paras: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        (root / "overrides").symlink_to(REPO / "overrides")
        (root / "generator").symlink_to(REPO / "generator")
        (root / "content" / "articles").mkdir(parents=True)
        path = root / "content" / "articles" / "large.txt"
        path.write_text(article(int(mb * 1_000_000), paras), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
                   NO_MKDOCS_2_WARNING="1")
        os.sync()
        gen, gen_mb = run([sys.executable, "-m", "generator.cli", "build", "--root", str(root), "--no-site",
                           "--no-cache", "--quiet"], root, env)
        os.sync()
        site, site_mb = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], root,
                            dict(env, BRIEFING_GENERATED="1"))
        page = root / "site" / "articles" / "large" / "index.html"
        if not page.is_file():
            sys.exit("the article's page was not built")
        return {"mb": path.stat().st_size / 1e6, "gen": gen, "gen_mb": gen_mb, "site": site, "site_mb": site_mb,
                "page_mb": page.stat().st_size / 1e6}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=float, default=[1, 2, 5, 10], help="article sizes in MB")
    ap.add_argument("--text", choices=("sample", "corpus", "dense"), default="sample")
    args = ap.parse_args()
    paras = paragraphs(args.text)
    print(f"text: {args.text} ({len(paras)} paragraphs in turn); generation then mkdocs build, each its own process")
    print(f"{'article':>9} | {'generation':>10} {'peak':>7} | {'mkdocs':>8} {'peak':>7} | {'whole build':>11} | "
          f"{'s per MB':>8} | {'HTML page':>9}")
    for mb in args.sizes:
        r = measure(mb, paras)
        total = r["gen"] + r["site"]
        print(f"{r['mb']:>6.2f} MB | {r['gen']:>8.1f} s {r['gen_mb']:>4} MB | {r['site']:>6.1f} s {r['site_mb']:>4} MB | "
              f"{total:>9.1f} s | {total / r['mb']:>8.1f} | {r['page_mb']:>6.1f} MB", flush=True)


if __name__ == "__main__":
    main()
