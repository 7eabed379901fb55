"""Case files: one family with everything that belongs to it, as versioned JSON.

The format is documented in docs/case-file.md. Export is deterministic (sorted
keys, records in board order, UTF-8), so export -> import -> export gives the
same bytes. Import validates the whole file (pydantic, strict) before it
touches the database and then writes it in one transaction: a bad file changes
nothing.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import PydanticCustomError
from sqlmodel import Session, col, select

from familymeeting.domain import rules
from familymeeting.domain.defaults import QUESTION_KINDS, question_kind_of
from familymeeting.domain.enums import (
    Audience,
    CardKind,
    CaseDateKind,
    Column,
    House,
    HouseItemKind,
    MeetingKind,
    MeetingStatus,
    Role,
    kind_fits_column,
)
from familymeeting.domain.errors import CaseFileError, ConflictError, UserError
from familymeeting.domain.feedback import is_feedback_item
from familymeeting.domain.languages import FamilyLanguage
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.models import (
    Action,
    Card,
    CardStance,
    CaseDate,
    ChildFeedback,
    Family,
    HouseItem,
    Meeting,
    MeetingAttendee,
    Participant,
    Question,
    QuestionAudience,
    Rating,
)
from familymeeting.storage.records import FamilyRecord
from familymeeting.storage.services import COLUMN_ORDER, Services, fetch
from familymeeting.storage.services.access import log_in
from familymeeting.storage.services.case_dates import check_case_dates

FORMAT = "familymeeting-case"
VERSION = 5
# Read as well: version 1 had no card links on the plan's lines (card_id: none);
# versions 1 and 2 had no case dates and no meeting record fields (read as none/empty);
# versions 1-3 said "for_children" where version 4 says who answers ("audience") and had
# none of the child's voice (answered alone, shared, feedback, Three Houses); versions
# 1-4 had no question kind (found from the wording, as the schema 7 upgrade does).
READABLE_VERSIONS = (1, 2, 3, 4, 5)
MAX_BYTES = 32 * 1024 * 1024
# One house's drawing as its JSON string: 5,000 points of a few strokes fit many times.
STROKES_MAX = 1_000_000
FEEDBACK_ITEM_MAX = 64

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]


def _text(max_len: int) -> Any:
    return Annotated[str, StringConstraints(max_length=max_len)]


def _as_utc(value: datetime) -> datetime:
    """Timestamps without a zone in a file are taken as UTC, like ours are written."""
    try:
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        # e.g. 9999-12-31T23:59-05:00 has no UTC equivalent; refuse it, do not crash.
        raise PydanticCustomError("datetime_out_of_range", "datetime out of range") from None
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def _as_wall(value: datetime) -> datetime:
    """A calendar time with a zone is turned into this machine's wall-clock time."""
    if value.tzinfo is not None:
        try:
            value = value.astimezone().replace(tzinfo=None)
        except OverflowError:
            raise PydanticCustomError("datetime_out_of_range", "datetime out of range") from None
    return value.replace(microsecond=0)


# Converted while validating, so a value that cannot be converted is reported
# with its location instead of failing half-way through the import.
Stamp = Annotated[datetime, AfterValidator(_as_utc)]
WallTime = Annotated[datetime, AfterValidator(_as_wall)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class FamilyIn(_Strict):
    id: Id
    display_name: _text(rules.DISPLAY_NAME_MAX)  # type: ignore[valid-type]
    notes: _text(rules.NOTES_MAX)  # type: ignore[valid-type]
    caseworker_name: _text(rules.NAME_MAX)  # type: ignore[valid-type]
    caseworker_phone: _text(rules.PHONE_MAX)  # type: ignore[valid-type]
    language: FamilyLanguage  # the plan's language: any of the ten plan languages
    archived: bool
    created_at: Stamp
    updated_at: Stamp


class ParticipantIn(_Strict):
    id: Id
    name: _text(rules.NAME_MAX)  # type: ignore[valid-type]
    role: Role
    birth_year: Annotated[int, Field(ge=rules.BIRTH_YEAR_MIN, le=9999)] | None
    created_at: Stamp
    updated_at: Stamp
    # Version 4: a child's own language for its papers ('' = the family's), own plan.
    language: FamilyLanguage | Literal[""] = ""
    own_plan: bool | None = None


class CardIn(_Strict):
    id: Id
    column: Column
    kind: CardKind
    text: _text(rules.CARD_TEXT_MAX)  # type: ignore[valid-type]
    whose_words_id: Id | None
    agree_ids: list[Id]
    disagree_ids: list[Id]
    created_at: Stamp
    updated_at: Stamp


class RatingIn(_Strict):
    id: Id
    participant_id: Id
    value: Annotated[int, Field(ge=rules.RATING_MIN, le=rules.RATING_MAX)] | None
    comment: _text(rules.COMMENT_MAX)  # type: ignore[valid-type]
    created_at: Stamp
    updated_at: Stamp
    # Version 4: a child's answer given alone in child mode, and whether it is shared.
    answered_alone: bool = False
    shared: bool = True


class QuestionIn(_Strict):
    id: Id
    series_id: Id
    text: _text(rules.QUESTION_TEXT_MAX)  # type: ignore[valid-type]
    low_anchor: _text(rules.ANCHOR_MAX)  # type: ignore[valid-type]
    high_anchor: _text(rules.ANCHOR_MAX)  # type: ignore[valid-type]
    ratings: list[RatingIn]
    created_at: Stamp
    updated_at: Stamp
    for_children: bool | None = None  # versions 1-3 only
    audience: Audience | None = None  # version 4 (required there)
    chosen_ids: list[Id] = []  # version 4: the people of audience "chosen"
    kind: str | None = None  # version 5 (required there): the default question's key

    @property
    def who(self) -> Audience:
        """Who answers it; a version 1-3 question for children is the children's."""
        if self.audience is not None:
            return self.audience
        return Audience.CHILDREN if self.for_children else Audience.EVERYONE


class ChildFeedbackIn(_Strict):
    """Version 4: a child's answer to one feedback question about the meeting."""

    id: Id
    participant_id: Id
    item: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,64}$")]
    value: Annotated[int, Field(ge=rules.RATING_MIN, le=rules.RATING_MAX)] | None
    created_at: Stamp
    updated_at: Stamp


