"""background.py: work in a forked copy of the build, whose logs and failures reach the build."""

import logging
import os
import threading

import pytest
from section_index.background import Forked, ForkedWorkError, can_fork

LOGGER = "section_index.test_background"


def test_the_work_runs_in_another_process_and_is_done_when_wait_returns(tmp_path):
    done = tmp_path / "done"

    def work():
        done.write_text(str(os.getpid()), encoding="utf-8")

    job = Forked(work, name="writing a file")
    job.wait()
    assert done.read_text(encoding="utf-8") not in ("", str(os.getpid()))


def test_the_build_log_says_how_long_the_work_took_and_how_long_the_build_waited(caplog):
    caplog.set_level(logging.DEBUG, logger="section_index.background")
    job = Forked(lambda: None, name="nothing")
    job.wait()
    [message] = [r.getMessage() for r in caplog.records if r.name == "section_index.background"]
    assert message.startswith("nothing: 0.0") and "beside the build, which waited" in message


def test_what_the_work_logs_reaches_the_builds_handlers_when_it_waits(caplog):
    def work():
        logging.getLogger(LOGGER).warning("%s: numbering: %s", "a.md", "二、 is missing")
        logging.getLogger(LOGGER).info("written %d pages", 3)

    caplog.set_level(logging.INFO, logger=LOGGER)
    job = Forked(work, name="logging")
    job.wait()
    logged = [(r.name, r.levelno, r.getMessage()) for r in caplog.records if r.name == LOGGER]
    assert logged == [
        (LOGGER, logging.WARNING, "a.md: numbering: 二、 is missing"),
        (LOGGER, logging.INFO, "written 3 pages"),
    ]


def test_records_logged_with_objects_as_arguments_or_extras_still_arrive(caplog):
    class Unpicklable:
        def __reduce__(self):
            raise TypeError("cannot be pickled")

        def __str__(self):
            return "an article"

    def work():
        logging.getLogger(LOGGER).warning("%s has no date", Unpicklable(), extra={"article": Unpicklable()})

    caplog.set_level(logging.WARNING, logger=LOGGER)
    Forked(work, name="logging objects").wait()
    assert [r.getMessage() for r in caplog.records if r.name == LOGGER] == ["an article has no date"]


def test_an_exception_in_the_work_is_raised_by_wait_with_the_copys_traceback():
    def work():
        raise KeyError("parallel.html")

    job = Forked(work, name="section index pages")
    with pytest.raises(ForkedWorkError, match="section index pages failed in its own process") as failure:
        job.wait()
    assert "KeyError: 'parallel.html'" in str(failure.value)
    assert "in work" in str(failure.value)  # the frame where it was raised


def test_records_logged_before_an_exception_arrive_too(caplog):
    def work():
        logging.getLogger(LOGGER).error("first this")
        raise ValueError("then that")

    caplog.set_level(logging.ERROR, logger=LOGGER)
    with pytest.raises(ForkedWorkError, match="ValueError: then that"):
        Forked(work, name="failing").wait()
    assert [r.getMessage() for r in caplog.records if r.name == LOGGER] == ["first this"]


def test_a_copy_that_dies_without_a_word_fails_the_wait():
    job = Forked(lambda: os._exit(3), name="dying")
    with pytest.raises(ForkedWorkError, match="dying: its process ended with exit code 3"):
        job.wait()


def test_no_fork_while_another_thread_runs():
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert can_fork() is False
    finally:
        release.set()
        thread.join()
