"""fork_map gives [fn(x) for x in items], in order, whether the children succeed or not."""
import os

import pytest

from generator import parallel


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
