"""Peak memory (RSS) of the app over a data dir: run by ``benchmarks/run_all.py``.

    python benchmarks/peak_rss.py DATA_DIR FAMILY_ID MEETING_ID   # $FAMILYMEETING_PASSWORD

Unlocks like the app (Argon2id, m = 64 MiB, is part of the peak), builds the main
window, shows the family list, then the family's page and the meeting's board, lets the
events settle, and prints ``ru_maxrss`` in MiB as JSON. Closes the database cleanly and
ends with ``os._exit``, so no closing backup is written.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from familymeeting.app import make_app
from familymeeting.storage.unlock import open_unlocked, password_from_environment
from familymeeting.ui import settings, theme
from familymeeting.ui.language import chosen_language, switch_language
from familymeeting.ui.main_window import MainWindow


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


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
    after_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.open_family(family_id)
    settle()
    window.open_meeting(meeting_id)
    settle()
    window.board.show_view("ratings")
    settle()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_mib": peak, "after_start_mib": after_start, "now_mib": current_mib()}))
    sys.stdout.flush()
    db.close()  # as a clean close leaves it (sealed), without the closing backup
    os._exit(0)


if __name__ == "__main__":
    main()
