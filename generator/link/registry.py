"""The editorial actor registry, ``content/actors.yml``.

An editor fixes what discovery gets wrong; the generator reads the file and
never writes it.  The file is a mapping from actor id (the permanent URL
``/actors/<id>/``) to an entry::

    recep-tayyip-erdogan:
      name: Recep Tayyip Erdoğan       # canonical name shown on pages
      type: person                     # person | organization | country | place
      aliases: [Erdogan, Tayyip Erdogan]   # other names: discovered actors so named merge into this one
      description: President of Turkey.
      wikipedia: https://en.wikipedia.org/wiki/Recep_Tayyip_Erdo%C4%9Fan
      wikidata: Q39723
      redirect_from: [erdogan]         # old ids that must keep leading here
      split: [Tayyip]                  # names that must NOT be merged into this actor
    state:
      hide: true                       # a false actor: no page, mentions not linked

Merging two actors: give the surviving entry the other's name (or id) in
``aliases``; the merged actor's URL redirects.  Renaming: change ``name``
(the id, hence the URL, stays), or move the entry to a new id and list the old
one under ``redirect_from``.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..escape import safe_url
from ..ingest import yamlsafe
from ..model import ACTOR_TYPES, Entry, Registry
from ..slug import slugify

KEYS = {"name", "type", "aliases", "description", "wikipedia", "wikidata", "links", "redirect_from", "split", "hide"}


def _names(value, line: int, key: str, reg: Registry) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        reg.problems.append((line, "error", f"'{key}' should be a list of names; ignored"))
        return []
    return [str(v).strip() for v in value if str(v).strip()]


_WORDS = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}


def _flag(value, line: int, what: str, reg: Registry) -> bool:
    """A yes/no setting: YAML's true or false.  Quoted ('false') it is text, and any non-empty
    text is true to Python: read the word as meant, and say how to write it."""
    if value is None or isinstance(value, bool):
        return bool(value)
    word = str(value).strip().lower()
    if word in _WORDS:
        reg.problems.append((line, "warning", f"{what} is the text {value!r}; read as {str(_WORDS[word]).lower()} "
                                              f"(write true or false without quotes)"))
        return _WORDS[word]
    reg.problems.append((line, "error", f"{what} should be true or false, not {value!r}; read as false"))
    return False


def load(path: Path, shown: str = "content/actors.yml") -> Registry:
    reg = Registry(path=shown)
    items, reg.problems = yamlsafe.load_entries(path, "actor", KEYS)
    for aid, line, body in items:
        e = Entry(id=aid, line=line)
        if body.get("name") is not None:
            e.name = str(body["name"]).strip() or None
        if body.get("type") is not None:
            if body["type"] in ACTOR_TYPES:
                e.type = body["type"]
            else:
                reg.problems.append((line, "error", f"{aid}: type {body['type']!r} is not one of {', '.join(ACTOR_TYPES)}"))
        e.aliases = _names(body.get("aliases"), line, "aliases", reg)
        e.split = _names(body.get("split"), line, "split", reg)
        e.redirect_from = [slugify(x, "actor") for x in _names(body.get("redirect_from"), line, "redirect_from", reg)]
        if body.get("description") is not None:
            e.description = str(body["description"]).strip()
        links = dict(body.get("links") or {}) if isinstance(body.get("links"), dict) else {}
        if body.get("wikipedia"):
            links["Wikipedia"] = str(body["wikipedia"])
        if body.get("wikidata"):
            q = str(body["wikidata"]).strip()
            if re.fullmatch(r"Q\d+", q):
                links["Wikidata"] = f"https://www.wikidata.org/wiki/{q}"
            else:
                reg.problems.append((line, "error", f"{aid}: wikidata {q!r} is not an id like Q39723"))
        for label, url in links.items():
            if safe_url(str(url)):
                e.links[str(label)] = str(url)
            else:
                reg.problems.append((line, "error", f"{aid}: link {label!r} is not an http(s) URL; ignored"))
        e.hide = _flag(body.get("hide"), line, f"{aid}: hide", reg)
        reg.entries[aid] = e
    _check_redirects(reg)
    return reg


def _check_redirects(reg: Registry) -> None:
    """An old id may lead to one entry only, and never to itself or round in a cycle."""
    claimed: dict[str, str] = {}
    for e in reg.entries.values():
        for old in list(e.redirect_from):
            if old == e.id:
                reg.problems.append((e.line, "error", f"{e.id}: redirect_from names the entry itself; ignored"))
                e.redirect_from.remove(old)
            elif old in reg.entries:
                reg.problems.append((e.line, "error", f"{e.id}: redirect_from {old!r} is the id of another entry "
                                                      f"(a merge cycle or conflict); ignored"))
                e.redirect_from.remove(old)
            elif old in claimed:
                reg.problems.append((e.line, "error", f"{e.id}: redirect_from {old!r} is already claimed by "
                                                      f"{claimed[old]!r}; ignored"))
                e.redirect_from.remove(old)
            else:
                claimed[old] = e.id
