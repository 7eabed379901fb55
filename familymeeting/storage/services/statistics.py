"""This installation's statistics secrets (``statistics_key``, one row; docs/statistics.md).

The installation id is random bytes made the first time it is needed, once per data
folder; the team key is the one a team leader handed out (loaded from a team key file);
``exports`` counts the statistics files written. They live in the encrypted database
(never in settings.ini, never in a case file). Only the fingerprint of the team key
leaves storage for a screen.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlmodel import Session

from familymeeting.domain.statistics import TEAM_KEY_BYTES
from familymeeting.storage.models import StatisticsKey
from familymeeting.storage.records import TeamKeyState
from familymeeting.storage.services.base import ServiceBase
from familymeeting.storage.team_key import fingerprint

INSTALLATION_ID_BYTES = 32


@dataclass(frozen=True)
class StatisticsSecrets:
    """For the export only (storage): the raw secrets. Never handed to the window."""

    installation_id: bytes
    team_key: bytes | None
    exports: int


def secrets_row(s: Session) -> StatisticsKey:
    """The one row, made (with a new installation id) inside the write transaction
    under way the first time it is needed."""
    row = s.get(StatisticsKey, 1)
    if row is None:
        row = StatisticsKey(id=1, installation_id=secrets.token_bytes(INSTALLATION_ID_BYTES))
        s.add(row)
        s.flush()
    return row


class StatisticsServices(ServiceBase):
    def team_key_state(self) -> TeamKeyState:
        with self.db.reading() as s:
            row = s.get(StatisticsKey, 1)
            if row is None:
                return TeamKeyState(None, 0)
            key = row.team_key
            return TeamKeyState(fingerprint(key) if key else None, row.exports)

    def set_team_key(self, key: bytes | None) -> TeamKeyState:
        """Keep ``key`` as the team key (None: forget it). The counter stays."""
        if key is not None and len(key) != TEAM_KEY_BYTES:
            # The key file's reader checks the length: another one here is a bug.
            raise ValueError("a team key has TEAM_KEY_BYTES bytes")
        with self.db.session() as s:
            row = secrets_row(s)
            row.team_key = key
            s.add(row)
            s.flush()
            return TeamKeyState(fingerprint(key) if key else None, row.exports)

    def statistics_secrets(self) -> StatisticsSecrets:
        """The secrets, the installation id made if new (a write: call in an operation)."""
        with self.db.session() as s:
            row = secrets_row(s)
            return StatisticsSecrets(row.installation_id, row.team_key, row.exports)

    def count_export(self, number: int) -> None:
        """Note that statistics file ``number`` was written (inside its transaction)."""
        with self.db.session() as s:
            row = secrets_row(s)
            row.exports = number
            s.add(row)
