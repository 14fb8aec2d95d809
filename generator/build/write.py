"""Write: the generated tree onto disk, only what changed, each file whole or not at all."""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path


def existing_files(out: Path) -> dict[str, int]:
    """Every file under ``out``, as a path relative to it ("actors/x.md"), with its size: one walk
    of the tree instead of a lookup by name for each of tens of thousands of generated files.
    The sizes let a build check that the files its manifest claims are still the ones it wrote
    (the stat for them costs about 0.1 s for 45,000 files, in the child that walks)."""
    found: dict[str, int] = {}
    stack = [(str(out), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            try:
                if e.is_dir():
                    stack.append((e.path, f"{prefix}{e.name}/"))
                elif e.is_file():
                    found[prefix + e.name] = e.stat().st_size
            except OSError:
                pass
    return found


_BAD_PART = re.compile(r"(?:^|/)\.{0,2}(?:/|$)")  # an empty, "." or ".." part: "", "/a", "a//b", "a/", "../a"


TEMP_SUFFIX = ".tmp"  # a file being written: ".<name>.<pid>.tmp" beside it (hidden: site builders skip it)


def write_tree(out: Path, files: dict[str, str | None], previous: dict[str, str] | None = None,
               keep: tuple[str, ...] = (".gitignore",), existing: dict[str, int] | set[str] | None = None,
               digests: dict[str, str] | None = None, force: bool = False
               ) -> tuple[dict[str, int], dict[str, str], dict[str, int]]:
    """Write files under ``out``, only those whose bytes changed; delete files no longer generated.

    ``previous`` maps paths to the sha1 of what the last build wrote, so unchanged
    files are recognised without reading them (a path mapped to "" is one the last build may
    have left in any state: compared byte for byte when still generated, removed when not);
    ``existing`` is what is on disk now, with sizes (:func:`existing_files`, walked here when
    not given); ``digests`` holds the sha1 of files already hashed.  ``force``: write every file
    and remove every other one, as into an empty folder.  Each file is written to a temporary
    file of this process, then renamed over the target, so a reader (or a build killed midway)
    sees either the old file or the new one; temporary files left by a killed build are removed.
    Returns (stats, the sha1 of every file, the size of every file)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    previous = previous or {}
    on_disk = existing_files(out) if existing is None else existing
    size_on_disk = on_disk.get if isinstance(on_disk, dict) else (lambda rel: None)
    stats = {"written": 0, "unchanged": 0, "removed": 0}
    hashes: dict[str, str] = {}
    sizes: dict[str, int] = {}
    pid = os.getpid()
    for rel, content in files.items():  # the order does not matter: each file is written on its own
        if "\\" in rel or _BAD_PART.search(rel):
            raise ValueError(f"refusing to write outside {out}: {rel!r}")
        if content is None:  # unchanged, not drawn again (see render): the file the last build wrote stays
            if not previous.get(rel) or rel not in on_disk:
                raise ValueError(f"{rel}: kept from the last build, which did not write it")
            hashes[rel] = previous[rel]
            sizes[rel] = size_on_disk(rel)
            stats["unchanged"] += 1
            continue
        digest = digests.get(rel) if digests else None
        data = None
        if digest is None:
            data = content.encode("utf-8")
            digest = hashlib.sha1(data).hexdigest()
        hashes[rel] = digest
        known = previous.get(rel)
        if not force and known == digest and rel in on_disk:
            sizes[rel] = size_on_disk(rel)
            stats["unchanged"] += 1
            continue
        target = out / rel
        if data is None:
            data = content.encode("utf-8")
        sizes[rel] = len(data)
        if not force and not known and rel in on_disk and size_on_disk(rel) in (None, len(data)) \
                and target.read_bytes() == data:
            stats["unchanged"] += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{pid}{TEMP_SUFFIX}")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        stats["written"] += 1
    for rel in [rel for rel in on_disk if rel.endswith(TEMP_SUFFIX) and rel not in files]:
        p = out / rel  # what a killed build was writing: never part of the tree
        p.unlink()
        stats["removed"] += 1
        if p.parent != out and not any(p.parent.iterdir()):
            p.parent.rmdir()
    if previous and not force:  # the last build said what it wrote: remove what is no longer generated
        for rel in sorted(set(previous) - set(files)):
            p = out / rel
            if rel in on_disk:
                p.unlink()
                stats["removed"] += 1
                if p.parent != out and not any(p.parent.iterdir()):
                    p.parent.rmdir()
        return stats, hashes, sizes
    for dirpath, _dirnames, filenames in os.walk(out, topdown=False):
        for name in filenames:
            rel = os.path.relpath(os.path.join(dirpath, name), out).replace(os.sep, "/")
            if rel not in files and rel not in keep:
                os.unlink(os.path.join(dirpath, name))
                stats["removed"] += 1
        if dirpath != str(out) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return stats, hashes, sizes