class HouseItemIn(_Strict):
    """Version 4: one item of a child's Three Houses (a sentence, or a house's drawing
    with its strokes as the JSON string the database keeps)."""

    id: Id
    participant_id: Id
    house: House
    kind: HouseItemKind
    text: _text(rules.CARD_TEXT_MAX)  # type: ignore[valid-type]
    strokes: _text(STROKES_MAX)  # type: ignore[valid-type]
    shared: bool
    card_id: Id | None
    # Its place in its house as stored (a drawing and a sentence may share one).
    position: Annotated[int, Field(ge=0, le=1_000_000)] = 0
    created_at: Stamp
    updated_at: Stamp


class ActionIn(_Strict):
    id: Id
    what: _text(rules.ACTION_TEXT_MAX)  # type: ignore[valid-type]
    who_participant_id: Id | None
    who_text: _text(rules.WHO_TEXT_MAX)  # type: ignore[valid-type]
    due_date: date | None
    due_text: _text(rules.DUE_TEXT_MAX)  # type: ignore[valid-type]
    done: bool
    created_at: Stamp
    updated_at: Stamp
    card_id: Id | None = None  # version 2: the card of this meeting it was made from


class MeetingIn(_Strict):
    id: Id
    starts_at: WallTime
    place: _text(rules.PLACE_MAX)  # type: ignore[valid-type]
    kind: MeetingKind
    status: MeetingStatus
    next_meeting_at: WallTime | None
    next_meeting_place: _text(rules.PLACE_MAX)  # type: ignore[valid-type]
    follows_id: Id | None
    attendee_ids: list[Id]
    cards: list[CardIn]
    questions: list[QuestionIn]
    actions: list[ActionIn]
    created_at: Stamp
    updated_at: Stamp
    # Version 3: the caseworker's record only, never the family's plan.
    assessment: _text(rules.ASSESSMENT_MAX) = ""  # type: ignore[valid-type]
    minutes: _text(rules.MINUTES_MAX) = ""  # type: ignore[valid-type]
    other_attendees: _text(rules.OTHER_ATTENDEES_MAX) = ""  # type: ignore[valid-type]
    # Version 4: the child's own feedback and Three Houses (never the family's plan).
    child_feedback: list[ChildFeedbackIn] = []
    house_items: list[HouseItemIn] = []


class CaseDateIn(_Strict):
    """Version 3: a key date of the case; ``participant_id`` None: the family's."""

    id: Id
    participant_id: Id | None
    kind: CaseDateKind
    on_date: date
    created_at: Stamp
    updated_at: Stamp


class CaseFileIn(_Strict):
    format: Literal["familymeeting-case"]
    version: Literal[1, 2, 3, 4, 5]
    family: FamilyIn
    participants: list[ParticipantIn]
    meetings: list[MeetingIn]
    case_dates: list[CaseDateIn] = []


# ------------------------------------------------------------------ export
def _ts(value: datetime) -> str:
    """A stored UTC timestamp, written with milliseconds and Z."""
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _local(value: datetime | None) -> str | None:
    """A wall-clock calendar time (no zone), as entered."""
    return None if value is None else value.isoformat(timespec="seconds")


def _stamps(obj: Any) -> dict[str, str]:
    return {"created_at": _ts(obj.created_at), "updated_at": _ts(obj.updated_at)}


