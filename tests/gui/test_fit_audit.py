"""The fit audit: every page and dialog, on every supported screen, text size and language.

For each screen (landscape 1024×768, 1366×768, 1280×800, 1920×1080; portrait 800×1280,
768×1024; offscreen screens of those sizes, tests/offscreen-screens.json) one window
is opened the way the app opens it, over the demo family. Then, in Danish and English
and at each of the three text sizes (switched in place, as the family does at the
table), every screen below is opened and every visible window walked by the generic
rules in tests/gui/fit.py: text that does not fit, controls outside their window or cut
off by a parent, windows larger than the screen, touch targets under 48 px, keys bound
twice. All problems of one screen size are reported together.

A page of the window's stack or a dialog class of familymeeting.ui that this audit does
not open fails it too: a new screen must be added to SCREENS the day it is added.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fit import SCREENS as SIZE_NAMES
from fit import audit, audit_open_windows, screen_named, window_problems
from helpers import open_unlocked, without_translators
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from team_stats_fixture import write_team_files

import familymeeting.ui
from familymeeting.domain.feedback import FEEDBACK_ITEMS
from familymeeting.domain.plan_changes import plan_content
from familymeeting.export.plan import render_plan
from familymeeting.settings import Settings
from familymeeting.storage.backup import list_backups
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.operations import KeepHandout, SetChildFeedback
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.unlock import RestoreNeeded, UnlockResult
from familymeeting.storage.vault import Vault
from familymeeting.ui.crash import build_crash_dialog
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.language import switch_language
from familymeeting.ui.main_window import PAGES, MainWindow
from familymeeting.ui.password import RecoveryCodeDialog
from familymeeting.ui.recovery import RestoreOfferDialog
from familymeeting.ui.startup import SetupPasswordDialog

PASSWORD = "Kaffe ved køkkenbordet 7"
LANGUAGES = ("da", "en")
TEXT_SIZES = (0, 1, 2)

pytestmark = pytest.mark.usefixtures("styled")


@dataclass
class World:
    """The window under audit and what its screens need."""

    qtbot: QtBot
    window: MainWindow
    vault: Vault
    data_dir: Path
    family_id: str
    meeting_id: str  # the demo's newest meeting (cards, ratings, actions)
    screen_name: str
    lang: str = "da"
    visited_pages: set[str] = field(default_factory=set)
    dialogs: set[str] = field(default_factory=set)

    @property
    def screen(self) -> QScreen:
        found = screen_named(self.screen_name)
        assert isinstance(found, QScreen), "tests/offscreen-screens.json is not in use"
        return found

    def settle(self) -> None:
        for _ in range(3):
            QApplication.processEvents()
        self.qtbot.wait(10)
        QApplication.processEvents()

    def page(self, name: str) -> None:
        """Note that a page of the window's stack was shown."""
        current = self.window.stack.currentWidget()
        assert current is getattr(self.window, name), f"{name} is not the page shown"
        self.visited_pages.add(name)

    def on_screen(self, dialog: QWidget) -> QWidget:
        """A window with no parent (start-up dialogs) opened on the screen under audit,
        as on a machine whose only screen it is: placed there before it is shown."""
        area = self.screen.availableGeometry()
        dialog.move(area.topLeft())
        dialog.show()
        self.settle()
        frame = dialog.frameGeometry()
        frame.moveCenter(area.center())
        dialog.move(frame.topLeft())
        self.settle()
        return dialog


# --------------------------------------------------------------------- screens
# Each opens one screen, returns a dialog it opened (closed again after the audit) or
# None, and says which page or dialog it is.
def families(w: World) -> None:
    w.window.show_families()
    w.window.families_page.list_switch.setChecked(True)  # where one shows at a time
    w.page("families_page")


def caseload(w: World, *, this_week: bool = False) -> None:
    """The overview beside the list, or on its own where both do not fit (a table
    where its columns fit, else a block per family)."""
    w.window.show_families()
    page = w.window.families_page
    page.caseload_switch.setChecked(True)
    page.caseload.week_button.setChecked(this_week)
    w.page("families_page")


