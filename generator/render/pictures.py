"""Pictures drawn at build time as inline SVG: timeline strips, value charts, co-actor graphs.

Two layers:

* **Drawing** (:func:`timeline_svg`, :func:`chart_svg`, :func:`cograph_svg`): pure functions,
  data in -> SVG string out.  They know nothing about MkDocs or the corpus; links
  arrive already relative to the page.  Output is deterministic (numbers with one
  fixed format, ties broken by every field), terse (no style attributes: colours
  and sizes come from CSS classes under ``.bf-pic`` in ``briefing.css``, which use
  Material's colour variables so the dark scheme works) and scales with its
  container (a ``viewBox``, no pixel width).  Every text that came from an
  article is escaped for XML, in text and in attributes.  Each SVG has
  ``role="img"`` and ``aria-labelledby`` pointing at its own ``<title>`` and
  ``<desc>``, with ids unique on the page (the ``uid`` argument).
* **Page blocks** (:func:`home_block`, :func:`event_block`, :func:`actor_block`,
  :func:`measure_block`): Corpus -> a ``<figure>`` holding the SVG and a short
  visible caption (the text alternative), or ``""`` when there is too little to
  draw.  Links follow the site's directory URLs (``actors/x.md`` is served at
  ``actors/x/``), written relative so the site works under any sub-path.

Sizes are capped so that big corpora stay small: at most :data:`MAX_MARKS`
marks on a strip (days grouped into weeks or months when dense), :data:`MAX_POINTS`
points on a chart (the latest), :data:`MAX_NODES` co-actors in a graph.
"""
from __future__ import annotations

import html
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import shown_text

MAX_MARKS = 60
MAX_STACK = 5  # marks stacked on one day (or week...) before "+n"
MAX_POINTS = 60
MAX_NODES = 12
HOME_EVENTS = 30
EVENT_WINDOW_BEFORE = 90  # days: dates mentioned further from the event are not drawn
EVENT_WINDOW_AFTER = 30

W = 360  # viewBox width: about a phone's width, so 11 units of text read as 11 px there
# Links are xlink:href, not href: Material's instant navigation rewrites every [href] element's .href,
# which SVG's <a> has only as a getter (a script error on every page); [href] does not match xlink:href.
_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# ---------------------------------------------------------------- helpers

