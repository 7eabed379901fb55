"""The services API: every read and write the UI and the CLI make goes through here.

Each public method is one transaction: it either fully happens or not at all.
Methods validate with the domain rules first and raise :class:`UserError`
subclasses for anything a person could have typed wrong. Returned records are
detached SQLModel objects; change them only through these services.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum, StrEnum
from typing import Any, TypeVar

from sqlalchemy import literal_column
from sqlmodel import Session, SQLModel, col, delete, func, select

from familymeeting.domain import rules
from familymeeting.domain.defaults import default_questions
from familymeeting.domain.enums import (
    CardKind,
    Column,
    LogEvent,
    MeetingKind,
    MeetingStatus,
    Role,
    kind_fits_column,
)
from familymeeting.domain.errors import NotFoundError, UserError, ValidationError
from familymeeting.domain.languages import FamilyLanguage
from familymeeting.domain.text import sort_key
from familymeeting.storage.database import Database
from familymeeting.storage.models import (
    AccessLog,
    Action,
    Card,
    CardStance,
    Family,
    Meeting,
    MeetingAttendee,
    Participant,
    Question,
    Rating,
    new_id,
    utcnow,
)

T = TypeVar("T", bound=SQLModel)
E = TypeVar("E", bound=StrEnum)

COLUMN_ORDER = {c: i for i, c in enumerate(Column)}


@dataclass(frozen=True)
class QuestionSnapshot:
    """A deleted question with its answers, to bring back exactly (undo)."""

    question: Question
    ratings: tuple[Rating, ...] = ()


@dataclass(frozen=True, slots=True)
class FamilyRow:
    """What a list of families shows of one family: a plain row, not an ORM object."""

    id: str
    display_name: str
    archived: bool
    folded_name: str  # display_name.casefold(), what a search is matched against


def filter_family_rows(
    rows: Iterable[FamilyRow], search: str, *, include_archived: bool = False
) -> list[FamilyRow]:
    """The rows a family search shows, matched as :meth:`Services.list_families` matches."""
    needle = search.casefold().strip()
    return [r for r in rows if needle in r.folded_name and (include_archived or not r.archived)]


class _Unset(Enum):
    """Marks "leave as it is" where None is a meaningful new value."""

    UNSET = 0


UNSET = _Unset.UNSET


@dataclass(frozen=True)
class CardSnapshot:
    """Everything needed to bring a deleted card back exactly as it was (undo)."""

    card: Card
    stances: dict[str, bool] = field(default_factory=dict)


def _choice(enum: type[E], value: Any, field_name: str) -> E:
    try:
        return enum(value)
    except ValueError:
        raise ValidationError("invalid_choice", field=field_name, value=str(value)) from None


def _minute(value: datetime) -> datetime:
    """Calendar times are wall-clock times to the minute, without time zone."""
    if not isinstance(value, datetime):
        raise ValidationError("invalid_datetime", value=repr(value))
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


def _opt_minute(value: datetime | None) -> datetime | None:
    return None if value is None else _minute(value)


def _opt_date(value: date | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError("invalid_date", value=repr(value))
    return value


def _language(value: str) -> str:
    """A family's language: any plan language (domain/languages.py), not only the app's."""
    return _choice(FamilyLanguage, value, "language").value


class Services:
    """All operations on one database. Hand one instance to the window and the CLI."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make every service call inside the block one transaction: all or nothing."""
        with self.db.session():
            yield

    # ----------------------------------------------------------------- helpers
    @staticmethod
    def _get(session: Session, model: type[T], record_id: str) -> T:
        obj = session.get(model, record_id)
        if obj is None:
            raise NotFoundError("not_found", what=model.__tablename__, id=str(record_id))
        return obj

    @staticmethod
    def _touch(obj: Any) -> None:
        obj.updated_at = utcnow()

    @staticmethod
    def _check_participant_in_family(
        session: Session, participant_id: str | None, family_id: str
    ) -> None:
        if participant_id is None:
            return
        participant = session.get(Participant, participant_id)
        if participant is None or participant.family_id != family_id:
            raise ValidationError("participant_not_in_family", id=str(participant_id))

    def _meeting_family(self, session: Session, meeting_id: str) -> str:
        return self._get(session, Meeting, meeting_id).family_id

    # ---------------------------------------------------------------- families
    def create_family(
        self,
        display_name: str,
        *,
        notes: str = "",
        caseworker_name: str = "",
        caseworker_phone: str = "",
        language: str = FamilyLanguage.DA,
    ) -> Family:
        family = Family(
            display_name=rules.clean_text(
                display_name, "display_name", rules.DISPLAY_NAME_MAX, required=True
            ),
            notes=rules.clean_text(notes, "notes", rules.NOTES_MAX, multiline=True),
            caseworker_name=rules.clean_text(caseworker_name, "caseworker_name", rules.NAME_MAX),
            caseworker_phone=rules.clean_text(
                caseworker_phone, "caseworker_phone", rules.PHONE_MAX
            ),
            language=_language(language),
        )
        with self.db.session() as s:
            s.add(family)
        return family

    def update_family(
        self,
        family_id: str,
        *,
        display_name: str | None = None,
        notes: str | None = None,
        caseworker_name: str | None = None,
        caseworker_phone: str | None = None,
        language: str | None = None,
        archived: bool | None = None,
    ) -> Family:
        changes: dict[str, Any] = {}
        if display_name is not None:
            changes["display_name"] = rules.clean_text(
                display_name, "display_name", rules.DISPLAY_NAME_MAX, required=True
            )
        if notes is not None:
            changes["notes"] = rules.clean_text(notes, "notes", rules.NOTES_MAX, multiline=True)
        if caseworker_name is not None:
            changes["caseworker_name"] = rules.clean_text(
                caseworker_name, "caseworker_name", rules.NAME_MAX
            )
        if caseworker_phone is not None:
            changes["caseworker_phone"] = rules.clean_text(
                caseworker_phone, "caseworker_phone", rules.PHONE_MAX
            )
        if language is not None:
            changes["language"] = _language(language)
        if archived is not None:
            changes["archived"] = bool(archived)
        with self.db.session() as s:
            family = self._get(s, Family, family_id)
            for key, value in changes.items():
                setattr(family, key, value)
            self._touch(family)
        return family

    def delete_family(self, family_id: str) -> None:
        """Delete a family and everything that belongs to it (cascades in SQLite)."""
        with self.db.session() as s:
            family = self._get(s, Family, family_id)
            s.delete(family)

    def delete_family_permanently(self, family_id: str) -> None:
        """Delete a family so its words cannot be found in any file of the database.

        The rows are overwritten as they are deleted (``secure_delete``), the WAL is
        checkpointed and truncated, and the file is rebuilt (``VACUUM``), so no free
        page keeps old text. The backups, which still hold the family, are deleted
        and replaced by a fresh one without it.
        """
        from familymeeting.storage.backup import BackupKind, make_backup, purge_backups

        with self.db.session() as s:
            s.connection().exec_driver_sql("PRAGMA secure_delete = ON")
            family = self._get(s, Family, family_id)
            s.delete(family)
            s.add(AccessLog(event="delete_family", family_id=family_id))
        self.compact()
        purge_backups(self.db.path.parent)
        make_backup(self.db, BackupKind.AFTER_DELETE)

    def compact(self) -> None:
        """Checkpoint the WAL into the file, rebuild the file, and empty the WAL."""
        raw = self.db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()

    # -------------------------------------------------------------- access log
    def log_event(
        self,
        event: str,
        *,
        family_id: str | None = None,
        meeting_id: str | None = None,
        detail: str = "",
    ) -> None:
        """Record who-did-what for the access log: event names and ids, never case text."""
        with self.db.session() as s:
            s.add(
                AccessLog(
                    event=_choice(LogEvent, event, "event").value,
                    family_id=family_id,
                    meeting_id=meeting_id,
                    detail=rules.clean_text(detail, "detail", 200),
                )
            )

    def record_unlock(self, failed: Sequence[datetime], detail: str) -> None:
        """Log an unlock and the wrong passwords before it (the log is inside the
        encrypted database, so failures are written once the right password opened it).
        A full disk must not keep anyone out, so a refused write is ignored here."""
        try:
            for when in failed:
                self.log_event("unlock_failed", detail=when.isoformat(timespec="seconds"))
            self.log_event("unlock", detail=detail)
        except UserError:
            pass

    def access_log(self, family_id: str | None = None, limit: int | None = None) -> list[AccessLog]:
        """Newest first; one family's entries, or all."""
        with self.db.session() as s:
            # rowid breaks ties between entries made within the same millisecond.
            stmt = select(AccessLog).order_by(
                col(AccessLog.at).desc(), literal_column("access_log.rowid").desc()
            )
            if family_id is not None:
                stmt = stmt.where(AccessLog.family_id == family_id)
            if limit is not None:
                stmt = stmt.limit(limit)
            return list(s.exec(stmt).all())

    def prune_access_log(self, keep_days: int) -> int:
        """Remove entries older than the retention period; returns how many went."""
        cutoff = utcnow() - timedelta(days=keep_days)
        with self.db.session() as s:
            old = s.exec(select(AccessLog).where(col(AccessLog.at) < cutoff)).all()
            for entry in old:
                s.delete(entry)
            return len(old)

    def get_family(self, family_id: str) -> Family:
        with self.db.session() as s:
            return self._get(s, Family, family_id)

    def list_families(self, search: str = "", *, include_archived: bool = False) -> list[Family]:
        """Families sorted by display name; ``search`` matches anywhere, ignoring case."""
        needle = search.casefold().strip()
        with self.db.session() as s:
            stmt = select(Family)
            if not include_archived:
                stmt = stmt.where(col(Family.archived).is_(False))
            families = list(s.exec(stmt).all())
        if needle:
            families = [f for f in families if needle in f.display_name.casefold()]
        families.sort(key=lambda f: (sort_key(f.display_name), f.id))
        return families

    def list_family_rows(self) -> list[FamilyRow]:
        """Every family, archived too, in the order of :meth:`list_families`.

        A light read (three columns, no ORM objects) for a list that filters as the
        user types: read once, then matched in memory against ``folded_name``.
        """
        with self.db.session() as s:
            stmt = select(col(Family.id), col(Family.display_name), col(Family.archived))
            found = s.exec(stmt).all()
        rows = [
            FamilyRow(id_, name, bool(archived), name.casefold()) for id_, name, archived in found
        ]
        rows.sort(key=lambda r: (sort_key(r.display_name), r.id))
        return rows

    def resolve_family(self, id_or_prefix: str) -> Family:
        return self._resolve(Family, id_or_prefix)

    def resolve_meeting(self, id_or_prefix: str) -> Meeting:
        return self._resolve(Meeting, id_or_prefix)

    def _resolve(self, model: type[T], id_or_prefix: str) -> T:
        prefix = id_or_prefix.strip().lower()
        what = model.__tablename__
        if not prefix:
            raise NotFoundError("not_found", what=what, id=id_or_prefix)
        with self.db.session() as s:
            pk = getattr(model, "id")  # noqa: B009 - generic over tables
            escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = list(s.exec(select(model).where(pk.like(escaped + "%", escape="\\"))).all())
        if not rows:
            raise NotFoundError("not_found", what=what, id=id_or_prefix)
        exact = [r for r in rows if getattr(r, "id") == prefix]  # noqa: B009
        if exact:
            return exact[0]
        if len(rows) > 1:
            raise ValidationError("ambiguous_id", what=what, id=id_or_prefix, count=len(rows))
        return rows[0]

    # ------------------------------------------------------------ participants
    def add_participant(
        self, family_id: str, name: str, role: str, *, birth_year: int | None = None
    ) -> Participant:
        participant = Participant(
            family_id=family_id,
            name=rules.clean_text(name, "name", rules.NAME_MAX, required=True),
            role=_choice(Role, role, "role").value,
            birth_year=rules.validate_birth_year(birth_year),
        )
        with self.db.session() as s:
            self._get(s, Family, family_id)
            count = s.exec(
                select(func.count())
                .select_from(Participant)
                .where(Participant.family_id == family_id)
            ).one()
            participant.position = int(count)
            s.add(participant)
        return participant

    def update_participant(
        self,
        participant_id: str,
        *,
        name: str | None = None,
        role: str | None = None,
        birth_year: int | _Unset | None = UNSET,
    ) -> Participant:
        with self.db.session() as s:
            participant = self._get(s, Participant, participant_id)
            if name is not None:
                participant.name = rules.clean_text(name, "name", rules.NAME_MAX, required=True)
            if role is not None:
                participant.role = _choice(Role, role, "role").value
            if birth_year is not UNSET:
                participant.birth_year = rules.validate_birth_year(birth_year)
            self._touch(participant)
        return participant

    def delete_participant(self, participant_id: str) -> None:
        with self.db.session() as s:
            s.delete(self._get(s, Participant, participant_id))

    def list_participants(self, family_id: str) -> list[Participant]:
        with self.db.session() as s:
            stmt = (
                select(Participant)
                .where(Participant.family_id == family_id)
                .order_by(col(Participant.position), col(Participant.id))
            )
            return list(s.exec(stmt).all())

    # ---------------------------------------------------------------- meetings
    def create_meeting(
        self,
        family_id: str,
        starts_at: datetime,
        *,
        place: str = "",
        kind: str = MeetingKind.FIRST,
        status: str = MeetingStatus.PLANNED,
        attendee_ids: Iterable[str] = (),
        next_meeting_at: datetime | None = None,
        next_meeting_place: str = "",
        default_questions_: bool = True,
    ) -> Meeting:
        meeting = Meeting(
            family_id=family_id,
            starts_at=_minute(starts_at),
            place=rules.clean_text(place, "place", rules.PLACE_MAX),
            kind=_choice(MeetingKind, kind, "kind").value,
            status=_choice(MeetingStatus, status, "status").value,
            next_meeting_at=_opt_minute(next_meeting_at),
            next_meeting_place=rules.clean_text(
                next_meeting_place, "next_meeting_place", rules.PLACE_MAX
            ),
        )
        attendees = list(dict.fromkeys(attendee_ids))
        with self.db.session() as s:
            family = self._get(s, Family, family_id)
            s.add(meeting)
            for pid in attendees:
                self._check_participant_in_family(s, pid, family_id)
                s.add(MeetingAttendee(meeting_id=meeting.id, participant_id=pid))
            if default_questions_:
                for position, template in enumerate(default_questions(family.language)):
                    s.add(
                        Question(
                            meeting_id=meeting.id,
                            text=template.text,
                            low_anchor=template.low_anchor,
                            high_anchor=template.high_anchor,
                            for_children=template.for_children,
                            position=position,
                        )
                    )
        return meeting

    def update_meeting(
        self,
        meeting_id: str,
        *,
        starts_at: datetime | None = None,
        place: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        next_meeting_at: datetime | _Unset | None = UNSET,
        next_meeting_place: str | None = None,
    ) -> Meeting:
        with self.db.session() as s:
            meeting = self._get(s, Meeting, meeting_id)
            if starts_at is not None:
                meeting.starts_at = _minute(starts_at)
            if place is not None:
                meeting.place = rules.clean_text(place, "place", rules.PLACE_MAX)
            if kind is not None:
                meeting.kind = _choice(MeetingKind, kind, "kind").value
            if status is not None:
                meeting.status = _choice(MeetingStatus, status, "status").value
            if next_meeting_at is not UNSET:
                meeting.next_meeting_at = _opt_minute(next_meeting_at)
            if next_meeting_place is not None:
                meeting.next_meeting_place = rules.clean_text(
                    next_meeting_place, "next_meeting_place", rules.PLACE_MAX
                )
            self._touch(meeting)
        return meeting

    def delete_meeting(self, meeting_id: str) -> None:
        with self.db.session() as s:
            s.delete(self._get(s, Meeting, meeting_id))

    def get_meeting(self, meeting_id: str) -> Meeting:
        with self.db.session() as s:
            return self._get(s, Meeting, meeting_id)

    def list_meetings(self, family_id: str) -> list[Meeting]:
        """A family's meetings, newest first."""
        with self.db.session() as s:
            stmt = (
                select(Meeting)
                .where(Meeting.family_id == family_id)
                .order_by(col(Meeting.starts_at).desc(), col(Meeting.id))
            )
            return list(s.exec(stmt).all())

    def set_attendance(self, meeting_id: str, participant_id: str, present: bool) -> None:
        with self.db.session() as s:
            family_id = self._meeting_family(s, meeting_id)
            self._check_participant_in_family(s, participant_id, family_id)
            link = s.get(MeetingAttendee, (meeting_id, participant_id))
            if present and link is None:
                s.add(MeetingAttendee(meeting_id=meeting_id, participant_id=participant_id))
            elif not present and link is not None:
                s.delete(link)

    def list_attendee_ids(self, meeting_id: str) -> list[str]:
        """Attendees in the family's participant order."""
        with self.db.session() as s:
            stmt = (
                select(MeetingAttendee.participant_id)
                .join(Participant, col(Participant.id) == col(MeetingAttendee.participant_id))
                .where(MeetingAttendee.meeting_id == meeting_id)
                .order_by(col(Participant.position), col(Participant.id))
            )
            return list(s.exec(stmt).all())

    def start_follow_up(
        self,
        previous_id: str,
        starts_at: datetime | None = None,
        *,
        place: str | None = None,
        kind: str = MeetingKind.FOLLOW_UP,
    ) -> Meeting:
        """A new meeting that carries the previous board forward.

        Copies cards (with whose words and who agrees/disagrees), the rating
        questions (same series, no answers: everyone answers afresh), open
        actions and the attendees. Date and place default to the "next
        meeting" agreed last time.
        """
        with self.db.session() as s:
            prev = self._get(s, Meeting, previous_id)
            when = starts_at or prev.next_meeting_at or utcnow()
            meeting = Meeting(
                family_id=prev.family_id,
                starts_at=_minute(when),
                place=rules.clean_text(
                    place if place is not None else (prev.next_meeting_place or prev.place),
                    "place",
                    rules.PLACE_MAX,
                ),
                kind=_choice(MeetingKind, kind, "kind").value,
                status=MeetingStatus.PLANNED.value,
                follows_id=prev.id,
            )
            s.add(meeting)
            for pid in s.exec(
                select(MeetingAttendee.participant_id).where(MeetingAttendee.meeting_id == prev.id)
            ).all():
                s.add(MeetingAttendee(meeting_id=meeting.id, participant_id=pid))
            cards = s.exec(select(Card).where(Card.meeting_id == prev.id)).all()
            stances = s.exec(
                select(CardStance).where(col(CardStance.card_id).in_([c.id for c in cards]))
            ).all()
            new_card_ids = {c.id: new_id() for c in cards}
            for c in cards:
                s.add(
                    Card(
                        id=new_card_ids[c.id],
                        meeting_id=meeting.id,
                        column=c.column,
                        kind=c.kind,
                        text=c.text,
                        whose_words_id=c.whose_words_id,
                        position=c.position,
                    )
                )
            s.flush()
            for st in stances:
                s.add(
                    CardStance(
                        card_id=new_card_ids[st.card_id],
                        participant_id=st.participant_id,
                        agrees=st.agrees,
                    )
                )
            for q in s.exec(select(Question).where(Question.meeting_id == prev.id)).all():
                s.add(
                    Question(
                        meeting_id=meeting.id,
                        series_id=q.series_id,
                        text=q.text,
                        low_anchor=q.low_anchor,
                        high_anchor=q.high_anchor,
                        for_children=q.for_children,
                        position=q.position,
                    )
                )
            open_actions = s.exec(
                select(Action)
                .where(Action.meeting_id == prev.id, col(Action.done).is_(False))
                .order_by(col(Action.position))
            ).all()
            for position, a in enumerate(open_actions):
                s.add(
                    Action(
                        meeting_id=meeting.id,
                        what=a.what,
                        who_participant_id=a.who_participant_id,
                        who_text=a.who_text,
                        due_date=a.due_date,
                        due_text=a.due_text,
                        position=position,
                    )
                )
        return meeting

    # ------------------------------------------------------------------- cards
    @staticmethod
    def _column_cards(session: Session, meeting_id: str, column: str) -> list[Card]:
        stmt = (
            select(Card)
            .where(Card.meeting_id == meeting_id, Card.column == column)
            .order_by(col(Card.position), col(Card.created_at), col(Card.id))
        )
        return list(session.exec(stmt).all())

    @staticmethod
    def _renumber(cards: Sequence[Card]) -> None:
        for position, card in enumerate(cards):
            if card.position != position:
                card.position = position

    def add_card(
        self,
        meeting_id: str,
        column: str,
        text: str,
        *,
        kind: str = CardKind.PLAIN,
        whose_words_id: str | None = None,
        index: int | None = None,
    ) -> Card:
        """Add a card to a column, at ``index`` (default: the end)."""
        col_ = _choice(Column, column, "column")
        kind_ = _choice(CardKind, kind, "kind")
        if not kind_fits_column(kind_, col_):
            raise ValidationError("kind_not_in_column", kind=kind_.value, column=col_.value)
        card = Card(
            meeting_id=meeting_id,
            column=col_.value,
            kind=kind_.value,
            text=rules.clean_text(text, "text", rules.CARD_TEXT_MAX, required=True, multiline=True),
            whose_words_id=whose_words_id,
        )
        with self.db.session() as s:
            family_id = self._meeting_family(s, meeting_id)
            self._check_participant_in_family(s, whose_words_id, family_id)
            cards = self._column_cards(s, meeting_id, col_.value)
            at = len(cards) if index is None else max(0, min(index, len(cards)))
            cards.insert(at, card)
            s.add(card)
            self._renumber(cards)
        return card

    def get_card(self, card_id: str) -> Card:
        with self.db.session() as s:
            return self._get(s, Card, card_id)

    def update_card_text(self, card_id: str, text: str) -> Card:
        clean = rules.clean_text(text, "text", rules.CARD_TEXT_MAX, required=True, multiline=True)
        with self.db.session() as s:
            card = self._get(s, Card, card_id)
            card.text = clean
            self._touch(card)
        return card

    def set_card_kind(self, card_id: str, kind: str) -> Card:
        kind_ = _choice(CardKind, kind, "kind")
        with self.db.session() as s:
            card = self._get(s, Card, card_id)
            if not kind_fits_column(kind_, Column(card.column)):
                raise ValidationError("kind_not_in_column", kind=kind_.value, column=card.column)
            card.kind = kind_.value
            self._touch(card)
        return card

    def set_whose_words(self, card_id: str, participant_id: str | None) -> Card:
        with self.db.session() as s:
            card = self._get(s, Card, card_id)
            self._check_participant_in_family(
                s, participant_id, self._meeting_family(s, card.meeting_id)
            )
            card.whose_words_id = participant_id
            self._touch(card)
        return card

    def set_stance(self, card_id: str, participant_id: str, agrees: bool | None) -> None:
        """Record that a participant agrees (True) or disagrees (False); None clears it."""
        with self.db.session() as s:
            card = self._get(s, Card, card_id)
            self._check_participant_in_family(
                s, participant_id, self._meeting_family(s, card.meeting_id)
            )
            stance = s.get(CardStance, (card_id, participant_id))
            if agrees is None:
                if stance is not None:
                    s.delete(stance)
            elif stance is None:
                s.add(CardStance(card_id=card_id, participant_id=participant_id, agrees=agrees))
            else:
                stance.agrees = bool(agrees)
            self._touch(card)

    def card_stances(self, meeting_id: str) -> dict[str, dict[str, bool]]:
        """card id -> {participant id: agrees} for every card of a meeting that has any."""
        with self.db.session() as s:
            stmt = (
                select(CardStance)
                .join(Card, col(Card.id) == col(CardStance.card_id))
                .where(Card.meeting_id == meeting_id)
            )
            out: dict[str, dict[str, bool]] = {}
            for st in s.exec(stmt).all():
                out.setdefault(st.card_id, {})[st.participant_id] = st.agrees
            return out

    def move_card(self, card_id: str, column: str, index: int) -> Card:
        """Move a card to ``index`` in ``column`` (same or another column).

        A kind that does not belong in the new column (a strength moved to the
        worries) becomes plain: the words move, the label would be wrong.
        """
        col_ = _choice(Column, column, "column")
        with self.db.session() as s:
            card = self._get(s, Card, card_id)
            source = self._column_cards(s, card.meeting_id, card.column)
            source = [c for c in source if c.id != card.id]
            if card.column == col_.value:
                target = source
            else:
                self._renumber(source)
                target = self._column_cards(s, card.meeting_id, col_.value)
                card.column = col_.value
                if not kind_fits_column(CardKind(card.kind), col_):
                    card.kind = CardKind.PLAIN.value
            at = max(0, min(index, len(target)))
            target.insert(at, card)
            self._renumber(target)
            self._touch(card)
        return card

    def delete_card(self, card_id: str) -> CardSnapshot:
        with self.db.session() as s:
            card = self._get(s, Card, card_id)
            stances = {
                st.participant_id: st.agrees
                for st in s.exec(select(CardStance).where(CardStance.card_id == card_id)).all()
            }
            snapshot = CardSnapshot(card=Card.model_validate(card.model_dump()), stances=stances)
            s.delete(card)
            s.flush()
            self._renumber(self._column_cards(s, card.meeting_id, card.column))
        return snapshot

    def restore_card(self, snapshot: CardSnapshot) -> Card:
        """Bring a deleted card back with the same id, place, words and stances."""
        data = snapshot.card.model_dump()
        with self.db.session() as s:
            self._get(s, Meeting, data["meeting_id"])
            card = Card.model_validate(data)
            if card.whose_words_id is not None and s.get(Participant, card.whose_words_id) is None:
                card.whose_words_id = None
            cards = self._column_cards(s, card.meeting_id, card.column)
            cards.insert(max(0, min(card.position, len(cards))), card)
            s.add(card)
            self._renumber(cards)
            s.flush()
            for pid, agrees in snapshot.stances.items():
                if s.get(Participant, pid) is not None:
                    s.add(CardStance(card_id=card.id, participant_id=pid, agrees=agrees))
        return card

    def list_cards(self, meeting_id: str, column: str | None = None) -> list[Card]:
        """Cards in board order: column by column, top to bottom."""
        with self.db.session() as s:
            stmt = select(Card).where(Card.meeting_id == meeting_id)
            if column is not None:
                stmt = stmt.where(Card.column == _choice(Column, column, "column").value)
            cards = list(s.exec(stmt).all())
        cards.sort(key=lambda c: (COLUMN_ORDER[Column(c.column)], c.position, c.id))
        return cards

    # --------------------------------------------------------------- questions
    def add_question(
        self,
        meeting_id: str,
        text: str,
        *,
        low_anchor: str = "",
        high_anchor: str = "",
        for_children: bool = False,
    ) -> Question:
        question = Question(
            meeting_id=meeting_id,
            text=rules.clean_text(text, "text", rules.QUESTION_TEXT_MAX, required=True),
            low_anchor=rules.clean_text(low_anchor, "low_anchor", rules.ANCHOR_MAX),
            high_anchor=rules.clean_text(high_anchor, "high_anchor", rules.ANCHOR_MAX),
            for_children=bool(for_children),
        )
        with self.db.session() as s:
            self._get(s, Meeting, meeting_id)
            count = s.exec(
                select(func.count()).select_from(Question).where(Question.meeting_id == meeting_id)
            ).one()
            question.position = int(count)
            s.add(question)
        return question

    def update_question(
        self,
        question_id: str,
        *,
        text: str | None = None,
        low_anchor: str | None = None,
        high_anchor: str | None = None,
        for_children: bool | None = None,
    ) -> Question:
        with self.db.session() as s:
            q = self._get(s, Question, question_id)
            if text is not None:
                q.text = rules.clean_text(text, "text", rules.QUESTION_TEXT_MAX, required=True)
            if low_anchor is not None:
                q.low_anchor = rules.clean_text(low_anchor, "low_anchor", rules.ANCHOR_MAX)
            if high_anchor is not None:
                q.high_anchor = rules.clean_text(high_anchor, "high_anchor", rules.ANCHOR_MAX)
            if for_children is not None:
                q.for_children = bool(for_children)
            self._touch(q)
        return q

    def delete_question(self, question_id: str) -> QuestionSnapshot:
        """Delete a question and its answers; the snapshot can restore both."""
        with self.db.session() as s:
            q = self._get(s, Question, question_id)
            ratings = s.exec(select(Rating).where(Rating.question_id == question_id)).all()
            snapshot = QuestionSnapshot(
                question=Question.model_validate(q.model_dump()),
                ratings=tuple(Rating.model_validate(r.model_dump()) for r in ratings),
            )
            meeting_id = q.meeting_id
            s.delete(q)
            s.flush()
            rest = s.exec(
                select(Question)
                .where(Question.meeting_id == meeting_id)
                .order_by(col(Question.position))
            ).all()
            for position, other in enumerate(rest):
                other.position = position
        return snapshot

    def restore_question(self, snapshot: QuestionSnapshot) -> Question:
        """Bring a deleted question back at its place, with the answers of people still here."""
        with self.db.session() as s:
            data = snapshot.question.model_dump()
            self._get(s, Meeting, data["meeting_id"])
            question = Question.model_validate(data)
            rest = list(
                s.exec(
                    select(Question)
                    .where(Question.meeting_id == question.meeting_id)
                    .order_by(col(Question.position))
                ).all()
            )
            rest.insert(max(0, min(question.position, len(rest))), question)
            s.add(question)
            for position, other in enumerate(rest):
                other.position = position
            s.flush()
            for rating in snapshot.ratings:
                if s.get(Participant, rating.participant_id) is not None:
                    s.add(Rating.model_validate(rating.model_dump()))
        return question

    def list_questions(self, meeting_id: str) -> list[Question]:
        with self.db.session() as s:
            stmt = (
                select(Question)
                .where(Question.meeting_id == meeting_id)
                .order_by(col(Question.position), col(Question.id))
            )
            return list(s.exec(stmt).all())

    # ----------------------------------------------------------------- ratings
    def set_rating(
        self,
        question_id: str,
        participant_id: str,
        value: int | None,
        *,
        comment: str | None = None,
    ) -> Rating:
        """Store an answer 1-10, or None for an explicit "not answered"."""
        checked = rules.validate_rating(value)
        clean_comment = (
            None
            if comment is None
            else rules.clean_text(comment, "comment", rules.COMMENT_MAX, multiline=True)
        )
        with self.db.session() as s:
            q = self._get(s, Question, question_id)
            self._check_participant_in_family(
                s, participant_id, self._meeting_family(s, q.meeting_id)
            )
            rating = s.exec(
                select(Rating).where(
                    Rating.question_id == question_id, Rating.participant_id == participant_id
                )
            ).first()
            if rating is None:
                rating = Rating(question_id=question_id, participant_id=participant_id)
                s.add(rating)
            rating.value = checked
            if clean_comment is not None:
                rating.comment = clean_comment
            self._touch(rating)
        return rating

    def get_rating(self, question_id: str, participant_id: str) -> Rating | None:
        """The stored answer, or None when the question was never put to this person."""
        with self.db.session() as s:
            return s.exec(
                select(Rating).where(
                    Rating.question_id == question_id, Rating.participant_id == participant_id
                )
            ).first()

    def clear_rating(self, question_id: str, participant_id: str) -> None:
        """Forget an answer entirely (the question was never put to this person)."""
        with self.db.session() as s:
            s.exec(
                delete(Rating).where(
                    col(Rating.question_id) == question_id,
                    col(Rating.participant_id) == participant_id,
                )
            )

    def list_ratings(self, meeting_id: str) -> list[Rating]:
        with self.db.session() as s:
            stmt = (
                select(Rating)
                .join(Question, col(Question.id) == col(Rating.question_id))
                .where(Question.meeting_id == meeting_id)
                .order_by(col(Question.position), col(Rating.participant_id))
            )
            return list(s.exec(stmt).all())

    # ----------------------------------------------------------------- actions
    def add_action(
        self,
        meeting_id: str,
        what: str,
        *,
        who_participant_id: str | None = None,
        who_text: str = "",
        due_date: date | None = None,
        due_text: str = "",
        done: bool = False,
    ) -> Action:
        action = Action(
            meeting_id=meeting_id,
            what=rules.clean_text(
                what, "what", rules.ACTION_TEXT_MAX, required=True, multiline=True
            ),
            who_participant_id=who_participant_id,
            who_text=rules.clean_text(who_text, "who_text", rules.WHO_TEXT_MAX),
            due_date=_opt_date(due_date),
            due_text=rules.clean_text(due_text, "due_text", rules.DUE_TEXT_MAX),
            done=bool(done),
        )
        with self.db.session() as s:
            family_id = self._meeting_family(s, meeting_id)
            self._check_participant_in_family(s, who_participant_id, family_id)
            count = s.exec(
                select(func.count()).select_from(Action).where(Action.meeting_id == meeting_id)
            ).one()
            action.position = int(count)
            s.add(action)
        return action

    def update_action(
        self,
        action_id: str,
        *,
        what: str | None = None,
        who_participant_id: str | _Unset | None = UNSET,
        who_text: str | None = None,
        due_date: date | _Unset | None = UNSET,
        due_text: str | None = None,
        done: bool | None = None,
    ) -> Action:
        with self.db.session() as s:
            a = self._get(s, Action, action_id)
            if what is not None:
                a.what = rules.clean_text(
                    what, "what", rules.ACTION_TEXT_MAX, required=True, multiline=True
                )
            if who_participant_id is not UNSET:
                self._check_participant_in_family(
                    s, who_participant_id, self._meeting_family(s, a.meeting_id)
                )
                a.who_participant_id = who_participant_id
            if who_text is not None:
                a.who_text = rules.clean_text(who_text, "who_text", rules.WHO_TEXT_MAX)
            if due_date is not UNSET:
                a.due_date = _opt_date(due_date)
            if due_text is not None:
                a.due_text = rules.clean_text(due_text, "due_text", rules.DUE_TEXT_MAX)
            if done is not None:
                a.done = bool(done)
            self._touch(a)
        return a

    def move_action(self, action_id: str, index: int) -> Action:
        with self.db.session() as s:
            a = self._get(s, Action, action_id)
            rest = [
                x
                for x in s.exec(
                    select(Action)
                    .where(Action.meeting_id == a.meeting_id)
                    .order_by(col(Action.position), col(Action.id))
                ).all()
                if x.id != a.id
            ]
            rest.insert(max(0, min(index, len(rest))), a)
            for position, x in enumerate(rest):
                x.position = position
            self._touch(a)
        return a

    def delete_action(self, action_id: str) -> Action:
        """Delete an action; the returned copy can bring it back (undo)."""
        with self.db.session() as s:
            a = self._get(s, Action, action_id)
            snapshot = Action.model_validate(a.model_dump())
            meeting_id = a.meeting_id
            s.delete(a)
            s.flush()
            rest = s.exec(
                select(Action).where(Action.meeting_id == meeting_id).order_by(col(Action.position))
            ).all()
            for position, x in enumerate(rest):
                x.position = position
        return snapshot

    def restore_action(self, snapshot: Action) -> Action:
        """Bring a deleted action back with the same id at its old place."""
        with self.db.session() as s:
            self._get(s, Meeting, snapshot.meeting_id)
            action = Action.model_validate(snapshot.model_dump())
            if action.who_participant_id and s.get(Participant, action.who_participant_id) is None:
                action.who_participant_id = None
            rest = list(
                s.exec(
                    select(Action)
                    .where(Action.meeting_id == action.meeting_id)
                    .order_by(col(Action.position))
                ).all()
            )
            rest.insert(max(0, min(action.position, len(rest))), action)
            s.add(action)
            for position, x in enumerate(rest):
                x.position = position
        return action

    def list_actions(self, meeting_id: str) -> list[Action]:
        with self.db.session() as s:
            stmt = (
                select(Action)
                .where(Action.meeting_id == meeting_id)
                .order_by(col(Action.position), col(Action.id))
            )
            return list(s.exec(stmt).all())