def family(w: World) -> None:
    w.window.open_family(w.family_id)
    w.page("family_page")


def board(w: World) -> None:
    w.window.open_meeting(w.meeting_id)
    w.window.meeting.show_view("board")
    w.page("meeting")


def meeting_details(w: World) -> QDialog | None:
    """The header's "Møde": the meeting's date, place, status and next meeting."""
    board(w)
    return w.window.meeting.show_details()


def finish_meeting(w: World) -> QDialog | None:
    board(w)
    return w.window.meeting.finish_meeting()


def meeting_record(w: World) -> QDialog | None:
    """The caseworker's record, one tap from "Afslut møde"."""
    board(w)
    return w.window.meeting.open_record()


def three_houses(w: World) -> QDialog | None:
    """A child's Three Houses (the demo's Emma: a drawing and sentences), from the
    ratings view."""
    ratings(w)
    dialog = w.window.meeting.open_houses()
    if dialog is not None:
        dialog.show_house("good_things")
    return dialog


def who_is_here(w: World) -> None:
    """The row of people, shown below the header where it has no room in it."""
    board(w)
    w.settle()
    header = w.window.meeting.header
    if header.who_button.isVisible():
        header.who_button.setChecked(True)


def card_editor(w: World) -> None:
    board(w)
    column = next(c for c in w.window.meeting.columns.values() if c.isVisible())
    column.open_new_card_editor()


def card_menu(w: World) -> None:
    board(w)
    column = next(c for c in w.window.meeting.columns.values() if c.isVisible())
    card_id = column.order[0]
    card = column.cards[card_id]
    w.window.meeting.show_card_menu(card_id, card.mapToGlobal(QPoint(card.width() - 20, 20)))


def stance_sheet(w: World) -> QDialog | None:
    """Who agrees with a card: a row for everyone in the family."""
    board(w)
    column = next(c for c in w.window.meeting.columns.values() if c.isVisible())
    return w.window.meeting.open_stance_sheet(column.order[0])


def toolbar_menu(w: World) -> None:
    """The toolbar's "More" menu, where a narrow screen puts what does not fit."""
    board(w)
    w.settle()
    bar = w.window.toolbar
    if bar.overflow:
        bar.more_menu.popup(bar.more_button.mapToGlobal(bar.more_button.rect().bottomLeft()))


def ratings(w: World) -> None:
    board(w)
    w.window.meeting.show_view("ratings")


def answer_menu(w: World) -> None:
    """One person's "⋯" on the ratings: won't answer, comment, remove the answer."""
    ratings(w)
    w.settle()
    view = w.window.meeting.ratings
    question = view.questions()[0]
    row = view.rows[(question.id, view.people_of(question)[0].id)]
    row.menu_button.click()


def answer_comment(w: World) -> None:
    """A comment being written under a person's slider."""
    ratings(w)
    view = w.window.meeting.ratings
    question = view.questions()[0]
    person = view.people_of(question)[0]
    view.rows[(question.id, person.id)].start_comment()


def plan(w: World) -> None:
    board(w)
    w.window.meeting.show_view("plan")


def preview(w: World) -> None:
    plan(w)
    with w.qtbot.waitSignal(w.window.preview_page.ready, timeout=30_000):
        w.window.meeting.preview_plan()
    w.page("preview_page")


def child_picker(w: World) -> None:
    ratings(w)
    w.window.enter_child_mode()
    w.page("child_mode")
    assert w.window.child_mode.pages.currentWidget() is w.window.child_mode.pick_page


def child_question(w: World) -> None:
    child_picker(w)
    mode = w.window.child_mode
    next(iter(mode.child_buttons.values())).click()
    assert mode.pages.currentWidget() is mode.question_page


def child_share(w: World) -> None:
    """After an answer: "May the grown-ups see this?" with Yes and No, and last time's."""
    child_question(w)
    mode = w.window.child_mode
    mode.slider.committed.emit(4)  # an answer: the share question shows
    mode.last_label.setText(mode.tr("last: %1").replace("%1", "4"))
    mode.last_label.show()


