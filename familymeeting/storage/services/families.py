"""Families and their participants."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlmodel import SQLModel, col, func, select

from familymeeting.domain import rules
from familymeeting.domain.enums import Role
from familymeeting.domain.errors import NotFoundError, ValidationError
from familymeeting.domain.languages import FamilyLanguage
from familymeeting.domain.text import sort_key
from familymeeting.storage.models import Family, Meeting, Participant
from familymeeting.storage.records import FamilyRecord, FamilyRow, MeetingRecord, ParticipantRecord

if TYPE_CHECKING:
    from familymeeting.storage.forget import ForgetResult
from familymeeting.storage.services.base import (
    UNSET,
    ServiceBase,
    Unset,
    choice,
    fetch,
    language,
    touch,
)

T = TypeVar("T", bound=SQLModel)


def filter_family_rows(
    rows: Iterable[FamilyRow], search: str, *, include_archived: bool = False
) -> list[FamilyRow]:
    """The rows a family search shows, matched as :meth:`Services.list_families` matches."""
    needle = search.casefold().strip()
    return [r for r in rows if needle in r.folded_name and (include_archived or not r.archived)]


def clean_family_fields(
    *,
    display_name: str | None = None,
    notes: str | None = None,
    caseworker_name: str | None = None,
    caseworker_phone: str | None = None,
    language_: str | None = None,
    archived: bool | None = None,
) -> dict[str, Any]:
    """The given fields, checked and cleaned by the domain rules (None: not given)."""
    changes: dict[str, Any] = {}
    if display_name is not None:
        changes["display_name"] = rules.clean_text(
            display_name, "display_name", rules.DISPLAY_NAME_MAX, required=True, name=True
        )
    if notes is not None:
        changes["notes"] = rules.clean_text(notes, "notes", rules.NOTES_MAX, multiline=True)
    if caseworker_name is not None:
        changes["caseworker_name"] = rules.clean_text(
            caseworker_name, "caseworker_name", rules.NAME_MAX, name=True
        )
    if caseworker_phone is not None:
        changes["caseworker_phone"] = rules.clean_text(
            caseworker_phone, "caseworker_phone", rules.PHONE_MAX
        )
    if language_ is not None:
        changes["language"] = language(language_)
    if archived is not None:
        changes["archived"] = bool(archived)
    return changes


class FamilyServices(ServiceBase):
    # ---------------------------------------------------------------- families
    def create_family(
        self,
        display_name: str,
        *,
        notes: str = "",
        caseworker_name: str = "",
        caseworker_phone: str = "",
        language: str = FamilyLanguage.DA,
    ) -> FamilyRecord:
        fields = clean_family_fields(
            display_name=display_name,
            notes=notes,
            caseworker_name=caseworker_name,
            caseworker_phone=caseworker_phone,
            language_=language,
        )
        family = Family(**fields)
        with self.db.session() as s:
            s.add(family)
            s.flush()
            return FamilyRecord.from_row(family)

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
    ) -> FamilyRecord:
        changes = clean_family_fields(
            display_name=display_name,
            notes=notes,
            caseworker_name=caseworker_name,
            caseworker_phone=caseworker_phone,
            language_=language,
            archived=archived,
        )
        with self.db.session() as s:
            family = fetch(s, Family, family_id)
            for key, value in changes.items():
                setattr(family, key, value)
            touch(family)
            return FamilyRecord.from_row(family)

    def delete_family(self, family_id: str) -> None:
        """Delete a family and everything that belongs to it (cascades in SQLite)."""
        with self.db.session() as s:
            s.delete(fetch(s, Family, family_id))

    def delete_family_permanently(
        self, family_id: str, progress: Callable[[int, int], None] | None = None
    ) -> ForgetResult:
        """Delete a family so its words cannot be found in any file of the data dir.

        Journaled (storage/forget.py): the rows are overwritten as they are deleted
        (``secure_delete``), the WAL is checkpointed and truncated and the file rebuilt
        (``VACUUM``), every backup holding the family is rewritten without it
        (``progress(done, total)`` per backup), stray copies go; a kill in between is
        finished at the next open. The result names ``damaged/`` copies that may still
        hold it.
        """
        from familymeeting.storage.forget import forget_family

        return forget_family(self.db, family_id, progress)

    def delete_damaged_copies(self, copies: Iterable[Path]) -> int:
        """Delete copies in ``damaged/`` the user agreed to let go (named by a deletion)."""
        from familymeeting.storage.forget import delete_damaged_copies

        return delete_damaged_copies(self.db.path.parent, copies)

    def compact(self) -> None:
        """Checkpoint the WAL into the file, rebuild the file, and empty the WAL
        (``checkpoint_busy`` if a reader keeps the checkpoint from finishing)."""
        from familymeeting.storage.forget import compact

        compact(self.db)

    def get_family(self, family_id: str) -> FamilyRecord:
        with self.db.reading() as s:
            return FamilyRecord.from_row(fetch(s, Family, family_id))

    def list_families(
        self, search: str = "", *, include_archived: bool = False
    ) -> list[FamilyRecord]:
        """Families sorted by display name; ``search`` matches anywhere, ignoring case."""
        needle = search.casefold().strip()
        with self.db.reading() as s:
            stmt = select(Family)
            if not include_archived:
                stmt = stmt.where(col(Family.archived).is_(False))
            families = [FamilyRecord.from_row(f) for f in s.exec(stmt).all()]
        if needle:
            families = [f for f in families if needle in f.display_name.casefold()]
        families.sort(key=lambda f: (sort_key(f.display_name), f.id))
        return families

    def list_family_rows(self) -> list[FamilyRow]:
        """Every family, archived too, in the order of :meth:`list_families`.

        A light read (three columns) for a list that filters as the user types: read
        once, then matched in memory against ``folded_name``.
        """
        with self.db.reading() as s:
            stmt = select(col(Family.id), col(Family.display_name), col(Family.archived))
            found = s.exec(stmt).all()
        rows = [
            FamilyRow(id_, name, bool(archived), name.casefold()) for id_, name, archived in found
        ]
        rows.sort(key=lambda r: (sort_key(r.display_name), r.id))
        return rows

    def resolve_family(self, id_or_prefix: str) -> FamilyRecord:
        return FamilyRecord.from_row(self._resolve(Family, id_or_prefix))

    def resolve_meeting(self, id_or_prefix: str) -> MeetingRecord:
        return MeetingRecord.from_row(self._resolve(Meeting, id_or_prefix))

    def _resolve(self, model: type[T], id_or_prefix: str) -> T:
        prefix = id_or_prefix.strip().lower()
        what = model.__tablename__
        if not prefix:
            raise NotFoundError("not_found", what=what, id=id_or_prefix)
        with self.db.reading() as s:
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
        self,
        family_id: str,
        name: str,
        role: str,
        *,
        birth_year: int | None = None,
        language: str = "",
        own_plan: bool | None = None,
    ) -> ParticipantRecord:
        participant = Participant(
            family_id=family_id,
            name=rules.clean_text(name, "name", rules.NAME_MAX, required=True, name=True),
            role=choice(Role, role, "role").value,
            birth_year=rules.validate_birth_year(birth_year),
            language=_own_language(language),
            own_plan=own_plan,
        )
        with self.db.session() as s:
            fetch(s, Family, family_id)
            count = s.exec(
                select(func.count())
                .select_from(Participant)
                .where(Participant.family_id == family_id)
            ).one()
            participant.position = int(count)
            s.add(participant)
            s.flush()
            return ParticipantRecord.from_row(participant)

    def update_participant(
        self,
        participant_id: str,
        *,
        name: str | None = None,
        role: str | None = None,
        birth_year: int | Unset | None = UNSET,
        language: str | Unset = UNSET,
        own_plan: bool | Unset | None = UNSET,
    ) -> ParticipantRecord:
        with self.db.session() as s:
            participant = fetch(s, Participant, participant_id)
            if not isinstance(language, Unset):
                participant.language = _own_language(language)
            if not isinstance(own_plan, Unset):
                participant.own_plan = own_plan
            if name is not None:
                participant.name = rules.clean_text(
                    name, "name", rules.NAME_MAX, required=True, name=True
                )
            if role is not None:
                participant.role = choice(Role, role, "role").value
            if birth_year is not UNSET:
                participant.birth_year = rules.validate_birth_year(birth_year)
            touch(participant)
            return ParticipantRecord.from_row(participant)

    def delete_participant(self, participant_id: str) -> None:
        with self.db.session() as s:
            s.delete(fetch(s, Participant, participant_id))

    def list_participants(self, family_id: str) -> list[ParticipantRecord]:
        with self.db.reading() as s:
            stmt = (
                select(Participant)
                .where(Participant.family_id == family_id)
                .order_by(col(Participant.position), col(Participant.id))
            )
            return [ParticipantRecord.from_row(p) for p in s.exec(stmt).all()]


def _own_language(value: str) -> str:
    """A person's own language for their papers: '' (the family's) or a plan language."""
    return "" if value == "" else language(value)
