"""Cards on the board: three columns, in order; whose words; who agrees or disagrees."""

from __future__ import annotations

from sqlmodel import col, select

from familymeeting.domain import rules
from familymeeting.domain.enums import CardKind, Column, kind_fits_column
from familymeeting.domain.errors import ValidationError
from familymeeting.storage.models import Action, Card, CardStance, Meeting, Participant
from familymeeting.storage.records import CardRecord, CardSnapshot
from familymeeting.storage.services.base import (
    COLUMN_ORDER,
    ServiceBase,
    card_records,
    check_participant_in_family,
    choice,
    column_cards,
    fetch,
    meeting_family,
    renumber,
    touch,
)


def clean_card_text(text: str) -> str:
    return rules.clean_text(text, "text", rules.CARD_TEXT_MAX, required=True, multiline=True)


class CardServices(ServiceBase):
    def add_card(
        self,
        meeting_id: str,
        column: str,
        text: str,
        *,
        kind: str = CardKind.PLAIN,
        whose_words_id: str | None = None,
        index: int | None = None,
    ) -> CardRecord:
        """Add a card to a column, at ``index`` (default: the end)."""
        col_ = choice(Column, column, "column")
        kind_ = choice(CardKind, kind, "kind")
        if not kind_fits_column(kind_, col_):
            raise ValidationError("kind_not_in_column", kind=kind_.value, column=col_.value)
        card = Card(
            meeting_id=meeting_id,
            column=col_.value,
            kind=kind_.value,
            text=clean_card_text(text),
            whose_words_id=whose_words_id,
        )
        with self.db.session() as s:
            family_id = meeting_family(s, meeting_id)
            check_participant_in_family(s, whose_words_id, family_id)
            cards = column_cards(s, meeting_id, col_.value)
            at = len(cards) if index is None else max(0, min(index, len(cards)))
            cards.insert(at, card)
            s.add(card)
            renumber(cards)
            return CardRecord.from_row(card)

    def get_card(self, card_id: str) -> CardRecord:
        with self.db.reading() as s:
            return card_records(s, [fetch(s, Card, card_id)])[0]

    def update_card_text(self, card_id: str, text: str) -> CardRecord:
        clean = clean_card_text(text)
        with self.db.session() as s:
            card = fetch(s, Card, card_id)
            card.text = clean
            touch(card)
            return card_records(s, [card])[0]

    def set_card_kind(self, card_id: str, kind: str) -> CardRecord:
        kind_ = choice(CardKind, kind, "kind")
        with self.db.session() as s:
            card = fetch(s, Card, card_id)
            if not kind_fits_column(kind_, Column(card.column)):
                raise ValidationError("kind_not_in_column", kind=kind_.value, column=card.column)
            card.kind = kind_.value
            touch(card)
            return card_records(s, [card])[0]

    def set_whose_words(self, card_id: str, participant_id: str | None) -> CardRecord:
        with self.db.session() as s:
            card = fetch(s, Card, card_id)
            check_participant_in_family(s, participant_id, meeting_family(s, card.meeting_id))
            card.whose_words_id = participant_id
            touch(card)
            return card_records(s, [card])[0]

    def set_stance(self, card_id: str, participant_id: str, agrees: bool | None) -> CardRecord:
        """Record that a participant agrees (True) or disagrees (False); None clears it."""
        with self.db.session() as s:
            card = fetch(s, Card, card_id)
            check_participant_in_family(s, participant_id, meeting_family(s, card.meeting_id))
            stance = s.get(CardStance, (card_id, participant_id))
            if agrees is None:
                if stance is not None:
                    s.delete(stance)
            elif stance is None:
                s.add(CardStance(card_id=card_id, participant_id=participant_id, agrees=agrees))
            else:
                stance.agrees = bool(agrees)
            touch(card)
            s.flush()
            return card_records(s, [card])[0]

    def card_stances(self, meeting_id: str) -> dict[str, dict[str, bool]]:
        """card id -> {participant id: agrees} for every card of a meeting that has any."""
        with self.db.reading() as s:
            stmt = (
                select(CardStance)
                .join(Card, col(Card.id) == col(CardStance.card_id))
                .where(Card.meeting_id == meeting_id)
            )
            out: dict[str, dict[str, bool]] = {}
            for st in s.exec(stmt).all():
                out.setdefault(st.card_id, {})[st.participant_id] = st.agrees
            return out

    def move_card(self, card_id: str, column: str, index: int) -> CardRecord:
        """Move a card to ``index`` in ``column`` (same or another column).

        A kind that does not belong in the new column (a strength moved to the
        worries) becomes plain: the words move, the label would be wrong.
        """
        col_ = choice(Column, column, "column")
        with self.db.session() as s:
            card = fetch(s, Card, card_id)
            source = column_cards(s, card.meeting_id, card.column)
            source = [c for c in source if c.id != card.id]
            if card.column == col_.value:
                target = source
            else:
                renumber(source)
                target = column_cards(s, card.meeting_id, col_.value)
                card.column = col_.value
                if not kind_fits_column(CardKind(card.kind), col_):
                    card.kind = CardKind.PLAIN.value
            at = max(0, min(index, len(target)))
            target.insert(at, card)
            renumber(target)
            touch(card)
            return card_records(s, [card])[0]

    def delete_card(self, card_id: str) -> CardSnapshot:
        """Delete a card; the snapshot (with who agreed) brings it back exactly (undo)."""
        with self.db.session() as s:
            card = fetch(s, Card, card_id)
            linked = s.exec(select(Action.id).where(Action.card_id == card_id)).all()
            snapshot = CardSnapshot(card=card_records(s, [card])[0], action_ids=tuple(linked))
            s.delete(card)
            s.flush()
            renumber(column_cards(s, card.meeting_id, card.column))
        return snapshot

    def restore_card(self, snapshot: CardSnapshot) -> CardRecord:
        """Bring a deleted card back with the same id, place, words and stances."""
        data = snapshot.card
        with self.db.session() as s:
            fetch(s, Meeting, data.meeting_id)
            whose = data.whose_words_id
            if whose is not None and s.get(Participant, whose) is None:
                whose = None  # removed from the family meanwhile
            card = Card(
                id=data.id,
                meeting_id=data.meeting_id,
                column=data.column,
                kind=data.kind,
                text=data.text,
                whose_words_id=whose,
                position=data.position,
                created_at=data.created_at,
                updated_at=data.updated_at,
            )
            cards = column_cards(s, card.meeting_id, card.column)
            cards.insert(max(0, min(card.position, len(cards))), card)
            s.add(card)
            renumber(cards)
            s.flush()
            for pid, agrees in data.stances.items():
                if s.get(Participant, pid) is not None:
                    s.add(CardStance(card_id=card.id, participant_id=pid, agrees=agrees))
            # The plan lines made from it point at it again (deleting it had unlinked them).
            for action_id in snapshot.action_ids:
                action = s.get(Action, action_id)
                if action is not None and action.card_id is None:
                    action.card_id = card.id
            s.flush()
            return card_records(s, [card])[0]

    def list_cards(self, meeting_id: str, column: str | None = None) -> list[CardRecord]:
        """Cards in board order: column by column, top to bottom, with their stances."""
        with self.db.reading() as s:
            stmt = select(Card).where(Card.meeting_id == meeting_id)
            if column is not None:
                stmt = stmt.where(Card.column == choice(Column, column, "column").value)
            cards = list(s.exec(stmt).all())
            cards.sort(key=lambda c: (COLUMN_ORDER[Column(c.column)], c.position, c.id))
            return card_records(s, cards)
