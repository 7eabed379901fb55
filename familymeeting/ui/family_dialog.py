"""Create or edit a family and its participants, saved all or nothing."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIntValidator, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain import rules
from familymeeting.domain.child_plan import has_own_plan
from familymeeting.domain.enums import Role
from familymeeting.domain.errors import UserError
from familymeeting.domain.languages import LANGUAGES
from familymeeting.messages import current_language, user_message
from familymeeting.ui import theme, words
from familymeeting.ui.controls import make_error_label, standard_button
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.flow import FlowLayout

if TYPE_CHECKING:
    from familymeeting.storage.services import Services


OWN_PLAN_BY_AGE, OWN_PLAN_YES, OWN_PLAN_NO = "age", "yes", "no"


@dataclass
class ParticipantRow:
    """The widgets of one participant in the editor; ``participant_id`` is None until saved."""

    participant_id: str | None
    name_edit: QLineEdit
    role_combo: QComboBox
    birth_edit: QLineEdit
    age_label: QLabel
    remove_button: QPushButton
    # A child's own things, on a line under its row: a plan of its own (by age, yes,
    # no) and the language of its papers ('' = the family's).
    child_line: QWidget
    own_plan_combo: QComboBox
    child_language_combo: QComboBox

    def widgets(self) -> tuple[QWidget, ...]:
        return (
            self.name_edit,
            self.role_combo,
            self.birth_edit,
            self.age_label,
            self.remove_button,
        )

    def own_plan(self) -> bool | None:
        """None: by age; True/False: the caseworker's choice."""
        value = self.own_plan_combo.currentData()
        return None if value == OWN_PLAN_BY_AGE else value == OWN_PLAN_YES

    def language(self) -> str:
        return str(self.child_language_combo.currentData())

    def role(self) -> str:
        return str(self.role_combo.currentData())

    def birth_year(self) -> int | None:
        """The typed year for a child (the services check the range), else None."""
        text = self.birth_edit.text().strip()
        if self.role() != Role.CHILD or not text:
            return None
        return int(text)

    def is_blank(self) -> bool:
        return not self.name_edit.text().strip() and not self.birth_edit.text().strip()


