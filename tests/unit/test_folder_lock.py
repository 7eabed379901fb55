"""One owner per data folder (storage/folder_lock.py): refused at once, taken over after a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message
from familymeeting.storage.folder_lock import LOCK_FILENAME, FolderLock

# Another process that takes the lock, says so on stdout, and holds it until stdin closes.
HOLDER = (
    "import sys\n"
    "from familymeeting.storage.folder_lock import FolderLock\n"
    "lock = FolderLock(sys.argv[1]).acquire()\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


def start_holder(data_dir: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_owner_is_refused_with_a_clear_message(data_dir: Path) -> None:
    first = FolderLock(data_dir).acquire()
    try:
        with pytest.raises(UserError) as refused:
            FolderLock(data_dir).acquire()
        assert refused.value.code == "data_in_use"
        text = user_message(refused.value, "da")
        assert str(data_dir) in text and "Luk" in text
        assert "familymeeting is open on this data" in user_message(refused.value, "en")
    finally:
        first.release()
    # Released: the next one gets it.
    with FolderLock(data_dir) as second:
        assert second.held
    assert sorted(p.name for p in data_dir.iterdir()) == [LOCK_FILENAME]


def test_another_process_holding_the_folder_keeps_this_one_out(data_dir: Path) -> None:
    holder = start_holder(data_dir)
    try:
        with pytest.raises(UserError) as refused:
            FolderLock(data_dir).acquire()
        assert refused.value.code == "data_in_use"
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        assert holder.wait(timeout=30) == 0
        assert holder.stdout is not None
        holder.stdout.close()
    with FolderLock(data_dir) as lock:
        assert lock.held


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_the_lock_of_a_killed_process_is_taken_over(data_dir: Path) -> None:
    holder = start_holder(data_dir)
    os.kill(holder.pid, signal.SIGKILL)
    assert holder.wait(timeout=30) == -signal.SIGKILL
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.close()
    holder.stdout.close()
    assert (data_dir / LOCK_FILENAME).exists()  # the stale file is there, its lock is not
    with FolderLock(data_dir) as lock:
        assert lock.held


def test_the_lock_is_held_by_the_process_not_one_thread(data_dir: Path) -> None:
    """The window unlocks on a worker thread; the hold must not depend on the thread."""
    import threading

    lock = FolderLock(data_dir).acquire()
    seen: list[bool] = []
    thread = threading.Thread(target=lambda: seen.append(lock.held))
    thread.start()
    thread.join()
    assert seen == [True]
    lock.release()
    assert not lock.held


def test_a_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(UserError) as refused:
        FolderLock(tmp_path / "nowhere").acquire()
    assert refused.value.code == "data_dir_unusable"
    assert not (tmp_path / "nowhere").exists()
