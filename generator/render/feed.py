"""The Atom feed (``feed.xml`` at the site root) and the site URL it is built with.

The feed holds the newest dated articles and events (events reported by two
or more articles: a one-article event is that article), newest first, at most
:data:`FEED_MAX` entries.  Undated items are left out: a feed is read in date
order and an undated item has no place in it.  Nothing in it depends on when
the build ran: ``<updated>`` is the newest entry's date.

Links are absolute when the site URL is known (the ``BRIEFING_SITE_URL``
environment variable, else ``site_url`` in ``mkdocs.yml``), otherwise relative
to the feed, which sits at the site root, so they resolve against wherever it
is served.  Entry ids are the absolute page URLs when the site URL is known,
else stable ``urn:uuid:`` ids derived from the page path.
"""
from __future__ import annotations

import os
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from ..model import Corpus

FEED_MAX = 50
ATOM = "http://www.w3.org/2005/Atom"
# characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF)
_XML_INVALID = re.compile("[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: ``!ENV`` resolved as MkDocs does, other tags (``!!python/name:``) ignored."""


def _env_tag(loader, node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = [loader.construct_object(n) for n in node.value]
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    for name in names:
        if str(name) in os.environ:
            return os.environ[str(name)] or None
    return default


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def normalise_site_url(url) -> str | None:
    """``https://host/path`` with one trailing slash, or None when not an http(s) URL."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not re.match(r"(?i)^https?://[^\s/<>\"'?#]+(/[^\s<>\"'?#]*)?$", url):
        return None
    return url.rstrip("/") + "/"


def site_url(root: Path | None) -> str | None:
    """The published site's URL: BRIEFING_SITE_URL, else mkdocs.yml's site_url, else None."""
    env = os.environ.get("BRIEFING_SITE_URL")
    if env and env.strip():
        return normalise_site_url(env)
    if root is None:
        return None
    try:
        config = yaml.load((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return None
    return normalise_site_url(config.get("site_url")) if isinstance(config, dict) else None


def site_config(root: Path | None) -> dict:
    """site_name and site_description from mkdocs.yml (defaults when unreadable)."""
    out = {"site_name": "Briefing", "site_description": None}
    if root is None:
        return out
    try:
        config = yaml.load((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return out
    if isinstance(config, dict):
        for key in out:
            if isinstance(config.get(key), str) and config[key].strip():
                out[key] = config[key].strip()
    return out


def _text(s) -> str:
    return _XML_INVALID.sub("", " ".join(str(s or "").split()))


def _day(iso) -> str | None:
    """A full YYYY-MM-DD from an ISO date (a month or year alone counts as its first day); None if not a date."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(iso or ""))
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}" if m else None


def _stamp(iso: str) -> str:
    return f"{iso}T00:00:00Z"


def feed_items(corpus: Corpus) -> list[dict]:
    """The feed's entries, newest first: dated articles and dated multi-article events."""
    from .event import event_actors, lead_sentence

    items = []
    of = corpus.event_of() if corpus.events else {}
    for r in corpus.records:
        a = r.article
        day = _day(a.published)
        if not day:
            continue
        summary, _ = lead_sentence(corpus, r.slug)
        ev = of.get(r.slug)
        items.append({"kind": "article", "path": f"articles/{r.slug}/", "title": a.title, "date": day,
                      "summary": summary, "author": a.source or a.author,
                      "actors": [(x, corpus.actors[x].name) for x in r.actor_ids()][:10],
                      "event": (f"events/{ev.id}/", ev.title) if ev is not None and len(ev.articles) > 1 else None})
    for e in corpus.events:
        day = _day(e.date)
        if not day or len(e.articles) < 2:
            continue
        summary, _ = lead_sentence(corpus, e.articles[0])
        items.append({"kind": "event", "path": f"events/{e.id}/", "title": e.title, "date": day,
                      "summary": f"{len(e.articles)} sources. {summary}", "author": None,
                      "actors": [(x, corpus.actors[x].name) for x, _ in event_actors(corpus, e)][:10], "event": None})
    # newest first; on one day events before articles, then by title and path: the same order on every build
    items.sort(key=lambda it: (it["kind"] != "event", it["title"].casefold(), it["path"]))
    items.sort(key=lambda it: it["date"], reverse=True)  # stable: ties keep the order above
    return items[:FEED_MAX]


def atom_feed(corpus: Corpus, base: str | None, site_name: str = "Briefing",
              site_description: str | None = None) -> str:
    """The Atom document: links absolute under ``base`` when given, else relative to the feed."""
    items = feed_items(corpus)

    def href(path: str) -> str:
        return (base + path) if base else (path or "./")

    def ident(path: str) -> str:
        return base + path if base else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'briefing:/' + path)}"

    feed = ET.Element("feed", {"xmlns": ATOM})
    if base:
        feed.set("xml:base", base)
    ET.SubElement(feed, "id").text = ident("feed.xml")
    ET.SubElement(feed, "title").text = _text(site_name)
    if site_description:
        ET.SubElement(feed, "subtitle").text = _text(site_description)
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": href("feed.xml")})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": href("")})
    # no build time: the feed changes only when its entries do
    ET.SubElement(feed, "updated").text = _stamp(items[0]["date"]) if items else "1970-01-01T00:00:00Z"
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = _text(site_name)
    ET.SubElement(feed, "generator").text = "Briefing"
    for it in items:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = ident(it["path"])
        ET.SubElement(entry, "title").text = _text(it["title"])
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": href(it["path"])})
        ET.SubElement(entry, "published").text = _stamp(it["date"])
        ET.SubElement(entry, "updated").text = _stamp(it["date"])
        if it["author"]:
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = _text(it["author"])
        ET.SubElement(entry, "category", {"term": it["kind"]})
        for aid, name in it["actors"]:
            ET.SubElement(entry, "category", {"term": f"actor:{aid}", "label": _text(name)})
        if it["event"]:
            path, title = it["event"]
            ET.SubElement(entry, "link", {"rel": "related", "type": "text/html", "href": href(path),
                                          "title": _text(title)})
        ET.SubElement(entry, "summary", {"type": "text"}).text = _text(it["summary"])
    ET.indent(feed, space=" ")
    xml = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + xml + "\n"


def feed_files(corpus: Corpus, root: Path | None) -> dict[str, str]:
    conf = site_config(root)
    return {"feed.xml": atom_feed(corpus, site_url(root), conf["site_name"], conf["site_description"])}
