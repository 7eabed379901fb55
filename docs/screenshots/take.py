"""Pictures of the app in a real window, as a person sees it (window frame included).

Run on an X display of the size you want pictures of, with a window manager (for
example ``../shared/tools/window start 1366x768``, then ``DISPLAY=:88``)::

    python docs/screenshots/take.py OUT_DIR [--lang da|en] [--text-size 0|1|2] [SCENE ...]

The app runs in this process on Qt's xcb platform over a temporary data dir with the
demo family, maximized as it opens on that screen; each scene is opened through the
window's own methods, left to settle, and the whole screen is saved as
``OUT_DIR/<scene>-<W>x<H>[-<lang>][-<text size>].png``. Nothing of a real user's data
is read or written. The scenes are listed in SCENES.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "xcb"
os.environ.pop("FAMILYMEETING_PASSWORD", None)

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PASSWORD = "Skærmbilleder ved bordet 7"


class _Closer:
    """Closes a recovery-code dialog at a scene's end, as its reader would: ticked first."""

    def __init__(self, dialog: QWidget) -> None:
        self.dialog = dialog

    def close(self) -> None:
        self.dialog.written.setChecked(True)  # type: ignore[attr-defined]
        self.dialog.accept()  # type: ignore[attr-defined]


def settle(ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def make_caseload(services: object, demo_id: str) -> None:
    """Families of a caseload beside the demo family, with case dates (written directly:
    the scene needs them, not the screens that enter them)."""
    from datetime import date, datetime, timedelta

    from familymeeting.domain.enums import CaseDateKind, MeetingStatus, Role
    from familymeeting.storage import models
    from familymeeting.storage.services import Services

    assert isinstance(services, Services)
    today = date.today()
    now = datetime.now().replace(minute=0, second=0, microsecond=0)
    monday = today - timedelta(days=today.weekday())
    dates: list[tuple[str, str | None, CaseDateKind, int]] = [
        (demo_id, None, CaseDateKind.CONCERN, 80),
        (demo_id, None, CaseDateKind.DECISION, 57),
        (demo_id, None, CaseDateKind.HELP_STARTED, 48),
    ]
    plans = (
        ("Familien Berg", ("Bo", "Sofie"), 130, None, 10, 2),
        ("Familien Andersen", ("Ida",), 21, None, 2, 0),
        ("Familien Yilmaz", ("Deniz", "Elif", "Can"), 64, 30, 5, 1),
        ("Familien Nielsen", ("Oscar",), 12, None, None, 0),
    )
    for name, children, concern, decision, weeks_ago, overdue in plans:
        fam = services.create_family(name)
        kids = [services.add_participant(fam.id, child, Role.CHILD) for child in children]
        services.add_participant(fam.id, "Mor", Role.PARENT)
        dates.append((fam.id, None, CaseDateKind.CONCERN, concern))
        if decision is not None:
            dates.append((fam.id, None, CaseDateKind.DECISION, decision))
        if len(kids) > 1:
            dates.append((fam.id, kids[-1].id, CaseDateKind.CONCERN, concern // 2))
        if weeks_ago is None:
            continue
        held = services.create_meeting(
            fam.id, now - timedelta(weeks=weeks_ago, days=2), status=MeetingStatus.CLOSED
        )
        for n in range(overdue):
            services.add_action(held.id, f"Aftale {n + 1}", due_date=today - timedelta(days=3))
        if weeks_ago < 8:
            services.create_meeting(
                fam.id,
                datetime.combine(monday, now.time()) + timedelta(days=3 if weeks_ago < 3 else 10),
            )
    with services.db.session() as s:
        for family_id, child_id, kind, days_ago in dates:
            s.add(
                models.CaseDate(
                    family_id=family_id,
                    participant_id=child_id,
                    kind=kind,
                    on_date=today - timedelta(days=days_ago),
                )
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="da", choices=("da", "en"))
    parser.add_argument("--text-size", type=int, default=0, choices=(0, 1, 2))
    parser.add_argument("--suffix", action="store_true", help="add language and text size")
    parser.add_argument("scenes", nargs="*")
    args = parser.parse_intermixed_args(argv)

    from familymeeting import settings
    from familymeeting.app import make_app
    from familymeeting.settings import Settings
    from familymeeting.storage.demo import create_demo_family
    from familymeeting.storage.unlock import open_unlocked
    from familymeeting.storage.vault import Vault
    from familymeeting.ui import theme
    from familymeeting.ui.language import switch_language
    from familymeeting.ui.main_window import MainWindow
    from familymeeting.ui.meeting.board.column import ColumnWidget

    app = make_app()
    data_dir = Path(tempfile.mkdtemp(prefix="fm-shots-"))
    app_settings = Settings(data_dir)
    app_settings.set(settings.TEXT_SIZE, args.text_size)
    switch_language(app, args.lang)
    app.setStyleSheet(theme.stylesheet(args.text_size))
    result = open_unlocked(data_dir, PASSWORD)
    vault = Vault(data_dir, result.db)
    services = vault.services()
    family = create_demo_family(services)
    meeting = services.list_meetings(family.id)[0].id
    window = MainWindow(services, app_settings, vault=vault, idle_ms=3_600_000)
    window.show_on_screen()
    settle(1200)

    def board(view: str = "board") -> Callable[[], QWidget | None]:
        def show() -> None:
            window.open_meeting(meeting)
            window.meeting.show_view(view)

        return show

    def record() -> None:
        # The caseworker's record of the demo's latest meeting, with an assessment begun.
        board()()
        dialog = window.meeting.open_record()
        if dialog is not None:
            dialog.assessment_edit.setPlainText(
                "Forældrene samarbejder godt om planen, og børnene siger selv, at det går "
                "bedre. Far deler endnu ikke bekymringen om skænderierne."
            )
            dialog.others_edit.setPlainText("Lærer Hansen (Noahs klasselærer)")
        keep(dialog)

    def three_houses_good_things() -> None:
        # Emma's good things: her drawing and two sentences, one of them on the board.
        board("ratings")()
        dialog = window.meeting.open_houses()
        if dialog is not None:
            dialog.show_house("good_things")
            dialog.to_board(dialog.sentences()[0].id)
        keep(dialog)

    def preview() -> None:
        board("plan")()
        window.meeting.preview_plan()
        settle(1500)

    def child_plan_preview() -> None:
        # Noah (13) has a plan of his own: "Barnets plan: Noah" in the preview's bar.
        preview()
        page = window.preview_page
        noah = page.which_combo.findText("Noah", Qt.MatchFlag.MatchContains)
        page.which_combo.setCurrentIndex(noah)
        page.which_combo.activated.emit(noah)
        settle(1500)

    def progress_second() -> None:
        # The second chart (the demo's safety question, where several people give
        # the same number) at the top of the page.
        window.show_progress(family.id)
        settle()
        chart = list(window.progress.charts.values())[1]
        card = chart.scene().views()[0].parentWidget()
        window.progress.scroll_area.verticalScrollBar().setValue(card.y())

    def child() -> None:
        board("ratings")()
        window.enter_child_mode()

    def child_question() -> None:
        child()
        mode = window.child_mode
        next(iter(mode.child_buttons.values())).click()

    def child_feedback_intro() -> None:
        """Noah (13) past his questions: what he is told before his feedback."""
        child()
        mode = window.child_mode
        noah = next(p for p in services.list_participants(family.id) if p.name == "Noah")
        mode.child_buttons[noah.id].click()
        mode.index = len(mode.questions) - 1
        mode.next_question()

    def child_feedback() -> None:
        """Noah's second feedback question ("Did the caseworker listen to you?")."""
        child_feedback_intro()
        step = window.child_mode.feedback
        step.begin()
        step.next_item()

    def child_thanks() -> None:
        child_question()
        mode = window.child_mode
        mode.index = len(mode.questions) - 1
        mode.next_question()
        mode.feedback.skip_all()  # the child's feedback comes before the thanks

    def ratings_audience() -> None:
        """Today's ratings: the home question for everyone (with last time's answers as
        faint marks), Noah's answer given alone and not shared, the adults' safety scale."""
        from familymeeting.storage.operations import SetAnswer

        home = services.list_questions(meeting)[0]
        noah = next(p.id for p in services.list_participants(family.id) if p.name == "Noah")
        services.run(SetAnswer(home.id, noah, (3, None), (True, False)))
        board("ratings")()

    def child_last_answer() -> None:
        """Emma's own screen: her last answer ("sidst: 6") and, after her answer, one tap
        for whether the grown-ups may see it."""
        child()
        mode = window.child_mode
        emma = next(p.id for p in services.list_participants(family.id) if p.name == "Emma")
        mode.child_buttons[emma].click()
        settle(300)
        mode.slider.committed.emit(8)
        mode.slider.setValue(8)

    dialogs: list[QWidget] = []

    def ratings_declined() -> None:
        """The first meeting's last question: Noah won't answer, and says why."""
        window.open_meeting(services.list_meetings(family.id)[-1].id)
        window.meeting.show_view("ratings")
        settle(300)
        view = window.meeting.ratings
        card = view.cards[view.questions()[-1].id]
        bar = view.scroll_area.verticalScrollBar()
        bar.setValue(max(card.y(), bar.maximum()))

    def ratings_menu() -> None:
        """The "⋯" of the second person of the first question, opened."""
        board("ratings")()
        settle(300)
        view = window.meeting.ratings
        question = view.questions()[0]
        second = view.people_of(question)[1]
        view.rows[(question.id, second.id)].menu_button.click()
        if view.menu is not None:
            dialogs.append(view.menu)

    def keep(dialog: QWidget | None) -> None:
        if dialog is not None:
            dialogs.append(dialog)

    def shown_column() -> ColumnWidget:
        """The column in view: the worries, or the one a tablet held upright shows."""
        return next(c for c in window.meeting.columns.values() if c.isVisible())

    def stance_sheet() -> None:
        # Who agrees with a card someone disagrees with (the demo's danger statement).
        board()()
        column = shown_column()
        card = next((c for c in column.order if column.cards[c].data.disagree), column.order[0])
        keep(window.meeting.open_stance_sheet(card))

    def card_in_plan() -> None:
        # "Make it part of the plan" on the parents' next step: the card says so.
        board()()
        settle()  # the board laid out at its size, as when a person taps
        page = window.meeting
        if page.tabs.isVisible():  # a tablet held upright: that column's tab
            page.tab_buttons["needs_to_happen"].click()
        column = page.columns["needs_to_happen"]
        card = next((c for c in column.order if column.cards[c].data.kind == "next_step"), None)
        card = card or column.order[0]
        if page.controller is not None:
            page.controller.action_from_card(card)
        column.reveal(card)

    def new_card() -> None:
        # "+ Add": the editor opens after the last card, scrolled into view.
        board()()
        settle()
        column = shown_column()
        column.open_new_card_editor()
        assert column.editor is not None
        column.editor.edit.setPlainText("Noah vil gerne spille fodbold igen")

    def delete_family(*, done: bool = False) -> None:
        # Delete for good, the name typed; ``done``: deleted, with a damaged/ copy named.
        # Another family is deleted, so the demo stays for the scenes after this one.
        other = services.create_family("Familien Berg")
        window.open_family(other.id)
        dialog = window.family_page.delete_family()
        keep(dialog)
        if dialog is None:
            return
        dialog.name_edit.setText(dialog.name)
        if done:
            damaged = data_dir / "damaged"
            damaged.mkdir(exist_ok=True)
            (damaged / "familymeeting-20261201T101010Z.db").write_bytes(b"\0" * 4096)
            dialog.delete()
            for _ in range(50):
                settle(100)
                if dialog.result_ is not None:
                    break

    def rekey(done: bool = False) -> None:
        """Settings' "Change the data key"; ``done``: the new code shown after it."""
        window.show_maintenance()
        dialog = window.maintenance.ask_rekey()
        if dialog is None:
            return
        dialog.password.edit.setText(PASSWORD)
        if not done:
            keep(dialog)
            return
        dialog.submit()
        for _ in range(100):
            settle(100)
            if dialog.code_dialog is not None:
                break
        code = dialog.code_dialog
        if code is not None:
            dialogs.append(_Closer(code))  # type: ignore[arg-type]

    def hand_out_plans() -> None:
        """The plans of the two older meetings given to the family, in order: the
        second says what is new since the first."""
        from familymeeting.domain.plan_changes import plan_content
        from familymeeting.export.plan import render_plan
        from familymeeting.storage.operations import KeepHandout
        from familymeeting.storage.plan_data import build_plan

        if services.list_handouts(family.id):
            return
        for how, older in zip(
            ("print", "save"), reversed(services.list_meetings(family.id)[1:]), strict=True
        ):
            plan = build_plan(services, older.id)
            pdf = render_plan(plan).pdf
            services.run(KeepHandout(older.id, pdf, how, plan.language, plan_content(plan)))

    def plans() -> None:
        hand_out_plans()
        window.open_family(family.id)
        keep(window.family_page.show_handouts())

    def plan_news() -> None:
        hand_out_plans()
        board("plan")()

    def team_statistics() -> None:
        """Settings' "Statistik til teamet": a team key loaded, a quarter's file saved."""
        from PySide6.QtWidgets import QScrollArea

        from familymeeting.storage.operations import SetTeamKey

        window.show_maintenance()
        block = window.maintenance.team_statistics
        block.show_state(services.run(SetTeamKey(bytes(range(32)))))
        out = data_dir.parent / f"{data_dir.name}-stats" / block.suggested_name()
        out.parent.mkdir(exist_ok=True)
        block.export_to(out)
        for _ in range(50):
            settle(100)
            if block.job is None:
                break
        scroll = window.maintenance.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(block.status_label, 0, 0)
            scroll.ensureWidgetVisible(block, 0, 0)

    scenes: dict[str, Callable[[], object]] = {
        "families": window.show_families,
        "family": lambda: window.open_family(family.id),
        "board": board(),
        "stance-sheet": stance_sheet,
        "new-card": new_card,
        "card-in-plan": card_in_plan,
        "ratings": board("ratings"),
        "ratings-declined": ratings_declined,
        "ratings-audience": ratings_audience,
        "child-mode-last-answer": child_last_answer,
        "plan-view": board("plan"),
        "plan-preview": preview,
        "child-plan-preview": child_plan_preview,
        "plans": plans,
        "feedback-over-time": lambda: (
            window.show_progress(family.id),
            keep(window.progress.show_child_feedback()),
        ),
        "plan-news": plan_news,
        "child-mode": child,
        "child-question": child_question,
        "child-feedback-intro": child_feedback_intro,
        "child-feedback": child_feedback,
        "child-thanks": child_thanks,
        "child-leave": lambda: (child_thanks(), keep(window.ask_leave_child_mode())),
        "ratings-menu": ratings_menu,
        "progress": lambda: window.show_progress(family.id),
        "progress-second": progress_second,
        "settings-and-backups": window.show_maintenance,
        "team-statistics": team_statistics,
        "family-dialog": lambda: (
            window.open_family(family.id),
            keep(window.family_page.edit_family()),
        ),
        "meeting-dialog": lambda: (
            window.open_family(family.id),
            keep(window.family_page.follow_up()),
        ),
        "meeting-details": lambda: (board()(), keep(window.meeting.show_details())),
        "finish-meeting": lambda: (board()(), keep(window.meeting.finish_meeting())),
        "record": record,
        "who-is-here": lambda: (board()(), window.meeting.header.who_button.setChecked(True)),
        "lock-screen": window.lock,
        "new-recovery-code": lambda: (
            window.show_maintenance(),
            keep(window.maintenance.ask_new_recovery_code()),
        ),
        "timeline": lambda: window.open_family(family.id),
        "case-dates": lambda: (
            window.open_family(family.id),
            keep(window.family_page.timeline.edit_dates()),
        ),
        "delete-family": delete_family,
        "delete-family-done": lambda: delete_family(done=True),
        "rekey": rekey,
        "rekey-code": lambda: rekey(done=True),
        "three-houses": lambda: (
            board("ratings")(),
            keep(window.meeting.open_houses()),
        ),
        "three-houses-good-things": three_houses_good_things,
    }

    def caseload() -> None:
        """The start screen with the overview: the demo family and a few more, with dates."""
        if not getattr(caseload, "made", False):
            make_caseload(services, family.id)
            caseload.made = True  # type: ignore[attr-defined]
        window.show_families()
        window.families_page.caseload_switch.setChecked(True)  # where one shows at a time

    scenes["caseload"] = caseload

    def team() -> None:
        """The Team page over a small municipality's statistics files (the benchmark
        generator's: 10 caseworkers, 400 families, three years), read as the app reads."""
        if window.team_page.report is None:
            import importlib.util

            path = Path(__file__).resolve().parents[2] / "benchmarks" / "stats_generate.py"
            spec = importlib.util.spec_from_file_location("stats_generate", path)
            assert spec is not None and spec.loader is not None
            generator = importlib.util.module_from_spec(spec)
            sys.modules["stats_generate"] = generator
            spec.loader.exec_module(generator)
            folder = data_dir.parent / f"{data_dir.name}-stats"
            generator.generate(folder, "municipality", scale=0.2, seed=2026)
            window.show_team()
            window.team_page.open_files(sorted(folder.glob("*.parquet")))
            while window.team_page.report is None:
                settle(200)
        window.show_team()

    def team_lower() -> None:
        """The Team page scrolled to the ratings and the children's feedback."""
        team()
        settle(300)
        page = window.team_page
        bar = page.scroll_area.verticalScrollBar()
        bar.setValue(
            page.tables["movement"].mapTo(page.scroll_area.widget(), QPoint(0, 0)).y() - 160
        )

    scenes["team"] = team
    scenes["team-ratings"] = team_lower
    chosen = args.scenes or list(scenes)
    screen = QGuiApplication.primaryScreen().geometry()
    size = f"{screen.width()}x{screen.height()}"
    args.out.mkdir(parents=True, exist_ok=True)
    for name in chosen:
        scenes[name]()
        settle()
        suffix = f"-{args.lang}-{args.text_size}" if args.suffix else ""
        path = args.out / f"{name}-{size}{suffix}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        print(path)
        for dialog in dialogs:
            dialog.close()
        dialogs.clear()
        for column in window.meeting.columns.values():
            column.close_editor()  # what a scene wrote is not kept
        if not window.locked and window.stack.currentWidget() is window.child_mode:
            window.leave_child_mode()
        settle(200)
    window.close()
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
