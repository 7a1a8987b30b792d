"""Running slow pure functions off the GUI thread (Picard's ``run_task``, Orange's TaskState).

``run_task(fn, *args, on_finished=…, on_failed=…)`` runs ``fn(*args)`` on a QThreadPool and calls
``on_finished(result)`` or ``on_failed(exception)`` back **on the GUI thread**. A ``QRunnable`` is
not a QObject and cannot emit signals, so each call gets a small ``Task`` QObject that lives on
the GUI thread: the worker emits its private signals, Qt queues them across threads to the task's
slots, and those call the callbacks. Functions handed over must take snapshots and paths, never
the database connection (it belongs to the GUI thread).

Pools: ``"default"`` is Qt's global pool (Pillow and other thread-safe work); ``"pdf"`` has one
thread because ReportLab keeps module-level state that is not thread-safe.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

POOLS = ("default", "pdf")
_pools: dict[str, QThreadPool] = {}
_live: set[Task] = set()  # keeps each Task alive until its result has been delivered


def thread_pool(name: str = "default") -> QThreadPool:
    """The named pool: Qt's global pool, or the single-thread pool for PDF work."""
    if name == "default":
        return QThreadPool.globalInstance()
    if name not in POOLS:
        raise ValueError(f"unknown pool {name!r}; expected one of {POOLS}")
    pool = _pools.get(name)
    if pool is None:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _pools[name] = pool
    return pool


def wait_for_all(msecs: int = 30_000) -> bool:
    """Let running tasks finish before the application quits; False if some did not in time."""
    done = QThreadPool.globalInstance().waitForDone(msecs)
    for pool in _pools.values():
        done = pool.waitForDone(msecs) and done
    return done


class Task(QObject):
    """One background call: public ``finished``/``failed``/``progress`` signals on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(float)

    _worker_done = Signal(object)
    _worker_error = Signal(object)
    _worker_progress = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()
        # The receiver is this object (GUI thread) and the emitter is a worker thread, so Qt
        # queues these calls onto the GUI thread's event loop.
        self._worker_done.connect(self._deliver_finished)
        self._worker_error.connect(self._deliver_failed)
        self._worker_progress.connect(self.progress)

    def cancel(self) -> None:
        """Ask the function to stop at its next ``cancelled()`` check."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """Thread-safe: True once ``cancel()`` was called (handed to the function as ``cancelled``)."""
        return self._cancel.is_set()

    def report_progress(self, fraction: float) -> None:
        """Called from the worker thread; delivered as ``progress`` on the GUI thread."""
        self._worker_progress.emit(float(fraction))

    @Slot(object)
    def _deliver_finished(self, result: object) -> None:
        try:
            self.finished.emit(result)
        finally:
            _live.discard(self)

    @Slot(object)
    def _deliver_failed(self, error: object) -> None:
        try:
            self.failed.emit(error)
        finally:
            _live.discard(self)


class _Runnable(QRunnable):
    def __init__(self, task: Task, call: Callable[[], Any]) -> None:
        super().__init__()
        self.task = task
        self.call = call

    def run(self) -> None:
        try:
            result = self.call()
        except BaseException as error:
            log.debug("background task failed", exc_info=error)
            self.task._worker_error.emit(error)
        else:
            self.task._worker_done.emit(result)


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_finished: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    on_progress: Callable[[float], None] | None = None,
    pool: str = "default",
    cancellable: bool = False,
) -> Task:
    """Run ``fn(*args)`` on a worker thread; deliver the outcome on the GUI thread.

    Args:
        fn: a pure function (snapshots and paths in, a value out).
        *args: its positional arguments.
        on_finished: called with the return value.
        on_failed: called with the exception ``fn`` raised.
        on_progress: if given, ``fn`` is also called with ``progress=`` (a callable taking a
            fraction 0–1 from the worker thread) and this receives each fraction.
        pool: ``"default"`` or ``"pdf"`` (one thread, for ReportLab).
        cancellable: if True, ``fn`` is also called with ``cancelled=`` (a callable returning
            True once ``Task.cancel()`` was called).

    Returns:
        The ``Task``: keep it to cancel the work or to connect more listeners.
    """
    target = thread_pool(pool)
    task = Task()
    task.finished.connect(on_finished)
    task.failed.connect(on_failed)
    kwargs: dict[str, Any] = {}
    if on_progress is not None:
        task.progress.connect(on_progress)
        kwargs["progress"] = task.report_progress
    if cancellable:
        kwargs["cancelled"] = task.cancelled
    _live.add(task)
    target.start(_Runnable(task, lambda: fn(*args, **kwargs)))
    return task
