"""The plan's lines: what, who, by when, done; in the order the family agreed."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlmodel import col, func, select

from familymeeting.domain import rules
from familymeeting.domain.errors import ValidationError
from familymeeting.storage.models import Action, Card, Meeting, Participant
from familymeeting.storage.records import ActionRecord
from familymeeting.storage.services.base import (
    UNSET,
    ServiceBase,
    Unset,
    check_participant_in_family,
    fetch,
    meeting_family,
    opt_date,
    touch,
)


class ActionServices(ServiceBase):
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
        card_id: str | None = None,
    ) -> ActionRecord:
        """A new line at the end of the plan; ``card_id``: the card it is made from."""
        action = Action(
            meeting_id=meeting_id,
            what=rules.clean_text(
                what, "what", rules.ACTION_TEXT_MAX, required=True, multiline=True
            ),
            who_participant_id=who_participant_id,
            who_text=rules.clean_text(who_text, "who_text", rules.WHO_TEXT_MAX),
            due_date=opt_date(due_date),
            due_text=rules.clean_text(due_text, "due_text", rules.DUE_TEXT_MAX),
            done=bool(done),
            card_id=card_id,
        )
        with self.db.session() as s:
            family_id = meeting_family(s, meeting_id)
            check_participant_in_family(s, who_participant_id, family_id)
            if card_id is not None and fetch(s, Card, card_id).meeting_id != meeting_id:
                raise ValidationError("invalid_choice", field="card_id", value=card_id)
            count = s.exec(
                select(func.count()).select_from(Action).where(Action.meeting_id == meeting_id)
            ).one()
            action.position = int(count)
            s.add(action)
            return ActionRecord.from_row(action)

    def update_action(
        self,
        action_id: str,
        *,
        what: str | None = None,
        who_participant_id: str | Unset | None = UNSET,
        who_text: str | None = None,
        due_date: date | Unset | None = UNSET,
        due_text: str | None = None,
        done: bool | None = None,
    ) -> ActionRecord:
        with self.db.session() as s:
            a = fetch(s, Action, action_id)
            if what is not None:
                a.what = rules.clean_text(
                    what, "what", rules.ACTION_TEXT_MAX, required=True, multiline=True
                )
            if who_participant_id is not UNSET:
                check_participant_in_family(s, who_participant_id, meeting_family(s, a.meeting_id))
                a.who_participant_id = who_participant_id
            if who_text is not None:
                a.who_text = rules.clean_text(who_text, "who_text", rules.WHO_TEXT_MAX)
            if due_date is not UNSET:
                a.due_date = opt_date(due_date)
            if due_text is not None:
                a.due_text = rules.clean_text(due_text, "due_text", rules.DUE_TEXT_MAX)
            if done is not None:
                a.done = bool(done)
            touch(a)
            return ActionRecord.from_row(a)

    def move_action(self, action_id: str, index: int) -> ActionRecord:
        with self.db.session() as s:
            a = fetch(s, Action, action_id)
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
            touch(a)
            return ActionRecord.from_row(a)

    def delete_action(self, action_id: str) -> ActionRecord:
        """Delete an action; the returned record can bring it back (undo)."""
        with self.db.session() as s:
            a = fetch(s, Action, action_id)
            snapshot = ActionRecord.from_row(a)
            meeting_id = a.meeting_id
            s.delete(a)
            s.flush()
            rest = s.exec(
                select(Action).where(Action.meeting_id == meeting_id).order_by(col(Action.position))
            ).all()
            for position, x in enumerate(rest):
                x.position = position
        return snapshot

    def restore_action(self, snapshot: ActionRecord) -> ActionRecord:
        """Bring a deleted action back with the same id at its old place."""
        with self.db.session() as s:
            fetch(s, Meeting, snapshot.meeting_id)
            action = Action(**asdict(snapshot))
            if action.who_participant_id and s.get(Participant, action.who_participant_id) is None:
                action.who_participant_id = None
            if action.card_id and s.get(Card, action.card_id) is None:
                action.card_id = None  # the card was deleted meanwhile
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
            return ActionRecord.from_row(action)

    def list_actions(self, meeting_id: str) -> list[ActionRecord]:
        with self.db.reading() as s:
            stmt = (
                select(Action)
                .where(Action.meeting_id == meeting_id)
                .order_by(col(Action.position), col(Action.id))
            )
            return [ActionRecord.from_row(x) for x in s.exec(stmt).all()]