def build_case(services: Services, family_id: str) -> dict[str, Any]:
    """The case file's content for one family, as plain JSON-ready data."""
    # One snapshot: the file holds the family as it was at one moment.
    with services.db.reading() as s:
        family = fetch(s, Family, family_id)
        participants = s.exec(
            select(Participant)
            .where(Participant.family_id == family_id)
            .order_by(col(Participant.position), col(Participant.id))
        ).all()
        meetings = s.exec(
            select(Meeting)
            .where(Meeting.family_id == family_id)
            .order_by(col(Meeting.starts_at), col(Meeting.created_at), col(Meeting.id))
        ).all()
        return {
            "format": FORMAT,
            "version": VERSION,
            "family": {
                "id": family.id,
                "display_name": family.display_name,
                "notes": family.notes,
                "caseworker_name": family.caseworker_name,
                "caseworker_phone": family.caseworker_phone,
                "language": family.language,
                "archived": family.archived,
                **_stamps(family),
            },
            "participants": [
                {
                    "id": p.id,
                    "name": p.name,
                    "role": p.role,
                    "birth_year": p.birth_year,
                    "language": p.language,
                    "own_plan": p.own_plan,
                    **_stamps(p),
                }
                for p in participants
            ],
            "meetings": [_meeting_out(s, m) for m in meetings],
            "case_dates": [
                {
                    "id": d.id,
                    "participant_id": d.participant_id,
                    "kind": d.kind,
                    "on_date": d.on_date.isoformat(),
                    **_stamps(d),
                }
                for d in s.exec(
                    select(CaseDate)
                    .where(CaseDate.family_id == family_id)
                    .order_by(col(CaseDate.participant_id), col(CaseDate.kind), col(CaseDate.id))
                ).all()
            ],
        }


def _meeting_out(s: Session, m: Meeting) -> dict[str, Any]:
    attendees = sorted(
        s.exec(select(MeetingAttendee.participant_id).where(MeetingAttendee.meeting_id == m.id))
    )
    cards = sorted(
        s.exec(select(Card).where(Card.meeting_id == m.id)).all(),
        key=lambda c: (COLUMN_ORDER[Column(c.column)], c.position, c.id),
    )
    stances: dict[str, dict[str, bool]] = {}
    for st in s.exec(
        select(CardStance).where(col(CardStance.card_id).in_([c.id for c in cards]))
    ).all():
        stances.setdefault(st.card_id, {})[st.participant_id] = st.agrees
    questions = s.exec(
        select(Question)
        .where(Question.meeting_id == m.id)
        .order_by(col(Question.position), col(Question.id))
    ).all()
    actions = s.exec(
        select(Action)
        .where(Action.meeting_id == m.id)
        .order_by(col(Action.position), col(Action.id))
    ).all()
    return {
        "id": m.id,
        "starts_at": _local(m.starts_at),
        "place": m.place,
        "kind": m.kind,
        "status": m.status,
        "next_meeting_at": _local(m.next_meeting_at),
        "next_meeting_place": m.next_meeting_place,
        "follows_id": m.follows_id,
        "attendee_ids": attendees,
        "assessment": m.assessment,
        "minutes": m.minutes,
        "other_attendees": m.other_attendees,
        "cards": [
            {
                "id": c.id,
                "column": c.column,
                "kind": c.kind,
                "text": c.text,
                "whose_words_id": c.whose_words_id,
                "agree_ids": sorted(p for p, a in stances.get(c.id, {}).items() if a),
                "disagree_ids": sorted(p for p, a in stances.get(c.id, {}).items() if not a),
                **_stamps(c),
            }
            for c in cards
        ],
        "questions": [
            {
                "id": q.id,
                "series_id": q.series_id,
                "text": q.text,
                "low_anchor": q.low_anchor,
                "high_anchor": q.high_anchor,
                "audience": q.audience,
                "kind": q.kind,
                "chosen_ids": sorted(
                    s.exec(
                        select(QuestionAudience.participant_id).where(
                            QuestionAudience.question_id == q.id
                        )
                    ).all()
                ),
                "ratings": [
                    {
                        "id": r.id,
                        "participant_id": r.participant_id,
                        "value": r.value,
                        "comment": r.comment,
                        "answered_alone": r.answered_alone,
                        "shared": r.shared,
                        **_stamps(r),
                    }
                    for r in s.exec(
                        select(Rating)
                        .where(Rating.question_id == q.id)
                        .order_by(col(Rating.participant_id), col(Rating.id))
                    ).all()
                ],
                **_stamps(q),
            }
            for q in questions
        ],
        "actions": [
            {
                "id": a.id,
                "what": a.what,
                "who_participant_id": a.who_participant_id,
                "who_text": a.who_text,
                "due_date": None if a.due_date is None else a.due_date.isoformat(),
                "due_text": a.due_text,
                "done": a.done,
                **_stamps(a),
                "card_id": a.card_id,
            }
            for a in actions
        ],
        "child_feedback": [
            {
                "id": f.id,
                "participant_id": f.participant_id,
                "item": f.item,
                "value": f.value,
                **_stamps(f),
            }
            for f in s.exec(
                select(ChildFeedback)
                .where(ChildFeedback.meeting_id == m.id)
                .order_by(
                    col(ChildFeedback.participant_id),
                    col(ChildFeedback.item),
                    col(ChildFeedback.id),
                )
            ).all()
        ],
        "house_items": [
            {
                "id": h.id,
                "participant_id": h.participant_id,
                "house": h.house,
                "kind": h.kind,
                "text": h.text,
                "strokes": h.strokes,
                "shared": h.shared,
                "card_id": h.card_id,
                "position": h.position,
                **_stamps(h),
            }
            for h in s.exec(
                select(HouseItem)
                .where(HouseItem.meeting_id == m.id)
                .order_by(
                    col(HouseItem.participant_id),
                    col(HouseItem.house),
                    col(HouseItem.position),
                    col(HouseItem.id),
                )
            ).all()
        ],
        **_stamps(m),
    }


