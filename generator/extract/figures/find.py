"""Figures: one figure parsed at a candidate position, the candidates of a text, and extract_figures."""
from __future__ import annotations

import re

from ...model import Figure
from . import lexicon as L
from .context import (
    _attribution,
    _Context,
    _Fig,
    _letters_after,
    _parse_number,
    _predicate,
    _time_placing,
    _unit_after,
)
from .numbers import (
    _AGE,
    _AND_SEP,
    _CAND_NUM,
    _CAND_WORD,
    _CHANGE_BEFORE,
    _CUR_CODE,
    _CUR_LETTERS,
    _DATE_LIST,
    _HYPHEN_UNIT,
    _LINE_START,
    _NUM_AFTER,
    _NUM_BEFORE,
    _ONE_IDIOM,
    _PERCENT,
    _PERCENT_POINTS,
    _PRE_QUAL,
    _RACE_DISTANCES,
    _RACE_WORDS,
    _RANGE_SEP,
    _RATIO,
    _TIME_AFTER,
    _counted_np,
    _is_plural,
    _num,
    _prev_word,
    _sentence_start_before,
    _word_at,
)


def _parse_at(view: str, pos: int, kind: str):
    """Parse a figure starting at pos; returns _Fig or None, and the position to resume from."""
    core = _parse_number(view, pos)
    if core is None:
        return None, pos + 1
    n = len(view)
    start = core["start"]
    num_start = core["num_start"]
    end = core["end"]
    value = core["value"]
    digits = core["digits"]
    cur = core["cur"]
    f = _Fig(start, end, value)
    f.vague = core["vague"]
    f.high = core["high"]

    prev = _prev_word(view, start)
    prev_lw = prev[0].lower() if prev else ""

    if digits:
        raw = view[num_start:core["raw_end"]]
        # glued to letters or symbols: F-16, G8, Covid-19, 9/11, 24/7, 10:30, '90s, #1
        if start > 0:
            c = view[start - 1]
            if c in "'’" and start > 1 and view[start - 2].isalpha():
                pass  # possessive: "Sanders' 1,192"
            elif c.isalpha() or c in "#/:'’_@&+=" or (c == "-" and start > 1 and view[start - 2].isalnum()):
                return None, end
            if c == "." and start > 1 and view[start - 2].isalnum():
                return None, end
        after = view[core["raw_end"]:core["raw_end"] + 1]
        if after in ("/", ":") and view[core["raw_end"] + 1:core["raw_end"] + 2].isdigit():
            return None, core["raw_end"] + 2
        if after == "." and view[core["raw_end"] + 1:core["raw_end"] + 2].isdigit():
            # "3.30pm", "1.2.3": the decimal parse stopped -> version numbers
            return None, core["raw_end"] + 2
        letters = _letters_after(view, core["raw_end"]) if not core["scaled"] or core.get("suffix") in ("m", "k", "b") else ""
        if core["scaled"] and core.get("suffix") in ("m", "k", "b"):
            letters = ""
        if letters:
            ll = letters.lower()
            if ll in ("st", "nd", "rd", "th", "s", "am", "pm", "h", "hrs", "gmt", "bst", "x", "d", "v"):
                return None, core["raw_end"] + len(letters)
            if ll in L.ATTACHED_UNITS:
                pass
            elif ll in ("p",) and not cur:
                pass
            else:
                return None, core["raw_end"] + len(letters)
        # list numbering at line start
        if _LINE_START.search(view, max(0, start - 8), start) and re.match(r"[.)]\s", view[core["raw_end"]:core["raw_end"] + 2]) and not cur:
            return None, end + 1
        # times of day
        if not cur and not core["scaled"] and _TIME_AFTER.match(view, core["raw_end"]):
            return None, end + 1
        if not cur and len(raw) == 4 and raw.startswith("0") and raw.isdigit():
            return None, end
        # phone numbers: groups of digits separated by blanks
        if not cur and re.match(r"[ \t]\d{3,}", view[end:end + 5]) and not core["scaled"]:
            pm = re.match(r"(?:[ \t-]?\d{2,})+", view[start:start + 30])
            return None, start + (pm.end() if pm else 1)
        # tables and score cards: numbers in a row separated by blanks ("Wigan 4 3 1 0 9 4 10")
        if not cur and not core["scaled"] and view[core["raw_end"]:core["raw_end"] + 1] not in ("-", "–"):
            nb = _NUM_BEFORE.search(view, max(0, start - 12), start)
            if nb and re.fullmatch(r"(?:19|20)\d\d[ \t]+", nb.group()):
                nb = None  # "In 2004 35 people died"
            if nb or _NUM_AFTER.match(view, end):
                return None, end
        if raw.startswith("0") and len(raw) > 1 and raw[1].isdigit():
            return None, end
        if not cur and prev and prev[0].lower() in ("in", "since", "from", "by", "until", "till", "of", "the", "and", "during", "before", "after", "between", "to", "'s") and re.fullmatch(r"\d{4}s?", raw) and 1700 <= value <= 2100 and not core["scaled"]:
            nxt = _word_at(view, end)
            if not (nxt and _is_plural(nxt[0]) and nxt[1] == end + 1 and prev_lw not in ("in", "since", "from", "by", "until", "till", "of", "the", "during", "before", "after")):
                return None, end
        if not cur and re.fullmatch(r"\d{4}", raw) and 1700 <= value <= 2100 and not core["scaled"]:
            # a year unless a unit/percent/counted noun follows
            nxt = _word_at(view, end)
            pct = _PERCENT.match(view, end)
            if not pct and not (nxt and nxt[1] == end + 1 and (_is_plural(nxt[0]) or nxt[0].lower() in L.CURRENCY_WORD) and nxt[0].lower() not in ("elections", "olympics", "games", "results", "accounts", "figures", "levels", "budgets", "finals", "championships", "nominations", "awards", "polls")):
                return None, end
            if prev and prev_lw in ("in", "since", "from", "by", "until", "till", "of", "during", "before", "after", "the", "and", "'s", "s"):
                return None, end
        # date: "October 7", "7 October", "Oct. 7"
        if prev and prev_lw in L.MONTHS and prev[0][0].isupper() and not cur:
            return None, end
        if value <= 31 and not cur and _DATE_LIST.match(view, end):
            return None, end  # "on 14, 20 and 27 April"
        nw = _word_at(view, end)
        if nw and nw[0].lower().rstrip(".") in L.MONTHS and nw[0][0].isupper() and not cur and not core["scaled"] and nw[1] - end <= 2:
            return None, nw[2]
        if nw and nw[0].lower() in ("of",) and not cur:
            nw2 = _word_at(view, nw[2])
            if nw2 and nw2[0].lower() in L.MONTHS and nw2[0][0].isupper():
                return None, nw2[2]
    else:
        # spelled words: names such as "Channel Four", "Formula One", "the Big Four"
        word0 = view[num_start:end].split()[0]
        if word0[0].isupper() and not _sentence_start_before(view, start) and not f.vague:
            return None, end
        if prev and (prev_lw == "year" or (prev_lw in L.MONTHS and prev[0][0].isupper())):
            return None, end  # "the year two thousand", "January nine"
        if re.match(r"-(?:thirds?|quarters?|fifths?|halves)\b", view[end:end + 10], re.I):
            return None, end
        if re.match(r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", view[end:end + 10], re.I):
            return None, end

    # -------- ratio: "7 in 10 voters", "one in four Turks": value is the first number
    rt = _RATIO.match(view, end)
    if rt and not cur and not f.vague and not core["scaled"]:
        other = _parse_number(view, rt.end())
        if other and other["value"] > value and not other["cur"] and not other["vague"] and not (1700 <= other["value"] <= 2100) and other["value"] <= 1000:
            f.end = other["end"]
            f.unit = "in " + view[other["num_start"]:other["end"]]
            np = _counted_np(view, f.end, singular_ok=False)
            if np:
                f.counted = np[2]
                f.end = np[1]
            q = _PRE_QUAL.search(view, max(0, start - 30), start)
            if q and re.sub(r"\s+", " ", q.group(1).lower()) in L.QUALIFIER_KEEP:
                f.qualifier = re.sub(r"\s+", " ", q.group(1).lower())
                f.start = q.start(1)
            return f, f.end

    # -------- range: "10-20", "10 to 20", "between 10 and 20", "two or three"
    range_core = None
    if not f.vague:
        rm = _RANGE_SEP.match(view, end)
        if prev_lw == "between":
            rm2 = _AND_SEP.match(view, end)
            if rm2:
                rm = rm2
        if rm and rm.end() > end:
            sep = rm.group().strip().lower()
            nxt_core = _parse_number(view, rm.end()) if rm.end() < n else None
            if nxt_core and nxt_core["digits"] == digits and not nxt_core["vague"]:
                hi = nxt_core["value"]
                lo = value
                # "£5m-£10m" or "5-10m": the scale of the upper bound applies to both
                if nxt_core["scaled"] and not core["scaled"] and hi > 0 and lo < hi / 1000:
                    scale = hi / float(view[nxt_core["num_start"]:nxt_core["raw_end"]].replace(",", "") or 1) if digits else 1
                    lo = lo * scale
                ok = hi > lo and (lo == 0 or hi <= 10 * lo or prev_lw == "between")
                if sep == "to" and _CHANGE_BEFORE.search(view, max(0, start - 40), start):
                    ok = False  # a change, not a range: "increased by 296,000 to 28.52 million", "gained $1.32 to $44.45"
                if sep in ("to",) and prev_lw in ("from", "rose", "fell", "risen", "fallen", "up", "down", "increased", "decreased", "cut", "raised", "jumped", "dropped", "climbed", "grew", "slipped"):
                    ok = False
                if sep == "or" and digits and not (_unit_after(view, nxt_core["end"]) or view[nxt_core["end"]:nxt_core["end"] + 1] == "%"):
                    ok = False
                if sep in ("-", "–", "—", ""):
                    # scores: "won 3-1", "6-4 6-3", "a 2-1 win"
                    if digits and not nxt_core["scaled"] and not core["scaled"] and not cur:
                        after_w = _word_at(view, nxt_core["end"])
                        has_unit = bool(_PERCENT.match(view, nxt_core["end"])) or (after_w and after_w[1] == nxt_core["end"] + 1 and (_is_plural(after_w[0]) or after_w[0].lower() in L.TIME_UNITS or after_w[0].lower() in L.MEASURE_UNITS))
                        if prev_lw in L.SCORE_WORDS or not has_unit:
                            ok = False
                        if after_w and after_w[0].lower() in L.SCORE_AFTER and not has_unit:
                            ok = False
                        if re.match(r"[ \t]+\d+[-–]\d+", view[nxt_core["end"]:nxt_core["end"] + 8]):
                            ok = False
                if ok and nxt_core["cur"] and cur and nxt_core["cur"] != cur:
                    ok = False
                if ok:
                    range_core = nxt_core
                    f.value = lo
                    value = lo
                    f.high = hi
                    end = nxt_core["end"]
                    if nxt_core["cur"] and not cur:
                        cur = nxt_core["cur"]
                elif sep in ("-", "–", "—") and digits and not range_core and not cur:
                    if prev_lw in L.SCORE_WORDS or not core["scaled"]:
                        # a score or a season: skip both numbers
                        if not nxt_core["scaled"] and not nxt_core["cur"]:
                            return None, nxt_core["end"]
            elif sep in ("-", "–", "—") and digits and not cur and re.match(r"\d", view[rm.end():rm.end() + 1]):
                return None, rm.end() + 1
    f.end = end

    # -------- unit or counted noun
    if cur:
        f.unit = cur
        f.kind = "money"
        um = _unit_after(view, end)
        if um and um[0] == "money" and um[1] in L.CURRENCY_CODE:
            f.end = um[2]
    pm = None if cur else _PERCENT.match(view, end)
    if f.kind != "money" and pm and pm.end() > end:
        if pm.group(1):
            f.unit = "percentage points"
        else:
            f.unit = "percent"
            pp = _PERCENT_POINTS.match(view, pm.end())
            if pp:
                pm = pp
                f.unit = "percentage points"
        f.kind = "percent"
        f.end = pm.end()
        if f.high is None:
            # "8%-10%", "between 6.6% and 8.5%"
            sm = _AND_SEP.match(view, f.end) if prev_lw == "between" else _RANGE_SEP.match(view, f.end)
            if sm and sm.group().strip().lower() != "or" and not (sm.group().strip().lower() == "to" and _CHANGE_BEFORE.search(view, max(0, start - 40), start)):
                nc = _parse_number(view, sm.end())
                if nc and not nc["cur"] and not nc["vague"] and nc["value"] > value:
                    pm2 = _PERCENT.match(view, nc["end"])
                    if pm2 and pm2.end() > nc["end"]:
                        f.high = nc["value"]
                        f.end = pm2.end()
    elif f.kind != "money":
        am = _AGE.match(view, end)
        if am:
            f.kind = "age"
            f.unit = "years"
            f.counted = "age"
            f.end = am.end()
            # "34-year-old man"
        else:
            hm = _HYPHEN_UNIT.match(view, end)
            if hm:
                hw = hm.group(1).lower()
                if hw in L.TIME_UNITS:
                    f.kind = "time"
                    f.unit = L.TIME_UNITS[hw]
                    f.end = hm.end()
                elif hw in L.MEASURE_UNITS and hw != "g":
                    f.kind = "measure"
                    f.unit = L.MEASURE_UNITS[hw]
                    f.end = hm.end()
                elif hw in ("strong", "man", "member", "person", "seat", "page", "bed", "mile", "point", "nation", "country", "storey", "story", "room"):
                    f.kind = "count"
                    f.unit = hw if hw != "strong" else None
                    f.counted = hw
                    f.end = hm.end()
                elif digits and hw.islower() and hw not in L.NP_STOP and len(hw) > 2 and hw not in ("fold", "times", "odd", "year", "old"):
                    # "a 25-state EU", "an 8,000-word article"
                    f.kind = "count"
                    f.unit = hw
                    f.counted = hw
                    f.end = hm.end()
                else:
                    return None, hm.end()
            else:
                letters = _letters_after(view, core["raw_end"]) if digits and not core["scaled"] else ""
                if letters and letters.lower() in L.ATTACHED_UNITS and range_core is None:
                    f.kind = "time" if letters.lower() in L.TIME_UNITS else "measure"
                    f.unit = L.MEASURE_UNITS.get(letters.lower()) or L.TIME_UNITS.get(letters.lower()) or letters
                    f.end = core["raw_end"] + len(letters)
                elif letters.lower() == "p" and range_core is None:
                    f.kind = "money"
                    f.unit = "pence"
                    f.end = core["raw_end"] + 1
                elif core.get("suffix") == "m" and not cur:
                    # "100m" without currency: metres in sport, millions before a counted noun
                    nxt = _word_at(view, end)
                    base = f.value / 1_000_000
                    event = nxt and nxt[1] == end + 1 and nxt[0].lower() in _RACE_WORDS
                    if event or (base in _RACE_DISTANCES and not (nxt and nxt[1] == end + 1 and _is_plural(nxt[0]))):
                        f.value = base
                        if prev_lw in ("the", "a", "world", "indoor", "olympic"):
                            return None, end
                        f.kind = "measure"
                        f.unit = "metres"
                if f.kind == "count":
                    um = _unit_after(view, end)
                    if core.get("half") and not um:
                        return None, end
                    if um:
                        kind, unit, uend, uword = um
                        f.kind = kind
                        f.unit = unit
                        f.end = uend
                        if kind == "time":
                            if _time_placing(view, start, uend, n):
                                return None, uend
                            om = re.match(r"[ \t]+old\b", view[uend:uend + 6])
                            if om:
                                f.kind = "age"
                                f.counted = "age"
                                f.end = uend + om.end()
                            elif prev_lw == "aged":
                                f.kind = "age"
                                f.counted = "age"
                        if kind == "money" and unit in ("cents", "pence") and core["scaled"]:
                            pass
    # -------- counted noun phrase
    if f.kind == "count" and f.counted is None:
        e = f.end
        of = re.match(r"[ \t]+of[ \t]+(?:the[ \t]+|them\b|us\b|those[ \t]+|these[ \t]+|their[ \t]+|his[ \t]+|her[ \t]+|its[ \t]+)?", view[e:e + 20], re.I)
        np = None
        if of and (f.vague or core["scaled"] or not digits):
            if of.group().rstrip().lower().endswith(("them", "us")):
                np = (e + of.start(), e + of.end(), view[e + of.end() - len(of.group().split()[-1]):e + of.end()], "them")
            else:
                um = _unit_after(view, e + of.end() - 1)
                if um and um[0] == "money":
                    f.kind = "money"
                    f.unit = um[1]
                    f.end = um[2]
                else:
                    np = _counted_np(view, e + of.end() - 1, singular_ok=False)
        elif not of:
            singular = (value == 1) or (f.vague and False)
            np = _counted_np(view, e, singular_ok=singular)
            if np and np[3].lower() in ("times", "time"):
                return None, np[1]
        if np:
            f.counted = np[2]
            head = np[3]
            f.unit = None if head.lower() == "them" else (head.lower() if head[:1].isupper() and head[1:].islower() and head.lower() in ("people", "persons") else head)
            f.end = np[1]
        elif f.kind == "count":
            # bare numbers
            if not digits:
                nw = _word_at(view, f.end)
                nlw = nw[0].lower() if nw else ""
                if f.vague:
                    pass
                elif value == 1:
                    return None, f.end
                elif of and not core["scaled"]:
                    pass  # "two of the men"
                elif nlw in ("were", "was", "have", "had", "are", "died", "remain", "remained", "who", "are", "million", "billion") and prev_lw not in ("the", "these", "those", "all", "both"):
                    pass
                elif core["scaled"]:
                    pass
                elif prev_lw in L.PREDICATES and value > 1:
                    pass  # "police detained five", "killing three and injuring four"
                else:
                    return None, f.end
            else:
                if prev and (prev_lw in L.LABEL_WORDS or prev_lw.rstrip(".") in L.LABEL_WORDS):
                    return None, f.end
    if f.kind == "count" and value == 1 and not f.vague and not digits:
        # "one" only with a person-like noun or a unit
        if not f.counted or f.unit not in L.PERSON_NOUNS or prev_lw in ("the", "this", "that", "no", "any", "every", "each", "which", "only", "someone"):
            return None, f.end
    if f.kind == "count" and not digits and not f.vague and value < 10 and prev_lw in ("the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "all", "both"):
        # "the two nations", "his three children": a reference to things already known, not a claim
        return None, f.end
    if f.kind == "time" and value == 1 and not digits and prev_lw in ("the", "this", "that", "no", "one"):
        return None, f.end

    # names: "Boeing 747", "Channel 4", "Windows 95", "No 10"; street addresses
    if digits and not cur and f.kind in ("count",) and prev and prev[0][:1].isupper() and not f.vague:
        pw_start = prev[1]
        if (not _sentence_start_before(view, pw_start) or (not f.counted and view[f.end:f.end + 1] in (",", ";", ")") and prev_lw not in L.QUALIFIER_KEEP)) and prev_lw not in ("the", "a", "an", "some", "about", "all", "only", "just", "over", "nearly", "around") and not prev[0].endswith(("'s", "’s", "s'")):
            return None, f.end
    if digits and not cur and f.kind == "count":
        am = re.match(r"[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Drive|Place|Square|Way|Terrace|Court)\b", view[(f.end if not f.counted else end):(f.end if not f.counted else end) + 60])
        if am:
            return None, f.end
    if digits and not cur and f.kind == "count" and prev_lw in ("page", "pages", "section", "chapter", "no", "nos", "number", "route", "flight", "room", "article", "clause", "paragraph"):
        return None, f.end
    if digits and not cur and f.kind == "count" and not f.counted:
        if view[start - 1:start] == "(" and view[f.end:f.end + 1] == ")":
            return None, f.end  # "(2)", "England (2)": a label or a bracketed tally
        rawd = view[num_start:core["raw_end"]]
        if rawd.isdigit() and len(rawd) >= 7:
            return None, f.end  # identifiers, not quantities
        if re.search(r"\b(?:age|ages)[ \t]+of[ \t]+$|\baged[ \t]+$", view[max(0, start - 16):start]) and value < 130:
            f.kind = "age"
            f.unit = "years"
            f.counted = "age"
    # ages in apposition: "John Smith, 34, ..."
    if digits and not cur and f.kind == "count" and not f.counted and value < 120 and float(value).is_integer():
        if view[start - 2:start] == ", " and (view[f.end:f.end + 1] in (",", ")", ".", ";") or view[f.end:f.end + 3] in (" - ", " – ")) and re.search(r"[A-Z][a-z]+, $", view[max(0, start - 30):start]):
            f.kind = "age"
            f.unit = "years"
            f.counted = "age"
    # sports/elections "by 3 points" fine; a bare integer right before ":" or "-" left alone

    # -------- qualifier
    q = _PRE_QUAL.search(view, max(0, start - 30), start)
    if q:
        qual = re.sub(r"\s+", " ", q.group(1).lower())
        if qual in L.QUALIFIER_KEEP:
            f.qualifier = qual
            f.start = q.start(1)
        elif qual == "between" and f.high is not None:
            f.qualifier = "between"
            f.start = q.start(1)
    if f.vague and f.qualifier is None and view[start:start + 2].lower() == "a ":
        pass
    return f, f.end


def _candidates(view: str):
    """Start positions of possible figures, in order: (position, kind) with kind "num" or "word".

    Two simple scans (symbols and digits on the view, number words on its lower-cased copy)
    are much faster than one case-insensitive alternation."""
    out = []
    for m in _CAND_NUM.finditer(view):
        s = m.start()
        c = view[s]
        if c == "$":
            b = _CUR_LETTERS.search(view, max(0, s - 3), s)
            if b:
                s = b.start()
        elif c.isdigit() or c == ".":
            b = _CUR_CODE.search(view, max(0, s - 5), s)
            if b:
                s = b.start()
        out.append((s, "num"))
    low = view.lower()
    for m in _CAND_WORD.finditer(low):
        s = m.start()
        if low.startswith("one", s) and _ONE_IDIOM.match(low, s):
            continue
        out.append((s, "word"))
    out.sort()
    return out


def extract_figures(view: str) -> list[Figure]:
    """Every numeric claim in the text view."""
    raw: list[_Fig] = []
    pos = 0
    for s, kind in _candidates(view):
        if s < pos:
            continue
        f, nxt = _parse_at(view, s, kind)
        if f is not None and f.end > f.start:
            if raw and f.start < raw[-1].end:
                f.start = raw[-1].end
                if f.start >= f.end:
                    pos = max(nxt, s + 1)
                    continue
            raw.append(f)
            pos = max(f.end, s + 1)
        else:
            pos = max(nxt, s + 1)
    if not raw:
        return []
    ctx = _Context(view)
    spans = (sorted(f.start for f in raw), sorted(f.end for f in raw))
    out = []
    for f in raw:
        sent = ctx.sentence(f.start)
        pred = _predicate(view, sent, f.start, f.end, spans)
        pred = pred.lower() if pred else None
        attr = _attribution(view, sent, f.start)
        text = view[f.start:f.end]
        out.append(Figure(start=f.start, end=f.end, text=text, value=_num(float(f.value)), unit=f.unit,
                          counted=f.counted, qualifier=f.qualifier, vague=f.vague,
                          high=_num(float(f.high)) if f.high is not None else None,
                          predicate=pred, attribution=attr))
    return out
