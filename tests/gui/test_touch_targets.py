"""Every target a finger must hit is at least 48 px, as the user gets it (issue 14, fault 7):
the rows of every combo box's list (the role and "Hvem" pickers among them), the days
of the calendars, menu items, check boxes (the whole row takes the tap), list rows and
dialog buttons; and every dialog puts its buttons in a QDialogButtonBox, in the
platform's one order, with the right roles and Danish words.

Pop-ups are really opened. The offscreen platform cannot raise a window or grab the
keyboard, so a pop-up is shown with WA_DontShowOnScreen (laid out, painted, not
mapped), and only the one message that still comes, about raise(), is let through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import RestoreNeeded
from familymeeting.ui import theme
from familymeeting.ui.access import AccessLogDialog, DeleteFamilyDialog
from familymeeting.ui.family_dialog import FamilyDialog
from familymeeting.ui.lock import UnlockDialog
from familymeeting.ui.maintenance import MaintenancePage, RestoreDialog
from familymeeting.ui.meeting.page import MeetingPage
from familymeeting.ui.meeting.plan.view import ActionDialog, ActionRow
from familymeeting.ui.meeting.ratings.view import QuestionDialog
from familymeeting.ui.meeting_dialog import MeetingDialog
from familymeeting.ui.password import RecoveryCodeDialog
from familymeeting.ui.recovery import RestoreOfferDialog
from familymeeting.ui.startup import SetupPasswordDialog

TOUCH = theme.TOUCH
ShowBoard = Callable[..., MeetingPage]  # the show_board fixture (gui/conftest.py)
SIZES = (0, len(theme.TEXT_SCALES) - 1)  # the smallest text gives the smallest targets
RAISE = r"This plugin does not support raise\(\)"  # offscreen; see the module docstring
Role = QDialogButtonBox.ButtonRole

pytestmark = pytest.mark.usefixtures("danish")


@pytest.fixture(params=SIZES, ids=["small-text", "large-text"])
def text_size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[int]:
    """The app's look at a text size (dialogs made alone take the application's)."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(theme.stylesheet(request.param))
    yield request.param
    qapp.setStyleSheet(before)


@pytest.fixture
def family(services: Services) -> tuple[str, str]:
    family = services.create_family("Familien Holm")
    for name, role in (("Emma", "child"), ("Mette", "parent"), ("Grethe", "network")):
        services.add_participant(
            family.id, name, role, birth_year=2016 if role == "child" else None
        )
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    return family.id, meeting.id


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@contextmanager
def popped(window: QWidget) -> Iterator[None]:
    """A pop-up window shown as the user gets it, but not mapped (see the docstring)."""
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    try:
        yield
    finally:
        window.hide()


def combo_rows(combo: QComboBox) -> list[int]:
    """The heights of the rows of a combo box's opened list."""
    view = combo.view()
    with popped(view.window()):
        combo.showPopup()
        assert view.isVisible()
        heights = [
            view.visualRect(combo.model().index(row, 0)).height() for row in range(combo.count())
        ]
        combo.hidePopup()
    assert heights
    return heights


def calendar_targets(edit: QDateTimeEdit) -> dict[str, int]:
    """The smallest day cell, navigation button, month menu item and year field of a
    date field's opened calendar, and the size of the pop-up."""
    calendar = edit.calendarWidget()
    popup = calendar.window()
    with popped(popup):
        edit.setFocus()
        # What a tap on the arrow does (QDateTimeEdit opens it on a press there).
        popup.move(edit.mapToGlobal(QPoint(0, edit.height())))
        popup.resize(popup.sizeHint())
        popup.show()
        QApplication.processEvents()
        view = calendar.findChild(QTableView)
        assert view is not None and view.isVisible()
        model = view.model()
        days = [
            view.visualRect(model.index(row, column))
            for row in range(1, model.rowCount())  # row 0: the names of the days
            for column in range(model.columnCount())
            if not view.isColumnHidden(column) and view.columnWidth(column) > 0
        ]
        buttons = [b for b in calendar.findChildren(QToolButton) if b.isVisible()]
        month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
        assert month is not None and month.menu() is not None
        menu = month.menu()
        menu.ensurePolished()
        items = [menu.actionGeometry(a).height() for a in menu.actions() if a.isVisible()]
        year = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
        assert year is not None
        year.click()
        spin = calendar.findChild(QSpinBox, "qt_calendar_yearedit")
        assert spin is not None and spin.isVisible()
        targets = {
            "day height": min(r.height() for r in days),
            "day width": min(r.width() for r in days),
            "button": min(min(b.width(), b.height()) for b in buttons),
            "month item": min(items),
            "year field": spin.height(),
            "popup width": popup.width(),
            "popup height": popup.height(),
        }
    return targets


