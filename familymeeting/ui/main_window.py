"""The main window: families on the left, the chosen family's meetings on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from familymeeting.storage.services import Services

ID_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    """Signals: ``family_selected(str)`` with the family id when one is chosen."""

    family_selected = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("familymeeting")
        self.resize(1100, 720)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)

        # Empty first start.
        self.empty_page = QWidget()
        empty = QVBoxLayout(self.empty_page)
        empty.addStretch()
        self.empty_label = QLabel(self.tr("There are no families yet."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_button = QPushButton(self.tr("Create demo family"))
        self.demo_button.setMinimumHeight(56)
        self.demo_button.clicked.connect(self._create_demo)
        empty.addWidget(self.empty_label)
        empty.addWidget(self.demo_button, alignment=Qt.AlignmentFlag.AlignCenter)
        empty.addStretch()
        self.stack.addWidget(self.empty_page)

        # Families and meetings.
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Families")))
        self.family_list = QListWidget()
        self.family_list.currentItemChanged.connect(self._on_family_changed)
        left_layout.addWidget(self.family_list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        self.meetings_label = QLabel(self.tr("Meetings"))
        right_layout.addWidget(self.meetings_label)
        self.meeting_tree = QTreeWidget()
        self.meeting_tree.setRootIsDecorated(False)
        self.meeting_tree.setHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Status"), self.tr("Place")]
        )
        right_layout.addWidget(self.meeting_tree)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([350, 750])
        self.stack.addWidget(splitter)
        self.list_page = splitter

        self.refresh()

    def kind_text(self, kind: str) -> str:
        return {
            "first": self.tr("First meeting"),
            "follow_up": self.tr("Follow-up meeting"),
            "network": self.tr("Network meeting"),
        }.get(kind, kind)

    def status_text(self, status: str) -> str:
        return {
            "planned": self.tr("Planned"),
            "in_progress": self.tr("In progress"),
            "closed": self.tr("Closed"),
        }.get(status, status)

    def refresh(self) -> None:
        families = self.services.list_families()
        self.family_list.clear()
        for family in families:
            item = QListWidgetItem(family.display_name)
            item.setData(ID_ROLE, family.id)
            self.family_list.addItem(item)
        self.stack.setCurrentWidget(self.list_page if families else self.empty_page)
        if families:
            self.family_list.setCurrentRow(0)

    def _create_demo(self) -> None:
        from familymeeting.storage.demo import create_demo_family

        create_demo_family(self.services)
        self.refresh()

    def _on_family_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.meeting_tree.clear()
        if current is None:
            return
        family_id = str(current.data(ID_ROLE))
        for meeting in self.services.list_meetings(family_id):
            item = QTreeWidgetItem(
                [
                    self.locale().toString(meeting.starts_at, "ddd d. MMM yyyy HH:mm"),
                    self.kind_text(meeting.kind),
                    self.status_text(meeting.status),
                    meeting.place,
                ]
            )
            item.setData(0, ID_ROLE, meeting.id)
            self.meeting_tree.addTopLevelItem(item)
        for column in range(self.meeting_tree.columnCount()):
            self.meeting_tree.resizeColumnToContents(column)
        self.family_selected.emit(family_id)
