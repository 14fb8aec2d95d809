"""fork_map gives [fn(x) for x in items], in order, whether the children succeed or not."""
import os

import pytest

from generator.build import parallel


def test_fork_map_equals_the_serial_loop():
    items = [list(range(k, k + 1000)) for k in range(4)]
    assert parallel.fork_map(sum, items) == [sum(x) for x in items]


def test_a_failing_child_is_redone_in_the_parent():
    parent = os.getpid()

    def fn(x):
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return x * 2

    assert parallel.fork_map(fn, [1, 2, 3]) == [2, 4, 6]


def test_results_that_cannot_be_pickled_are_redone_in_the_parent():
    out = parallel.fork_map(lambda x: (lambda: x), [1, 2])
    assert [f() for f in out] == [1, 2]


def test_an_error_in_the_parent_share_is_raised():
    with pytest.raises(ZeroDivisionError):
        parallel.fork_map(lambda x: 1 / x, [0, 1])


def test_background_work_runs_in_a_child_and_gives_its_result(monkeypatch):
    parent = os.getpid()
    job = parallel.Background(lambda: (os.getpid(), list(range(5))))
    pid, value = job.result()
    assert value == [0, 1, 2, 3, 4]
    if parallel.can_fork():
        assert pid != parent  # it did run beside this process
    monkeypatch.setenv("BRIEFING_WORKERS", "1")
    assert parallel.Background(lambda: os.getpid()).result() == parent  # no second core: done here


def test_background_work_that_fails_in_the_child_is_redone_here():
    parent = os.getpid()

    def fn():
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return "done here"

    assert parallel.Background(fn).result() == "done here"
    assert parallel.Background(lambda: (lambda: 1)).result()() == 1  # cannot be pickled: redone here


def test_background_work_not_wanted_leaves_no_child():
    job = parallel.Background(lambda: 1)
    child = job._child
    job.close()
    assert job._child is None
    if child is not None:
        with pytest.raises(ChildProcessError):
            os.waitpid(child[0], os.WNOHANG)  # reaped
    with pytest.raises(ZeroDivisionError):
        parallel.Background(lambda: 1 / 0).result()  # an error is the error fn() raises here


def test_workers_setting(monkeypatch):
    monkeypatch.setenv("BRIEFING_WORKERS", "1")
    assert parallel.workers() == 1 and not parallel.can_fork()
    monkeypatch.setenv("BRIEFING_WORKERS", "nonsense")
    assert parallel.workers() == (os.cpu_count() or 1)


@pytest.mark.parametrize("n,parts", [(0, 2), (1, 2), (5, 2), (10, 3), (3, 8)])
def test_split_keeps_every_item_in_order(n, parts):
    chunks = parallel.split(list(range(n)), parts)
    assert [x for c in chunks for x in c] == list(range(n))
    assert len(chunks) == max(1, min(parts, n))
