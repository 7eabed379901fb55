"""The services API: every read and write the window and the command line make.

One façade, ``Services``, over a part per kind of record (families and participants,
meetings, cards, questions and ratings, the plan's actions, the access log, the plans
given to the family, the case's key dates, a child's Three Houses, the statistics
secrets). Each public method is one transaction (a write takes the write lock up
front; a read does not) and
validates with the domain rules first, raising ``UserError`` subclasses for anything a
person could have typed wrong. Methods return plain records (``storage/records.py``),
never ORM rows. User-level changes the window can undo run as operations
(``storage/operations.py``) on top of these methods.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from familymeeting.domain.errors import DatabaseError
from familymeeting.storage.records import CardSnapshot, FamilyRow, QuestionSnapshot
from familymeeting.storage.services.access import AccessServices
from familymeeting.storage.services.actions import ActionServices
from familymeeting.storage.services.base import COLUMN_ORDER, UNSET, fetch
from familymeeting.storage.services.cards import CardServices
from familymeeting.storage.services.case_dates import CaseDateServices
from familymeeting.storage.services.families import FamilyServices, filter_family_rows
from familymeeting.storage.services.feedback import FeedbackServices
from familymeeting.storage.services.handouts import HandoutServices
from familymeeting.storage.services.houses import HouseServices
from familymeeting.storage.services.meetings import MeetingServices
from familymeeting.storage.services.ratings import RatingServices
from familymeeting.storage.services.statistics import StatisticsServices
from familymeeting.storage.services.team_report import TeamReportServices

_Result = TypeVar("_Result", covariant=True)
_T = TypeVar("_T")


class Runnable(Protocol[_Result]):
    """What ``Services.run`` runs: an operation (``storage/operations.py``), which uses the
    services; the services know only this shape, so the two do not import each other."""

    def apply(self, services: Services, /) -> _Result: ...


class Services(
    FamilyServices,
    MeetingServices,
    HouseServices,
    CardServices,
    RatingServices,
    ActionServices,
    AccessServices,
    HandoutServices,
    CaseDateServices,
    FeedbackServices,
    StatisticsServices,
    TeamReportServices,
):
    """All operations on one database. Hand one instance to the window and the CLI."""

    def run(self, operation: Runnable[_T]) -> _T:
        """Run one operation in one write transaction: all of it, or nothing.

        A database error that ``Database.session`` did not already turn into the
        user's words is reported as "not saved": a failed write never looks saved.
        """
        try:
            with self.db.session():
                return operation.apply(self)
        except SQLAlchemyError as exc:
            raise DatabaseError("db_write_failed", reason=type(exc).__name__) from exc


__all__ = [
    "COLUMN_ORDER",
    "UNSET",
    "CardSnapshot",
    "FamilyRow",
    "QuestionSnapshot",
    "Services",
    "fetch",
    "filter_family_rows",
]