def dumps_case(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def export_case(services: Services, family_id: str, path: Path, *, via: str = "") -> None:
    """Write one family's case file atomically (a crash leaves the old file or the new one).

    Logged (``export_case``, with ``via``: "cli" or "app") once the file is written.
    """
    write_atomic(path, dumps_case(build_case(services, family_id)))
    services.log_event("export_case", family_id=family_id, detail=via)


# ------------------------------------------------------------------ import
REASON_BY_TYPE = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "string_too_long": "too_long",
    "string_pattern_mismatch": "bad_id",
    "greater_than_equal": "out_of_range",
    "less_than_equal": "out_of_range",
    "enum": "not_a_choice",
    "literal_error": "not_a_choice",
    "datetime_out_of_range": "out_of_range",
}


def _reason(error_type: str) -> str:
    """A reason id the message catalogue can say in Danish and English."""
    if error_type in REASON_BY_TYPE:
        return REASON_BY_TYPE[error_type]
    if error_type.startswith(("datetime", "date", "time")):
        return "bad_date"
    if error_type.endswith(("_type", "_parsing")) or error_type in {"none_required", "model_type"}:
        return "wrong_type"
    return "invalid_value"


def _reason_for_os_error(exc: OSError) -> str:
    return {
        errno.ENOENT: "file_missing",
        errno.EISDIR: "is_directory",
        errno.EACCES: "no_access",
        errno.EPERM: "no_access",
    }.get(exc.errno or 0, "cannot_read")


def _mib(size: int) -> float:
    return round(size / (1024 * 1024), 1)


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "top"


