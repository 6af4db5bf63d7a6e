"""Work done in a forked copy of the build while the build goes on. Never imports Pelican.

Pelican renders every page on one core. The section index's own pages (the index, its
JSON and the parallel reading pages) depend on every publication but on no page that
Pelican writes, so on a machine with a second core they are written there, beside
Pelican's pages, and the build only waits for what is not yet done when it needs them.

Nothing the work logs is lost or shown twice: the copy sends its log records back, and
the build handles them as its own (a warning still fails a strict build) when it waits.
An exception in the copy is raised in the build, with the copy's traceback.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Callable
from logging.handlers import QueueHandler

logger = logging.getLogger(__name__)


class ForkedWorkError(RuntimeError):
    """The work failed in its forked process; the message carries that process's traceback."""


def can_fork() -> bool:
    """A second core to run on, and fork() safe to call: with other threads running, a lock one
    of them holds would stay held forever in the copy."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores > 1 and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


class _Records(list):
    """What QueueHandler puts its prepared records into: messages formatted, arguments dropped."""

    put_nowait = list.append


def _plain(record: logging.LogRecord) -> dict:
    # A record's extra attributes may hold anything; only plain values cross the pipe.
    return {key: value for key, value in vars(record).items() if isinstance(value, (str, int, float, bool, type(None)))}


def _run(work: Callable[[], None], connection) -> None:
    records = _Records()
    logging.getLogger().handlers = [QueueHandler(records)]
    failure = None
    started = time.perf_counter()
    try:
        work()
    except BaseException:  # noqa: BLE001 - whatever it was, the build must hear of it
        failure = traceback.format_exc()
    connection.send(([_plain(record) for record in records], failure, time.perf_counter() - started))
    connection.close()


class Forked:
    """`work()` running in a forked copy of this process from now on; `wait()` collects it."""

    def __init__(self, work: Callable[[], None], name: str):
        self.name = name
        context = multiprocessing.get_context("fork")
        self._connection, child_end = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, child_end), name=name, daemon=True)
        self._process.start()
        child_end.close()  # so that recv() ends when the copy does, even if it never sends

    def wait(self) -> None:
        waiting = time.perf_counter()
        try:
            records, failure, seconds = self._connection.recv()
        except EOFError:
            records, failure, seconds = [], None, None
        finally:
            self._connection.close()
            self._process.join()
        if seconds is not None:
            logger.debug("%s: %.2f s in process %s beside the build, which waited %.2f s for it", self.name,
                         seconds, self._process.pid, time.perf_counter() - waiting)
        for fields in records:
            record = logging.makeLogRecord(fields)
            logging.getLogger(record.name).handle(record)
        if failure is not None:
            raise ForkedWorkError(f"{self.name} failed in its own process:\n{failure}")
        if self._process.exitcode != 0:
            raise ForkedWorkError(f"{self.name}: its process ended with exit code {self._process.exitcode} before finishing")
