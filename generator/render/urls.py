"""Addresses: where each page is, and the relative links between pages (Markdown targets are .md files)."""
from __future__ import annotations

import json

from ..escape import attr, html_text
from ..model import Corpus


def article_url(slug: str) -> str:
    return f"articles/{slug}/"


def actor_url(aid: str) -> str:
    return f"actors/{aid}/"


def md_of(page_url: str) -> str:
    """The .md file of a page at directory URL ``page_url`` ("articles/x/" -> "articles/x.md")."""
    return page_url.rstrip("/") + ".md" if page_url else "index.md"


def actor_home_url(corpus: Corpus, aid: str) -> str:
    """Where an actor is shown (a directory URL): its page, or, for an actor without a page of its
    own (:meth:`Corpus.home_of`), its card on the page of its one article."""
    slug = corpus.home_of().get(aid)
    return f"articles/{slug}/#actor-{aid}" if slug else actor_url(aid)


def actor_md(corpus: Corpus, aid: str, from_md: str) -> str:
    """Markdown link target of an actor from the page whose file is ``from_md`` ("articles/x.md",
    "index.md"): the .md file of its page, or its card on its one article's page (``#actor-<id>``
    on that page itself)."""
    up = "../" * from_md.count("/")
    slug = corpus.home_of().get(aid)
    if slug is None:
        return f"{up}actors/{aid}.md"
    if from_md == f"articles/{slug}.md":
        return f"#actor-{aid}"
    return f"{up}articles/{slug}.md#actor-{aid}"


def _relative(target: str, base: str) -> str:
    """The relative URL of the folder ``target`` from the folder ``base`` (both from the site root,
    like "actors/a/"), as posixpath.relpath gives it, with a trailing slash; drawn for every one of
    thousands of redirects on each build, so without relpath's absolute-path round trip."""
    t, b = [x for x in target.split("/") if x], [x for x in base.split("/") if x]
    n = 0
    while n < len(t) and n < len(b) and t[n] == b[n]:
        n += 1
    return "/".join([".."] * (len(b) - n) + t[n:]) + "/" if (len(b) - n) or t[n:] else "./"


def redirect_page(title: str, from_url: str, target_url: str) -> str:
    """A moved page (an actor renamed or merged, an event renamed or merged) as a static HTML file:
    MkDocs and Zensical copy it as it is, so thousands of old URLs cost the site build nothing.
    Relative links, so the redirect works under any sub-path; the fragment is kept."""
    path, _, frag = target_url.partition("#")  # "articles/x/#actor-a": a card on a page
    rel = _relative(path, from_url)  # "actors/a/" -> "actors/b/": "../b/"
    keep = " + location.hash"
    if frag:
        rel, keep = f"{rel}#{frag}", ""
    target = attr(rel)
    name = html_text(title)
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{'Moved' if not frag else 'Named in one article'}: {name}</title>\n<meta name=\"robots\" content=\"noindex\">\n"
            f"<link rel=\"canonical\" href=\"{target}\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n"
            f"<script>location.replace({json.dumps(rel)}{keep})</script>\n"
            f"</head>\n<body>\n<p>" + (f"This page has moved to <a href=\"{target}\">{name}</a>." if not frag else
                                       f"{name} is named in one article: <a href=\"{target}\">see it there</a>.")
            + "</p>\n</body>\n</html>\n")