def read_case_file(path: Path) -> CaseFileIn:
    """Read and fully validate a case file, or raise CaseFileError naming the problem."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CaseFileError("case_file_too_big", size=_mib(size), max=_mib(MAX_BYTES))
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseFileError(
            "case_file_unreadable", path=str(path), reason=_reason_for_os_error(exc)
        ) from exc
    return parse_case(raw)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def parse_case(raw: bytes) -> CaseFileIn:
    if len(raw) > MAX_BYTES:
        raise CaseFileError("case_file_too_big", size=_mib(len(raw)), max=_mib(MAX_BYTES))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseFileError("case_file_not_utf8", position=exc.start) from exc
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        # A string still open at the end: the decoder reports where it started.
        truncated = exc.msg.startswith("Unterminated string") or _stops_early(text, exc.pos)
        raise CaseFileError(
            "case_file_truncated" if truncated else "case_file_not_json",
            line=exc.lineno,
            column=exc.colno,
        ) from exc
    except ValueError as exc:
        # NaN, Infinity: not numbers JSON allows, and never written by us.
        raise CaseFileError("case_file_bad_number", value=str(exc).split()[0]) from exc
    except RecursionError as exc:
        # "[[[[..." a million deep fits in 32 MiB and would otherwise crash the import.
        raise CaseFileError("case_file_too_deep") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise CaseFileError("case_file_wrong_format", found=str(found)[:80])
    version = data.get("version")
    # type() check: in Python true == 1 and 1.0 == 1, but neither is version 1.
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise CaseFileError(
            "case_file_wrong_version",
            # As JSON, so the string "1" does not read as "version 1; reads version 1".
            found=json.dumps(version, ensure_ascii=False)[:20],
            supported=f"{READABLE_VERSIONS[0]}–{READABLE_VERSIONS[-1]}",
        )
    if _has_lone_surrogate(data):
        # The JSON parser pydantic uses refuses a "\ud800" escape outright; the documented
        # rule is that lone surrogates are removed, like any other unusable character.
        text = json.dumps(_without_lone_surrogates(data), ensure_ascii=False)
    try:
        case = CaseFileIn.model_validate_json(text)
    except PydanticValidationError as exc:
        first = exc.errors(include_url=False)[0]
        reason = _reason(first["type"])
        raise CaseFileError(
            "case_file_invalid",
            location=_location(tuple(first["loc"])),
            reason=reason,
            input=str(first.get("input"))[:40] if first["type"] != "missing" else "",
        ) from exc
    _check_references(case)
    return case


def _is_lone_surrogate(ch: str) -> bool:
    return "\ud800" <= ch <= "\udfff"


def _has_lone_surrogate(value: Any) -> bool:
    # json.loads joins valid surrogate pairs, so any surrogate left in a str is lone.
    if isinstance(value, str):
        return any(_is_lone_surrogate(ch) for ch in value)
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def _without_lone_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(ch for ch in value if not _is_lone_surrogate(ch))
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    return value


def _check_references(case: CaseFileIn) -> None:
    seen: set[str] = set()

    def unique(record_id: str) -> None:
        if record_id in seen:
            raise CaseFileError("case_file_duplicate_id", id=record_id)
        seen.add(record_id)

    unique(case.family.id)
    people = set()
    this_year = date.today().year
    for i, p in enumerate(case.participants):
        unique(p.id)
        people.add(p.id)
        if p.birth_year is not None and p.birth_year > this_year:
            raise CaseFileError(
                "case_file_invalid",
                location=f"participants[{i}].birth_year",
                reason="out_of_range",
                input=str(p.birth_year),
            )
    meeting_ids = {m.id for m in case.meetings}

    def person(pid: str | None, location: str) -> None:
        if pid is not None and pid not in people:
            raise CaseFileError(
                "case_file_bad_reference", what="participant", id=pid, location=location
            )

    children = {p.id for p in case.participants if p.role == Role.CHILD}
    follows = {m.id: m.follows_id for m in case.meetings}
    for i, m in enumerate(case.meetings):
        where = f"meetings[{i}]"
        unique(m.id)
        if m.follows_id is not None and m.follows_id not in meeting_ids:
            raise CaseFileError(
                "case_file_bad_reference", what="meeting", id=m.follows_id, location=where
            )
        # A meeting cannot follow itself, directly or round a loop.
        step: str | None = m.follows_id
        for _ in range(len(follows)):
            if step is None:
                break
            if step == m.id:
                raise CaseFileError(
                    "case_file_invalid",
                    location=f"{where}.follows_id",
                    reason="follows_loop",
                    input="",
                )
            step = follows.get(step)
        for pid in m.attendee_ids:
            person(pid, f"{where}.attendee_ids")
        for j, c in enumerate(m.cards):
            cw = f"{where}.cards[{j}]"
            unique(c.id)
            if not kind_fits_column(c.kind, c.column):
                raise CaseFileError(
                    "case_file_invalid",
                    location=f"{cw}.kind",
                    reason="kind_not_in_column",
                    input=c.kind.value,
                )
            person(c.whose_words_id, cw)
            for pid in (*c.agree_ids, *c.disagree_ids):
                person(pid, cw)
            for ids in (c.agree_ids, c.disagree_ids):
                if len(set(ids)) != len(ids):
                    raise CaseFileError(
                        "case_file_invalid", location=cw, reason="person_twice", input=""
                    )
            if set(c.agree_ids) & set(c.disagree_ids):
                raise CaseFileError(
                    "case_file_invalid", location=cw, reason="agrees_and_disagrees", input=""
                )
        series: set[str] = set()
        for j, q in enumerate(m.questions):
            unique(q.id)
            if q.series_id in series:
                raise CaseFileError(
                    "case_file_invalid",
                    location=f"{where}.questions[{j}].series_id",
                    reason="series_twice",
                    input="",
                )
            series.add(q.series_id)
            qw = f"{where}.questions[{j}]"
            for pid in q.chosen_ids:
                person(pid, f"{qw}.chosen_ids")
            if len(set(q.chosen_ids)) != len(q.chosen_ids):
                raise CaseFileError(
                    "case_file_invalid",
                    location=f"{qw}.chosen_ids",
                    reason="person_twice",
                    input="",
                )
            if (q.audience == Audience.CHOSEN) != bool(q.chosen_ids):
                # "chosen" needs its people; any other audience has none.
                raise CaseFileError(
                    "case_file_invalid",
                    location=f"{qw}.chosen_ids",
                    reason="invalid_value",
                    input="",
                )
            answered: set[str] = set()
            for k, r in enumerate(q.ratings):
                unique(r.id)
                person(r.participant_id, f"{where}.questions[{j}].ratings[{k}]")
                if r.participant_id in answered:
                    raise CaseFileError(
                        "case_file_invalid",
                        location=f"{where}.questions[{j}].ratings[{k}].participant_id",
                        reason="answered_twice",
                        input="",
                    )
                answered.add(r.participant_id)
        cards_here = {c.id for c in m.cards}
        for j, a in enumerate(m.actions):
            unique(a.id)
            person(a.who_participant_id, f"{where}.actions[{j}]")
            if a.card_id is not None and a.card_id not in cards_here:
                raise CaseFileError(
                    "case_file_bad_reference",
                    what="card",
                    id=a.card_id,
                    location=f"{where}.actions[{j}].card_id",
                )
        _check_child_voice(m, where, unique, children, cards_here)
    _check_case_dates(case, unique)
    _check_versions(case)


def _check_versions(case: CaseFileIn) -> None:
    """What a version has, and only that: ``for_children`` up to 3, the child's voice
    from 4 (strict: a field a version does not know is refused, not ignored)."""
    old = case.version < 4
    before_kind = case.version < 5
    new_fields = {
        "participants": ("language", "own_plan"),
        "questions": ("audience", "chosen_ids"),
        "ratings": ("answered_alone", "shared"),
        "meetings": ("child_feedback", "house_items"),
    }

    def refuse(location: str, reason: str) -> None:
        raise CaseFileError("case_file_invalid", location=location, reason=reason, input="")

    for i, p in enumerate(case.participants):
        for name in new_fields["participants"]:
            if old and name in p.model_fields_set:
                refuse(f"participants[{i}].{name}", "unknown_field")
    for i, m in enumerate(case.meetings):
        for name in new_fields["meetings"]:
            if old and name in m.model_fields_set:
                refuse(f"meetings[{i}].{name}", "unknown_field")
        for j, q in enumerate(m.questions):
            qw = f"meetings[{i}].questions[{j}]"
            if old:
                for name in new_fields["questions"]:
                    if name in q.model_fields_set:
                        refuse(f"{qw}.{name}", "unknown_field")
                if q.for_children is None:
                    refuse(f"{qw}.for_children", "missing")
            else:
                if "for_children" in q.model_fields_set:
                    refuse(f"{qw}.for_children", "unknown_field")
                if q.audience is None:
                    refuse(f"{qw}.audience", "missing")
            if before_kind and "kind" in q.model_fields_set:
                refuse(f"{qw}.kind", "unknown_field")
            elif not before_kind and q.kind is None:
                refuse(f"{qw}.kind", "missing")
            elif q.kind is not None and q.kind not in ("", *QUESTION_KINDS):
                refuse(f"{qw}.kind", "not_a_choice")
            for k, r in enumerate(q.ratings):
                for name in new_fields["ratings"]:
                    if old and name in r.model_fields_set:
                        refuse(f"{qw}.ratings[{k}].{name}", "unknown_field")


def _check_child_voice(
    m: MeetingIn,
    where: str,
    unique: Callable[[str], None],
    children: set[str],
    cards_here: set[str],
) -> None:
    """Feedback and Three Houses belong to a child of the case; one feedback answer per
    child and item; a drawing's strokes are well-formed JSON; a card link is this
    meeting's card."""

    def child(pid: str, location: str) -> None:
        if pid not in children:
            raise CaseFileError("case_file_bad_reference", what="child", id=pid, location=location)

    given: set[tuple[str, str]] = set()
    for j, f in enumerate(m.child_feedback):
        fw = f"{where}.child_feedback[{j}]"
        unique(f.id)
        child(f.participant_id, f"{fw}.participant_id")
        if not is_feedback_item(f.item):  # a question this program does not ask
            raise CaseFileError(
                "case_file_invalid", location=f"{fw}.item", reason="invalid_value", input=""
            )
        if (f.participant_id, f.item) in given:
            raise CaseFileError(
                "case_file_invalid", location=f"{fw}.item", reason="answered_twice", input=""
            )
        given.add((f.participant_id, f.item))
    for j, h in enumerate(m.house_items):
        hw = f"{where}.house_items[{j}]"
        unique(h.id)
        child(h.participant_id, f"{hw}.participant_id")
        if h.card_id is not None and h.card_id not in cards_here:
            raise CaseFileError(
                "case_file_bad_reference", what="card", id=h.card_id, location=f"{hw}.card_id"
            )
        if h.kind == HouseItemKind.DRAWING and not _strokes_ok(h.strokes):
            raise CaseFileError(
                "case_file_invalid", location=f"{hw}.strokes", reason="invalid_value", input=""
            )
        if h.kind == HouseItemKind.TEXT and h.strokes:
            raise CaseFileError(
                "case_file_invalid", location=f"{hw}.strokes", reason="invalid_value", input=""
            )


