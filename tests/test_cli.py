"""``briefing extract --json`` follows the shared/eval contract."""
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=REPO, capture_output=True, text=True)


def test_extract_json_contract():
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "content/articles").iterdir())
    out = run("extract", "--json", *files)
    assert out.returncode == 0, out.stderr
    objs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [o["file"] for o in objs] == files
    for o, f in zip(objs, files):
        raw = (REPO / f).read_text(encoding="utf-8")
        for key in ("title", "published", "actors", "dates", "quotes", "figures"):
            assert key in o
        for a in o["actors"]:
            for m in a["mentions"]:
                assert raw[m["start"]:m["end"]] == m["text"]
        for key in ("dates", "quotes", "figures"):
            for r in o[key]:
                assert raw[r["start"]:r["end"]] == r["text"]
    by = {Path(o["file"]).name: o for o in objs}
    assert by["000_607b66bbe5a73dbc.txt"]["published"] == "2023-11-12"
    assert by["002_3a581c30952caeb3.txt"]["published"] == "2023-11-10"


def test_speaker_text_is_the_speaker_as_written():
    from generator.extract.records import speaker_as_written
    from generator.model import Quote

    raw = '"It was destined to fail," said Kevin Barrett, a lawyer at Bailey & Glasser, who represents the state. Next.'
    i = raw.index("Kevin Barrett")
    q = Quote(1, 25, raw[1:25], speaker_start=i, speaker_end=i + 13, speaker_text="Kevin Barrett")
    assert speaker_as_written(raw, q) == "Kevin Barrett, a lawyer at Bailey & Glasser, who represents the state"
    raw2 = 'Dean Johnson, a salesman from Sumter, South Carolina, says Cruz will "leave here with momentum."'
    q2 = Quote(raw2.index("leave"), raw2.index('."'), "leave here with momentum", speaker_start=0, speaker_end=12,
               speaker_text="Dean Johnson")
    assert speaker_as_written(raw2, q2) == "Dean Johnson, a salesman from Sumter, South Carolina"
    raw3 = '"Yes," Obama said.'
    q3 = Quote(1, 5, "Yes,", speaker_start=6, speaker_end=11, speaker_text="Obama")
    assert speaker_as_written(raw3, q3) == "Obama"


def test_build_command_writes_the_tree_reports_and_exits_with_its_status(tmp_path):
    # the command leaves without tearing the interpreter down (generator.cli.run): what it
    # printed must still all be there, and its exit status must be the build's
    from conftest import make_project

    root = make_project(tmp_path, samples=True)
    (root / "content" / "articles" / "bad.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    out = run("build", "--no-site", "--root", str(root))
    assert out.returncode == 0, out.stderr
    assert "content/articles/bad.md:2" in out.stderr
    assert out.stderr.rstrip().splitlines()[-1].startswith("briefing: 6 files read, 6 articles published")
    assert (root / "docs" / "articles" / "index.md").is_file()
    strict = run("build", "--no-site", "--strict", "--force", "--root", str(root))
    assert strict.returncode == 1 and "--strict" in strict.stderr
