"""Peak memory (RSS) of the app over a data dir: run by ``benchmarks/run_all.py``.

    python benchmarks/peak_rss.py DATA_DIR FAMILY_ID MEETING_ID   # $FAMILYMEETING_PASSWORD

Unlocks like the app (Argon2id, m = 64 MiB, is part of the peak), builds the main
window, shows the family list, then the family's page and the meeting's board, lets the
events settle, and prints the peak resident size in MiB as JSON. Closes the database cleanly and
ends with ``os._exit``, so no closing backup is written.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from familymeeting import settings
from familymeeting.app import make_app
from familymeeting.storage.unlock import open_unlocked, password_from_environment
from familymeeting.ui import theme
from familymeeting.ui.language import chosen_language, switch_language
from familymeeting.ui.main_window import MainWindow


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def peak_mib() -> float:
    """This program's own peak resident size.

    On Linux ``VmHWM`` of /proc/self/status: ``ru_maxrss`` is not used there, because
    the kernel carries the parent's resident size at the fork into the child's
    ``ru_maxrss`` across exec, so a large parent (run_all.py after its GUI figures,
    about 260 MiB) would be counted as this program's peak.
    """
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mib() -> float | None:
    """The resident size now (Linux), to tell the board's share from Argon2id's peak."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir, family_id, meeting_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = make_app()
    app_settings = settings.Settings(data_dir)
    switch_language(app, chosen_language(app_settings))
    app.setStyleSheet(theme.stylesheet(app_settings.get(settings.TEXT_SIZE)))
    password = password_from_environment()
    assert password is not None
    db = open_unlocked(data_dir, password).db
    from familymeeting.storage.services import Services

    window = MainWindow(Services(db), app_settings)
    window.show()
    settle()
    after_start = peak_mib()
    window.open_family(family_id)
    settle()
    window.open_meeting(meeting_id)
    settle()
    window.meeting.show_view("ratings")
    settle()
    peak = peak_mib()
    print(json.dumps({"peak_mib": peak, "after_start_mib": after_start, "now_mib": current_mib()}))
    sys.stdout.flush()
    db.close()  # as a clean close leaves it (sealed), without the closing backup
    os._exit(0)


if __name__ == "__main__":
    main()