def _strokes_ok(strokes: str) -> bool:
    """A drawing's strokes: a JSON list (of strokes); an empty string is no drawing yet.
    The size is bounded by STROKES_MAX; the shape of a stroke is the drawing's business."""
    if not strokes:
        return True
    try:
        value = json.loads(strokes, parse_constant=_no_constants)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, list) and all(isinstance(x, dict | list) for x in value)


def _check_case_dates(case: CaseFileIn, unique: Callable[[str], None]) -> None:
    """A date's child is a child of this case; one date per (child or family, kind);
    each child's dates in case order (the same rule the app keeps)."""
    if case.version < 3:
        for i, m in enumerate(case.meetings):
            for name in ("assessment", "minutes", "other_attendees"):
                if name in m.model_fields_set:
                    raise CaseFileError(
                        "case_file_invalid",
                        location=f"meetings[{i}].{name}",
                        reason="unknown_field",
                        input="",
                    )
        if "case_dates" in case.model_fields_set:
            raise CaseFileError(
                "case_file_invalid", location="case_dates", reason="unknown_field", input=""
            )
    children = {p.id: p.name for p in case.participants if p.role == Role.CHILD}
    dates: dict[tuple[str | None, CaseDateKind], date] = {}
    for i, d in enumerate(case.case_dates):
        where = f"case_dates[{i}]"
        unique(d.id)
        if d.participant_id is not None and d.participant_id not in children:
            raise CaseFileError(
                "case_file_bad_reference",
                what="child",
                id=d.participant_id,
                location=f"{where}.participant_id",
            )
        key = (d.participant_id, d.kind)
        if key in dates:
            raise CaseFileError(
                "case_file_invalid", location=f"{where}.kind", reason="date_twice", input=""
            )
        dates[key] = d.on_date
    try:
        check_case_dates(dates, children.items())
    except UserError:
        raise CaseFileError(
            "case_file_invalid", location="case_dates", reason="dates_out_of_order", input=""
        ) from None


def _stops_early(text: str, pos: int) -> bool:
    """The JSON error is at the end of the file, or in a word cut off there ("nu" of
    null, "tr" of true, "-1" of a number): the file stops early rather than being wrong."""
    rest = text[pos:].rstrip()
    if not rest:
        return True
    return any(word.startswith(rest) for word in ("null", "true", "false"))


def _clean(value: str, field: str, max_len: int, location: str, **kw: Any) -> str:
    try:
        return rules.clean_text(value, field, max_len, **kw)
    except UserError as exc:
        raise CaseFileError(
            "case_file_invalid", location=location, reason=exc.code, input=""
        ) from exc


