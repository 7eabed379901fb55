"""Errors a user can cause and fix.

They carry a message id and parameters, never finished sentences: the CLI and the
UI render them in the user's language with :mod:`familymeeting.messages`. Errors a
user cannot cause are bugs and are plain Python exceptions.
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Base class: something the user did that we refuse, leaving the data as it was."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        # The code and its parameters, for developers (tracebacks, test output). What a
        # user reads is rendered in their language by familymeeting.messages, which
        # depends on this module and not the other way round.
        return f"{self.code} {self.params}" if self.params else self.code


class ValidationError(UserError):
    """A value is out of range, too long, empty or of the wrong kind."""


class NotFoundError(UserError):
    """A family, meeting or other record that was asked for does not exist."""


class ConflictError(UserError):
    """The change would clash with what is already stored (e.g. a duplicate import)."""


class DatabaseError(UserError):
    """The database file cannot be used as it is (newer version, not ours, unreadable)."""


class CaseFileError(UserError):
    """A case file is malformed, truncated, of another version or out of range."""


class DiskFullError(UserError):
    """The disk (or the database's size limit) is full; nothing was saved."""