def child_feedback_intro(w: World) -> None:
    """What the child is told before the feedback on the meeting."""
    child_question(w)
    mode = w.window.child_mode
    mode.index = len(mode.questions) - 1
    mode.next_question()
    assert mode.pages.currentWidget() is mode.feedback
    assert mode.feedback.pages.currentWidget() is mode.feedback.intro_page


def child_feedback_item(w: World) -> None:
    """One of the child's feedback questions (the longest wording: the last)."""
    child_feedback_intro(w)
    step = w.window.child_mode.feedback
    step.begin()
    step.index = len(FEEDBACK_ITEMS) - 2
    step.next_item()
    assert step.pages.currentWidget() is step.item_page


def child_thanks(w: World) -> None:
    child_feedback_intro(w)
    mode = w.window.child_mode
    mode.feedback.skip_all()
    assert mode.pages.currentWidget() is mode.done_page


def child_leave(w: World) -> QDialog:
    """The caseworker's password over the child's screen."""
    child_thanks(w)
    dialog = w.window.ask_leave_child_mode()
    assert dialog is not None
    return dialog


def progress(w: World) -> None:
    w.window.show_progress(w.family_id)
    w.page("progress")


def settings_page(w: World) -> None:
    w.window.show_maintenance()
    w.page("maintenance")


def team_files(w: World) -> list[Path]:
    """The hand-made team set (tests/team_stats_fixture.py), written once per window."""
    folder = w.data_dir.parent / "team-stats"
    if not folder.is_dir():
        folder.mkdir()
        write_team_files(folder)
    return sorted(folder.glob("*.parquet"))


def team(w: World) -> None:
    """The Team page with a report's figures (every table, "< 5" cells): grids where
    their columns fit, blocks where not."""
    w.window.show_team()
    page = w.window.team_page
    if page.report is None:
        with w.qtbot.waitSignal(page.report_shown, timeout=30_000):
            page.open_files(team_files(w))
    w.page("team_page")


def team_file_problem(w: World) -> QDialog | None:
    """A statistics file the reader cannot use: its message, the figures kept."""
    team(w)
    page = w.window.team_page
    bad = w.data_dir.parent / "a file with a rather long name, 2026Q4.parquet"
    bad.write_text("not parquet")
    with w.qtbot.waitSignal(page.read_failed, timeout=30_000):
        page.open_files([bad])
    return page.problem


def family_view(w: World) -> QDialog:
    board(w)
    assert w.window.enter_family_mode()
    w.settle()
    dialog = w.window.ask_leave_family_mode()
    assert dialog is not None
    return dialog


def new_family(w: World) -> QDialog:
    families(w)
    return w.window.families_page.new_family()


def edit_family(w: World) -> QDialog | None:
    family(w)
    return w.window.family_page.edit_family()


def new_meeting(w: World) -> QDialog | None:
    family(w)
    return w.window.family_page.new_meeting()


def access_log(w: World) -> QDialog | None:
    family(w)
    return w.window.family_page.show_access_log()


def children_s_feedback(w: World) -> QDialog | None:
    """Noah's feedback (the demo's, two meetings) and Emma's at every meeting."""
    progress(w)
    services = w.window.services
    emma = next(p.id for p in services.list_participants(w.family_id) if p.name == "Emma")
    for meeting in services.list_meetings(w.family_id):
        for n, item in enumerate(FEEDBACK_ITEMS):
            services.run(SetChildFeedback(meeting.id, emma, item, None if n == 2 else 10 - n))
    return w.window.progress.show_child_feedback()


def plans_given(w: World) -> QDialog | None:
    """The plans given to the family, two of them, with a long message above them."""
    family(w)
    services = w.window.services
    if not services.list_handouts(w.family_id):
        for meeting in reversed(services.list_meetings(w.family_id)[1:]):
            plan = build_plan(services, meeting.id)
            pdf = render_plan(plan).pdf
            services.run(KeepHandout(meeting.id, pdf, "print", plan.language, plan_content(plan)))
    dialog = w.window.family_page.show_handouts()
    if dialog is not None:
        dialog.status.setText("x " * 80)
        dialog.status.show()
    return dialog