def import_case(
    services: Services, case: CaseFileIn, *, replace: bool = False, via: str = ""
) -> FamilyRecord:
    """Write a validated case into the database in one transaction, logged in it
    (``import_case``, with ``via``).

    Refuses (ConflictError) when the family already exists unless ``replace``,
    and when any other id in the file belongs to a different family.
    """
    f = case.family
    with services.db.session() as s:
        existing = s.get(Family, f.id)
        if existing is not None:
            if not replace:
                raise ConflictError("case_family_exists", name=existing.display_name)
            s.delete(existing)
            s.flush()
        _refuse_taken_ids(s, case)
        family = Family(
            id=f.id,
            display_name=_clean(
                f.display_name,
                "display_name",
                rules.DISPLAY_NAME_MAX,
                "family.display_name",
                required=True,
                name=True,
            ),
            notes=_clean(f.notes, "notes", rules.NOTES_MAX, "family.notes", multiline=True),
            caseworker_name=_clean(
                f.caseworker_name,
                "caseworker_name",
                rules.NAME_MAX,
                "family.caseworker_name",
                name=True,
            ),
            caseworker_phone=_clean(
                f.caseworker_phone, "caseworker_phone", rules.PHONE_MAX, "family.caseworker_phone"
            ),
            language=f.language.value,
            archived=f.archived,
            created_at=f.created_at,
            updated_at=f.updated_at,
        )
        s.add(family)
        for position, p in enumerate(case.participants):
            s.add(
                Participant(
                    id=p.id,
                    family_id=family.id,
                    name=_clean(
                        p.name,
                        "name",
                        rules.NAME_MAX,
                        f"participants[{position}].name",
                        required=True,
                        name=True,
                    ),
                    role=p.role.value,
                    birth_year=p.birth_year,
                    language=p.language,
                    own_plan=p.own_plan,
                    position=position,
                    created_at=p.created_at,
                    updated_at=p.updated_at,
                )
            )
        s.flush()
        meetings = [_meeting_in(m, family.id, i) for i, m in enumerate(case.meetings)]
        s.add_all(meetings)
        s.flush()
        for meeting, m in zip(meetings, case.meetings, strict=True):
            meeting.follows_id = m.follows_id
        s.flush()
        kinds = _question_kinds(case)
        for i, m in enumerate(case.meetings):
            _meeting_children_in(s, m, i, kinds)
        for d in case.case_dates:
            s.add(
                CaseDate(
                    id=d.id,
                    family_id=family.id,
                    participant_id=d.participant_id,
                    kind=d.kind.value,
                    on_date=d.on_date,
                    created_at=d.created_at,
                    updated_at=d.updated_at,
                )
            )
        log_in(s, "import_case", family_id=family.id, detail=via)
        s.flush()
        return FamilyRecord.from_row(family)


def _meeting_in(m: MeetingIn, family_id: str, i: int) -> Meeting:
    where = f"meetings[{i}]"
    return Meeting(
        id=m.id,
        family_id=family_id,
        starts_at=m.starts_at,
        place=_clean(m.place, "place", rules.PLACE_MAX, f"{where}.place"),
        kind=m.kind.value,
        status=m.status.value,
        next_meeting_at=m.next_meeting_at,
        next_meeting_place=_clean(
            m.next_meeting_place,
            "next_meeting_place",
            rules.PLACE_MAX,
            f"{where}.next_meeting_place",
        ),
        assessment=_clean(
            m.assessment, "assessment", rules.ASSESSMENT_MAX, f"{where}.assessment", multiline=True
        ),
        minutes=_clean(m.minutes, "minutes", rules.MINUTES_MAX, f"{where}.minutes", multiline=True),
        other_attendees=_clean(
            m.other_attendees,
            "other_attendees",
            rules.OTHER_ATTENDEES_MAX,
            f"{where}.other_attendees",
            multiline=True,
        ),
        # Set after all meetings exist: a follow-up may be dated before the
        # meeting it follows, so file order is not insertion-safe for the FK.
        follows_id=None,
        created_at=m.created_at,
        updated_at=m.updated_at,
    )


def _question_kinds(case: CaseFileIn) -> dict[str, str]:
    """Each series' question kind for a file before version 5, which does not carry it:
    the default question its wording, or the wording its series was first asked with,
    matches (the rule of the schema 7 upgrade)."""
    first: dict[str, str] = {}
    for m in sorted(case.meetings, key=lambda m: (m.starts_at, m.created_at)):
        for q in m.questions:
            first.setdefault(q.series_id, q.text)
    return {series: question_kind_of(text) for series, text in first.items()}


