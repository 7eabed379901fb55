"""The on-screen keyboard of Windows tablets.

Windows does not always raise its touch keyboard when a Qt text field gets focus,
so a visible button starts it. Elsewhere the button stays hidden.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QProcess

_COMMON = os.environ.get("COMMONPROGRAMFILES", r"C:\Program Files\Common Files")
TABTIP = Path(_COMMON) / "microsoft shared" / "ink" / "TabTip.exe"
OSK = Path(os.environ.get("SYSTEMROOT", r"C:\Windows")) / "System32" / "osk.exe"


def available() -> bool:
    return sys.platform == "win32" and (TABTIP.exists() or OSK.exists())


def show() -> bool:
    """Start the touch keyboard (or the classic on-screen keyboard); True if started."""
    for program in (TABTIP, OSK):
        if program.exists() and QProcess.startDetached(str(program), []):
            return True
    return False