def case_dates(w: World) -> QDialog | None:
    """ "Sagens datoer", in its tallest state: a message under the dates."""
    family(w)
    dialog = w.window.family_page.timeline.edit_dates()
    if dialog is not None:
        dialog.error_label.setText("x " * 80)
        dialog.error_label.show()
    return dialog


def delete_family(w: World) -> QDialog | None:
    family(w)
    return w.window.family_page.delete_family()


def new_action(w: World) -> QDialog:
    plan(w)
    return w.window.meeting.plan.new_action()


def chosen_people(w: World) -> QDialog | None:
    """The question dialog with "Chosen people": everyone's name to tick."""
    ratings(w)
    view = w.window.meeting.ratings
    dialog = view.edit_question(view.questions()[0].id)
    if dialog is not None:
        dialog.set_audience("chosen")
    return dialog


def new_question(w: World) -> QDialog:
    ratings(w)
    return w.window.meeting.ratings.new_question()


def restore_backup(w: World) -> QDialog | None:
    settings_page(w)
    page = w.window.maintenance
    page.backup_list.setCurrentRow(0)
    return page.ask_restore()


def rekey(w: World) -> QDialog | None:
    """ "Change the data key", in its tallest state: a message under the password."""
    settings_page(w)
    dialog = w.window.maintenance.ask_rekey()
    if dialog is not None:
        dialog.error_label.setText("x " * 80)
        dialog.error_label.show()
    return dialog


def new_recovery_code(w: World) -> QDialog | None:
    """ "New recovery code", in its tallest state: a message under the password."""
    settings_page(w)
    dialog = w.window.maintenance.ask_new_recovery_code()
    if dialog is not None:
        dialog.error_label.setText("x " * 80)
        dialog.error_label.show()
    return dialog


def new_recovery_code_shown(w: World) -> QWidget:
    """A new recovery code asked for in the settings: the tick, Continue and Cancel."""
    code = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB"
    return w.on_screen(RecoveryCodeDialog(code, acknowledge=lambda: None, cancellable=True))


def rekey_code(w: World) -> QWidget:
    """The recovery code after a change of the data key, with its note."""
    note = "x " * 40
    return w.on_screen(RecoveryCodeDialog("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB", note=note))


def save_plan(w: World) -> QDialog | None:
    """Qt's own file dialog (the platform's own where there is one): it must fit."""
    preview(w)
    return w.window.preview_page.save_with_dialog()


def team_statistics(w: World) -> QWidget | None:
    """Settings' "Statistics for the team" in its tallest state: a key loaded, the
    longest message under it, scrolled into view."""
    from familymeeting.storage.operations import SetTeamKey

    settings_page(w)
    block = w.window.maintenance.team_statistics
    block.show_state(w.window.maintenance.services.run(SetTeamKey(bytes(32))))
    block.say("x " * 80, problem=True)
    w.settle()
    return None


def save_statistics(w: World) -> QDialog | None:
    """Qt's own file dialog for the statistics file: it must fit."""
    team_statistics(w)
    return w.window.maintenance.team_statistics.choose_output()


def crash(w: World) -> QMessageBox:
    return build_crash_dialog(w.data_dir / "logs" / "error.log", w.window)


def first_start(w: World) -> QWidget:
    return w.on_screen(SetupPasswordDialog())


def first_start_restore(w: World) -> QWidget:
    """The first start's "bring back a backup file", in its tallest state: a file
    chosen, the recovery code and a new password, and a message."""
    dialog = SetupPasswordDialog(data_dir=w.data_dir)
    dialog.show_restore()
    form = dialog.restore_form
    form.set_backup_file(w.data_dir / "backups" / "familymeeting-2026-01-02T0304-auto.db")
    form.use_code.setChecked(True)
    form.message.setText("x " * 80)
    form.message.show()
    return w.on_screen(dialog)


def recovery_code(w: World) -> QWidget:
    return w.on_screen(RecoveryCodeDialog("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB"))