# ------------------------------------------------------------------- pickers
@pytest.mark.qt_log_ignore(RAISE)
def test_the_role_picker_rows(
    qtbot: QtBot, services: Services, family: tuple[str, str], text_size: int
) -> None:
    dialog = shown(qtbot, FamilyDialog(services, family[0]))
    assert isinstance(dialog, FamilyDialog)
    for combo in (dialog.rows[0].role_combo, dialog.language_combo):
        assert min(combo_rows(combo)) >= TOUCH
        assert combo.height() >= TOUCH


@pytest.mark.qt_log_ignore(RAISE)
def test_the_who_picker_rows(
    qtbot: QtBot, services: Services, family: tuple[str, str], text_size: int
) -> None:
    people = services.list_participants(family[0])
    dialog = shown(qtbot, ActionDialog(people))
    assert isinstance(dialog, ActionDialog)
    assert dialog.who_combo.count() == 4  # nobody chosen, and the three
    assert min(combo_rows(dialog.who_combo)) >= TOUCH
    assert dialog.who_combo.height() >= TOUCH


@pytest.mark.qt_log_ignore(RAISE)
def test_every_other_combo_list(
    qtbot: QtBot,
    services: Services,
    family: tuple[str, str],
    data_dir: Path,
    show_board: ShowBoard,
    text_size: int,
) -> None:
    meeting = shown(qtbot, MeetingDialog(services, family[0]))
    assert isinstance(meeting, MeetingDialog)
    settings_page = shown(qtbot, MaintenancePage(services, Settings(data_dir), None))
    assert isinstance(settings_page, MaintenancePage)
    combos = [
        meeting.time_combo,
        settings_page.language_combo,
        settings_page.lock_combo,
        settings_page.log_combo,
    ]
    for combo in combos:
        assert min(combo_rows(combo)) >= TOUCH, combo.accessibleName()


@pytest.mark.qt_log_ignore(RAISE)
def test_the_meeting_details_choices(
    services: Services, family: tuple[str, str], show_board: ShowBoard
) -> None:
    """The header's "Møde" sheet: the time list's rows and the status choices."""
    board = show_board(services, family[1])
    sheet = board.show_details()
    assert sheet is not None
    assert min(combo_rows(sheet.when.time_combo)) >= TOUCH
    assert min(combo_rows(sheet.next_when.time_combo)) >= TOUCH
    for button in sheet.status_buttons.values():
        assert button.height() >= TOUCH, button.text()
    sheet.reject()


# ----------------------------------------------------------------- calendars
@pytest.mark.qt_log_ignore(RAISE)
def test_calendar_days_and_buttons(
    qtbot: QtBot, services: Services, family: tuple[str, str], text_size: int
) -> None:
    meeting = shown(qtbot, MeetingDialog(services, family[0]))
    assert isinstance(meeting, MeetingDialog)
    action = shown(qtbot, ActionDialog(services.list_participants(family[0])))
    assert isinstance(action, ActionDialog)
    action.date_check.setChecked(True)
    for edit in (meeting.date_edit, action.date_edit):
        assert edit.calendarPopup()
        targets = calendar_targets(edit)
        for name in ("day height", "day width", "button", "month item", "year field"):
            assert targets[name] >= TOUCH, (edit.accessibleName(), name, targets)
        # Whole on the smallest screens: 1024×768, and a tablet held upright (800 wide).
        assert targets["popup width"] <= 768 and targets["popup height"] <= 768 - 2 * TOUCH


@pytest.mark.qt_log_ignore(RAISE)
def test_the_meeting_sheets_calendars(
    services: Services, family: tuple[str, str], show_board: ShowBoard
) -> None:
    board = show_board(services, family[1])
    for opener in (board.show_details, board.finish_meeting):
        sheet = opener()
        assert sheet is not None
        picker = getattr(sheet, "when", None) or sheet.next_when
        targets = calendar_targets(picker.date_edit)
        names = ("day height", "day width", "button", "month item")
        assert min(targets[n] for n in names) >= TOUCH, type(sheet).__name__
        sheet.reject()