class FamilyDialog(FittedDialog):
    """Create a family (``family_id=None``) or edit one, with its participants.

    Save writes everything in one transaction; on a ``UserError`` the message is
    shown here, the input stays, and nothing is stored. After ``accepted``,
    ``family_id`` holds the family's id. No signals beyond QDialog's.
    """

    def __init__(
        self,
        services: Services,
        family_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, preferred=QSize(1100, 700))
        self.services = services
        self.family_id = family_id
        self.rows: list[ParticipantRow] = []
        self._removed_ids: list[str] = []
        self._archived = False

        editing = family_id is not None
        self.setWindowTitle(self.tr("Edit family") if editing else self.tr("New family"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        self.title_label = QLabel(self.windowTitle())
        self.title_label.setObjectName("title")
        layout.addWidget(self.title_label)

        # The family beside its participants; on a narrow screen one above the other.
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(40)
        layout.addLayout(body, 1)
        self.body = body

        # Left: the family itself.
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(14)
        self.name_edit = self._line_edit(rules.DISPLAY_NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("e.g. The H. family"))
        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name_edit)
        self.name_hint = QLabel(self.tr("Initials are fine."))
        self.name_hint.setObjectName("muted")
        self.name_hint.setWordWrap(True)
        name_box.addWidget(self.name_hint)
        form.addRow(self._label(self.tr("Family name"), self.name_edit), name_box)
        # Caseworker and phone side by side, which leaves the notes room to breathe.
        self.caseworker_edit = self._line_edit(rules.NAME_MAX)
        self.phone_edit = self._line_edit(rules.PHONE_MAX)
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        caseworker = QGridLayout()
        caseworker.setHorizontalSpacing(12)
        caseworker.setVerticalSpacing(form.verticalSpacing() // 2)
        caseworker.addWidget(self._label(self.tr("Caseworker"), self.caseworker_edit), 0, 0)
        caseworker.addWidget(self.caseworker_edit, 1, 0)
        caseworker.addWidget(self._label(self.tr("Caseworker's phone"), self.phone_edit), 0, 1)
        caseworker.addWidget(self.phone_edit, 1, 1)
        caseworker.setColumnStretch(0, 3)
        caseworker.setColumnStretch(1, 2)
        form.addRow(caseworker)
        self.language_combo = QComboBox()
        self.language_combo.setMinimumHeight(theme.TOUCH)
        # The caseworker's word for each language, and the family's own, so the family
        # can point at theirs: "Arabisk · العربية".
        ui_language = current_language()
        for info in LANGUAGES:
            name = info.name(ui_language)
            text = name if info.endonym == name else f"{name} · {info.endonym}"
            self.language_combo.addItem(text, info.code.value)
        form.addRow(
            self._label(self.tr("Language of the plan"), self.language_combo), self.language_combo
        )
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        form.addRow(self._label(self.tr("Notes"), self.notes_edit), self.notes_edit)
        left = QWidget()
        left.setLayout(form)
        body.addWidget(left, 35)
        self.family_form = left

        # Right: the participants, in a grid so the columns line up.
        right = QVBoxLayout()
        right.setSpacing(8)
        participants_title = QLabel(self.tr("Participants"))
        participants_title.setObjectName("subtitle")
        right.addWidget(participants_title)
        self.rows_widget = QWidget()
        self.rows_widget.setObjectName("page")
        rows_box = QVBoxLayout(self.rows_widget)
        rows_box.setContentsMargins(0, 0, 8, 0)
        rows_box.setSpacing(12)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(8)
        self.grid.setColumnStretch(0, 1)
        for column, text in enumerate((self.tr("Name"), self.tr("Role"), self.tr("Birth year"))):
            header = QLabel(text)
            header.setObjectName("muted")
            self.grid.addWidget(header, 0, column)
        self._next_grid_row = 1
        rows_box.addLayout(self.grid)
        # The add button sits right under the last row and scrolls with the rows.
        add_row = QHBoxLayout()
        self.add_participant_button = QPushButton(self.tr("Add participant"))
        self.add_participant_button.setAutoDefault(False)
        self.add_participant_button.clicked.connect(self._add_clicked)
        add_row.addWidget(self.add_participant_button)
        add_row.addStretch()
        rows_box.addLayout(add_row)
        rows_box.addStretch()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.rows_widget)
        QScroller.grabGesture(
            self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        right.addWidget(self.scroll_area, 1)
        self.removed_hint = QLabel(
            self.tr(
                "Removed participants are deleted when you save, "
                "together with their answers and attendance."
            )
        )
        self.removed_hint.setObjectName("muted")
        self.removed_hint.setWordWrap(True)
        self.removed_hint.hide()
        right.addWidget(self.removed_hint)
        body.addLayout(right, 65)

        self.error_label = make_error_label()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox()
        self.archive_button = QPushButton()
        self.archive_button.setAutoDefault(False)
        self.archive_button.clicked.connect(self._archive_clicked)
        self.buttons.addButton(self.archive_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.archive_button.setVisible(editing)
        self.cancel_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Save)
        self.save_button.setProperty("primary", "true")
        self.save_button.setDefault(True)
        self.save_button.setMinimumWidth(140)
        self.save_button.clicked.connect(self._save_clicked)
        layout.addWidget(self.buttons)

        if family_id is not None:
            self._load(family_id)
        else:
            self.add_participant_row(role=Role.CHILD)
        self._fix_tab_order()

    # ------------------------------------------------------------------ public
    def age_text(self, birth_year: int) -> str:
        age = rules.age_in_year(birth_year)
        # English needs its own word for one; Danish says "år" either way.
        return self.tr("1 year") if age == 1 else self.tr("%n years", "", age)

    def add_participant_row(
        self,
        name: str = "",
        role: str = Role.PARENT,
        birth_year: int | None = None,
        participant_id: str | None = None,
        own_plan: bool | None = None,
        language: str = "",
    ) -> ParticipantRow:
        name_edit = self._line_edit(rules.NAME_MAX)
        name_edit.setPlaceholderText(self.tr("Name"))
        name_edit.setText(name)
        name_edit.setCursorPosition(0)  # a long name shows its start, not its end
        role_combo = QComboBox()
        role_combo.setMinimumHeight(theme.TOUCH)
        role_combo.setAccessibleName(self.tr("Role"))
        role_combo.setMinimumWidth(170)
        for value in Role:
            role_combo.addItem(words.role(value), value.value)
        role_combo.setCurrentIndex(max(0, role_combo.findData(str(role))))
        birth_edit = self._line_edit(4)
        birth_edit.setMaxLength(4)
        birth_edit.setAccessibleName(self.tr("Birth year"))
        birth_edit.setPlaceholderText(self.tr("Year"))
        birth_edit.setValidator(QIntValidator(0, 9999, birth_edit))
        birth_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        birth_edit.setFixedWidth(96)
        if birth_year is not None:
            birth_edit.setText(str(birth_year))
        age_label = QLabel()
        age_label.setObjectName("muted")
        age_label.setMinimumWidth(64)
        remove_button = QPushButton("✕")
        remove_button.setAutoDefault(False)
        # A square target: the theme's side padding is meant for buttons with words.
        remove_button.setStyleSheet(
            f"QPushButton {{ padding: 4px; min-width: {theme.TOUCH - 10}px; }}"
        )
        remove_button.setToolTip(self.tr("Remove participant"))
        remove_button.setAccessibleName(self.tr("Remove participant"))
        child_line, own_plan_combo, child_language_combo = self._child_line(own_plan, language)
        row = ParticipantRow(
            participant_id,
            name_edit,
            role_combo,
            birth_edit,
            age_label,
            remove_button,
            child_line,
            own_plan_combo,
            child_language_combo,
        )
        # Keep the columns steady when the birth year hides for a grown-up.
        for widget in (birth_edit, age_label):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        role_combo.currentIndexChanged.connect(lambda _i: self._update_row(row))
        birth_edit.textChanged.connect(lambda _t: self._update_row(row))
        remove_button.clicked.connect(lambda: self.remove_participant_row(row))
        grid_row = self._next_grid_row
        self._next_grid_row += 2  # the row, and the child's own line under it
        for column, cell in enumerate(row.widgets()):
            self.grid.addWidget(cell, grid_row, column)
            # Shown now, not at the layout's next queued pass, so the row is there at once.
            cell.show()
        self.grid.addWidget(child_line, grid_row + 1, 0, 1, len(row.widgets()))
        # Hidden until the row is a child's: polished now, so its words take the text
        # size the dialog opened at (a hidden widget is not polished on showing the dialog).
        child_line.ensurePolished()
        self.rows.append(row)
        self._update_row(row)
        self._fix_tab_order()
        return row

    def remove_participant_row(self, row: ParticipantRow) -> None:
        if row.participant_id is not None:
            self._removed_ids.append(row.participant_id)
            self.removed_hint.show()
        self.rows.remove(row)
        for widget in (*row.widgets(), row.child_line):
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._fix_tab_order()

    def save(self, archived: bool | None = None) -> bool:
        """Write the family and its participants in one transaction (an operation).

        Returns False, with the message shown and nothing stored, if the
        services refuse a value.
        """
        # Here, not at the top: the password screen (which shares this module's small
        # helpers) shows before the database layer is loaded.
        from familymeeting.storage.operations import ParticipantEdit, SaveFamily
        from familymeeting.storage.services import UNSET

        self.error_label.hide()
        rows = [
            row for row in self.rows if not (row.participant_id is None and row.is_blank())
        ]  # an empty row nobody filled in is not a person
        edits = tuple(
            ParticipantEdit(
                row.participant_id,
                row.name_edit.text(),
                row.role(),
                # A grown-up's birth year is not shown, so it is left as it was.
                row.birth_year() if row.role() == Role.CHILD else UNSET,
                # A child's own plan and language; a grown-up's are left as they were.
                language=row.language() if row.role() == Role.CHILD else UNSET,
                own_plan=row.own_plan() if row.role() == Role.CHILD else UNSET,
            )
            for row in rows
        )
        operation = SaveFamily(
            self.family_id,
            self.name_edit.text(),
            notes=self.notes_edit.toPlainText(),
            caseworker_name=self.caseworker_edit.text(),
            caseworker_phone=self.phone_edit.text(),
            language=str(self.language_combo.currentData()),
            archived=archived,
            removed=tuple(self._removed_ids),
            participants=edits,
        )
        try:
            applied = self.services.run(operation)
        except UserError as err:
            row_index = getattr(err, "row", None)
            culprit: QWidget = self.name_edit
            if row_index is not None:
                culprit = rows[row_index].name_edit
            self._show_error(err, culprit)
            return False
        assert applied.changes.family is not None
        self.family_id = applied.changes.family.id
        return True

    # ----------------------------------------------------------------- helpers
    def _load(self, family_id: str) -> None:
        family = self.services.get_family(family_id)
        self._archived = family.archived
        self.name_edit.setText(family.display_name)
        self.caseworker_edit.setText(family.caseworker_name)
        self.phone_edit.setText(family.caseworker_phone)
        for edit in (self.name_edit, self.caseworker_edit, self.phone_edit):
            edit.setCursorPosition(0)  # a long text shows its start, not its end
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(family.language)))
        self.notes_edit.setPlainText(family.notes)
        for p in self.services.list_participants(family_id):
            self.add_participant_row(
                p.name,
                p.role,
                p.birth_year,
                participant_id=p.id,
                own_plan=p.own_plan,
                language=p.language,
            )
        self.archive_button.setText(
            self.tr("Unarchive family") if family.archived else self.tr("Archive family")
        )

    def _update_row(self, row: ParticipantRow) -> None:
        is_child = row.role() == Role.CHILD
        row.birth_edit.setVisible(is_child)
        row.age_label.setVisible(is_child)
        text = row.birth_edit.text().strip()
        year = int(text) if text else 0
        valid = rules.BIRTH_YEAR_MIN <= year <= date.today().year
        row.age_label.setText(self.age_text(year) if is_child and valid else "")
        row.child_line.setVisible(is_child)
        # "By age" says what the age gives, so the caseworker need not work it out.
        by_age = valid and has_own_plan(Role.CHILD, year, None, date.today())
        row.own_plan_combo.setItemText(
            0, self.tr("By age (yes)") if by_age else self.tr("By age (no)")
        )

    def _child_line(
        self, own_plan: bool | None, language: str
    ) -> tuple[QWidget, QComboBox, QComboBox]:
        line = QWidget()
        flow = FlowLayout(line, spacing=8)
        own_combo = QComboBox()
        own_combo.setMinimumHeight(theme.TOUCH)
        own_combo.addItem(self.tr("By age (no)"), OWN_PLAN_BY_AGE)
        own_combo.addItem(self.tr("Yes"), OWN_PLAN_YES)
        own_combo.addItem(self.tr("No"), OWN_PLAN_NO)
        chosen = {None: OWN_PLAN_BY_AGE, True: OWN_PLAN_YES, False: OWN_PLAN_NO}[own_plan]
        own_combo.setCurrentIndex(own_combo.findData(chosen))
        own_combo.setToolTip(self.tr("A child gets a plan of its own from the year it turns 10."))
        language_combo = QComboBox()
        language_combo.setMinimumHeight(theme.TOUCH)
        language_combo.addItem(self.tr("The family's"), "")
        ui_language = current_language()
        for info in LANGUAGES:
            name = info.name(ui_language)
            text = name if info.endonym == name else f"{name} · {info.endonym}"
            language_combo.addItem(text, info.code.value)
        language_combo.setCurrentIndex(max(0, language_combo.findData(language)))
        own_label = self._label(self.tr("Own plan"), own_combo)
        language_label = self._label(self.tr("Papers in"), language_combo)
        for label in (own_label, language_label):
            label.setObjectName("muted")
            label.setMinimumHeight(theme.TOUCH)
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        # Each label stays with its choice when the line wraps (upright, large text).
        for label, combo in ((own_label, own_combo), (language_label, language_combo)):
            pair = QWidget()
            pair_box = QHBoxLayout(pair)
            pair_box.setContentsMargins(0, 0, 0, 0)
            pair_box.setSpacing(8)
            pair_box.addWidget(label)
            pair_box.addWidget(combo)
            flow.addWidget(pair)
        return line, own_combo, language_combo

    def _add_clicked(self) -> None:
        row = self.add_participant_row(role=Role.CHILD if not self.rows else Role.PARENT)
        row.name_edit.setFocus()
        # Scroll once the grid has laid out the new row.
        QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(row.remove_button))

    def _save_clicked(self) -> None:
        if self.save():
            self.accept()

    def _archive_clicked(self) -> None:
        if self.save(archived=not self._archived):
            self._archived = not self._archived
            self.accept()

    def _show_error(self, err: UserError, culprit: QWidget) -> None:
        field = err.params.get("field")
        if err.code == "birth_year_invalid":
            for row in self.rows:
                if row.name_edit is culprit:
                    culprit = row.birth_edit
        elif field in ("notes", "caseworker_name", "caseworker_phone"):
            culprit = {
                "notes": self.notes_edit,
                "caseworker_name": self.caseworker_edit,
                "caseworker_phone": self.phone_edit,
            }[field]
        elif field == "display_name":
            culprit = self.name_edit
        self.error_label.setText(user_message(err))
        self.error_label.show()
        culprit.setFocus()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name_edit,
            self.caseworker_edit,
            self.phone_edit,
            self.language_combo,
            self.notes_edit,
        ]
        for row in self.rows:
            chain += [
                row.name_edit,
                row.role_combo,
                row.birth_edit,
                row.own_plan_combo,
                row.child_language_combo,
                row.remove_button,
            ]
        chain += [
            self.add_participant_button,
            self.archive_button,
            self.cancel_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _arrange_body(self) -> None:
        """Side by side where both fit their width, else the participants below."""
        layout = self.layout()
        if layout is None:
            return  # only while FittedDialog moves the content into a scroll area
        margins = layout.contentsMargins()
        wide = (
            self.family_form.minimumSizeHint().width()
            + self.rows_widget.sizeHint().width()  # every role and age whole
            + self.body.spacing()
            + margins.left()
            + margins.right()
            + 24  # the participants' scroll bar
        )
        direction = (
            QBoxLayout.Direction.LeftToRight
            if self.width() >= wide
            else QBoxLayout.Direction.TopToBottom
        )
        if self.body.direction() != direction:
            self.body.setDirection(direction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_body()

    @staticmethod
    def _line_edit(max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setMinimumHeight(theme.TOUCH)
        # One more than allowed, so an over-long paste reaches the services' clear message.
        edit.setMaxLength(max_length + 1)
        return edit

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label
