"""The background runner: results, failures and progress arrive on the GUI thread; PDF work is serial."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from inspector.ui.tasks import run_task, thread_pool, wait_for_all


def _double(value: int) -> tuple[int, bool]:
    return value * 2, threading.current_thread() is threading.main_thread()


def test_result_is_delivered_on_the_gui_thread(qtbot: Any) -> None:
    seen: dict[str, Any] = {}

    def finished(result: tuple[int, bool]) -> None:
        seen["result"] = result
        seen["gui_thread"] = QThread.currentThread() is QCoreApplication.instance().thread()

    task = run_task(_double, 21, on_finished=finished, on_failed=lambda error: seen.setdefault("error", error))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == (42, False)  # computed off the main thread
    assert seen["gui_thread"] is True
    assert "error" not in seen


def test_failure_is_delivered_with_the_exception(qtbot: Any) -> None:
    errors: list[BaseException] = []

    def explode() -> None:
        raise ValueError("broken photo")

    task = run_task(explode, on_finished=lambda _r: None, on_failed=errors.append)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert len(errors) == 1 and isinstance(errors[0], ValueError) and str(errors[0]) == "broken photo"


def test_progress_fractions_arrive_in_order(qtbot: Any) -> None:
    fractions: list[float] = []

    def work(steps: int, *, progress: Any) -> str:
        for step in range(1, steps + 1):
            progress(step / steps)
        return "done"

    results: list[str] = []
    task = run_task(work, 4, on_finished=results.append, on_failed=pytest.fail, on_progress=fractions.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert fractions == [0.25, 0.5, 0.75, 1.0]
    assert results == ["done"]


def test_cancel_reaches_the_function(qtbot: Any) -> None:
    started = threading.Event()

    def wait_for_cancel(*, cancelled: Any) -> str:
        started.set()
        deadline = time.monotonic() + 5
        while not cancelled():
            if time.monotonic() > deadline:
                return "never cancelled"
            time.sleep(0.005)
        return "stopped"

    results: list[str] = []
    task = run_task(wait_for_cancel, on_finished=results.append, on_failed=pytest.fail, cancellable=True)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == ["stopped"]


def test_pdf_pool_runs_one_task_at_a_time(qtbot: Any) -> None:
    assert thread_pool("pdf").maxThreadCount() == 1
    running = 0
    most = 0
    lock = threading.Lock()

    def render(_n: int) -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.02)  # inside the worker: long enough that a second thread would overlap
        with lock:
            running -= 1

    done: list[None] = []
    for n in range(4):
        run_task(render, n, on_finished=done.append, on_failed=pytest.fail, pool="pdf")
    qtbot.waitUntil(lambda: len(done) == 4, timeout=5000)
    assert most == 1
    assert wait_for_all(1000)


def test_unknown_pool_is_refused() -> None:
    with pytest.raises(ValueError):
        thread_pool("gpu")