def esc(s: str) -> str:
    """Text safe in XML/HTML text and in double- or single-quoted attributes.
    Drops the characters XML 1.0 forbids; braces become character references like everywhere on the site."""
    s = _XML_BAD.sub("", s or "")
    return html.escape(s, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def num(x: float) -> str:
    """A coordinate: one decimal at most, no trailing zero, never "-0"."""
    s = f"{x:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


def fmt_value(v: float) -> str:
    """A value as people write it: 9,500; 2.5; 0.75."""
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def fmt_short(v: float) -> str:
    """A compact axis label: 950, 9.5k, 1.4M, 20bn."""
    a = abs(v)
    for div, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if a >= div:
            s = f"{v / div:.1f}".removesuffix(".0")
            return s + suffix
    return fmt_value(round(v, 2))


def clip(s: str, n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "\u2026"


def day_of(iso: str | None) -> date | None:
    if not iso or not _ISO_DAY.fullmatch(iso):
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def rel(page_url: str, target: str) -> str:
    """A link from a page at directory URL ``page_url`` ("events/x/", "" for home) to ``target`` ("actors/y/")."""
    return "../" * page_url.count("/") + target


def _open(uid: str, h: float, cls: str, title: str, desc: str) -> str:
    return (f'<svg {_NS} class="{cls}" viewBox="0 0 {W} {num(h)}" role="img" aria-labelledby="{uid}-t {uid}-d">'
            f'<title id="{uid}-t">{esc(title)}</title><desc id="{uid}-d">{esc(desc)}</desc>')


def _text(x: float, y: float, s: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<text x="{num(x)}" y="{num(y)}"{c}>{esc(s)}</text>'


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _date_axis(d0: date, d1: date, x0: float, x1: float, y: float) -> str:
    """Axis line at height y from d0 to d1 with its end dates and month ticks between them."""
    span = (d1 - d0).days or 1
    xs = lambda d: x0 + (x1 - x0) * (d - d0).days / span  # noqa: E731
    out = [f'<path class="ax" d="M{num(x0)} {num(y)}H{num(x1)}"/>',
           _text(x0, y + 12, d0.isoformat()), _text(x1, y + 12, d1.isoformat(), "e")]
    months = []
    m = date(d0.year, d0.month, 1)
    while True:
        m = date(m.year + m.month // 12, m.month % 12 + 1, 1)
        if m > d1:
            break
        months.append(m)
    step = next((k for k in (1, 2, 3, 6, 12, 24, 60, 120) if len(months) / k <= 6), 240)
    ticks, labels = [], []
    for mo in months:
        if (mo.year * 12 + mo.month - 1) % step:
            continue
        x = xs(mo)
        ticks.append(f"M{num(x)} {num(y)}v3")
        # a label only where it clears the two end dates (about 60 units wide) and the last label
        if x - x0 > 92 and x1 - x > 92 and (not labels or x - labels[-1][0] > 44):
            labels.append((x, _MONTHS[mo.month - 1] if mo.month != 1 else str(mo.year)))
    if ticks:
        out.append(f'<path class="ax" d="{"".join(ticks)}"/>')
    out += [_text(x, y + 12, s, "m") for x, s in labels]
    return "".join(out)


# ---------------------------------------------------------------- drawing: timeline strip

@dataclass(frozen=True)
class Mark:
    """One dot on a timeline strip."""

    day: date
    kind: str  # "ev" event, "ar" article, "rp" a later report of an event, "mn" date mentioned, "rel" related event
    href: str
    tip: str


KIND_ORDER = {"ev": 0, "ar": 1, "rp": 1, "rel": 2, "mn": 3}
KIND_R = {"ev": 5, "ar": 4.5, "rp": 3.5, "rel": 4, "mn": 3.5}
STEP = 11  # between stacked marks


def _mark_key(m: Mark) -> tuple:
    return (KIND_ORDER.get(m.kind, 9), m.day, m.tip, m.href, m.kind)


def select_marks(marks: list[Mark], cap: int = MAX_MARKS) -> list[Mark]:
    """The marks a strip shows: without duplicates, the most important kinds first, at most ``cap``."""
    return sorted(set(marks), key=_mark_key)[:cap]


def _bin_days(span: int, columns: int) -> int:
    for k in (1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652):
        if span // k + 1 <= columns:
            return k
    return span // columns + 1


BIN_NAMES = {1: "a day", 2: "two days", 7: "a week", 14: "two weeks", 30: "a month", 61: "two months",
             91: "three months", 182: "six months", 365: "a year", 730: "two years", 1826: "five years",
             3652: "ten years"}


def timeline_svg(marks: list[Mark], uid: str, title: str, desc: str, legend: dict[str, str] | None = None) -> str:
    """A strip of dots on a time axis, one column per day (or per week, month... when the span is long),
    marks of a column stacked; each dot a link with its own tooltip.  "" with fewer than two distinct days."""
    marks = select_marks(marks)
    days = sorted({m.day for m in marks})
    if len(days) < 2:
        return ""
    d0, d1 = days[0], days[-1]
    x0, x1 = 10.0, W - 10.0
    span = (d1 - d0).days
    k = _bin_days(span, int((x1 - x0) // 12))
    if k > 1:
        desc += f" Each column covers {BIN_NAMES.get(k, f'{k} days')}."
    cols: dict[int, list[Mark]] = defaultdict(list)
    for m in marks:
        cols[(m.day - d0).days // k].append(m)
    legend = {kd: label for kd, label in (legend or {}).items() if any(m.kind == kd for m in marks)}
    top = 22.0 if legend else 6.0
    rows = min(MAX_STACK, max(len(v) for v in cols.values()))
    base = top + 8 + rows * STEP  # the axis
    h = base + 17
    out = [_open(uid, h, "bf-svg bf-strip", title, desc)]
    lx = 10.0
    for kd, label in legend.items():
        out.append(f'<circle class="{kd}" cx="{num(lx + 4)}" cy="9" r="{num(KIND_R.get(kd, 3))}"/>')
        out.append(_text(lx + 11, 12.5, label))
        lx += 11 + 6.5 * len(label) + 12
    for b in sorted(cols):
        ms = sorted(cols[b], key=_mark_key)
        off = min(b * k + (k - 1) / 2, span)
        x = x0 + (x1 - x0) * off / span
        shown = ms if len(ms) <= MAX_STACK else ms[: MAX_STACK - 1]
        for i, m in enumerate(shown):
            y = base - 7 - i * STEP
            out.append(f'<a xlink:href="{esc(m.href)}"><title>{esc(m.tip)}</title>'
                       f'<circle class="{m.kind}" cx="{num(x)}" cy="{num(y)}" r="{num(KIND_R.get(m.kind, 3))}"/></a>')
        if len(ms) > len(shown):
            out.append(_text(x, base - 7 - len(shown) * STEP + 3, f"+{len(ms) - len(shown)}", "m o"))
    out.append(_date_axis(d0, d1, x0, x1, base))
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- drawing: value chart

@dataclass(frozen=True)
class ChartPoint:
    day: date
    value: float
    href: str
    tip: str
    high: float | None = None  # upper end of a range ("2,000-9,999")
    vague: bool = False  # "thousands of": drawn hollow


def _point_key(p: ChartPoint) -> tuple:
    return (p.day, p.value, p.high or 0.0, p.href, p.tip, p.vague)


def select_points(points: list[ChartPoint], cap: int = MAX_POINTS) -> list[ChartPoint]:
    """The latest ``cap`` points, in time order."""
    pts = sorted(set(points), key=_point_key)
    return pts[-cap:] if len(pts) > cap else pts


def chart_svg(points: list[ChartPoint], uid: str, title: str, desc: str, trend: bool = True) -> str:
    """Values over time: a dot per report (linked to its paragraph), a bar for a range, a thin line
    through the median of each day when ``trend``.  The value axis starts at zero (or is logarithmic
    when the values span three orders of magnitude); its ends and the first and last dates are labelled.
    "" with fewer than two distinct days."""
    pts = select_points(points)
    if len({p.day for p in pts}) < 2:
        return ""
    d0, d1 = pts[0].day, pts[-1].day
    vals = [v for p in pts for v in (p.value, p.high) if v is not None and math.isfinite(v)]
    if len(vals) < 2:
        return ""
    lo, hi = min(vals), max(vals)
    log = lo > 0 and hi / lo >= 1000
    if log:
        f = lambda v: math.log10(max(v, lo))  # noqa: E731
        a, b = math.log10(lo), math.log10(hi)
    else:
        f = lambda v: v  # noqa: E731
        a, b = min(lo, 0.0), max(hi, 0.0)
    if b == a:
        b = a + 1
    top_label, bottom_label = fmt_short(hi if log else b), fmt_short(lo if log else a)
    left = 14 + 7 * max(len(top_label), len(bottom_label))
    x0, x1, y0, y1 = left, W - 12.0, 10.0, 112.0  # plot area; y grows downwards
    span = (d1 - d0).days
    xs = lambda d: x0 + (x1 - x0) * (d - d0).days / span  # noqa: E731
    ys = lambda v: y1 - (y1 - y0) * (f(v) - a) / (b - a)  # noqa: E731
    if log:
        desc += " The value axis is logarithmic."
    out = [_open(uid, 132, "bf-svg bf-chart", title, desc),
           f'<path class="ax" d="M{num(x0)} {num(y0)}V{num(y1)}M{num(x0 - 3)} {num(y0)}h3"/>',
           _text(x0 - 5, y0 + 3.5, top_label, "e"), _text(x0 - 5, y1 + 3.5, bottom_label, "e")]
    if log:
        out.append(_text(x0 + 4, y0 + 3.5, "log scale"))
    if trend:
        by_day: dict[date, list[float]] = defaultdict(list)
        for p in pts:
            by_day[p.day].append(p.value)
        line = []
        for d in sorted(by_day):
            vs = sorted(by_day[d])
            med = vs[len(vs) // 2] if len(vs) % 2 else (vs[len(vs) // 2 - 1] + vs[len(vs) // 2]) / 2
            line.append(f"{num(xs(d))} {num(ys(med))}")
        out.append(f'<path class="tr" d="M{"L".join(line)}"/>')
    seen: Counter = Counter()
    for p in pts:
        x, y = xs(p.day), ys(p.value)
        spot = (num(x), num(y))
        k = seen[spot]
        seen[spot] += 1
        if k:  # the same value the same day: set side by side
            x += 4.5 * ((k + 1) // 2) * (1 if k % 2 else -1)
        rng = ""
        if p.high is not None and math.isfinite(p.high) and p.high != p.value:
            rng = f'<path class="rg" d="M{num(x)} {num(y)}V{num(ys(p.high))}"/>'
        cls = "pt vg" if p.vague else "pt"
        out.append(f'<a xlink:href="{esc(p.href)}"><title>{esc(p.tip)}</title>{rng}'
                   f'<circle class="{cls}" cx="{num(x)}" cy="{num(y)}" r="3.5"/></a>')
    out.append(_date_axis(d0, d1, x0, x1, y1))
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- drawing: co-actor graph

@dataclass(frozen=True)
class Node:
    name: str
    href: str
    weight: int  # shared articles


def _node_key(n: Node) -> tuple:
    return (-n.weight, n.name.casefold(), n.name, n.href)


def cograph_svg(center: str, nodes: list[Node], uid: str, title: str, desc: str) -> str:
    """A star: ``center`` in the middle, up to :data:`MAX_NODES` nodes around it (heaviest at the top,
    then clockwise), each line as thick as its weight; each node a link.  "" without nodes."""
    nodes = sorted(set(nodes), key=_node_key)[:MAX_NODES]
    if not nodes:
        return ""
    cx, cy, rx, ry, h = W / 2, 112.0, 76.0, 80.0, 226.0
    wmin, wmax = min(n.weight for n in nodes), max(n.weight for n in nodes)
    paths: dict[int, list[str]] = defaultdict(list)
    parts = []
    for i, n in enumerate(nodes):
        ang = -math.pi / 2 + 2 * math.pi * i / len(nodes)
        c, s = math.cos(ang), math.sin(ang)
        x, y = cx + rx * c, cy + ry * s
        cls = 1 if wmax == wmin else 1 + round(3 * (n.weight - wmin) / (wmax - wmin))  # thin: the least of these
        paths[cls].append(f"M{num(cx)} {num(cy)}L{num(x)} {num(y)}")
        if abs(c) < 0.35:  # above or below its node: room for a longer name
            lx, ly, anchor, label = x, (y + 16 if s > 0 else y - 9), "m", clip(n.name, 18)
        else:
            lx, ly, anchor, label = (x + 8 if c > 0 else x - 8), y + 4, ("" if c > 0 else "e"), clip(n.name, 13)
        tip = f"<title>{esc(n.name)}</title>" if label != n.name else ""  # the full name of a clipped label
        parts.append(f'<a xlink:href="{esc(n.href)}">{tip}'
                     f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(3 + cls)}"/>{_text(lx, ly, label, anchor)}</a>')
    out = [_open(uid, h, "bf-svg bf-graph", title, desc)]
    out += [f'<path class="ed w{k}" d="{"".join(v)}"/>' for k, v in sorted(paths.items())]
    out += parts
    out.append(f'<circle class="c" cx="{num(cx)}" cy="{num(cy)}" r="7"><title>{esc(center)}</title></circle>')
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- page blocks

def figure(svg: str, caption: str) -> str:
    """The picture and its visible text alternative; kept out of the search index (the page says it in words)."""
    if not svg:
        return ""
    return f'<figure class="bf-pic" data-search-exclude>{svg}<figcaption>{caption}</figcaption></figure>\n'


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def home_block(corpus, latest: int = HOME_EVENTS) -> str:
    """The latest dated events on a strip, each linked to its page, with the later reports of each."""
    recs = corpus.by_slug()
    marks = []
    events = [e for e in corpus.events[:latest] if day_of(e.date)]
    for e in events:
        n = len(e.articles)
        marks.append(Mark(day_of(e.date), "ev", f"events/{e.id}/",
                          f"{e.date}: {clip(e.title, 100)} ({_plural(n, 'source')})"))
        for s in e.articles:
            a = recs[s].article
            d = day_of(a.published)
            if d and a.published != e.date:
                marks.append(Mark(d, "rp", f"articles/{s}/", f"{a.published}: {clip(a.title, 100)} (a later report)"))
    shown = select_marks(marks)
    days = sorted({m.day for m in shown})
    if len(days) < 2:
        return ""
    k = sum(1 for m in shown if m.kind == "ev")
    latest = f"the {k} latest events" if k > 1 else "the latest event"
    desc = (f"{latest.capitalize()}, from {days[0]} to {days[-1]}, one dot each, "
            "with later reports of the same event as small dots.")
    svg = timeline_svg(shown, "bf-home", "Latest events on a time line", desc,
                       {"ev": "event", "rp": "later report"})
    return figure(svg, f"{latest.capitalize()} by date; each dot links to its page. "
                       "The list under Latest events says the same in words.")


def event_block(corpus, ev, by_id: dict) -> str:
    """The event's articles by publication date, the dates they mention and related events, on one strip."""
    recs = corpus.by_slug()
    page = f"events/{ev.id}/"
    marks: list[Mark] = []
    for s in ev.articles:
        a = recs[s].article
        d = day_of(a.published)
        if d:
            marks.append(Mark(d, "ar", rel(page, f"articles/{s}/"),
                              f"{a.published}: {clip(a.source or a.title, 80)} (published)"))
    mentions: list[Mark] = []
    src_of: dict[str, str] = {}  # mention href -> its source, for the list
    for s in ev.articles:
        r = recs[s]
        seen = set()
        for dm in r.extraction.dates:
            d = day_of(dm.value)
            if d is None or dm.value in seen:
                continue
            seen.add(dm.value)
            src = clip(r.article.source or r.article.title, 60)
            href = rel(page, f"articles/{s}/#{r.anchor_at(dm.start)}")
            src_of[href] = src
            said = clip(shown_text(r.article, dm.start, dm.end), 40)
            mentions.append(Mark(d, "mn", href, f"{dm.value}: \u201c{said}\u201d ({src})"))
    anchor = day_of(ev.date) or (min(m.day for m in marks) if marks else None)
    if anchor is None and mentions:
        ds = sorted(m.day for m in mentions)
        anchor = ds[len(ds) // 2]
    if anchor is None:
        return ""
    lo, hi = anchor - timedelta(days=EVENT_WINDOW_BEFORE), anchor + timedelta(days=EVENT_WINDOW_AFTER)
    if marks:
        lo, hi = min(lo, min(m.day for m in marks)), max(hi, max(m.day for m in marks))
    far = sum(1 for m in mentions if not lo <= m.day <= hi)
    marks += [m for m in mentions if lo <= m.day <= hi]
    for rid in ev.related:
        other = by_id.get(rid)
        d = day_of(other.date) if other else None
        if d and lo <= d <= hi:
            marks.append(Mark(d, "rel", rel(page, f"events/{rid}/"), f"{other.date}: {clip(other.title, 100)} (related event)"))
    shown = select_marks(marks)
    days = sorted({m.day for m in shown})
    if len(days) < 2:
        return ""
    n_ar = sum(1 for m in shown if m.kind == "ar")
    n_mn = sum(1 for m in shown if m.kind == "mn")
    n_rel = sum(1 for m in shown if m.kind == "rel")
    what = [x for x in (_plural(n_ar, "article") + " by publication date" if n_ar else "",
                        _plural(n_mn, "date") + " mentioned in them" if n_mn else "",
                        _plural(n_rel, "related event") if n_rel else "") if x]
    desc = f"From {days[0]} to {days[-1]}: " + ", ".join(what) + "."
    svg = timeline_svg(shown, "bf-event", "The event on a time line", desc,
                       {"ar": "article", "mn": "date mentioned", "rel": "related event"})
    left = len(marks) - len(shown) + far
    more = f"; {left} more {'dates are' if left > 1 else 'date is'} not drawn" if left else ""
    caption = desc + f" Each dot links to its source{more}."
    if n_mn:
        by_day: dict[date, list[Mark]] = defaultdict(list)
        for m in shown:
            if m.kind == "mn":
                by_day[m.day].append(m)
        items = []
        for d in sorted(by_day):
            links = ", ".join(f'<a href="{esc(m.href)}">{esc(src_of[m.href])}</a>'
                              for m in sorted(by_day[d], key=_mark_key))
            items.append(f"<li>{d.isoformat()}: {links}</li>")
        caption += f'<details><summary>Dates mentioned</summary><ul>{"".join(items)}</ul></details>'
    return figure(svg, caption)


def actor_block(corpus, x, top: list[tuple[str, int]]) -> str:
    """The actors most often in the same articles as ``x`` (``top``: (actor id, shared articles), most first),
    as a star.  Drawn when ``x`` is in two or more articles: with one, every line would be alike and the
    list says it all."""
    if len(x.articles) < 2 or len(top) < 2:
        return ""
    from .urls import actor_home_url, actor_url

    here = actor_url(x.id)
    nodes = [Node(corpus.actors[aid].name, rel(here, actor_home_url(corpus, aid)), n)
             for aid, n in top[:MAX_NODES] if aid in corpus.actors]
    desc = (f"{x.name} in the middle, linked to the {_plural(len(nodes), 'actor')} it appears with most; "
            "thicker lines: more shared articles.")
    svg = cograph_svg(x.name, nodes, "bf-co", f"Actors {x.name} appears with", desc)
    return figure(svg, f"The {_plural(len(nodes), 'actor')} most often in the same articles; the thicker the line, "
                       "the more articles. Numbers in the list below.")


def measure_block(corpus, m, names: dict[str, str], uid: str) -> str:
    """One measure's reported values over publication time, each point linked to its paragraph.
    Only for a measure of something that happened (people killed, dollars raised: it has a predicate);
    a bare unit ("per cent", "years") groups unrelated numbers that a line would only seem to connect."""
    if not m.predicate:
        return ""
    recs = corpus.by_slug()
    pts = []
    undated = 0
    for p in m.points:
        d = day_of(p.published)
        f = p.figure
        if d is None or f.value is None or not math.isfinite(f.value):
            undated += 1
            continue
        src = recs[p.slug].article.source if p.slug in recs else None
        tip = f"{p.published}: {fmt_value(f.value)}" + (f"\u2013{fmt_value(f.high)}" if f.high and f.high != f.value else "")
        tip += f" ({clip(src, 40)})" if src else ""
        pts.append(ChartPoint(d, float(f.value), f"../articles/{p.slug}/#{p.anchor}", tip,
                              float(f.high) if f.high else None, bool(f.vague)))
    shown = select_points(pts)
    if len({p.day for p in shown}) < 2:
        return ""
    label = m.label(names)
    desc = (f"{_plural(len(shown), 'report')} of {label} from {shown[0].day} to {shown[-1].day}, "
            f"between {fmt_value(min(p.value for p in shown))} and "
            f"{fmt_value(max(max(p.value, p.high or p.value) for p in shown))}.")
    svg = chart_svg(shown, uid, clip(label, 100).capitalize(), desc, trend=bool(m.predicate))
    more = []
    if len(pts) > len(shown):
        more.append(f"the {len(shown)} latest of {len(pts)} dated reports are drawn")
    if undated:
        more.append(f"{_plural(undated, 'undated report')} not drawn")
    note = f" ({'; '.join(more)})" if more else ""
    return figure(svg, desc + f" Each point links to its paragraph; the table below lists them{note}.")