# ---------------------------------------------------------------- check boxes
def assert_whole_row_takes_the_tap(qtbot: QtBot, box: QCheckBox) -> None:
    assert box.height() >= TOUCH
    for spot in (QPoint(box.width() - 3, box.height() // 2), QPoint(box.width() // 2, 2)):
        before = box.isChecked()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=spot)
        assert box.isChecked() != before, (box.text(), spot)


def test_check_boxes_take_a_tap_anywhere_on_their_row(
    qtbot: QtBot, services: Services, family: tuple[str, str], text_size: int
) -> None:
    code = shown(qtbot, RecoveryCodeDialog("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB"))
    assert isinstance(code, RecoveryCodeDialog)
    # The whole width of the dialog is the row: a tap beside the words ticks it too.
    assert code.written.width() >= code.width() // 2
    assert_whole_row_takes_the_tap(qtbot, code.written)
    people = services.list_participants(family[0])
    question = shown(qtbot, QuestionDialog(people=people))
    assert isinstance(question, QuestionDialog)
    question.audience_buttons["chosen"].click()  # the people to choose show
    assert_whole_row_takes_the_tap(qtbot, next(iter(question.person_checks.values())))
    action = shown(qtbot, ActionDialog(services.list_participants(family[0])))
    assert isinstance(action, ActionDialog)
    assert_whole_row_takes_the_tap(qtbot, action.date_check)
    meeting = shown(qtbot, MeetingDialog(services, family[0]))
    assert isinstance(meeting, MeetingDialog)
    for box in meeting.attendee_boxes.values():
        assert_whole_row_takes_the_tap(qtbot, box)
    row = ActionRow()
    row.resize(800, 100)
    shown(qtbot, row)
    assert_whole_row_takes_the_tap(qtbot, row.done_check)
    assert row.done_check.width() >= TOUCH


# ------------------------------------------------------------ menus and lists
def test_card_menu_items(
    services: Services, family: tuple[str, str], show_board: ShowBoard
) -> None:
    card = services.add_card(family[1], "worries", "Bekymring")
    board = show_board(services, family[1])
    menu = board.build_card_menu(card.id)
    menus = [menu, *[a.menu() for a in menu.actions() if a.menu() is not None]]
    for each in menus:
        assert isinstance(each, QMenu)
        each.ensurePolished()
        for action in each.actions():
            if action.isVisible() and not action.isSeparator():
                assert each.actionGeometry(action).height() >= TOUCH, action.text()


def test_access_log_rows(
    qtbot: QtBot, services: Services, family: tuple[str, str], text_size: int
) -> None:
    services.log_event("open_family", family_id=family[0])
    services.log_event("open_meeting", family_id=family[0], meeting_id=family[1])
    dialog = shown(qtbot, AccessLogDialog(services, family[0]))
    tree = dialog.findChild(QTreeWidget)
    assert tree is not None and tree.topLevelItemCount() == 2
    for row in range(2):
        assert tree.visualItemRect(tree.topLevelItem(row)).height() >= TOUCH


# --------------------------------------------------------------- dialog buttons
DialogCase = tuple[Callable[..., QDialog], dict[str, QDialogButtonBox.ButtonRole], set[str]]


def dialogs(services: Services, family: tuple[str, str], data_dir: Path) -> dict[str, DialogCase]:
    """Each dialog, the roles of its buttons (by attribute name) and the words on them."""
    people = services.list_participants(family[0])
    problem = RestoreNeeded(data_dir, moved_to=data_dir / "damaged" / "x.db", backup=None)
    backup = data_dir / "backups" / "familymeeting-2026-12-01.db"
    vault = SimpleNamespace(data_dir=data_dir)
    return {
        "new family": (
            lambda: FamilyDialog(services),
            {"save_button": Role.AcceptRole, "cancel_button": Role.RejectRole},
            {"Gem", "Annuller"},
        ),
        "edit family": (
            lambda: FamilyDialog(services, family[0]),
            {
                "save_button": Role.AcceptRole,
                "cancel_button": Role.RejectRole,
                "archive_button": Role.ActionRole,
            },
            {"Gem", "Annuller", "Arkivér familie"},
        ),
        "meeting": (
            lambda: MeetingDialog(services, family[0]),
            {"save_button": Role.AcceptRole, "cancel_button": Role.RejectRole},
            {"Opret møde", "Annuller"},
        ),
        "access log": (
            lambda: AccessLogDialog(services, family[0]),
            {"close_button": Role.RejectRole},
            {"Luk"},
        ),
        "delete family": (
            lambda: DeleteFamilyDialog(services, family[0]),
            {"delete_button": Role.AcceptRole, "cancel_button": Role.RejectRole},
            {"Slet for altid", "Annuller"},
        ),
        "question": (
            QuestionDialog,
            {"save_button": Role.AcceptRole, "cancel_button": Role.RejectRole},
            {"Gem", "Annuller"},
        ),
        "action": (
            lambda: ActionDialog(people),
            {"save_button": Role.AcceptRole, "cancel_button": Role.RejectRole},
            {"Gem", "Annuller"},
        ),
        "choose a password": (
            SetupPasswordDialog,
            {"ok_button": Role.AcceptRole, "cancel_button": Role.RejectRole},
            {"Fortsæt", "Afslut"},
        ),
        "recovery code": (
            lambda: RecoveryCodeDialog("ABCD-EFGH"),
            {"continue_button": Role.AcceptRole},
            {"Fortsæt"},
        ),
        "unlock": (
            lambda: UnlockDialog(data_dir, lambda _pw: None),
            {
                "unlock.unlock_button": Role.AcceptRole,
                "unlock.cancel_button": Role.RejectRole,
                "unlock.forgot_button": Role.ActionRole,
            },
            {"Lås op", "Afslut", "Glemt adgangskoden?"},
        ),
        "damaged at start": (
            lambda: RestoreOfferDialog(problem, data_dir, "x"),
            {"go_button": Role.AcceptRole, "quit_button": Role.RejectRole},
            {"Start med tomme data", "Afslut"},
        ),
        "bring back a backup": (
            lambda: RestoreDialog(vault, backup, "1. december 2026 09:00"),  # type: ignore[arg-type]
            {"restore_button": Role.AcceptRole, "cancel_button": Role.RejectRole},
            {"Hent den tilbage", "Annuller"},
        ),
    }


def attribute(dialog: QDialog, path: str) -> QPushButton:
    target: object = dialog
    for name in path.split("."):
        target = getattr(target, name)
    assert isinstance(target, QPushButton), path
    return target


def test_every_dialog_puts_its_buttons_in_a_button_box(
    qtbot: QtBot, services: Services, family: tuple[str, str], data_dir: Path, text_size: int
) -> None:
    accept_left: dict[str, bool] = {}
    for name, (make, roles, words) in dialogs(services, family, data_dir).items():
        dialog = make()
        shown(qtbot, dialog)
        boxes = [b for b in dialog.findChildren(QDialogButtonBox) if b.isVisible()]
        assert len(boxes) == 1, name
        box = boxes[0]
        for path, role in roles.items():
            button = attribute(dialog, path)
            assert button.parentWidget() is box, (name, path)
            assert box.buttonRole(button) == role, (name, path)
        in_box = [b for b in box.buttons() if b.isVisible()]
        assert {b.text() for b in in_box} == words, name
        for button in in_box:
            assert button.height() >= TOUCH and button.width() >= TOUCH, (name, button.text())
        # No other push button acts for the dialog (content such as "Add participant",
        # the ✕ of a participant row, and the first start's way to a backup file instead,
        # which changes the form rather than answering it, excepted; a checkable button
        # is a choice in the form, as "Who answers": Børnene / De voksne / Alle).
        loose = [
            b.text()
            for b in dialog.findChildren(QPushButton)
            if b.isVisible() and b.parentWidget() is not box and not b.isCheckable()
        ]
        content = {"Tilføj deltager", "✕", "Hent data fra en sikkerhedskopi i stedet…"}
        assert set(loose) <= content, (name, loose)
        accepts = [b for b in in_box if box.buttonRole(b) == Role.AcceptRole]
        rejects = [b for b in in_box if box.buttonRole(b) == Role.RejectRole]
        if accepts and rejects:
            accept_left[name] = accepts[0].x() < rejects[0].x()
        dialog.close()
    # One order everywhere: the platform's, the same in every dialog.
    assert len(set(accept_left.values())) == 1, accept_left


def test_the_unlock_dialog_recovery_page_buttons(
    qtbot: QtBot, data_dir: Path, text_size: int
) -> None:
    dialog = UnlockDialog(data_dir, lambda _pw: None)
    shown(qtbot, dialog)
    dialog.unlock.show_recovery()
    boxes = [b for b in dialog.findChildren(QDialogButtonBox) if b.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.buttonRole(dialog.unlock.recover_button) == Role.AcceptRole
    assert box.buttonRole(dialog.unlock.back_button) == Role.RejectRole
    assert {b.text() for b in box.buttons()} == {"Vælg ny adgangskode", "Tilbage"}
    for button in box.buttons():
        assert button.height() >= TOUCH


def test_the_card_editor_buttons(
    qtbot: QtBot, services: Services, family: tuple[str, str], show_board: ShowBoard
) -> None:
    """Writing a card is a small dialog in the column: the same order as the dialogs."""
    board = show_board(services, family[1])
    column = board.columns["worries"]
    column.open_new_card_editor()
    editor = column.editor
    assert editor is not None
    qtbot.waitUntil(editor.isVisible)
    box = editor.findChild(QDialogButtonBox)
    assert box is not None
    assert box.buttonRole(editor.done_button) == Role.AcceptRole
    assert box.buttonRole(editor.cancel_button) == Role.RejectRole
    assert {b.text() for b in box.buttons()} == {"Færdig", "Annuller"}
    for button in box.buttons():
        assert button.isVisible() and button.height() >= TOUCH and button.width() >= TOUCH
    column.close_editor()