def damaged_at_start(w: World) -> QWidget:
    backup = list_backups(w.data_dir)[0]
    problem = RestoreNeeded(w.data_dir, moved_to=w.data_dir / "damaged" / "x.db", backup=backup)
    return w.on_screen(RestoreOfferDialog(problem, w.data_dir, PASSWORD))


Opener = Callable[[World], QWidget | None]

SCREENS: dict[str, Opener] = {
    "families": families,
    "caseload": caseload,
    "caseload: this week": lambda w: caseload(w, this_week=True),
    "family": family,
    "board": board,
    "meeting details": meeting_details,
    "finish meeting": finish_meeting,
    "meeting record": meeting_record,
    "three houses": three_houses,
    "who is here": who_is_here,
    "card editor": card_editor,
    "card menu": card_menu,
    "who agrees": stance_sheet,
    "toolbar menu": toolbar_menu,
    "ratings": ratings,
    "ratings: a person's menu": answer_menu,
    "ratings: a comment": answer_comment,
    "plan": plan,
    "plan preview": preview,
    "child mode: picker": child_picker,
    "child mode: question": child_question,
    "child mode: feedback, what the child is told": child_feedback_intro,
    "child mode: feedback question": child_feedback_item,
    "child mode: may the grown-ups see it": child_share,
    "child mode: thanks": child_thanks,
    "child mode, leaving it": child_leave,
    "progress": progress,
    "settings and backups": settings_page,
    "settings: statistics for the team": team_statistics,
    "settings: save the statistics": save_statistics,
    "team": team,
    "team: a file it cannot use": team_file_problem,
    "family view, leaving it": family_view,
    "new family": new_family,
    "edit family": edit_family,
    "new meeting": new_meeting,
    "access log": access_log,
    "plans given to the family": plans_given,
    "children's feedback": children_s_feedback,
    "case dates": case_dates,
    "delete family": delete_family,
    "new plan line": new_action,
    "new question": new_question,
    "question for chosen people": chosen_people,
    "bring back a backup": restore_backup,
    "change the data key": rekey,
    "change the data key: the new code": rekey_code,
    "new recovery code": new_recovery_code,
    "new recovery code: shown": new_recovery_code_shown,
    "save the plan": save_plan,
    "crash": crash,
    "first start": first_start,
    "first start: bring back a backup file": first_start_restore,
    "recovery code": recovery_code,
    "damaged data at start": damaged_at_start,
}

# Dialogs that are Qt's own (or the platform's): they must fit the screen; what is
# inside them is Qt's.
QT_OWN = (QFileDialog,)


# -------------------------------------------------------------------- fixtures
@pytest.fixture
def unlocked(data_dir: Path) -> Iterator[UnlockResult]:
    result = open_unlocked(data_dir, PASSWORD)
    yield result
    result.db.close()


