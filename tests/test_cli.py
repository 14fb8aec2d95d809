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
