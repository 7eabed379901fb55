"""Creating and editing a family with its participants, in Danish, over a real database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import Role
from familymeeting.storage.services import Services
from familymeeting.ui import theme
from familymeeting.ui.family_dialog import FamilyDialog

Shot = Callable[[QWidget, str], Path]
THIS_YEAR = date.today().year


pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


def open_dialog(qtbot: QtBot, services: Services, family_id: str | None = None) -> FamilyDialog:
    dialog = FamilyDialog(services, family_id)
    qtbot.addWidget(dialog)
    dialog.open()  # window-modal but not blocking, unlike exec()
    qtbot.waitExposed(dialog)
    return dialog


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_new_family_with_participants_is_saved(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    dialog = open_dialog(qtbot, services)
    assert dialog.title_label.text() == "Ny familie"
    assert dialog.save_button.text() == "Gem"
    assert dialog.cancel_button.text() == "Annuller"
    assert not dialog.archive_button.isVisible()
    roles = [dialog.rows[0].role_combo.itemText(i) for i in range(6)]
    assert roles == ["Barn", "Forælder", "Omsorgsperson", "Netværk", "Fagperson", "Rådgiver"]

    qtbot.keyClicks(dialog.name_edit, "Familien Berg")
    qtbot.keyClicks(dialog.caseworker_edit, "Sara Nielsen")
    qtbot.keyClicks(dialog.phone_edit, "41 22 33 44")
    choose(dialog.language_combo, "Engelsk · English")
    qtbot.keyClicks(dialog.notes_edit, "Mor ønsker møder om eftermiddagen.")

    lea = dialog.rows[0]
    assert lea.role_combo.currentText() == "Barn"
    qtbot.keyClicks(lea.name_edit, "Lea")
    qtbot.keyClicks(lea.birth_edit, str(THIS_YEAR - 9))
    assert lea.age_label.text() == "9 år"

    click(qtbot, dialog.add_participant_button)
    karin = dialog.rows[1]
    assert karin.role_combo.currentText() == "Forælder"
    assert not karin.birth_edit.isVisible()  # only children have a birth year
    qtbot.keyClicks(karin.name_edit, "Karin")
    choose(karin.role_combo, "Omsorgsperson")

    click(qtbot, dialog.add_participant_button)
    ib = dialog.rows[2]
    qtbot.keyClicks(ib.name_edit, "Morfar Ib")
    choose(ib.role_combo, "Netværk")

    click(qtbot, dialog.add_participant_button)  # an extra row left empty is ignored
    for widget in (dialog.name_edit, lea.name_edit, lea.role_combo, dialog.save_button):
        assert widget.height() >= theme.TOUCH
    screenshot(dialog, "family-dialog-new")

    click(qtbot, dialog.save_button)

    assert dialog.result() == FamilyDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    family = services.get_family(dialog.family_id or "")
    assert family.display_name == "Familien Berg"
    assert (family.caseworker_name, family.caseworker_phone) == ("Sara Nielsen", "41 22 33 44")
    assert family.language == "en"
    assert family.notes == "Mor ønsker møder om eftermiddagen."
    assert [(p.name, p.role, p.birth_year) for p in services.list_participants(family.id)] == [
        ("Lea", Role.CHILD, THIS_YEAR - 9),
        ("Karin", Role.CAREGIVER, None),
        ("Morfar Ib", Role.NETWORK, None),
    ]


def test_empty_name_is_explained_and_nothing_is_stored(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    dialog = open_dialog(qtbot, services)
    qtbot.keyClicks(dialog.rows[0].name_edit, "Lea")
    qtbot.keyClicks(dialog.name_edit, "   ")

    click(qtbot, dialog.save_button)

    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Familiens navn mangler. Skriv noget i feltet."
    assert dialog.focusWidget() is dialog.name_edit
    assert dialog.rows[0].name_edit.text() == "Lea"  # the input is kept
    assert dialog.family_id is None
    assert services.list_families(include_archived=True) == []
    screenshot(dialog, "family-dialog-error")

    # Fixing it is enough; the message goes away.
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "L. B.")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert [f.display_name for f in services.list_families()] == ["L. B."]


def test_bad_participant_rolls_back_the_whole_family(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    dialog = open_dialog(qtbot, services)
    qtbot.keyClicks(dialog.name_edit, "Familien Berg")
    qtbot.keyClicks(dialog.rows[0].name_edit, "Lea")
    qtbot.keyClicks(dialog.rows[0].birth_edit, "1800")
    assert dialog.rows[0].age_label.text() == ""

    click(qtbot, dialog.save_button)

    assert dialog.isVisible()
    assert dialog.error_label.text() == "Fødselsåret 1800 kan ikke passe."
    assert dialog.focusWidget() is dialog.rows[0].birth_edit
    assert services.list_families(include_archived=True) == []  # all or nothing

    click(qtbot, dialog.add_participant_button)
    click(qtbot, dialog.save_button)  # an unnamed row with nothing typed is skipped...
    assert dialog.isVisible()  # ...but Lea's birth year is still wrong
    dialog.rows[0].birth_edit.setText("2015")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    family = services.list_families()[0]
    assert [(p.name, p.birth_year) for p in services.list_participants(family.id)] == [
        ("Lea", 2015)
    ]


def test_edit_family_updates_renames_removes_and_adds(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    family = services.create_family("Familien Berg", caseworker_name="Sara")
    lea = services.add_participant(family.id, "Lea", Role.CHILD, birth_year=THIS_YEAR - 1)
    karin = services.add_participant(family.id, "Karin", Role.PARENT)
    ib = services.add_participant(family.id, "Ib", Role.NETWORK)

    dialog = open_dialog(qtbot, services, family.id)
    assert dialog.title_label.text() == "Rediger familie"
    assert dialog.name_edit.text() == "Familien Berg"
    assert [r.name_edit.text() for r in dialog.rows] == ["Lea", "Karin", "Ib"]
    assert dialog.rows[0].age_label.text() == "1 år"
    assert dialog.archive_button.isVisible()
    assert dialog.archive_button.text() == "Arkivér familie"
    screenshot(dialog, "family-dialog-edit")

    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Familien Berg-Holm")
    choose(dialog.rows[1].role_combo, "Omsorgsperson")
    click(qtbot, dialog.rows[2].remove_button)
    assert dialog.removed_hint.isVisible()
    assert dialog.removed_hint.text().startswith("Fjernede deltagere slettes, når du gemmer")
    click(qtbot, dialog.add_participant_button)
    qtbot.keyClicks(dialog.rows[-1].name_edit, "Anne")
    choose(dialog.rows[-1].role_combo, "Fagperson")
    click(qtbot, dialog.save_button)

    assert not dialog.isVisible()
    assert services.get_family(family.id).display_name == "Familien Berg-Holm"
    stored = services.list_participants(family.id)
    assert [(p.id, p.name, p.role) for p in stored][:2] == [
        (lea.id, "Lea", Role.CHILD),
        (karin.id, "Karin", Role.CAREGIVER),
    ]
    assert [(p.name, p.role) for p in stored][2:] == [("Anne", Role.PROFESSIONAL)]
    assert ib.id not in {p.id for p in stored}


def test_cancel_stores_nothing(qtbot: QtBot, services: Services, danish: None) -> None:
    family = services.create_family("Familien Berg")
    dialog = open_dialog(qtbot, services, family.id)
    dialog.name_edit.setText("Noget andet")
    click(qtbot, dialog.cancel_button)
    assert dialog.result() == FamilyDialog.DialogCode.Rejected
    assert services.get_family(family.id).display_name == "Familien Berg"


def test_archive_and_unarchive(qtbot: QtBot, services: Services, danish: None) -> None:
    family = services.create_family("Familien Berg")
    dialog = open_dialog(qtbot, services, family.id)
    click(qtbot, dialog.archive_button)
    assert not dialog.isVisible()
    assert services.get_family(family.id).archived
    assert services.list_families() == []

    dialog = open_dialog(qtbot, services, family.id)
    assert dialog.archive_button.text() == "Fjern fra arkivet"
    click(qtbot, dialog.archive_button)
    assert not services.get_family(family.id).archived


def test_english_without_translators(qtbot: QtBot, services: Services) -> None:
    dialog = open_dialog(qtbot, services)
    assert dialog.save_button.text() == "Save"
    assert dialog.rows[0].role_combo.currentText() == "Child"
    dialog.rows[0].birth_edit.setText(str(THIS_YEAR - 1))
    assert dialog.rows[0].age_label.text() == "1 year"
    dialog.rows[0].birth_edit.setText(str(THIS_YEAR - 9))
    assert dialog.rows[0].age_label.text() == "9 years"


def test_the_plan_can_be_in_any_of_the_ten_languages(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    family = services.create_family("Familien Haddad")
    dialog = open_dialog(qtbot, services, family.id)
    names = [dialog.language_combo.itemText(i) for i in range(dialog.language_combo.count())]
    # The caseworker's word and the family's own, so the family can point at theirs.
    assert names[:2] == ["Dansk", "Engelsk · English"]
    assert "Arabisk · العربية" in names and "Tigrinya · ትግርኛ" in names
    assert len(names) == 10
    choose(dialog.language_combo, "Arabisk · العربية")
    click(qtbot, dialog.save_button)
    assert services.get_family(family.id).language == "ar"
    again = open_dialog(qtbot, services, family.id)
    assert again.language_combo.currentText() == "Arabisk · العربية"
    again.reject()


def test_a_childs_own_plan_and_papers_language_are_chosen_per_child(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    family = services.create_family("Familien Holm")
    older = services.add_participant(family.id, "Noah", Role.CHILD, birth_year=THIS_YEAR - 13)
    younger = services.add_participant(family.id, "Emma", Role.CHILD, birth_year=THIS_YEAR - 8)
    services.add_participant(family.id, "Mette", Role.PARENT)
    dialog = open_dialog(qtbot, services, family.id)
    noah, emma, mette = dialog.rows
    # Only a child has the line; "By age" says what the age gives.
    assert noah.child_line.isVisible() and emma.child_line.isVisible()
    assert not mette.child_line.isVisible()
    assert noah.own_plan_combo.currentText() == "Efter alder (ja)"
    assert emma.own_plan_combo.currentText() == "Efter alder (nej)"
    assert emma.child_language_combo.currentText() == "Familiens"
    assert emma.own_plan_combo.height() >= theme.TOUCH
    # Typing another year updates the words at once.
    emma.birth_edit.setText(str(THIS_YEAR - 10))
    assert emma.own_plan_combo.currentText() == "Efter alder (ja)"
    emma.birth_edit.setText(str(THIS_YEAR - 8))

    choose(emma.own_plan_combo, "Ja")
    choose(emma.child_language_combo, "Engelsk · English")
    choose(noah.own_plan_combo, "Nej")
    click(qtbot, dialog.save_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = {p.id: p for p in services.list_participants(family.id)}
    assert (stored[younger.id].own_plan, stored[younger.id].language) == (True, "en")
    assert (stored[older.id].own_plan, stored[older.id].language) == (False, "")

    # Opened again, the choices are shown as stored; "By age" goes back to None.
    again = open_dialog(qtbot, services, family.id)
    assert again.rows[1].own_plan_combo.currentText() == "Ja"
    assert again.rows[1].child_language_combo.currentText() == "Engelsk · English"
    choose(again.rows[0].own_plan_combo, "Efter alder (ja)")
    click(qtbot, again.save_button)
    assert services.list_participants(family.id)[0].own_plan is None
