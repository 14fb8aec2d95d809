"""What the last build left in ``docs/``: its manifest (fingerprint, files, page inputs) and
which article file has which URL."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .. import __version__
from .cache import code_version
from .read import MAX_ARTICLE_BYTES, scan
from .write import TEMP_SUFFIX

MANIFEST = ".briefing-manifest.json"


# which article file has which URL (file -> slug), kept apart from the manifest: the manifest is
# removed while a build writes, and an address must keep its owner across an interrupted build too
URLS = ".briefing-urls.json"


def tree_fingerprint(root: Path, content: Path, read: dict[Path, bytes] | None = None) -> str:
    """Everything the generated tree depends on: article bytes, editorial files, the generator.
    The article files' bytes are kept in ``read``, when given, so that :func:`load` need not
    read them again."""
    h = hashlib.sha256(f"{__version__}:{code_version()}".encode())
    for p in sorted(Path(__file__).resolve().parent.parent.rglob("*.py")):  # the whole generator package
        h.update(p.read_bytes())
    files, skipped = scan(content / "articles", content)
    for p, reason in skipped:
        h.update(p.relative_to(content).as_posix().encode("utf-8", "surrogateescape") + reason.encode() + b"\0")
    for p in files:
        h.update(p.relative_to(content).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        try:
            data = p.read_bytes()
            h.update(hashlib.sha256(data).digest())
            if read is not None and len(data) <= MAX_ARTICLE_BYTES:
                read[p] = data
        except OSError:
            h.update(b"unreadable")
    for name in ("actors.yml", "events.yml"):
        p = content / name
        if p.is_file():
            h.update(name.encode() + p.read_bytes())
    # the feed's links and title: BRIEFING_SITE_URL or mkdocs.yml's site_url, site_name, site_description
    from ..render.feed import site_config, site_url

    h.update(json.dumps([site_url(root), site_config(root)], sort_keys=True).encode())
    return h.hexdigest()


def read_manifest(out: Path) -> dict:
    """The last build's manifest, or {} when there is none to trust: absent (a build removes it
    before writing its first page and writes it again, whole, after its last: see
    :func:`_generate`), unreadable, or not in this version's form (a sha1 and a size for every
    file).  Its "sizes" come back as a map, path -> size."""
    try:
        m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not (isinstance(m, dict) and isinstance(m.get("files"), dict) and isinstance(m.get("sizes"), list)
            and len(m["files"]) == len(m["sizes"]) and isinstance(m.get("inputs", {}), dict)):
        return {}
    m["sizes"] = dict(zip(m["files"], m["sizes"]))
    return m


def write_manifest(out: Path, manifest: dict) -> None:
    """Write the manifest whole or not at all (a temporary file renamed over it).  The sizes are
    a list in the order of "files" (sorted): a second map with 45,000 keys would add a third to
    the time the no-change check spends reading it."""
    write_json(out / MANIFEST, dict(manifest, sizes=[manifest["sizes"][rel] for rel in sorted(manifest["files"])]))


def write_json(path: Path, data: dict) -> None:
    """Write a JSON file whole or not at all (a temporary file renamed over it)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}{TEMP_SUFFIX}")
    tmp.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def read_urls(out: Path) -> dict[str, str]:
    """Each article file's URL slug as the last build gave it (:data:`URLS`), so that it keeps it."""
    try:
        urls = json.loads((out / URLS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in urls.items() if isinstance(v, str)} if isinstance(urls, dict) else {}


def remove_manifest(out: Path) -> None:
    try:
        os.unlink(out / MANIFEST)
    except FileNotFoundError:
        pass