def _meeting_children_in(s: Session, m: MeetingIn, i: int, kinds: dict[str, str]) -> None:
    where = f"meetings[{i}]"
    for pid in dict.fromkeys(m.attendee_ids):
        s.add(MeetingAttendee(meeting_id=m.id, participant_id=pid))
    positions: dict[Column, int] = {}
    for j, c in enumerate(m.cards):
        position = positions.get(c.column, 0)
        positions[c.column] = position + 1
        s.add(
            Card(
                id=c.id,
                meeting_id=m.id,
                column=c.column.value,
                kind=c.kind.value,
                text=_clean(
                    c.text,
                    "text",
                    rules.CARD_TEXT_MAX,
                    f"{where}.cards[{j}].text",
                    required=True,
                    multiline=True,
                ),
                whose_words_id=c.whose_words_id,
                position=position,
                created_at=c.created_at,
                updated_at=c.updated_at,
            )
        )
    for j, q in enumerate(m.questions):
        qw = f"{where}.questions[{j}]"
        s.add(
            Question(
                id=q.id,
                meeting_id=m.id,
                series_id=q.series_id,
                text=_clean(q.text, "text", rules.QUESTION_TEXT_MAX, f"{qw}.text", required=True),
                low_anchor=_clean(q.low_anchor, "low_anchor", rules.ANCHOR_MAX, f"{qw}.low_anchor"),
                high_anchor=_clean(
                    q.high_anchor, "high_anchor", rules.ANCHOR_MAX, f"{qw}.high_anchor"
                ),
                audience=q.who.value,
                kind=q.kind
                if q.kind is not None
                else question_kind_of(q.text) or kinds[q.series_id],
                position=j,
                created_at=q.created_at,
                updated_at=q.updated_at,
            )
        )
    s.flush()  # the cards exist before a plan line refers to one (no ORM relationship)
    for j, a in enumerate(m.actions):
        aw = f"{where}.actions[{j}]"
        s.add(
            Action(
                id=a.id,
                meeting_id=m.id,
                what=_clean(
                    a.what,
                    "what",
                    rules.ACTION_TEXT_MAX,
                    f"{aw}.what",
                    required=True,
                    multiline=True,
                ),
                who_participant_id=a.who_participant_id,
                who_text=_clean(a.who_text, "who_text", rules.WHO_TEXT_MAX, f"{aw}.who_text"),
                due_date=a.due_date,
                due_text=_clean(a.due_text, "due_text", rules.DUE_TEXT_MAX, f"{aw}.due_text"),
                done=a.done,
                position=j,
                created_at=a.created_at,
                updated_at=a.updated_at,
                card_id=a.card_id,
            )
        )
    s.flush()
    for c in m.cards:
        for pid in c.agree_ids:
            s.add(CardStance(card_id=c.id, participant_id=pid, agrees=True))
        for pid in c.disagree_ids:
            s.add(CardStance(card_id=c.id, participant_id=pid, agrees=False))
    for j, q in enumerate(m.questions):
        for k, r in enumerate(q.ratings):
            s.add(
                Rating(
                    id=r.id,
                    question_id=q.id,
                    participant_id=r.participant_id,
                    value=r.value,
                    comment=_clean(
                        r.comment,
                        "comment",
                        rules.COMMENT_MAX,
                        f"{where}.questions[{j}].ratings[{k}].comment",
                        multiline=True,
                    ),
                    created_at=r.created_at,
                    updated_at=r.updated_at,
                    answered_alone=r.answered_alone,
                    shared=r.shared,
                )
            )
        for pid in dict.fromkeys(q.chosen_ids):
            s.add(QuestionAudience(question_id=q.id, participant_id=pid))
    for f in m.child_feedback:
        s.add(
            ChildFeedback(
                id=f.id,
                meeting_id=m.id,
                participant_id=f.participant_id,
                item=f.item,
                value=f.value,
                created_at=f.created_at,
                updated_at=f.updated_at,
            )
        )
    for j, h in enumerate(m.house_items):
        s.add(
            HouseItem(
                id=h.id,
                meeting_id=m.id,
                participant_id=h.participant_id,
                house=h.house.value,
                kind=h.kind.value,
                text=_clean(
                    h.text,
                    "text",
                    rules.CARD_TEXT_MAX,
                    f"{where}.house_items[{j}].text",
                    multiline=True,
                ),
                strokes=h.strokes,
                shared=h.shared,
                card_id=h.card_id,
                position=h.position,
                created_at=h.created_at,
                updated_at=h.updated_at,
            )
        )


def _refuse_taken_ids(s: Session, case: CaseFileIn) -> None:
    """Any id of the file that exists in the database now belongs to another family."""
    checks: list[tuple[str, type[Any], list[str]]] = [
        ("participant", Participant, [p.id for p in case.participants]),
        ("meeting", Meeting, [m.id for m in case.meetings]),
        ("card", Card, [c.id for m in case.meetings for c in m.cards]),
        ("question", Question, [q.id for m in case.meetings for q in m.questions]),
        (
            "rating",
            Rating,
            [r.id for m in case.meetings for q in m.questions for r in q.ratings],
        ),
        ("action", Action, [a.id for m in case.meetings for a in m.actions]),
        ("child_feedback", ChildFeedback, [f.id for m in case.meetings for f in m.child_feedback]),
        ("house_item", HouseItem, [h.id for m in case.meetings for h in m.house_items]),
        ("case_date", CaseDate, [d.id for d in case.case_dates]),
    ]
    for what, model, ids in checks:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            taken = s.exec(select(model.id).where(col(model.id).in_(chunk))).first()
            if taken is not None:
                raise ConflictError("case_id_taken", what=what, id=taken)
