"""Event clustering at the scale of the benchmark corpus.

Usage: python benchmarks/events_scale.py [CORPUS_DIR] [--cache DIR] [--sample N] [--seed S]

Reads the corpus from ../shared/corpus/articles (or CORPUS_DIR) and prints:

- the number of events, how many hold 2+ articles, and the distribution of event sizes;
- the ten largest events with their titles;
- clustering time (linking excluded) on random samples of 500, 1000, 2000 articles and on the
  whole corpus, with time / (n log n) to show the growth;
- N random multi-article events (default 20) with each article's title and lead, for a hand
  check of whether each is truly one happening.

Exits quietly with a note when the corpus is absent (it is not part of the repository).
"""
from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.build import Report, load  # noqa: E402
from generator.build.cache import Cache  # noqa: E402
from generator.events.clustering import cluster, related  # noqa: E402
from generator.events.docs import make_docs  # noqa: E402
from generator.events.scoring import candidate_pairs  # noqa: E402
from generator.link.actors import link  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--cache", default=str(REPO / ".cache" / "briefing"), help="extraction cache folder")
    ap.add_argument("--sample", type=int, default=20, help="multi-article events to print for the hand check")
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()
    folder = Path(args.corpus)
    if not folder.is_dir():
        print(f"events_scale: no corpus at {folder}; skipped")
        return 0
    # build.load reads <content>/articles: give it the corpus folder's parent when that is its layout
    content = folder.parent if folder.name == "articles" else folder
    t0 = time.perf_counter()
    records = load(content, Report(), None, Cache(Path(args.cache)))
    print(f"read and extracted {len(records)} articles in {time.perf_counter() - t0:.1f} s "
          f"(cache {args.cache})")

    rng = random.Random(args.seed)
    print("\nclustering time (linking excluded; random samples):")
    sizes = [n for n in (500, 1000, 2000) if n < len(records)] + [len(records)]
    for n in sizes:
        sample = rng.sample(records, n) if n < len(records) else list(records)
        corpus = link(sample)
        dt = math.inf
        for _ in range(3):  # best of three: the machine may be busy with other work
            t = time.perf_counter()
            evs = cluster(corpus)
            dt = min(dt, time.perf_counter() - t)
        pairs = len(candidate_pairs(make_docs(corpus.records)))
        print(f"  n={n:5d}: {dt:6.2f} s, {len(evs)} events, {pairs} candidate pairs scored; "
              f"time / (n log2 n) = {dt / (n * math.log2(n)) * 1e6:.1f} microseconds")

    corpus = link(records)
    events = cluster(corpus)
    t = time.perf_counter()
    related(events, corpus)
    t_rel = time.perf_counter() - t
    by_size = Counter(len(e.articles) for e in events)
    multi = [e for e in events if len(e.articles) > 1]
    print(f"\n{len(events)} events for {len(records)} articles: {len(multi)} with 2 or more articles "
          f"({sum(len(e.articles) for e in multi)} articles), {by_size[1]} singletons; related() {t_rel:.2f} s")
    print("size distribution: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_size.items())))
    print("\nten largest events:")
    for e in sorted(events, key=lambda e: (-len(e.articles), e.id))[:10]:
        print(f"  {len(e.articles):3d}  {e.date or 'undated':10s}  {e.title}")

    path_of = {r.slug: r.article.path for r in records}
    by_slug = corpus.by_slug()
    print(f"\n{args.sample} random multi-article events for the hand check (seed {args.seed}):")
    for k, e in enumerate(rng.sample(multi, min(args.sample, len(multi))), 1):
        print(f"\n[{k}] {e.id} ({e.date or 'undated'}, {len(e.articles)} articles)")
        for line in e.evidence:
            print(f"    evidence: {line}")
        for s in e.articles:
            rec = by_slug[s]
            lead = " ".join(rec.article.view[:rec.article.sentences[0][1] if rec.article.sentences else 200].split())
            print(f"    - {Path(path_of[s]).name} [{rec.article.published or 'undated'}] {rec.article.title}")
            print(f"        {lead[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