@pytest.fixture
def world(
    qtbot: QtBot, qapp: QApplication, data_dir: Path, unlocked: UnlockResult, request: object
) -> Iterator[World]:
    vault = Vault(data_dir, unlocked.db)
    services = vault.services()
    demo = create_demo_family(services)
    vault.backup_now()  # a backup to offer on the settings page
    window = MainWindow(services, Settings(data_dir), vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(window)
    screen_name = request.param  # type: ignore[attr-defined]
    found = screen_named(screen_name)
    assert isinstance(found, QScreen), "tests/offscreen-screens.json is not in use"
    window.show_on_screen(found)
    qtbot.waitExposed(window)
    available = found.availableGeometry()
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
    newest = services.list_meetings(demo.id)[0].id
    yield World(qtbot, window, vault, data_dir, demo.id, newest, screen_name)
    if window.idle is not None:
        window.idle.dispose()
        window.idle = None
    window.close()
    without_translators(qapp)


# ------------------------------------------------------------------------ audit
def close_everything(w: World) -> None:
    """Menus and dialogs closed, child mode and family view left, the board's editor shut."""
    for _ in range(5):
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()
    for top in QApplication.topLevelWidgets():
        if top is not w.window and top.isVisible():
            if isinstance(top, QDialog):
                top.reject()
            top.close()
    window = w.window
    if window.stack.currentWidget() is window.child_mode:
        window.leave_child_mode()  # the password dialog is audited, not answered
    if window.family_mode:
        window._leave_family_mode()  # the password dialog is audited, not answered
    window.meeting.commit_edits()
    window.meeting.header.who_button.setChecked(False)
    for column in window.meeting.columns.values():
        column.close_editor()
    w.settle()


def audit_screen(w: World, name: str, opener: Opener) -> list[str]:
    where = f"{w.screen_name} {w.lang} text size {w.window.text_size}: {name}"
    opened = opener(w)
    w.settle()
    problems = []
    if isinstance(opened, QT_OWN):
        problems += [f"{where}: {p}" for p in window_problems(opened)]
        w.dialogs.add(type(opened).__name__)
        opened.reject()
    else:
        if opened is not None:
            w.dialogs.add(type(opened).__name__)
        problems += audit_open_windows(where)
        if w.window.meeting.isVisible() and w.window.meeting.tabs.isVisible():
            # Portrait: one column at a time; each one is looked at.
            for button in w.window.meeting.tab_buttons.values():
                button.click()
                w.settle()
                problems += audit(w.window, f"{where} [{button.text()}]")
    close_everything(w)
    return problems


def audit_lock_screen(w: World) -> list[str]:
    where = f"{w.screen_name} {w.lang} text size {w.window.text_size}: lock screen"
    w.window.lock()
    w.settle()
    problems = audit_open_windows(where)
    lock_screen = w.window.lock_screen
    assert lock_screen is not None
    with w.qtbot.waitSignal(w.window.locked_changed, timeout=30_000):
        lock_screen.unlock.password.edit.setText(PASSWORD)
        w.qtbot.mouseClick(lock_screen.unlock.unlock_button, Qt.MouseButton.LeftButton)
    w.settle()
    return problems


# A menu that pops up (the card's ⋯) makes the offscreen platform say exactly these two
# things; they are about the platform, not the app (the real-window test shows menus).
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise\\(\\)",
    "This plugin does not support grabbing the keyboard",
)
@pytest.mark.parametrize("world", SIZE_NAMES, indirect=True)
def test_every_screen_fits(world: World, qapp: QApplication) -> None:
    problems: list[str] = []
    for lang in LANGUAGES:
        switch_language(qapp, lang)
        world.lang = lang
        world.settle()
        for text_size in TEXT_SIZES:
            world.window.apply_text_size(text_size)
            world.settle()
            for name, opener in SCREENS.items():
                problems += audit_screen(world, name, opener)
            problems += audit_lock_screen(world)
    pages = set(PAGES) - {"stack", "services"}
    stack_pages = {
        name
        for name, value in vars(world.window).items()
        if isinstance(value, QWidget) and world.window.stack.indexOf(value) >= 0
    }
    assert stack_pages == pages, "a page of the window is missing from the audit"
    assert world.visited_pages == pages
    assert dialog_classes() - world.dialogs == set(), "add the new dialog to SCREENS"
    assert problems == [], "\n" + "\n".join(dict.fromkeys(problems))


def dialog_classes() -> set[str]:
    """Every dialog defined in familymeeting.ui (not the base classes they share)."""
    dialogs = set()
    for module in pkgutil.walk_packages(familymeeting.ui.__path__, "familymeeting.ui."):
        loaded = importlib.import_module(module.name)
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == loaded.__name__:
                dialogs.add(cls)
    # A base that dialogs share (FittedDialog, PasswordTaskDialog) is audited in them.
    shared = {cls for cls in dialogs if any(o is not cls and issubclass(o, cls) for o in dialogs)}
    return {cls.__name__ for cls in dialogs - shared if cls is not FittedDialog}


def test_every_dialog_fits_its_content_within_the_screen() -> None:
    """Each dialog of the app derives from FittedDialog (ui/dialog.py)."""
    for module in pkgutil.walk_packages(familymeeting.ui.__path__, "familymeeting.ui."):
        loaded = importlib.import_module(module.name)
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == loaded.__name__:
                assert issubclass(cls, FittedDialog), cls
