"""A family's page and planning meetings from it, in Danish, over a real database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.calendar import default_meeting_start
from familymeeting.domain.enums import Column, MeetingKind, MeetingStatus, Role
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.ui import theme
from familymeeting.ui.families_page import DETAIL_ROLE
from familymeeting.ui.family_dialog import FamilyDialog
from familymeeting.ui.family_page import FamilyPage
from familymeeting.ui.meeting_dialog import MeetingDialog

Shot = Callable[[QWidget, str], Path]


pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


def make_page(qtbot: QtBot, services: Services, family_id: str) -> FamilyPage:
    page = FamilyPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show_family(family_id)
    page.show()
    qtbot.waitExposed(page)
    return page


def rows(lst: QListWidget) -> list[tuple[str, str]]:
    return [(lst.item(r).text(), str(lst.item(r).data(DETAIL_ROLE))) for r in range(lst.count())]


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def chips(page: FamilyPage) -> list[str]:
    out = []
    for i in range(page.chip_layout.count()):
        item = page.chip_layout.itemAt(i)
        widget = item.widget() if item is not None else None
        if widget is not None:
            out.append(widget.text())  # type: ignore[attr-defined]
    return out


def test_shows_participants_and_meetings_newest_first(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    family = services.create_family("Familien Berg", caseworker_name="Sara Nielsen")
    services.add_participant(family.id, "Lea", Role.CHILD, birth_year=date.today().year - 9)
    services.add_participant(family.id, "Karin", Role.PARENT)
    services.create_meeting(family.id, datetime(2026, 11, 25, 10, 0), place="Hjemme")
    services.create_meeting(
        family.id,
        datetime(2027, 1, 6, 14, 30),
        kind=MeetingKind.NETWORK,
        status=MeetingStatus.IN_PROGRESS,
    )
    services.create_meeting(
        family.id,
        datetime(2026, 12, 9, 9, 0),
        kind=MeetingKind.FOLLOW_UP,
        status=MeetingStatus.CLOSED,
        place="Rådhuset",
    )

    page = make_page(qtbot, services, family.id)

    assert page.title_label.text() == "Familien Berg"
    assert page.info_label.text() == "Rådgiver: Sara Nielsen"
    assert chips(page) == ["Lea · Barn · 9 år", "Karin · Forælder"]
    assert rows(page.meeting_list) == [
        ("onsdag den 6. januar 2027 kl. 14.30", "Netværksmøde · I gang"),
        ("onsdag den 9. december 2026 kl. 09.00", "Opfølgningsmøde · Afsluttet · Rådhuset"),
        ("onsdag den 25. november 2026 kl. 10.00", "Første møde · Planlagt · Hjemme"),
    ]
    assert page.new_meeting_button.text() == "Nyt møde"
    assert page.follow_up_button.text() == "Opfølgningsmøde"
    assert page.edit_button.text() == "Rediger familie"
    for button in (page.new_meeting_button, page.follow_up_button, page.edit_button):
        assert button.height() >= theme.TOUCH
    for r in range(page.meeting_list.count()):
        item = page.meeting_list.item(r)
        assert page.meeting_list.visualItemRect(item).height() >= theme.TOUCH


def test_demo_family_screen_and_tap_opens_meeting(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    demo = create_demo_family(services)
    page = make_page(qtbot, services, demo.id)
    meetings = services.list_meetings(demo.id)
    assert [d.split(" · ")[0] for _, d in rows(page.meeting_list)] == [
        "Opfølgningsmøde",
        "Opfølgningsmøde",
        "Første møde",
    ]
    assert len(chips(page)) == 7
    screenshot(page, "family-page-demo")

    lst = page.meeting_list
    with qtbot.waitSignal(page.meeting_opened) as opened:
        rect = lst.visualItemRect(lst.item(2))
        qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [meetings[2].id]

    with qtbot.waitSignal(page.meeting_opened) as opened:
        lst.setCurrentRow(1)
        qtbot.keyClick(lst, Qt.Key.Key_Return)
    assert opened.args == [meetings[1].id]


def test_family_without_meetings(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    family = services.create_family("Familien Berg")
    page = make_page(qtbot, services, family.id)
    assert not page.follow_up_button.isEnabled()
    assert page.follow_up() is None
    assert page.stack.currentWidget() is page.no_meetings_label
    assert page.no_meetings_label.text().startswith("Ingen møder endnu.")
    screenshot(page, "family-page-empty")


def test_new_meeting_is_created_with_chosen_attendees(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    family = services.create_family("Familien Berg")
    lea = services.add_participant(family.id, "Lea", Role.CHILD, birth_year=2016)
    karin = services.add_participant(family.id, "Karin", Role.PARENT)
    ib = services.add_participant(family.id, "Ib", Role.NETWORK)
    page = make_page(qtbot, services, family.id)

    before = datetime.now()
    click(qtbot, page.new_meeting_button)
    after = datetime.now()
    dialog = page._dialog
    assert isinstance(dialog, MeetingDialog)
    assert dialog.isVisible()
    assert dialog.title_label.text() == "Nyt møde"
    assert dialog.kind_buttons[MeetingKind.FIRST].isChecked()
    assert dialog.kind_buttons[MeetingKind.NETWORK].text() == "Netværksmøde"
    assert all(box.isChecked() for box in dialog.attendee_boxes.values())
    # Default: the next whole hour in working hours, on a working day.
    assert dialog.starts_at() in {default_meeting_start(before), default_meeting_start(after)}
    assert dialog.starts_at().minute == 0
    screenshot(dialog, "meeting-dialog-new")

    dialog.date_edit.setDate(QDate(2027, 2, 3))
    dialog.time_combo.setCurrentIndex(dialog.time_combo.findText("13.30"))
    qtbot.keyClicks(dialog.place_edit, "Skolen")
    click(qtbot, dialog.kind_buttons[MeetingKind.NETWORK])
    click(qtbot, dialog.attendee_boxes[ib.id])
    click(qtbot, dialog.save_button)

    assert not dialog.isVisible()
    (meeting,) = services.list_meetings(family.id)
    assert meeting.id == dialog.meeting_id
    assert meeting.starts_at == datetime(2027, 2, 3, 13, 30)
    assert (meeting.place, meeting.kind, meeting.status) == ("Skolen", "network", "planned")
    assert services.list_attendee_ids(meeting.id) == [lea.id, karin.id]
    assert rows(page.meeting_list) == [
        ("onsdag den 3. februar 2027 kl. 13.30", "Netværksmøde · Planlagt · Skolen")
    ]
    assert page.follow_up_button.isEnabled()


def test_follow_up_carries_the_newest_board_forward(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    today = date.today()
    demo = create_demo_family(services, today)
    newest = services.list_meetings(demo.id)[0]
    people = {p.name: p.id for p in services.list_participants(demo.id)}
    page = make_page(qtbot, services, demo.id)

    click(qtbot, page.follow_up_button)
    dialog = page._dialog
    assert isinstance(dialog, MeetingDialog)
    assert dialog.follows_id == newest.id
    assert dialog.title_label.text() == "Opfølgningsmøde"
    assert dialog.save_button.text() == "Start opfølgning"
    # Defaults: when and where the family agreed to meet next time, and the same people.
    assert dialog.starts_at() == newest.next_meeting_at
    assert dialog.place_edit.text() == "Familiens hus"
    assert dialog.kind_buttons[MeetingKind.FOLLOW_UP].isChecked()
    previous_attendees = services.list_attendee_ids(newest.id)
    assert dialog.attendee_ids() == previous_attendees
    screenshot(dialog, "meeting-dialog-follow-up")

    click(qtbot, dialog.attendee_boxes[people["Mormor Grethe"]])
    click(qtbot, dialog.save_button)

    assert not dialog.isVisible()
    follow_up = services.get_meeting(dialog.meeting_id or "")
    assert follow_up.follows_id == newest.id
    assert follow_up.kind == "follow_up"
    assert follow_up.starts_at == newest.next_meeting_at
    assert follow_up.place == "Familiens hus"

    def board(meeting_id: str) -> list[tuple[str, str]]:
        return [(c.column, c.text) for c in services.list_cards(meeting_id)]

    assert board(follow_up.id) == board(newest.id)
    assert any(column == Column.NEEDS_TO_HAPPEN for column, _ in board(follow_up.id))
    expected = [pid for pid in previous_attendees if pid != people["Mormor Grethe"]]
    assert services.list_attendee_ids(follow_up.id) == expected
    assert page.meeting_list.count() == 4
    assert page.follow_up_source() == follow_up.id  # the new meeting is the chosen one now


def test_follow_up_of_a_chosen_older_meeting(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    demo = create_demo_family(services)
    oldest = services.list_meetings(demo.id)[-1]
    page = make_page(qtbot, services, demo.id)
    page.meeting_list.setFocus()
    page.meeting_list.setCurrentRow(0)
    qtbot.keyClick(page.meeting_list, Qt.Key.Key_End)  # choose with the keyboard, not opening
    assert page.follow_up_source() == oldest.id

    dialog = page.follow_up()
    assert dialog is not None
    assert dialog.follows_id == oldest.id
    assert dialog.place_edit.text() == "Hjemme hos familien"
    assert dialog.save()
    dialog.accept()
    follow_up = services.get_meeting(dialog.meeting_id or "")
    assert follow_up.follows_id == oldest.id
    assert [c.text for c in services.list_cards(follow_up.id)] == [
        c.text for c in services.list_cards(oldest.id)
    ]


def test_meeting_error_is_shown_and_nothing_is_stored(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    family = services.create_family("Familien Berg")
    page = make_page(qtbot, services, family.id)
    dialog = page.new_meeting()
    assert dialog is not None
    dialog.place_edit.setText("x" * 301)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Sted er for lang (301 tegn); højst 300 tegn."
    assert services.list_meetings(family.id) == []
    dialog.reject()


def test_edit_family_refreshes_and_tells(qtbot: QtBot, services: Services, danish: None) -> None:
    family = services.create_family("Familien Berg")
    page = make_page(qtbot, services, family.id)
    click(qtbot, page.edit_button)
    dialog = page._dialog
    assert isinstance(dialog, FamilyDialog)
    dialog.name_edit.setText("Familien Holm")
    with qtbot.waitSignal(page.family_changed) as changed:
        click(qtbot, dialog.save_button)
    assert changed.args == [family.id]
    assert page.title_label.text() == "Familien Holm"

    dialog = page.edit_family()
    assert dialog is not None
    with qtbot.waitSignal(page.family_changed):
        click(qtbot, dialog.archive_button)
    assert page.info_label.text() == "Arkiveret"


# ------------------------------------------------------ the case timeline (issue 18)
def test_the_timeline_shows_each_childs_days_between(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    from familymeeting.ui.timeline import CaseLine

    family = create_demo_family(services)
    page = make_page(qtbot, services, family.id)
    section = page.timeline
    assert section.title_label.text() == "Sagens forløb"
    assert section.legend_label.text() == "● sagens datoer · □ møder"
    texts = [
        label.text()
        for label in section.body.findChildren(QLabel)
        if label.objectName() == "timelineSpans"
    ]
    assert texts == [
        "<b>Emma</b> · fra bekymring til beslutning: 23 dage · fra beslutning til hjælp: 9 dage",
        "<b>Noah</b> · fra bekymring til beslutning: 35 dage · fra beslutning til hjælp: 14 dage",
    ]
    lines = section.body.findChildren(CaseLine)
    assert [line.line.name for line in lines] == ["Emma", "Noah"]
    assert len(lines[0].line.meetings) == 3
    # Every row of a line's dates is within its height (none painted outside it), once
    # the page has laid out its fonts.
    qtbot.waitUntil(lambda: all(x.height() == x.sizeHint().height() for x in lines))


@pytest.mark.parametrize(("width", "height", "beside"), [(1366, 680, True), (800, 1180, False)])
def test_the_meetings_keep_their_room_beside_or_under_the_timeline(
    qtbot: QtBot, services: Services, danish: None, width: int, height: int, beside: bool
) -> None:
    """Wide: the timeline beside the meetings, the whole height each. Upright: above
    them, at most a third of the page, so the meetings list keeps the rest."""
    family = create_demo_family(services)
    page = make_page(qtbot, services, family.id)
    page.resize(width, height)
    lines = page.timeline.lines_area
    meetings = page.meeting_list

    def at(widget: QWidget) -> QPoint:
        return widget.mapTo(page, widget.rect().topLeft())

    if beside:
        qtbot.waitUntil(lambda: at(lines).x() >= at(meetings).x() + meetings.width())
        assert meetings.height() >= 3 * 56  # the three demo meetings, whole
    else:
        qtbot.waitUntil(lambda: at(lines).y() + lines.height() <= at(meetings).y())
        assert lines.height() <= height * 33 // 100
        assert meetings.height() >= height // 3


def test_the_case_dates_dialog_saves_a_childs_own_date(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    from familymeeting.domain.enums import CaseDateKind

    family = services.create_family("Familien Berg")
    maja = services.add_participant(family.id, "Maja", Role.CHILD, birth_year=2015).id
    page = make_page(qtbot, services, family.id)
    # No dates yet: only the button, among the page's own.
    assert page.timeline.isHidden() and page.timeline.edit_button.isVisible()
    assert page.timeline.edit_button.text() == "Sagens datoer …"
    dialog = page.timeline.edit_dates()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    concern = dialog.fields[(None, CaseDateKind.CONCERN)]
    assert concern.empty_button.text() == "Ingen dato"
    assert dialog.fields[(maja, CaseDateKind.CONCERN)].empty_button.text() == "Som familien"
    qtbot.mouseClick(concern.empty_button, Qt.MouseButton.LeftButton)
    concern.date_edit.setDate(QDate(2026, 9, 1))
    decision = dialog.fields[(maja, CaseDateKind.DECISION)]
    qtbot.mouseClick(decision.empty_button, Qt.MouseButton.LeftButton)
    decision.date_edit.setDate(QDate(2026, 9, 24))
    with qtbot.waitSignal(page.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = {(r.participant_id, r.kind, r.on_date) for r in services.list_case_dates(family.id)}
    assert stored == {(None, "concern", date(2026, 9, 1)), (maja, "decision", date(2026, 9, 24))}
    assert page.timeline.isVisible()
    spans = [
        label.text()
        for label in page.timeline.body.findChildren(QLabel)
        if label.objectName() == "timelineSpans"
    ]
    assert spans[0].startswith("<b>Maja</b> · fra bekymring til beslutning: 23 dage")
    assert "venter på hjælp" in spans[0]


def test_a_decision_before_the_concern_is_refused_in_the_dialog(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    from familymeeting.domain.enums import CaseDateKind

    family = create_demo_family(services)
    before = services.list_case_dates(family.id)
    page = make_page(qtbot, services, family.id)
    dialog = page.timeline.edit_dates()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    field = dialog.fields[(None, CaseDateKind.DECISION)]
    concern = dialog.stored[(None, CaseDateKind.CONCERN)]
    field.date_edit.setDate(QDate(concern.year - 1, 1, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "ligger før datoen for bekymring modtaget" in dialog.error_label.text()
    assert services.list_case_dates(family.id) == before
    # "×" takes a date away; the family's then applies again.
    noah = dialog.fields[
        (
            next(p.id for p in services.list_participants(family.id) if p.name == "Noah"),
            CaseDateKind.HELP_STARTED,
        )
    ]
    qtbot.mouseClick(noah.clear_button, Qt.MouseButton.LeftButton)
    assert noah.value() is None and noah.empty_button.isVisible()
    dialog.reject()
