"""The ``briefing`` command: build, serve, extract."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from . import __version__


def _root(arg: str | None) -> Path:
    root = Path(arg or ".").resolve()
    if not (root / "mkdocs.yml").is_file():
        sys.exit(f"briefing: no mkdocs.yml in {root}: run from the project folder or give --root")
    return root


def _mkdocs(root: Path, *args: str) -> int:
    env = dict(os.environ, BRIEFING_GENERATED="1", NO_MKDOCS_2_WARNING="1")
    return subprocess.call([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env)


def cmd_build(args) -> int:
    from .build.lock import build_lock

    root = _root(args.root)
    # one build at a time in a checkout, from reading docs/ to MkDocs writing site/ (generator.build.lock);
    # the MkDocs child does not take it (BRIEFING_GENERATED: its hook does nothing)
    with build_lock(root):
        return _build(root, args)


def _build(root: Path, args) -> int:
    from .build.pipeline import generate

    report = generate(root, use_cache=not args.no_cache, force=args.force)
    if args.strict and report.errors:
        print(f"briefing: --strict: {report.errors} content errors (listed above); not publishing", file=sys.stderr)
        return 1
    if args.no_site:
        return 0
    return _mkdocs(root, "build", "--strict", "--quiet" if args.quiet else "--clean")


def cmd_serve(args) -> int:
    root = _root(args.root)
    # mkdocs serve runs the hook, which regenerates the pages whenever content/ changes (watched in mkdocs.yml)
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.dev_addr]
    return subprocess.call(cmd, cwd=root)


def cmd_check(args) -> int:
    """Validate content/: every problem as path:line: severity: message; non-zero exit on errors."""
    from .build import Report, is_error, load
    from .build.cache import Cache
    from .build.pipeline import link_articles
    from .events.editorial import load_registry as load_events

    root = _root(args.root)
    report = Report()
    records = load(root / "content", report, root, Cache(root / ".cache" / "briefing"))
    link_articles(root / "content", records, report)
    report.problems.extend(load_events(root / "content" / "events.yml")[1])
    for line in report.problems:
        print(line)
    errors = sum(1 for p in report.problems if is_error(p))
    warnings = len(report.problems) - errors
    print(f"briefing check: {report.files} files: {report.published} articles usable, {len(report.rejected)} "
          f"rejected; {errors} errors, {warnings} warnings", file=sys.stderr)
    return 1 if errors else 0


def cmd_actors(args) -> int:
    """Discovered actors that content/actors.yml does not cover yet, most mentioned first."""
    from .build import Report, load
    from .build.cache import Cache
    from .build.pipeline import link_articles
    from .link.registry import load as load_registry

    root = _root(args.root)
    records = load(root / "content", Report(), root, Cache(root / ".cache" / "briefing"))
    corpus = link_articles(root / "content", records, Report())
    registry = load_registry(root / "content" / "actors.yml")
    covered = set(registry.entries)
    todo = [a for a in corpus.actors.values() if a.id not in covered]
    todo.sort(key=lambda a: (-len(a.mentions), -len(a.articles), a.name.casefold(), a.id))
    if args.json:
        for a in todo[: args.limit or None]:
            print(json.dumps({"id": a.id, "name": a.name, "type": a.type, "mentions": len(a.mentions),
                              "articles": len(a.articles), "aliases": sorted(a.aliases)}, ensure_ascii=False))
        return 0
    print(f"# {len(todo)} of {len(corpus.actors)} actors are not in content/actors.yml yet; most mentioned first.")
    print("# Paste an entry into content/actors.yml to fix its name, type, aliases or links, or to hide it.")
    for a in todo[: args.limit or None]:
        aliases = ", ".join(json.dumps(x, ensure_ascii=False) for x in sorted(a.aliases))
        print(f"{a.id}:  # {len(a.mentions)} mentions in {len(a.articles)} articles")
        print(f"  name: {json.dumps(a.name, ensure_ascii=False)}")
        print(f"  type: {a.type}")
        if aliases:
            print(f"  aliases: [{aliases}]")
    return 0


def cmd_extract(args) -> int:
    """One JSON object per file (the contract of shared/eval), each file read and analysed as a
    build does (:func:`generator.build.analyse`); its problems go to stderr."""
    from .build import analyse
    from .extract.records import extraction_json

    status = 0
    for path in args.files:
        try:
            data = Path(path).read_bytes()
        except OSError as e:
            print(f"{path}:1: cannot be read: {e.strerror or e}", file=sys.stderr)
            status = 1
            continue
        article, ex, notes = analyse(path, data)
        for msg in article.problems + notes:
            print(f"{path}:{msg[5:] if msg.startswith('line ') else msg}", file=sys.stderr)
        print(json.dumps(extraction_json(article, ex), ensure_ascii=False))
    return status


def cmd_events(args) -> int:
    from .events.cli import main as events_main

    return events_main(args.paths, args.cache)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="briefing", description="Build a briefing site from news articles.")
    ap.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="generate pages from content/, then build the site into site/ (MkDocs, strict)")
    p.add_argument("--root", help="project folder (default: the current one)")
    p.add_argument("--strict", action="store_true", help="fail on any content problem (the publishing workflow)")
    p.add_argument("--no-site", action="store_true", help="only generate the Markdown pages into docs/")
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--no-cache", action="store_true", help="extract every article again (ignore .cache/briefing)")
    p.add_argument("--force", action="store_true",
                   help="draw and write every page again and remove anything else in docs/, whatever the manifest says")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="live preview; regenerates when content/ changes")
    p.add_argument("--root")
    p.add_argument("--dev-addr", default="127.0.0.1:8000")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("check", help="validate content/ and list every problem as path:line: message")
    p.add_argument("--root")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("actors", help="list discovered actors the registry does not cover yet, most mentioned first")
    p.add_argument("--root")
    p.add_argument("--limit", type=int, default=0, help="show at most N actors")
    p.add_argument("--json", action="store_true", help="one JSON object per actor")
    p.set_defaults(func=cmd_actors)

    p = sub.add_parser("extract", help="print what the extractors find, one JSON object per file")
    p.add_argument("--json", action="store_true", help="JSON Lines output (the default and only format)")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("events", help="group articles reporting the same happening; one JSON object per event")
    p.add_argument("--json", action="store_true", help="JSON Lines output (the default and only format)")
    p.add_argument("--cache", help="extraction cache folder (default: none)")
    p.add_argument("paths", nargs="*", help="article files or folders (default: content/articles)")
    p.set_defaults(func=cmd_events)

    args = ap.parse_args(argv)
    return args.func(args)


def run() -> None:
    """The ``briefing`` command."""
    sys.exit(main())


if __name__ == "__main__":
    run()
