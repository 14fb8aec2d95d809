"""Extraction speed on the benchmark corpus, one core, per stage.

Usage: python benchmarks/extract_speed.py [CORPUS_DIR] [--limit N]
Prints words/s for ingest and for each extractor, and for the whole extraction.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.extract.actors import extract_actors  # noqa: E402
from generator.extract.dates import extract_dates  # noqa: E402
from generator.extract.figures import extract_figures  # noqa: E402
from generator.extract.quotes import extract_quotes  # noqa: E402
from generator.ingest import decode, parse  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    files = sorted(Path(args.corpus).glob("*.md"))[: args.limit or None]
    if not files:
        sys.exit(f"no articles in {args.corpus}")
    texts = [(str(p), decode(p.read_bytes())[0]) for p in files]
    words = sum(len(t.split()) for _, t in texts)
    t = {}
    t0 = time.perf_counter()
    arts = [parse(p, raw) for p, raw in texts]
    t["ingest"] = time.perf_counter() - t0
    results = {}
    for name, fn in (("actors", lambda a: extract_actors(a.view)),
                     ("dates", lambda a: extract_dates(a.view, a.published)),
                     ("figures", lambda a: extract_figures(a.view))):
        t0 = time.perf_counter()
        results[name] = [fn(a) for a in arts]
        t[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a, actors in zip(arts, results["actors"]):
        extract_quotes(a.view, actors)
    t["quotes"] = time.perf_counter() - t0
    total = sum(t.values())
    print(f"corpus: {len(files)} articles, {words:,} words")
    for k, v in t.items():
        print(f"{k:8s} {v:7.2f} s  {words / v:12,.0f} words/s")
    print(f"{'total':8s} {total:7.2f} s  {words / total:12,.0f} words/s  (ingest + all extractors, one core)")
    print(f"found: {sum(map(len, results['actors'])):,} actor mentions, {sum(map(len, results['dates'])):,} dates, "
          f"{sum(map(len, results['figures'])):,} figures")


if __name__ == "__main__":
    main()
