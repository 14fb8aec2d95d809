"""Speaker noun phrases around reporting cues: names, pronouns, descriptions.

A light, dictionary-free reading of English news prose: capitalised runs are
names (titles such as "Sen." or "Turkish President" are cut off), he/she/they
are pronouns to resolve, and other noun phrases are descriptions ("the
newspaper", "a source close to the dossier"), anonymous when they name nobody.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..wordlists import words


def cue_words() -> frozenset[str]:
    """Reporting verbs and cues, every form written out (generator/data/quotes/cues.txt)."""
    return words("quotes", "cues")


# Tokens: words (with inner apostrophes, hyphens, dots of initials), or punctuation.
TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F0-9](?:[\w\u00C0-\u024F&]|[’'.\-](?=[\w\u00C0-\u024F]))*\.?|[,;:()\u2014\u2013\[\]\"“”‘’]|(?<=\s)-(?=\s)")

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s", "you": "s"}
DETERMINERS = words("quotes", "determiners")
INDEFINITE = words("quotes", "indefinite")
ANON_HEADS = words("quotes", "anon_heads")
SPEECH_NOUNS = words("quotes", "speech_nouns")
# Words skipped between a speaker and its verb ("Trump also said", "she went on to say").
SKIP = words("quotes", "skip")
# Words that cannot be inside a speaker noun phrase (read backwards from a verb).
BREAK = words("quotes", "break")
NP_PREPS = words("quotes", "np_preps")
TITLES = words("quotes", "titles")
ORG_WORDS = words("quotes", "org_words")
NOT_NAME_START = words("quotes", "not_name_start")
TIME_WORDS = words("quotes", "time_words")
CONNECTORS = words("quotes", "connectors")
PLACE_WORDS = words("quotes", "place_words")


PAST_VERBS = words("quotes", "past_verbs")


# Heads of noun phrases that name a time or a thing, never a speaker ("in the past described …").
_NOT_SPEAKER_HEADS = words("quotes", "not_speaker_heads")


@dataclass
class Phrase:
    start: int
    end: int
    kind: str  # "name" | "pronoun" | "nominal"
    text: str
    anonymous: bool = False
    org: bool = False


def tokens(view: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(view, lo, hi)]


def bare(word: str) -> str:
    w = word.lower()
    for suf in ("’s", "'s"):
        if w.endswith(suf):
            return w[:-2]
    return w


_CONTRACTION = re.compile(r"[\u2019'](?:d|m|re|ve|ll|t)$", re.I)


def name_word(word: str) -> bool:
    """A capitalised word that can be part of a name (not a sentence-starting function word or "I'd")."""
    if not word[0].isupper() or _CONTRACTION.search(word):
        return False
    return word.lower().rstrip(".") not in NOT_NAME_START


def strip_title(toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut titles off the front of a capitalised run ("Turkish President Recep Tayyip Erdogan")."""
    if len(toks) < 2:
        return toks
    last_word = toks[-1][2].lower().rstrip(".")
    if last_word in ORG_WORDS:
        return toks
    cut = -1
    for i, t in enumerate(toks[:-1]):
        if t[2].lower() in TITLES or t[2].lower().rstrip(".") in TITLES:
            cut = i
    rest = toks[cut + 1:]
    while rest and rest[0][2].lower() in CONNECTORS:
        rest = rest[1:]
    return rest or toks


