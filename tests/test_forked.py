"""plugins/forked: a function run in a forked child, its result and its log
records come back to the parent; a child that dies is reported, not hung on."""

import logging
import os

import pytest

from truongweb.plugins.speed.forked import ForkedCall, available

pytestmark = pytest.mark.skipif(not available(), reason="forking is used on Linux only")


class Kept(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def test_result_and_log_records_of_the_child():
    kept = Kept()

    def work():
        logging.getLogger("thu").warning("trong tiến trình con %d", 2)
        return {"pid": os.getpid(), "logged": list(kept.messages)}

    outcome = ForkedCall(work, kept).result(lambda status: None)
    assert outcome["pid"] != os.getpid()
    assert outcome["logged"] == ["trong tiến trình con 2"]
    assert kept.messages == []  # the parent's copy of the handler saw nothing


@pytest.mark.parametrize("dies", [lambda: os._exit(3), lambda: 1 / 0])
def test_a_child_that_dies_is_reported(dies):
    assert ForkedCall(dies).result(lambda status: ("died", status))[0] == "died"
