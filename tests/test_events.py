"""Event clustering: synthetic corpora built through the real ingest, extract and link stages."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.events import clustering as E
from generator.events import describe, params, scoring
from generator.events import docs as event_docs
from generator.extract import extract
from generator.ingest import parse
from generator.link.actors import link
from generator.model import ArticleRecord

REPO = Path(__file__).resolve().parent.parent

# --- a small world of happenings; every text is made up for these tests -----------------------

DAM = [
    ("dam-reuters", "2031-05-06",
     "Valmora dam breach floods three villages\n\n"
     "The Orsolan dam at Valmora gave way early on Monday, flooding the villages of Tesk, Brano and Kulm "
     "and forcing 4,200 residents from their homes, regional governor Ilse Margraf said. Rescue teams "
     "from the Karsten Civil Protection Agency pulled 37 people from rooftops in Tesk. Margraf said "
     "engineers had warned in March that the spillway of the Orsolan dam was cracked. The agency said "
     "two people were missing near Brano."),
    ("dam-afp", "2031-05-06",
     "Thousands flee as Orsolan dam collapses in Valmora\n\n"
     "More than 4,000 people fled their homes in Valmora on Monday after the Orsolan dam burst and "
     "water swept through Tesk, Brano and Kulm, governor Ilse Margraf told reporters. The Karsten "
     "Civil Protection Agency said its boats rescued dozens of villagers stranded on rooftops in Tesk "
     "and that two residents of Brano were missing. Margraf said a cracked spillway had been reported "
     "in March."),
    ("dam-probe", "2031-05-08",
     "Prosecutors open inquiry into Orsolan dam collapse\n\n"
     "Prosecutors in Valmora opened a criminal inquiry on Wednesday into the collapse of the Orsolan "
     "dam, which flooded Tesk, Brano and Kulm on Monday. Governor Ilse Margraf said the operator had "
     "ignored warnings in March about a cracked spillway. The Karsten Civil Protection Agency said the "
     "two residents of Brano reported missing had been found alive."),
]
OTHERS = [
    ("chess", "2031-05-06",
     "Petrova wins Lindau chess open\n\n"
     "Grandmaster Dana Petrova won the Lindau chess open on Monday, beating Oskar Halvard in a "
     "ninety-move final game. Petrova, 19, finished with eight points from nine rounds and takes home "
     "the Lindau trophy. Halvard said the endgame was the hardest he had played."),
    ("budget", "2031-05-07",
     "Norland parliament passes austerity budget\n\n"
     "The Norland parliament approved the austerity budget of finance minister Piet Aalders on Tuesday "
     "by 81 votes to 74. The budget cuts pensions by two percent and raises the tax on fuel. Opposition "
     "leader Greta Sjoberg called the vote a betrayal of pensioners."),
    ("comet", "2031-05-07",
     "Astronomers spot bright comet near Jupiter\n\n"
     "Astronomers at the Hallstrom observatory said on Tuesday they had found a bright comet passing "
     "close to Jupiter. The comet, named Hallstrom-3, will be visible with binoculars in June, "
     "observatory director Maren Lund said. Its tail is already longer than the Moon is wide."),
    ("merger", "2031-05-06",
     "Brightwater and Oakes agree shipping merger\n\n"
     "The shipping groups Brightwater and Oakes Marine agreed on Monday to merge in a deal worth 2.4 "
     "billion crowns, chief executive Tomas Berg said. The combined company will run 140 container "
     "ships from the port of Haldis. Regulators in Norland must still approve the merger."),
]


def corpus_of(items: list[tuple[str, str | None, str]]):
    """Corpus from (name, ISO date or None, text): front matter carries the date, as the scorer writes it."""
    records = []
    for name, day, text in items:
        raw = (f"---\ndate: {day}\n---\n" if day else "") + text
        article = parse(f"{name}.md", raw)
        records.append(ArticleRecord(article, extract(article)))
    return link(records)


def groups(events) -> set[frozenset[str]]:
    return {frozenset(e.articles) for e in events}


def test_reports_of_one_happening_form_one_event_and_the_rest_stay_single():
    corpus = corpus_of(DAM + OTHERS)
    evs = E.cluster(corpus)
    assert groups(evs) == {frozenset({"dam-reuters", "dam-afp", "dam-probe"}), frozenset({"chess"}),
                           frozenset({"budget"}), frozenset({"comet"}), frozenset({"merger"})}
    dam = next(e for e in evs if len(e.articles) == 3)
    # ordered by publication date, then slug
    assert dam.articles == ["dam-afp", "dam-reuters", "dam-probe"]
    # the happening is Monday 2031-05-05, named in the leads ("on Monday"), not the publication day
    assert dam.date == "2031-05-05"
    assert any(x.startswith("shared actors:") and "Ilse Margraf" in x for x in dam.evidence)
    assert any("2031-05-06..2031-05-08" in x for x in dam.evidence)
    assert all(len(e.articles) == 1 and e.evidence[0].startswith("one article") for e in evs if e is not dam)


def test_same_kind_of_happening_elsewhere_or_later_is_another_event():
    # another dam failure, months later and in another region: same words, different happening
    later = ("dam-later", "2031-09-15",
             "Dam breach floods villages in Estra\n\n"
             "The Lenne dam in Estra gave way on Monday, flooding two villages and forcing 900 residents "
             "from their homes, governor Paul Adair said. Rescue teams pulled 12 people from rooftops. "
             "Adair said engineers had warned in June that the spillway was cracked.")
    evs = E.cluster(corpus_of(DAM + OTHERS + [later]))
    assert frozenset({"dam-later"}) in groups(evs)
    assert frozenset({"dam-reuters", "dam-afp", "dam-probe"}) in groups(evs)


PEOPLE = ["Anselm Brecht", "Carola Dunmore", "Edgar Finnvik", "Greta Holloway", "Ivo Jankowski", "Jorun Kellet",
          "Lasse Morrow", "Nadia Okafor", "Orla Pennick", "Quentin Rask", "Rhea Sandoval", "Stig Thorne"]
TOWNS = ["Aldmere", "Bracken", "Corvale", "Dunhallow", "Eskby", "Fernmoor", "Galloway Cross", "Hesketh",
         "Ivybridge", "Juniper Bay", "Kilnsea", "Lowick"]


UNRELATED = [
    ("Aldmere opens a new library", "The town of Aldmere opened its new public library on Monday, with 40,000 "
     "books and a roof garden, librarian Anselm Brecht said."),
    ("Bracken harbour closes to coal ships", "Coal ships will no longer unload at Bracken after the port board "
     "voted to close the coal quay, harbour master Carola Dunmore announced."),
    ("Corvale bans fireworks after fires", "Fireworks are banned in Corvale for the rest of the dry season "
     "following three grass fires near the ring road, fire chief Edgar Finnvik said."),
    ("Parking fees double in Dunhallow", "Drivers in Dunhallow will pay twice as much to park from July, as "
     "the town tries to cut traffic in its medieval centre, treasurer Greta Holloway said."),
    ("Volunteers plant trees along the Esk", "Some 600 volunteers planted ten thousand oaks and alders along "
     "the river Esk over the weekend, organiser Ivo Jankowski said."),
    ("Fernmoor sells its old town hall", "A hotel group bought the old Fernmoor town hall for 3.1 million "
     "crowns and plans a spa in the former courtroom, estate agent Jorun Kellet said."),
    ("Hesketh buys electric buses", "Hesketh ordered eighteen electric buses from the Varna works to replace "
     "its diesel fleet by next spring, transport chief Lasse Morrow said."),
    ("River bridge at Ivybridge reopens", "The stone bridge at Ivybridge reopened to cars after two years of "
     "repairs to its cracked arches, engineer Nadia Okafor said."),
    ("Ski jump rises above Kilnsea", "Builders finished a 90-metre ski jump above Kilnsea, where the junior "
     "championship will be held in January, coach Orla Pennick said."),
    ("Lowick hospital hires nurses", "Lowick hospital hired forty nurses from the Tamsin academy to reopen "
     "its night ward, director Quentin Rask said."),
]


def test_unrelated_articles_are_all_singletons():
    # ten reports of one week on local affairs: the same kind of news, different happenings
    items = [(f"local-{k}", f"2031-06-{k % 7 + 1:02d}", f"{title}\n\n{body}")
             for k, (title, body) in enumerate(UNRELATED)]
    evs = E.cluster(corpus_of(items))
    assert len(evs) == 10 and all(len(e.articles) == 1 for e in evs)


def test_a_chain_of_resemblances_does_not_make_a_catch_all_event():
    # article k shares its specifics with k-1 and k+1 only: single-link would chain all ten
    items = []
    for k in range(10):
        a, b = PEOPLE[k], PEOPLE[k + 1]
        items.append((f"chain-{k}", "2031-07-01",
                      f"{a} and {b} sign accord in {TOWNS[k]}\n\n"
                      f"{a} and {b} signed an accord in {TOWNS[k]} on Monday. {a} said the accord with "
                      f"{b} ended a long quarrel over {TOWNS[k + 1]}. {b} thanked {a} and the people of "
                      f"{TOWNS[k + 1]}."))
    evs = E.cluster(corpus_of(items))
    # single-link would chain all ten; average-link needs each group to hold together as a whole
    assert max(len(e.articles) for e in evs) <= 5 and len(evs) >= 3


def test_undated_rewrite_joins_its_event_but_an_undated_related_report_does_not():
    rewrite = ("dam-undated", None,
               "The Orsolan dam at Valmora gave way on Monday, flooding the villages of Tesk, Brano and "
               "Kulm and forcing 4,200 residents from their homes, regional governor Ilse Margraf said. "
               "Rescue teams from the Karsten Civil Protection Agency pulled 37 people from rooftops in Tesk. "
               "Margraf said engineers had warned in March that the spillway of the Orsolan dam was cracked. "
               "The agency said two people were missing near Brano.")
    aid = ("dam-aid", None,
           "Donors pledge aid to Valmora\n\n"
           "Donor countries pledged 30 million crowns to rebuild Tesk, Brano and Kulm after the flood, "
           "governor Ilse Margraf said on Friday. The money will pay for new homes and a new bridge.")
    corpus = corpus_of(DAM + OTHERS + [rewrite, aid])
    evs = E.cluster(corpus)
    dam = next(e for e in evs if "dam-reuters" in e.articles)
    assert "dam-undated" in dam.articles          # a retelling of one dated report
    assert frozenset({"dam-aid"}) in groups(evs)   # same story, another step, no date: left alone
    assert dam.articles[-1] == "dam-undated"       # undated articles come last
    inferred = E.infer_published(evs, corpus.records)
    day, evidence = inferred["dam-undated"]
    assert day == "2031-05-05"  # "on Monday", resolved against the first dated report (2031-05-06)
    assert any("Monday" in x for x in evidence)
    assert "dam-aid" not in inferred  # its event has no dated article: no evidence, no date


def test_two_undated_articles_need_near_identical_text():
    a = ("a", None, OTHERS[3][2])
    b = ("b", None, OTHERS[3][2].replace("Monday", "Tuesday"))
    c = ("c", None, "Brightwater and Oakes merger approved\n\nRegulators in Norland approved the merger of "
                    "Brightwater and Oakes Marine on Friday, chief executive Tomas Berg said. The combined "
                    "company will run 140 container ships from Haldis.")
    evs = E.cluster(corpus_of([a, b, c] + OTHERS[:3]))
    assert frozenset({"a", "b"}) in groups(evs)
    assert frozenset({"c"}) in groups(evs)


def test_ids_are_slugs_of_titles_and_stable_when_unrelated_articles_are_added():
    before = E.cluster(corpus_of(DAM + OTHERS))
    extra = ("weather", "2031-05-07",
             "Heatwave grips Lindau\n\nTemperatures in Lindau reached 38 degrees on Tuesday, the highest "
             "May reading since records began, the weather service said.")
    after = E.cluster(corpus_of(DAM + OTHERS + [extra]))
    ids_before = {frozenset(e.articles): e.id for e in before}
    ids_after = {frozenset(e.articles): e.id for e in after}
    for arts, eid in ids_before.items():
        assert ids_after[arts] == eid
    for e in after:
        assert e.id == describe.id_base(e.title) and len(e.id) <= 60
    dam = next(e for e in after if len(e.articles) == 3)
    assert dam.title in {"Valmora dam breach floods three villages", "Thousands flee as Orsolan dam collapses in Valmora",
                         "Prosecutors open inquiry into Orsolan dam collapse"}


def test_same_title_events_get_their_date_appended():
    t1 = ("x1", "2031-01-10", "Storm hits coast\n\nA storm hit the coast of Aland on Sunday, cutting power to "
                              "12,000 homes around Marsvik, the utility Nordkraft said.")
    t2 = ("x2", "2031-03-02", "Storm hits coast\n\nA storm with hail struck the Brevik peninsula on "
                              "Saturday and closed the ferry to Holm, harbour master Sven Tell said.")
    evs = E.cluster(corpus_of([t1, t2]))
    assert sorted(e.id for e in evs) == ["storm-hits-coast", "storm-hits-coast-2031-03-01"]


def test_related_events_share_specific_actors():
    corpus = corpus_of(DAM + OTHERS + [
        ("dam-visit", "2031-06-20",
         "Margraf opens rebuilt Tesk school\n\nGovernor Ilse Margraf opened the rebuilt school in Tesk on "
         "Friday, six weeks after the Orsolan dam flood. The Karsten Civil Protection Agency helped move "
         "the pupils back.")])
    evs = E.cluster(corpus)
    rel = E.related(evs, corpus)
    dam = next(e for e in evs if len(e.articles) == 3)
    visit = next(e for e in evs if e.articles == ["dam-visit"])
    assert visit.id in rel[dam.id] and dam.id in rel[visit.id]
    chess = next(e for e in evs if e.articles == ["chess"])
    assert rel[chess.id] == []


@pytest.fixture(scope="module")
def samples():
    from generator.build import Report, load

    records = load(REPO / "content", Report())
    corpus = link(records)
    return corpus, E.cluster(corpus)


def test_sample_articles_cluster_as_reported(samples):
    corpus, evs = samples
    by_prefix = {s[:3]: s for r in corpus.records for s in [r.slug]}
    assert groups(evs) == {frozenset({by_prefix["000"], by_prefix["001"], by_prefix["002"]}),
                           frozenset({by_prefix["003"]}), frozenset({by_prefix["004"]})}
    recall = next(e for e in evs if len(e.articles) == 3)
    # the recall was announced "on Saturday": the Saturday before the first dated report (Friday 2023-11-10)
    assert recall.date == "2023-11-04"
    # dated reports first, the undated one last
    assert recall.articles == [by_prefix["002"], by_prefix["000"], by_prefix["001"]]
    assert any("Recep Tayyip Erdogan" in x and "Benjamin Netanyahu" in x for x in recall.evidence)


def test_sample_undated_article_gets_a_publication_date_with_evidence(samples):
    corpus, evs = samples
    inferred = E.infer_published(evs, corpus.records)
    slug = next(r.slug for r in corpus.records if r.slug.startswith("001"))
    day, evidence = inferred[slug]
    assert day == "2023-11-04"
    assert any("Saturday" in x for x in evidence) and any("2023-11-10" in x for x in evidence)
    # the other undated samples are alone in their events: nothing to date them by
    assert set(inferred) == {slug}


def test_cli_prints_one_event_per_line_with_file_paths(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, day, text in DAM + OTHERS[:2]:
        (folder / f"{name}.md").write_text(f"---\ndate: {day}\n---\n{text}", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator.cli", "events", "--json", str(folder)],
                         capture_output=True, text=True, cwd=REPO, check=True)
    lines = [json.loads(x) for x in out.stdout.splitlines() if x.strip()]
    assert len(lines) == 3
    for obj in lines:
        assert set(obj) >= {"id", "title", "date", "articles", "evidence"}
        assert all(Path(p).parent == folder for p in obj["articles"])
    dam = next(o for o in lines if len(o["articles"]) == 3)
    assert sorted(Path(p).stem for p in dam["articles"]) == ["dam-afp", "dam-probe", "dam-reuters"]


def test_events_cover_every_article_once_and_are_deterministic():
    corpus = corpus_of(DAM + OTHERS)
    a = E.cluster(corpus)
    b = E.cluster(corpus_of(DAM + OTHERS))
    assert [(e.id, e.articles) for e in a] == [(e.id, e.articles) for e in b]
    slugs = [s for e in a for s in e.articles]
    assert sorted(slugs) == sorted(r.slug for r in corpus.records)


# --- the second stage: groups that tell one story -------------------------------------------------

def _story_groups(core_weight: float, days_b: list[int], lone: bool = False):
    """Two groups of four reports: each report has the story's core (three terms), its group's angle
    (two terms) and words of its own (six).  Hand-made unit vectors, so the scores are known."""
    from datetime import date

    def doc(day: int, terms: dict[str, float]):
        norm = sum(v * v for v in terms.values()) ** 0.5
        return event_docs.Doc(rec=None, pub=date(2031, 8, day), lead_end=0, source=None,
                      vec={t: v / norm for t, v in terms.items()})

    def group(tag: str, days: list[int]):
        out = []
        for k, day in enumerate(days):
            terms = dict.fromkeys(("kessel", "dravik", "lom"), core_weight)
            terms.update({f"{tag}-angle{a}": 0.7 for a in range(2)})
            terms.update({f"{tag}{k}-own{u}": 1.3 for u in range(6)})
            out.append(doc(day, terms))
        return out

    docs = group("collapse", [4, 4, 4, 5]) + group("inquiry", days_b)
    if lone:  # a single later report with the same core and its own angle
        docs.append(doc(7, {**dict.fromkeys(("kessel", "dravik", "lom"), core_weight),
                            **{f"lone-own{u}": 1.3 for u in range(8)}}))
    scores = {(i, j): scoring.score_pair(docs[i], docs[j]) for i in range(len(docs)) for j in range(i + 1, len(docs))}
    return docs, scores


def test_groups_telling_one_story_over_days_merge_in_the_second_stage():
    docs, scores = _story_groups(0.8, [6, 6, 7, 7])
    cross = [scores[(i, j)] for i in range(4) for j in range(4, 8)]
    first = E._average_link(docs, scores)
    # report by report, the collapse and the inquiry are too unlike to be merged ...
    assert sum(cross) / len(cross) < params.THRESHOLD
    assert first == [[0, 1, 2, 3], [4, 5, 6, 7]]
    # ... but what each group's reports have in common, the story's core, is the same
    assert E._merge_stories(docs, first, scores) == [list(range(8))]


def test_second_stage_keeps_apart_weak_cores_distant_groups_and_lone_reports():
    docs, scores = _story_groups(0.7, [6, 6, 7, 7])  # less of the story in common
    first = E._average_link(docs, scores)
    assert len(first) == 2 and E._merge_stories(docs, first, scores) == first
    docs, scores = _story_groups(0.8, [20, 20, 21, 21])  # a similar story two weeks later
    first = E._average_link(docs, scores)
    assert E._merge_stories(docs, first, scores) == [[0, 1, 2, 3], [4, 5, 6, 7]]
    docs, scores = _story_groups(0.8, [6, 6, 7, 7], lone=True)  # a single report is judged by the first stage
    first = E._average_link(docs, scores)
    assert [8] in first and [8] in E._merge_stories(docs, first, scores)


# --- participants: two reports of one happening name at least one of its actors ----------------------

EARNINGS = [
    ("earn-halden", "2031-10-27",
     "Halden Steelworks profit falls as carmakers cut orders\n\n"
     "Halden Steelworks said on Monday that its third-quarter net income fell 22 percent to 41 million crowns, "
     "as carmakers ordered less sheet steel and the price of coke rose. Chief executive Ruben Ostrova said the "
     "blast furnace at Vellinge would close for repairs in January. The quarterly dividend is unchanged. "
     "Shares of the company rose slightly on the Ostby exchange."),
    ("earn-marlow", "2031-10-27",
     "Marlow Chemicals quarterly earnings slip\n\n"
     "Marlow Chemicals posted a 18 percent drop in third-quarter net income, to 63 million crowns, citing weak "
     "demand for plastics from toy makers and a strike at its Kessby plant, finance director Elin Brask said. "
     "The board kept the quarterly dividend. Marlow shares fell 3 percent on the Ostby exchange after "
     "analysts had expected better earnings."),
]
EARNINGS_FOLLOW_UP = (
    "earn-halden-wire", "2031-10-28",
    "Vellinge furnace to close as Halden Steelworks earnings drop\n\n"
    "Halden Steelworks will shut its Vellinge blast furnace for repairs in January after third-quarter net "
    "income dropped 22 percent, chief executive Ruben Ostrova told analysts on Monday. Carmakers have cut "
    "their orders of sheet steel, he said.")


def test_same_kind_of_report_on_other_participants_is_another_event():
    # two firms' quarterly results on one day share a subject's words, not a participant
    corpus = corpus_of(EARNINGS + DAM + OTHERS)
    docs = {d.rec.slug: d for d in event_docs.make_docs(corpus.records)}
    a, b = docs["earn-halden"], docs["earn-marlow"]
    assert not a.participants & b.participants
    assert params.THRESHOLD < scoring.text_score(a, b) < params.NO_PARTICIPANT_BAR and scoring.score_pair(a, b) == 0.0
    assert {frozenset({"earn-halden"}), frozenset({"earn-marlow"})} <= groups(E.cluster(corpus))
    # another report of Halden's results names its participants and joins it
    evs = E.cluster(corpus_of(EARNINGS + [EARNINGS_FOLLOW_UP] + DAM + OTHERS))
    assert frozenset({"earn-halden", "earn-halden-wire"}) in groups(evs)
    assert frozenset({"earn-marlow"}) in groups(evs)


def test_day_penalty_grows_faster_than_the_gap():
    pen = [scoring.day_penalty(d) for d in range(8)]
    assert pen[0] == pen[1] == 0.0 and pen[2] == pytest.approx(params.DAY_PENALTY)
    steps = [b - a for a, b in zip(pen[1:], pen[2:])]
    assert all(later > earlier for earlier, later in zip(steps, steps[1:]))
    # a resemblance that makes reports a day apart one event does not five days apart
    assert 0.3 - pen[1] >= params.THRESHOLD > 0.3 - pen[5]


def test_events_cli_extracts_many_files_in_parallel_like_one_at_a_time(tmp_path):
    """Enough files for the process pool: its result (and the cache it fills) is the serial one's."""
    from generator.build import Report, load
    from generator.build.cache import Cache
    from generator.build.read import PARALLEL_MIN

    def load_paths(paths, cache, workers):
        return load(tmp_path, Report(), cache=cache, workers=workers, entries=([Path(p) for p in paths], []))

    folder = tmp_path / "in"
    folder.mkdir()
    items = (DAM + OTHERS) * (PARALLEL_MIN // len(DAM + OTHERS) + 1)
    for k, (name, day, text) in enumerate(items):
        (folder / f"{k:03d}-{name}.md").write_text(f"---\ndate: {day}\n---\n{text}", encoding="utf-8")
    paths = sorted(str(p) for p in folder.iterdir())
    assert len(paths) >= PARALLEL_MIN
    many = load_paths(paths, Cache(tmp_path / "cache"), workers=2)
    one = load_paths(paths, None, workers=1)
    assert [(r.slug, r.extraction.actors, r.extraction.dates) for r in many] == \
           [(r.slug, r.extraction.actors, r.extraction.dates) for r in one]
    again = Cache(tmp_path / "cache")
    assert [(r.slug, r.extraction.actors) for r in load_paths(paths, again, workers=2)] == \
           [(r.slug, r.extraction.actors) for r in one]
    assert again.hits == len(paths) and again.misses == 0


def test_top_keys_are_the_heaviest_terms_with_ties_by_term():
    from generator.events.docs import _top_keys

    vec = {"m": 0.5, "b": 0.2, "a": 0.2, "z": 0.9, "c": 0.2, "y": 0.1}
    assert _top_keys(vec, 3) == ["z", "m", "a"]  # ties at the cut go by term
    assert _top_keys(vec, 5) == ["z", "m", "a", "b", "c"]
    assert _top_keys(vec, 10) == ["z", "m", "a", "b", "c", "y"]
    assert _top_keys({}, 3) == []


def test_weight_tables_are_the_idf_tables_over_all_and_over_dated_documents():
    """events.make_docs weighs terms with vectors.weight_tables, one pass over the vocabulary; it must
    give exactly what idf_table gives over all documents and over the dated ones."""
    import random
    from collections import Counter

    from generator.events.vectors import idf_table, weight_tables

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(300)]
    for n_dated in (0, 1, 25, 40):
        docs = [set(rng.sample(vocab, rng.randint(1, 30))) for _ in range(40)]
        dated, undated = docs[:n_dated], docs[n_dated:]
        df, undated_df = Counter(), Counter()
        for d in docs:
            df.update(d)
        for d in undated:
            undated_df.update(d)
        idf, unseen = idf_table(docs)
        dated_idf = idf_table(dated)[0] if dated else {}
        weight, dated_weight, unseen2 = weight_tables(df, undated_df, len(docs), n_dated, 0.5)
        assert unseen2 == unseen
        assert weight == {w: x * (1.0 if df[w] > 1 else 0.5) for w, x in idf.items()}
        assert dated_weight == {w: dated_idf.get(w, x) * (1.0 if df[w] > 1 else 0.5) for w, x in idf.items()}
