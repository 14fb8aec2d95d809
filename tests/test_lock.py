"""One build at a time in a checkout (generator.build.lock): a second build waits for the first and
says so; a killed build's lock does not block the next one; ``briefing build``, plain ``mkdocs
build`` (the hook) and ``mkdocs serve`` never wait for themselves."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import REPO
from test_interrupted import whole_tree

from generator.build import generate, lock

# Takes the build lock of ROOT as a build would, says "locked", and holds it until its stdin
# closes.  With "fork", it first forks a child that keeps its descriptors and outlives it (as
# the extraction pool's workers outlive a killed build), and prints the child's pid.
HOLDER = r"""
import os, sys, time
from generator.build.lock import acquire
acquire(sys.argv[1])
if sys.argv[2:] == ["fork"]:
    pid = os.fork()
    if pid == 0:
        time.sleep(120)
        os._exit(0)
    print(pid, flush=True)
print("locked", flush=True)
sys.stdin.read()
"""

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def hold(root: Path, *extra: str) -> tuple[subprocess.Popen, list[str]]:
    p = subprocess.Popen([sys.executable, "-c", HOLDER, str(root), *extra], cwd=REPO, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True)
    lines = []
    while not lines or lines[-1] != "locked":
        line = p.stdout.readline()
        assert line, "the holder died"
        lines.append(line.strip())
    return p, lines


def lock_is_free(root: Path) -> bool:
    probe = ("import fcntl, os, sys\nfd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
             "try:\n    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\nexcept OSError:\n    sys.exit(1)\n")
    return subprocess.run([sys.executable, "-c", probe, str(lock.lock_path(root))]).returncode == 0


def start(root: Path, log: Path, *args: str) -> subprocess.Popen:
    with open(log, "w") as err:
        return subprocess.Popen([sys.executable, "-m", "generator.cli", *args, "--root", str(root)], cwd=REPO,
                                env=ENV, stdout=subprocess.DEVNULL, stderr=err)


def wait_for(predicate, seconds=120.0, what=""):
    end = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.1)


def said(log: Path, text: str) -> bool:
    return text in log.read_text(encoding="utf-8", errors="replace")


def clean_tree(project, tmp_path) -> dict:
    from conftest import make_project
    other = make_project(tmp_path / "clean", samples=True)
    generate(other, quiet=True)
    return whole_tree(other / "docs")


def test_a_second_build_waits_for_the_first_and_says_so(project, tmp_path):
    root = project(samples=True)
    holder, _ = hold(root)
    log = tmp_path / "build.log"
    build = start(root, log, "build", "--no-site")
    try:
        wait_for(lambda: said(log, f"another build is running in this checkout (pid {holder.pid}); waiting"),
                 what="the waiting message")
        time.sleep(1)
        assert build.poll() is None and not (root / "docs" / ".briefing-manifest.json").exists()
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    assert build.wait(timeout=300) == 0, log.read_text()
    assert whole_tree(root / "docs") == clean_tree(project, tmp_path)
    assert lock_is_free(root)


def test_two_builds_and_a_plain_mkdocs_build_at_once(project, tmp_path):
    """Two ``briefing build`` (pages and site) and a plain ``mkdocs build`` (its hook generates),
    started together: each waits its turn, all succeed, and the trees are right."""
    root = project(samples=True)
    holder, _ = hold(root)  # so that all three start while a build holds the lock
    logs = [tmp_path / f"{i}.log" for i in range(3)]
    procs = [start(root, logs[0], "build", "--quiet"), start(root, logs[1], "build", "--quiet", "--force")]
    with open(logs[2], "w") as err:
        env = {k: v for k, v in ENV.items() if k != "BRIEFING_GENERATED"}
        procs.append(subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=root,
                                      env=env, stdout=subprocess.DEVNULL, stderr=err))
    try:
        for log in logs:
            wait_for(lambda log=log: said(log, "another build is running in this checkout"), what=f"{log.name} to wait")
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    for p, log in zip(procs, logs):
        assert p.wait(timeout=600) == 0, log.read_text()
        assert "FileNotFoundError" not in log.read_text()
    assert whole_tree(root / "docs") == clean_tree(project, tmp_path)
    assert (root / "site" / "index.html").is_file()
    assert not [p for p in root.rglob("*") if p.name.endswith(".tmp")]
    assert lock_is_free(root)


def test_a_killed_builds_lock_does_not_block(project, tmp_path):
    """The kernel drops the lock with its process, even when a child it forked lives on."""
    root = project(samples=True)
    holder, lines = hold(root, "fork")
    child = int(lines[0])
    try:
        assert not lock_is_free(root)
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=60)
        log = tmp_path / "build.log"
        assert start(root, log, "build", "--no-site").wait(timeout=300) == 0, log.read_text()
        assert not said(log, "another build is running")
    finally:
        os.kill(child, signal.SIGKILL)
    assert (root / "docs" / "index.md").is_file()


def test_the_lock_is_reentrant_in_a_process_and_the_hook_gives_it_back(project):
    from generator import mkdocs_hook

    root = project(samples=True)
    lock.acquire(root)
    lock.acquire(root)  # briefing build holds it around generate(), which takes it again
    lock.release(root)
    assert not lock_is_free(root)
    lock.release(root)
    assert lock_is_free(root)
    config = {"config_file_path": str(root / "mkdocs.yml"), "docs_dir": str(root / "docs")}
    for end in ("on_post_build", "on_build_error"):
        mkdocs_hook.on_pre_build(config)  # generates, and holds the lock for MkDocs's build
        assert (root / "docs" / "index.md").is_file()
        assert not lock_is_free(root)
        getattr(mkdocs_hook, end)(config=config, error=None) if end == "on_build_error" else \
            getattr(mkdocs_hook, end)(config=config)
        assert lock_is_free(root)
    mkdocs_hook.on_pre_build(config)
    mkdocs_hook.on_pre_build(config)  # a build that ended unseen: the next one still gives it back
    mkdocs_hook.on_post_build(config=config)
    assert lock_is_free(root)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_holds_the_lock_only_while_it_rebuilds(project, tmp_path):
    """``briefing serve`` regenerates on a content change (its hook takes the lock) and lets a
    ``briefing build`` run between its rebuilds."""
    root = project(samples=True)
    port = _free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as err:
        serve = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--dev-addr", f"127.0.0.1:{port}",
                                  "--root", str(root)], cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=err,
                                 start_new_session=True)

    def up():
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                return r.status == 200
        except OSError:
            assert serve.poll() is None, log.read_text()
            return False

    try:
        wait_for(up, what="mkdocs serve")
        blog = tmp_path / "build.log"
        assert start(root, blog, "build", "--no-site").wait(timeout=300) == 0, blog.read_text()
        assert not said(blog, "another build is running")
        article = next((root / "content" / "articles").glob("*.txt"))
        with open(article, "a", encoding="utf-8") as f:
            f.write("\nA line written while serving.\n")
        wait_for(lambda: any("A line written while serving" in p.read_text(encoding="utf-8")
                             for p in (root / "docs" / "articles").glob("*.md")), what="serve to regenerate")
        wait_for(lambda: lock_is_free(root), what="serve to give the lock back")
        assert start(root, blog, "build", "--no-site").wait(timeout=300) == 0, blog.read_text()
        assert serve.poll() is None
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=60)
