#!/usr/bin/env python3
"""Join the hand-made event labels with the corpus text.

Reads `labels.jsonl` (file names, SHA-1s and cluster labels only; no article
text) and the corpus folder, and prints the JSON Lines data set that
`shared/eval/score.py events` reads:

    {"id", "date", "text", "cluster"}

- `id` is the corpus file name without `.md`;
- `date` is the `date:` of the file's front matter, or null when the label
  says `"undated": true` (the BBC part has no dates at all; a share of the
  PolNeAR articles have theirs removed on purpose, to test undated handling);
- `text` is the article's BODY TEXT: everything after the line that closes
  the YAML front matter (`---`), exactly as in `tests/figures_gold/join.py`.
  With `--titles`, the front matter's `title` is put first as a headline line
  followed by a blank line (newswire copy usually carries its headline);
- `cluster` is the label: articles with the same label report the same
  happening; `single-<id>` labels are singletons.

The script checks the SHA-1 of every corpus file against the labels and stops
with an error when one differs (the corpus changed).

Usage (Python 3.11 standard library only):

    python3 tests/events_dev/join.py [--corpus ../shared/corpus/articles] [--titles] [--keep-dates] [-o dev.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from corpus_files import split_front_matter  # noqa: E402


def field(front: str, key: str) -> str | None:
    m = re.search(rf"^{key}:\s*(.*)$", front, re.M)
    if not m:
        return None
    value = m.group(1).strip()
    if value.startswith('"'):
        value = json.loads(value)  # the corpus writes quoted titles as JSON strings
    return value or None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="../shared/corpus/articles", help="folder of the corpus articles")
    ap.add_argument("--labels", default=str(HERE / "labels.jsonl"))
    ap.add_argument("--titles", action="store_true", help="put each article's title first, as a headline")
    ap.add_argument("--keep-dates", action="store_true",
                    help="keep the date of every PolNeAR article (ignore the labels' `undated` flag; "
                         "only the BBC articles, which have none, stay undated)")
    ap.add_argument("-o", "--output", help="write here instead of standard output")
    args = ap.parse_args()

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        sys.exit(f"join.py: ERROR: corpus folder not found: {corpus.resolve()}")
    records = []
    with open(args.labels, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            lab = json.loads(line)
            path = corpus / lab["file"]
            if not path.is_file():
                sys.exit(f"join.py: ERROR: line {lineno}: article not found: {path}")
            raw = path.read_bytes()
            if hashlib.sha1(raw).hexdigest() != lab["sha1"]:
                sys.exit(f"join.py: ERROR: {lab['file']}: SHA-1 differs from the labelled file (corpus changed?)")
            front, body = split_front_matter(raw.decode("utf-8"), lab["file"])
            if args.titles and field(front, "title"):
                body = field(front, "title") + "\n\n" + body.lstrip("\n")
            date = None if lab.get("undated") and not args.keep_dates else field(front, "date")
            records.append({"id": Path(lab["file"]).stem, "date": date, "text": body, "cluster": lab["cluster"]})
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    clusters = {}
    for r in records:
        clusters.setdefault(r["cluster"], 0)
        clusters[r["cluster"]] += 1
    multi = [n for n in clusters.values() if n > 1]
    print(f"join.py: {len(records)} articles, {len(multi)} events with 2+ articles ({sum(multi)} articles), "
          f"{len(clusters) - len(multi)} singletons, {sum(1 for r in records if not r['date'])} undated",
          file=sys.stderr)


if __name__ == "__main__":
    main()