def looks_org(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    last = bare(words[-1]).rstrip(".")
    if last in ORG_WORDS:
        return True
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
        return True  # an acronym: NATO, AFP
    return False


def looks_place(text: str) -> bool:
    words = [w.lower().rstrip(".") for w in text.split()]
    return bool(words) and all(w in PLACE_WORDS or w in CONNECTORS for w in words)


def _trim_possessive(view: str, s: int, e: int) -> int:
    if view[e - 2:e] in ("’s", "'s"):
        return e - 2
    if e - s > 1 and view[e - 1] in "’'" and view[e - 2] == "s":
        return e - 1
    return e


def phrase_before(view: str, lo: int, end: int) -> Phrase | None:
    """The speaker noun phrase that ends right before `end` (a verb), not reaching before `lo`."""
    toks = tokens(view, max(lo, end - 400), end)
    i = len(toks) - 1
    while i >= 0 and toks[i][2].lower() in SKIP and toks[i][2].lower() not in PRONOUNS:
        i -= 1
    # "X, who ..., said" / "X, a Y, said": look for a leading name before the comma
    if i >= 0 and toks[i][2] == ",":
        return _appositive_subject(view, toks[:i + 1])
    if i >= 0 and toks[i][2] == ")":
        j = i
        while j >= 0 and toks[j][2] != "(":
            j -= 1
        if j > 0 and i - j < 8:
            i = j - 1
    if i < 0:
        return None
    word = toks[i][2]
    low = word.lower()
    if low in PRONOUNS:
        return Phrase(toks[i][0], toks[i][1], "pronoun", word)
    return _np_ending_at(view, toks, i)


def _appositive_subject(view: str, toks: list[tuple[int, int, str]]) -> Phrase | None:
    """In "Jenna Golden, Twitter's director of ads, said" the speaker is the part before the first comma."""
    n = len(toks)
    # walk back to the start of the clause: stop at ; : ( or a quotation mark or 30 tokens
    j = n - 2
    commas = []
    while j >= 0 and n - j < 40:
        w = toks[j][2]
        if w in (";", ":", "“", "”", '"', "—", "–", "(", ")"):
            break
        if w == ",":
            commas.append(j)
        j -= 1
    start = j + 1
    # candidate subjects: the chunk between the clause start (or a comma) and the next comma
    bounds = [start] + [c + 1 for c in reversed(commas)]
    for b in bounds:
        # chunk from b to the next comma
        k = b
        while k < n and toks[k][2] != ",":
            k += 1
        if k == b or k >= n - 1 and b != start:
            continue
        chunk = toks[b:k]
        # drop leading conjunctions / intro words
        while chunk and chunk[0][2].lower() in ("and", "but", "so", "then", "meanwhile", "however"):
            chunk = chunk[1:]
        if not chunk or len(chunk) > 10:
            continue
        if chunk[0][2].lower() in PRONOUNS and len(chunk) == 1:
            return Phrase(chunk[0][0], chunk[0][1], "pronoun", chunk[0][2])
        ph = _np_ending_at(view, chunk, len(chunk) - 1)
        if ph and ph.kind == "name" and ph.end >= chunk[-1][1] - 2 and len(chunk) <= 8 and b == start:
            return ph  # "Former Downing Street communications chief Alastair Campbell, now …, says"
        if ph and ph.start == chunk[0][0] or (ph and ph.kind == "name"
                                              and all(t[2][0].isupper() or t[2].lower() in CONNECTORS
                                                      or t[2].lower() in TITLES or t[2].lower() in DETERMINERS
                                                      for t in chunk)):
            if ph.kind == "nominal" and _is_intro(chunk):
                continue
            return ph
    return None


def _is_intro(chunk) -> bool:
    w = [t[2].lower() for t in chunk]
    return w[0] in ("in", "on", "at", "after", "before", "during", "since", "for", "with", "as", "asked", "speaking",
                    "earlier", "later", "last", "this", "when", "while", "if", "despite", "however")


def _np_ending_at(view: str, toks: list[tuple[int, int, str]], i: int) -> Phrase | None:
    """A noun phrase whose last token is toks[i]."""
    word = toks[i][2]
    if word[0].isupper() and word.lower().rstrip(".") not in NOT_NAME_START or (
            word[0].isupper() and i > 0 and toks[i - 1][2][0].isupper() and name_word(toks[i - 1][2])):
        # a capitalised run
        j = i
        while j - 1 >= 0:
            w = toks[j - 1][2]
            if w[-2:] in ("\u2019s", "'s") and j <= i:
                break  # "Labour's Paul Flynn": the possessor is another name
            if name_word(w) or (w.lower() in ("de", "da", "van", "von", "der", "al", "bin", "le", "la", "du", "del",
                                              "&") and j - 2 >= 0 and toks[j - 2][2][0].isupper()):
                j -= 1
            elif w == "of" and j - 2 >= 0 and bare(toks[j - 2][2]).rstrip(".") in _OF_HEADS \
                    and toks[j - 2][2][0].isupper():
                j -= 1  # "National Association of Probation Officers"
            else:
                break
        run = toks[j:i + 1]
        name = strip_title(run)
        s, e = name[0][0], name[-1][1]
        e = _trim_possessive(view, s, e)
        txt = view[s:e]
        return Phrase(s, e, "name", txt, org=looks_org(txt))
    # a common noun phrase: walk back to its determiner
    j = i
    k = i
    steps = 0
    det = None
    while k >= 0 and steps < 14:
        w = toks[k][2]
        lw = w.lower()
        if lw in DETERMINERS:
            det = k
            # keep going through an "of"/"for" phrase: "a spokesman for the ministry"
            if k - 1 >= 0 and toks[k - 1][2].lower() in NP_PREPS and k - 2 >= 0:
                k -= 2
                steps += 2
                j = k + 1
                continue
            break
        if w in (",", ";", ":", "(", ")", "“", "”", '"', "—", "–", "‘", "’") or lw in BREAK or lw in PRONOUNS:
            break
        if lw in cue_words() and k != i:
            break
        if w[-2:] in ("’s", "'s") and k != i:
            det = k  # a possessor: "Clinton's campaign"
            # include a capitalised run before the possessor
            while k - 1 >= 0 and name_word(toks[k - 1][2]):
                k -= 1
                det = k
            break
        j = k
        k -= 1
        steps += 1
    if det is None:
        # bare plural ("officials said", "critics say") or a lone noun
        while j < i and toks[j][2].lower() in NP_PREPS:
            j += 1
        head = toks[i][2].lower()
        if j <= i and head.endswith("s") and toks[i][2].islower() and (
                head in ANON_HEADS or head.endswith(("ers", "ists", "ians", "ants", "ents", "ors", "als", "ives"))):
            s, e = toks[j][0], toks[i][1]
            txt = view[s:e]
            head = toks[i][2].lower()
            return Phrase(s, e, "nominal", txt, anonymous=True)
        return None
    s, e = toks[det][0], toks[i][1]
    txt = view[s:e]
    words = [t[2] for t in toks[det:i + 1]]
    if words[-1].lower().endswith("ly") or (len(words) == 1 and words[0].lower() in (
            "the", "a", "an", "this", "that", "his", "her", "its", "their", "these", "those", "each", "both", "all",
            "any", "no", "more")) or words[-1].lower() in _NOT_SPEAKER_HEADS:
        return None
    head = words[-1].lower()
    first = words[0].lower()
    # possessor + speech noun: "Erdogan's recent rhetoric" -> Erdogan
    if words[0][-2:] in ("’s", "'s") or (len(words) > 1 and any(w[-2:] in ("’s", "'s") for w in words[:2])):
        for t in toks[det:i + 1]:
            if t[2][-2:] in ("’s", "'s"):
                pe = t[1] - 2
                ps = toks[det][0]
                if head in SPEECH_NOUNS and ps < pe:
                    inner = view[ps:pe]
                    if inner[:1].isupper():
                        return Phrase(ps, pe, "name", inner, org=looks_org(inner))
                break
    has_name = any(t[2][0].isupper() for t in toks[det + 1:i + 1])
    anonymous = False
    if head in ANON_HEADS and not (has_name and not any(t[2].lower() in NP_PREPS for t in toks[det:i + 1])):
        anonymous = True
    if first in INDEFINITE and (not has_name or head in ANON_HEADS):
        anonymous = True  # "a source", "A Warren adviser"
    if first == "the" and has_name and not anonymous and (head in ORG_WORDS or words[-1][0].isupper()):
        # "the Turkish foreign ministry": the organisation span without the article
        s = toks[det + 1][0]
        txt = view[s:e]
    return Phrase(s, e, "nominal", txt, anonymous=anonymous, org=head in ORG_WORDS)


def phrase_after(view: str, start: int, hi: int) -> Phrase | None:
    """The speaker noun phrase that starts right after a verb ("said Sen. Ted Cruz, ...")."""
    toks = tokens(view, start, min(hi, start + 400))
    if not toks:
        return None
    w = toks[0][2]
    lw = w.lower()
    if lw in PRONOUNS:
        return Phrase(toks[0][0], toks[0][1], "pronoun", w)
    starts_name = w[0].isupper() and lw not in DETERMINERS and (lw.rstrip(".") not in NOT_NAME_START or (
        len(toks) > 1 and toks[1][2][0].isupper() and lw not in DETERMINERS and lw not in TIME_WORDS
        and lw not in PRONOUNS))
    if not starts_name and w[0].islower() and _role_then_name(toks):
        ph = _name_after(view, toks)
        if ph is not None:
            return ph
    if starts_name or (lw in TITLES and lw not in DETERMINERS):
        ph = _name_after(view, toks)
        if ph is not None:
            return ph
        if not (lw in TITLES or lw in ANON_HEADS):
            return None
    if lw in DETERMINERS or lw.endswith("s") or lw in ANON_HEADS or lw in TITLES:
        # a description: up to a comma, a relative pronoun or a time word
        j = 0
        while j < len(toks) and j < 14:
            t = toks[j][2]
            tl = t.lower()
            if t in (",", ";", ":", "(", ")", "“", "”", '"', "—", "–", ".") or tl in ("who", "which", "that",
                                                                                    "and", "but", "as", "when",
                                                                                    "because", "after", "before",
                                                                                    "while", "in", "on", "during",
                                                                                    "about", "to"):
                if tl in ("to", "in", "on") and j > 0 and toks[j - 1][2].lower() in ("close", "familiar", "near"):
                    j += 1
                    continue
                break
            if j > 0 and (tl in cue_words() or tl in BREAK or tl.endswith("ly") or tl in PAST_VERBS
                          or (j > 1 and tl.endswith("ed") and toks[j - 1][2].lower() not in DETERMINERS)):
                break
            if j > 0 and tl.rstrip(".") in TIME_WORDS and tl not in ("of", "with", "at", "for", "from", "this"):
                break
            j += 1
        if j == 0:
            return None
        # a name at the end of the description: "foreign ministry spokesman Lior Haiat"
        run = toks[:j]
        caps = [t for t in run if t[2][0].isupper()]
        if caps and run[-1][2][0].isupper() and run[-2:-1] and (run[-2][2].lower() in TITLES or run[-2][2][0].isupper()):
            # "foreign ministry spokesman Lior Haiat"
            q = len(run) - 1
            while q - 1 >= 0 and run[q - 1][2][0].isupper() and run[q - 1][2].lower() not in TITLES:
                q -= 1
            s, e = run[q][0], run[-1][1]
            if run[q - 1][2].lower() in TITLES if q > 0 else False:
                return Phrase(s, e, "name", view[s:e], org=looks_org(view[s:e]))
        s, e = run[0][0], run[-1][1]
        ph = _np_ending_at(view, run, len(run) - 1)
        if ph is not None and ph.start >= s:
            if ph.start > s and ph.kind == "nominal":
                ph = Phrase(s, ph.end, "nominal", view[s:ph.end], anonymous=ph.anonymous, org=ph.org)
            return ph
        return None
    return None


ROLE_WORDS = TITLES | ANON_HEADS | words("quotes", "role_words")
_OF_HEADS = words("quotes", "of_heads")


def _plain_word(tl: str) -> bool:
    return (tl not in BREAK and tl not in NP_PREPS and tl not in cue_words() and tl not in TIME_WORDS
            and tl not in DETERMINERS and tl not in PRONOUNS and tl.isalpha() and not (tl.endswith("ly") and len(tl) > 5))


def _role_then_name(toks: list[tuple[int, int, str]]) -> bool:
    """Lower-case role words followed by a capitalised name: "rally driver Dave Hawkins"."""
    for q in range(min(4, len(toks))):
        t = toks[q][2]
        if t[0].isupper():
            return q > 0 and name_word(t)
        if not _plain_word(t.lower()):
            return False
    return False


def _name_after(view: str, toks: list[tuple[int, int, str]]) -> Phrase | None:
    """A name after a verb, titles and roles cut off: "said Sen. Ted Cruz", "said Concord resident Whit Symms"."""
    seq = []  # (index, is_cap)
    j = 0
    n = len(toks)
    while j < n and j < 12:
        t = toks[j][2]
        tl = t.lower()
        if t[0].isupper() and not (j > 0 and tl.rstrip(".") in TIME_WORDS):
            seq.append((j, True))
        elif tl in ("de", "da", "van", "von", "der", "al", "bin", "le", "la", "du", "del", "&") \
                and j + 1 < n and toks[j + 1][2][0].isupper() and seq:
            seq.append((j, True))
        elif tl == "of" and seq and seq[-1][1] and j + 1 < n and toks[j + 1][2][0].isupper() \
                and bare(toks[j - 1][2]).rstrip(".") in _OF_HEADS:
            seq.append((j, True))
        elif t[0].islower() and _plain_word(tl) and (tl in ROLE_WORDS or _role_then_name(toks[j:])):
            seq.append((j, False))
        elif tl == "and" and seq and not seq[-1][1] and j + 1 < n and toks[j + 1][2][0].islower() \
                and _plain_word(toks[j + 1][2].lower()):
            seq.append((j, False))  # "founder and director Elliot Grove"
        elif t == "," and seq and not seq[-1][1] and toks[seq[-1][0]][2].lower() in ROLE_WORDS \
                and j + 1 < n and name_word(toks[j + 1][2]):
            seq.append((j, False))  # "EEF chief economist, Steve Radley"
        else:
            break
        if t[-2:] in ("’s", "'s"):
            break
        j += 1
    if not seq:
        return None
    # the last run of capitalised words is the name when roles stand before it
    end = len(seq)
    k = end
    while k > 0 and seq[k - 1][1]:
        k -= 1
    if k == end:
        # ends with lower-case words ("said Trump aides"): a description, or a name followed by nothing useful
        first_run = 0
        while first_run < end and seq[first_run][1]:
            first_run += 1
        if first_run == 0:
            return None
        if bare(toks[seq[end - 1][0]][2]) in ROLE_WORDS and first_run < end:
            return None  # "said Trump campaign officials": not a name
        run = toks[seq[0][0]:seq[first_run - 1][0] + 1]
    elif k > 0 and not any(c for _, c in seq[:k]) or k == 0 or toks[seq[k - 1][0]][2].lower() in ROLE_WORDS:
        run = toks[seq[k][0]:seq[end - 1][0] + 1]
    elif seq[k - 1][1] is False and not toks[seq[k - 1][0]][2].endswith(("ed", "s")) \
            and toks[seq[k - 1][0]][2] not in PAST_VERBS:
        run = toks[seq[k][0]:seq[end - 1][0] + 1]  # "Tory backbencher Edward Leigh"
    elif seq[0][1]:
        # "Cruz exhorted Republicans": the first run is the name
        first_run = 0
        while first_run < end and seq[first_run][1]:
            first_run += 1
        run = toks[seq[0][0]:seq[first_run - 1][0] + 1]
    else:
        return None
    while run and run[0][2].lower().rstrip(".") in TIME_WORDS:
        run = run[1:]
    if not run:
        return None
    name = strip_title(run)
    s, e = name[0][0], name[-1][1]
    txt = view[s:e]
    if " of " in txt and not looks_org(txt):
        # "Secretary of State John Kerry": keep what follows the last title word
        for q in range(len(name) - 1, -1, -1):
            if name[q][2].lower() in TITLES or name[q][2] == "State":
                if q + 1 < len(name):
                    s = name[q + 1][0]
                break
    e = _trim_possessive(view, s, e)
    if e <= s:
        return None
    txt = view[s:e]
    if txt.lower().rstrip(".") in TIME_WORDS or txt.lower() in NOT_NAME_START:
        return None
    return Phrase(s, e, "name", txt, org=looks_org(txt))
