"""Direct quotations and their speakers.

1. Quotation spans come from pairing the marks (``marks``): curly and
   straight double quotes, single quotes outside them, quotations split by
   their attribution, quotations running over several paragraphs (one span
   from the first opening to the last closing mark).  Every quoted span is
   returned, scare quotes and titles too (the PolNeAR gold counts them); those
   without a speaker in reach get none.
2. Each quotation's speaker is looked for, in this order:
   - right after it in its sentence ("…,” said X / “…,” X said / according to X);
   - before it in its sentence (X said: “…” / X called it a “…” / X: “…”);
   - the quotation just before it in the same sentence ("… a “war criminal” and seeking to “eradicate” …");
   - the previous quotation of the paragraph ("…,” he said. “…”), a cue in the
     sentence before it, or, for a paragraph that opens with a quotation, the
     speaker of the paragraph before (a speaker who goes on talking);
   - the subject of its sentence when that is a name ("Trump’s “excesses” …").
3. Speaker phrases (``speakers``) are names (titles cut off: "Sen. Ted
   Cruz" -> "Ted Cruz", the title kept as ``speaker_description``), pronouns or
   descriptions.  he/she go to the likeliest person before them (near, named
   with evidence, heading its sentence, an earlier speaker, gender compatible),
   it/they to an organisation, they also to a group ("Hundreds of
   demonstrators"); "the former secretary of state" to the person named before.
   Descriptions naming nobody ("a source close to the dossier", "officials")
   are anonymous speakers.  Actor mentions, when given, supply the spans.

The modules, each importing only those listed before it: ``marks`` (quotation spans), ``speakers`` (speaker
phrases), ``doc`` (the per-article state: sentences, candidates, pronoun resolution), ``attribution`` (the
speaker of one quotation from its context) and this one (the driver, from spans to ``Quote`` records).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...model import ActorMention, Quote
from ..wordlists import words
from .attribution import (
    WORD,
    from_after,
    from_before,
    group_before,
    person_description,
    previous_subject,
    role,
    subject,
    whole_sentences,
)
from .doc import Doc
from .marks import double_spans, single_spans
from .speakers import ANON_HEADS, Phrase, bare, cue_words, looks_place

_SINGULAR_PEOPLE = words("quotes", "singular_people")
_TWO_MARKS = re.compile(r"''|``")


def extract_quotes(view: str, actors: list[ActorMention]) -> list[Quote]:
    """Every quotation in the text view; the speaker span points at a name (an actor mention when one fits)."""
    if not view:
        return []
    if "''" in view or "``" in view:
        original = view
        quotes = _extract(_normalise_marks(view), actors)
        return [_reslice(q, original) for q in quotes]
    return _extract(view, actors)


def _normalise_marks(view: str) -> str:
    """'' and `` used as double quotation marks (newswire style) become one double mark and a space, so the
    text keeps its length and offsets: ''Yes,'' he said -> ' "Yes," ' he said."""
    chars = list(view)
    for m in _TWO_MARKS.finditer(view):
        i = m.start()
        before = view[i - 1] if i > 0 else "\n"
        if m.group() == "``" or before.isspace() or before in "([{\u2014-":
            chars[i], chars[i + 1] = " ", "\u201c" if m.group() == "``" else '"'
        else:
            chars[i], chars[i + 1] = '"', " "
    return "".join(chars)


def _reslice(q: Quote, view: str) -> Quote:
    text = view[q.start:q.end]
    spk = view[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None
    return replace(q, text=text, speaker_text=spk)


def _extract(view: str, actors: list[ActorMention]) -> list[Quote]:
    dspans = double_spans(view)
    pairs = [(o, c) for o, c, _ in dspans]
    sspans = single_spans(view, pairs)
    spans = sorted(pairs + sspans)
    doc = Doc(view, actors, spans)
    out: list[Quote] = []
    prev_q: dict | None = None  # the previous quotation's attribution
    for n, (o, c) in enumerate(spans):
        qs, qe = o + 1, c
        ls, le = doc.line_bounds(o)
        prev_close = spans[n - 1][1] + 1 if n > 0 else 0
        next_open = spans[n + 1][0] if n + 1 < len(spans) else len(view)
        # before-context: from the sentence start (or the previous quotation) to the opening mark
        sstart = doc.sentence_start(o, ls)
        bstart = max(sstart, prev_close) if prev_close > ls else sstart
        # after-context: to the end of the sentence or the next quotation
        cl_line_e = doc.line_bounds(c)[1]
        aend = min(doc.sentence_end(c + 1, cl_line_e), next_open)
        res = from_after(doc, c + 1, aend, view[qs:qe]) or from_before(doc, bstart, o)
        if res is None and prev_q is not None:
            same_sentence = prev_q["line"] == ls and sstart <= prev_q["close"] < o
            if same_sentence or (prev_q["line"] == ls and not re.search(r"[A-Za-z]", view[sstart:o])):
                res = prev_q["res"]  # “…,” he said. “…”
            elif ls != prev_q["line"] and sstart == ls and prev_q["res"] is not None \
                    and _quote_paragraph(view, prev_q["line"], ls):
                res = prev_q["res"]  # a paragraph that goes on quoting the same speaker
        if res is None:
            # a cue in the sentences before it in the paragraph ("Edwards said he was happy. “…”")
            lo = max(ls, prev_close)
            if sstart > lo and not re.search(r"[A-Za-z]", view[sstart:o]):
                j = sstart - 1
                while j > lo and view[j].isspace():
                    j -= 1
                psent = doc.sentence_start(j, lo)
                r2 = from_before(doc, psent, sstart)
                if r2 and r2[0] is not None and not (r2[1] or "").lower().endswith("ing"):
                    res = r2
            if res is None and sstart == ls and ls > 0:
                # the paragraph before ends with "… said:" or holds the speaker's cue
                pls, ple = doc.line_bounds(max(0, ls - 2))
                while pls > 0 and not view[pls:ple].strip():
                    pls, ple = doc.line_bounds(max(0, pls - 2))
                tail = view[pls:ple].rstrip()
                psent = doc.sentence_start(max(pls, pls + len(tail) - 1), pls)
                if tail.endswith(":"):
                    r2 = from_before(doc, psent, pls + len(tail))
                    if r2:
                        res = r2
                elif tail and not any(ch in view[psent:ple] for ch in "\"\u201c\u201d"):
                    # "Mr Smith said the ruling was unfair.\n\n“We will appeal.”": the speaker goes on
                    r2 = from_before(doc, psent, pls + len(tail)) if whole_sentences(view, qs, qe) else None
                    if r2 and r2[0].kind in ("name", "pronoun") and r2[1] and r2[1].lower() in cue_words() \
                            and not r2[1].lower().endswith("ing"):
                        res = r2
        if res is None and re.search(r"[A-Za-z]", view[bstart:o]) and bstart == sstart:
            # a quotation inside a sentence with no cue: the words are the subject's
            ph0 = subject(doc, sstart, o)
            if ph0 is not None and (ph0.kind != "nominal" or ph0.anonymous and bare(ph0.text.split()[-1]) in ANON_HEADS) \
                    and not looks_place(ph0.text) and (ph0.kind != "name" or ph0.start != sstart
                                                       or doc.proper_name(ph0)):
                res = (ph0, None)
        if res is None and prev_q is not None and prev_q["line"] == ls and prev_q["res"] is not None:
            res = prev_q["res"]  # the speaker goes on ("That makes her “by definition …”")
        if res is None and sstart > ls and bstart == sstart and not view[sstart:o].strip() \
                and whole_sentences(view, qs, qe):
            # "Mauresmo spent five weeks at number one. “Since then, I feel …”": the person just written about
            ph0 = previous_subject(doc, ls, sstart)
            if ph0 is not None:
                res = (ph0, None)
        ph, cue = (res if res else (None, None))
        q = _make_quote(doc, qs, qe, ph, cue, view[bstart:o], o)
        if q is not None:
            out.append(q)
        prev_q = {"line": doc.line_bounds(c)[0], "close": c, "res": res}
    return out


def _quote_paragraph(view: str, prev_line: int, ls: int) -> bool:
    """Whether the paragraph just before ls is the one holding the previous quotation."""
    s = view.rfind("\n", 0, max(0, ls - 1))
    while s > 0 and not view[s + 1:ls].strip():
        s = view.rfind("\n", 0, s)
    return s + 1 <= prev_line


def _is_partial(view: str, qs: int, qe: int, before: str) -> bool:
    text = view[qs:qe].lstrip()
    if not text:
        return True
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"'\u2018\u201c(["):
        return True
    b = before.rstrip()
    if not b:
        return False
    if b[-1] in ",:\u2014\u2013-":
        return False
    last = WORD.findall(b[-30:])
    if last and last[-1].lower() in cue_words():
        return False
    if re.search(r"\b(?:that|as|a|an|the|of|to|is|was|be|called|calling)$", b):
        return True
    return True


def _make_quote(doc: Doc, qs: int, qe: int, ph: Phrase | None, cue: str | None, before: str, o: int) -> Quote | None:
    v = doc.view
    text = v[qs:qe]
    if not text.strip():
        return None
    partial = _is_partial(v, qs, qe, before)
    if ph is None:
        return Quote(qs, qe, text, partial=partial, cue=cue)
    if ph.kind == "pronoun":
        r = None
        if ph.text.lower() in ("it", "they", "he", "she"):
            # the subject of the sentence, when it is a name before the pronoun ("Turkey … what it calls …")
            ss = doc.sentence_start(ph.start, doc.line_bounds(ph.start)[0], skip_quotes=True)
            # only the words before any quotation in that sentence ("Fallon fired back: “…,” he wrote")
            mark = re.search("[\"\u201c\u201d\u2018]", doc.view[ss:ph.start])
            stop = ss + mark.start() if mark else ph.start
            subj = subject(doc, ss, stop) if ss < stop else None
            if subj is not None and subj.kind == "name" and subj.end <= ph.start:
                he_she = ph.text.lower() in ("he", "she")
                person = not subj.org and not looks_place(subj.text) and (
                    doc.strong_person(subj.start, subj.text)
                    or he_she and len(subj.text.split()) == 1 and doc.proper_name(subj))
                wrong_gender = he_she and person and not doc.gender_ok(subj.start, subj.text, ph.text.lower())
                if not wrong_gender and (he_she == person or (ph.text.lower() == "they" and subj.org)):
                    r = subj.start, subj.end, subj.text
        if r is None:
            r = doc.resolve(ph, ph.start)
        if r is None and ph.text.lower() == "they":
            # "Protesters gathered … “No justice,” they chanted": a group described before
            group = group_before(doc, ph.start)
            if group is not None:
                return Quote(qs, qe, text, partial=partial, speaker_start=group.start, speaker_end=group.end,
                             speaker_text=group.text, cue=cue, anonymous=group.anonymous,
                             speaker_description=group.text)
        if r is None:
            return Quote(qs, qe, text, partial=partial, speaker_start=ph.start, speaker_end=ph.end,
                         speaker_text=ph.text, cue=cue, speaker_description=ph.text)
        s, e, t = r
        sp = doc.speaker_at(s, e)
        if sp is not None and sp.anonymous:
            return Quote(qs, qe, text, partial=partial, speaker_start=s, speaker_end=e, speaker_text=t, cue=cue,
                         anonymous=True, speaker_description=t)
        a = doc.actor_in(s, e)
        if a is not None:
            s, e, t = a.start, a.end, a.text
        return Quote(qs, qe, text, partial=partial, speaker_start=s, speaker_end=e, speaker_text=t, cue=cue,
                     speaker_description=ph.text)
    if ph.kind == "nominal" and not ph.anonymous and person_description(ph.text):
        # "the Ballymena-born actor said": the person named before, the description kept
        r = doc.resolve(Phrase(ph.start, ph.end, "pronoun", "he"), ph.start)
        if r is not None:
            s, e, t = r
            a = doc.actor_in(s, e)
            if a is not None:
                s, e, t = a.start, a.end, a.text
            return Quote(qs, qe, text, partial=partial, speaker_start=s, speaker_end=e, speaker_text=t, cue=cue,
                         speaker_description=ph.text)
    if ph.kind == "nominal" and ph.anonymous:
        if bare(ph.text.split(" of ")[0].split(" for ")[0].split()[-1]) in _SINGULAR_PEOPLE:
            doc.add_speaker(ph)  # "a spokesman for the BPI said … “…,” he added"
        return Quote(qs, qe, text, partial=partial, speaker_start=ph.start, speaker_end=ph.end,
                     speaker_text=ph.text, cue=cue, anonymous=True, speaker_description=ph.text)
    s, e, t = ph.start, ph.end, ph.text
    if ph.kind == "name" or ph.org:
        doc.add_speaker(ph)  # an organisation ("the company said") is an antecedent for a later "it said"
    a = doc.actor_in(s, e)
    if a is not None:
        s, e, t = a.start, a.end, a.text
    desc = ph.text if ph.kind == "nominal" else role(v, ph)
    return Quote(qs, qe, text, partial=partial, speaker_start=s, speaker_end=e, speaker_text=t, cue=cue,
                 speaker_description=desc)
