"""Guard against a Qt binding that corrupts Python's reference count of None.

PySide6 6.12.0 drops one reference to None on every Qt call that returns
nothing. Python 3.12+ makes None immortal, but on 3.11 the count reaches zero
after about 33,000 calls and the process aborts ("none_dealloc"). pyproject.toml
excludes that release; this test fails if such a binding is installed again.
"""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem
app = QApplication([])
label, lst = QLabel(), QListWidget()
before = sys.getrefcount(None)
for _ in range(1000):
    label.setText("x")
    label.setVisible(True)
    item = QListWidgetItem("a")
    item.setData(Qt.ItemDataRole.UserRole, "x")
print(sys.getrefcount(None) - before)
"""


def test_qt_calls_do_not_lose_references_to_none() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    lost = -int(result.stdout.strip().splitlines()[-1])
    assert lost < 100, f"the Qt binding lost {lost} references to None in 4,000 calls"
