"""Controls a finger can hit: the whole row of a check box or radio button takes the tap."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QCheckBox, QRadioButton

BIG_INDICATOR = (
    "QCheckBox, QRadioButton { spacing: 12px; }"
    " QCheckBox::indicator, QRadioButton::indicator { width: 26px; height: 26px; }"
)


class TouchCheckBox(QCheckBox):
    """A check box whose whole rectangle takes the tap, not just the box and its words."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class TouchRadioButton(QRadioButton):
    """A radio button whose whole rectangle takes the tap, not just the circle and words."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)
