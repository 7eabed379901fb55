"""One helper for work off the GUI thread (ui/background.py), and the preview's use of it.

No timing: a worker is held on an event until the test lets it go, and the test waits
for the thread pool to finish before the answers are delivered on the GUI thread.
"""

from __future__ import annotations

import io
import threading
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.services import Services
from familymeeting.ui.background import run_in_background
from familymeeting.ui.meeting.plan.preview import PlanPreviewPage


def pdf_reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


class Answers(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.got: list[tuple[str, object]] = []

    def done(self, result: object) -> None:
        self.got.append(("done", result))

    def failed(self, error: object) -> None:
        self.got.append(("failed", type(error).__name__))


def settle(qapp: QApplication) -> None:
    """Every worker finished, and every answer delivered on the GUI thread."""
    assert QThreadPool.globalInstance().waitForDone(60_000)
    qapp.processEvents()


def test_answers_come_back_on_the_gui_thread(qapp: QApplication) -> None:
    answers, threads = Answers(), []

    def work() -> int:
        threads.append(threading.current_thread())
        return 42

    run_in_background(work, answers.done, answers.failed)
    run_in_background(lambda: 1 / 0, answers.done, answers.failed)
    settle(qapp)
    assert sorted(answers.got, key=str) == [("done", 42), ("failed", "ZeroDivisionError")]
    assert threads and threads[0] is not threading.main_thread()


def test_a_cancelled_job_never_answers(qapp: QApplication) -> None:
    answers, gate = Answers(), threading.Event()

    def slow() -> str:
        gate.wait(60)
        return "too late"

    job = run_in_background(slow, answers.done, answers.failed)
    job.cancel()
    gate.set()
    settle(qapp)
    assert job.cancelled
    assert answers.got == []


def test_the_preview_shows_the_plan_asked_for_last(
    qtbot: QtBot, qapp: QApplication, services: Services, data_dir: Path
) -> None:
    """A plan that arrives after another was asked for is dropped, in whatever order the
    two workers finish."""
    first = services.create_family("Familien Først")
    second = services.create_family("Familien Sidst")
    meetings = [
        services.create_meeting(f.id, datetime(2026, 12, 4, 10)).id for f in (first, second)
    ]
    page = PlanPreviewPage(services, Settings(data_dir))
    qtbot.addWidget(page)
    ready: list[bool] = []
    page.ready.connect(lambda: ready.append(True))
    page.show_plan(meetings[0])
    page.show_plan(meetings[1])
    settle(qapp)
    assert ready == [True]  # one answer shown, the other dropped
    assert page.meeting_id == meetings[1] and page.result is not None
    text = "".join(p.extract_text() for p in pdf_reader(page.result.pdf).pages)
    assert "Familien Sidst" in text and "Familien Først" not in text

    page.show_plan(meetings[0])
    page.clear()  # another meeting opens, or the window locks: nothing arrives later
    settle(qapp)
    assert ready == [True] and page.result is None
