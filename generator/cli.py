"""The ``briefing`` command."""
from __future__ import annotations

import argparse
import json
import sys

from . import __version__


def _extract_json(paths: list[str]) -> int:
    from .extract import extract
    from .ingest import read_article
    from .records import extraction_json

    for path in paths:
        article = read_article(path)
        ex = extract(article)
        print(json.dumps(extraction_json(article, ex), ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="briefing", description="Build a briefing site from news articles.")
    ap.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print what the extractors find, one JSON object per file")
    p.add_argument("--json", action="store_true", help="JSON Lines output (the default and only format)")
    p.add_argument("files", nargs="+")
    args = ap.parse_args(argv)
    if args.command == "extract":
        return _extract_json(args.files)
    return 2


if __name__ == "__main__":
    sys.exit(main())
