#!/usr/bin/env python3
"""Join the hand annotation of figures with the corpus text.

Reads `figures_annotation.public.jsonl` (offsets, values and units only; no
article text) and the corpus folder, and prints the JSON Lines data set that
`shared/eval/score.py figures` reads:

    {"id", "dct", "text", "figures": [{"start", "end", "text", "value", "unit", "vague"}]}

`text` is the article's BODY TEXT, defined exactly as follows:

  1. read the file as bytes and decode them as UTF-8 (strict; no newline
     translation);
  2. the file must start with a line `---`; the front matter ends at the next
     line that is exactly `---`;
  3. the body is everything after that closing `---` line and its newline
     character.  Nothing else is stripped: the blank line(s) that usually
     follow the front matter stay at the start of the body.

Offsets are Python string indices into that body.  The script checks the
SHA-1 of every corpus file against the annotation and that every span is
inside the body and not blank at its ends; it stops with an error otherwise.

Usage (Python 3.11 standard library only):

    python3 join.py [--corpus ../shared/corpus/articles]
                    [--annotation figures_annotation.public.jsonl] [-o out.jsonl]

`--corpus` defaults to ../shared/corpus/articles relative to the current
directory; `--annotation` defaults to the file next to this script; output
goes to standard output unless -o is given.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from corpus_files import split_front_matter  # noqa: E402


def body_of(raw: bytes, name: str) -> str:
    """The body text of a corpus file (see the module docstring)."""
    return split_front_matter(raw.decode("utf-8"), name)[1]


def fail(msg: str) -> None:
    sys.exit(f"join.py: ERROR: {msg}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="../shared/corpus/articles", help="folder of the corpus articles")
    ap.add_argument("--annotation", default=str(HERE / "figures_annotation.public.jsonl"),
                    help="the public annotation file")
    ap.add_argument("-o", "--output", help="write here instead of standard output")
    args = ap.parse_args()

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        fail(f"corpus folder not found: {corpus.resolve()}")
    records, n_figs = [], 0
    with open(args.annotation, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            ann = json.loads(line)
            name = ann["file"]
            path = corpus / name
            if not path.is_file():
                fail(f"line {lineno}: article not found: {path}")
            raw = path.read_bytes()
            sha1 = hashlib.sha1(raw).hexdigest()
            if sha1 != ann["sha1"]:
                fail(f"{name}: SHA-1 {sha1} differs from the annotated {ann['sha1']} (corpus changed?)")
            try:
                body = body_of(raw, name)
            except (UnicodeDecodeError, ValueError) as e:
                fail(str(e))
            figures = []
            for g in ann["figures"]:
                s, e = g["start"], g["end"]
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(body)):
                    fail(f"{name}: span {s}-{e} outside the body (length {len(body)})")
                span = body[s:e]
                if span != span.strip():
                    fail(f"{name}: span {s}-{e} {span!r} starts or ends with white space")
                fig = {"start": s, "end": e, "text": span, "value": g["value"], "unit": g["unit"],
                       "vague": bool(g.get("vague", False))}
                if body[fig["start"]:fig["end"]] != fig["text"]:  # the invariant score.py relies on
                    fail(f"{name}: text does not match offsets {s}-{e}")
                figures.append(fig)
            n_figs += len(figures)
            records.append({"id": Path(name).stem, "dct": ann.get("dct"), "text": body, "figures": figures})

    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    print(f"join.py: {len(records)} articles, {n_figs} figures", file=sys.stderr)


if __name__ == "__main__":
    main()
