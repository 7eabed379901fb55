"""Three Houses: a child's sentences and drawings at a meeting, each shared or not.

Each typed sentence is an item; each house's drawing is one item (its strokes as
JSON, ``domain/houses.py``). ``shared``: the child said the parents may see it; only a
shared sentence can go on the board (a card in the house's column in the child's
words, linked by ``card_id``). A drawing never goes on the board: a card cannot show
it (it goes on the "Mine tre huse" paper when shared).
"""

from __future__ import annotations

from sqlmodel import Session, select

from familymeeting.domain import rules
from familymeeting.domain.enums import Column, House, HouseItemKind, Role
from familymeeting.domain.errors import ValidationError
from familymeeting.domain.houses import HOUSE_TEXT_MAX, normalise_json
from familymeeting.storage.models import Card, HouseItem, Meeting, Participant
from familymeeting.storage.records import CardRecord, HouseItemRecord
from familymeeting.storage.services.base import (
    choice,
    column_cards,
    fetch,
    renumber,
    touch,
)
from familymeeting.storage.services.cards import CardServices

# The column of the board each house belongs to.
HOUSE_COLUMN = {
    House.WORRIES: Column.WORRIES,
    House.GOOD_THINGS: Column.WORKING_WELL,
    House.DREAMS: Column.NEEDS_TO_HAPPEN,
}
HOUSE_ORDER = {h.value: i for i, h in enumerate(House)}


def clean_house_text(text: str) -> str:
    return rules.clean_text(text, "text", HOUSE_TEXT_MAX, required=True, multiline=True)


def check_child(session: Session, meeting_id: str, participant_id: str) -> None:
    """The participant is a child of the meeting's family."""
    meeting = fetch(session, Meeting, meeting_id)
    person = session.get(Participant, participant_id)
    if person is None or person.family_id != meeting.family_id or person.role != Role.CHILD:
        raise ValidationError("house_not_a_child", id=str(participant_id))


def _items(session: Session, meeting_id: str, participant_id: str) -> list[HouseItem]:
    stmt = select(HouseItem).where(
        HouseItem.meeting_id == meeting_id, HouseItem.participant_id == participant_id
    )
    rows = list(session.exec(stmt).all())
    rows.sort(key=lambda r: (HOUSE_ORDER[r.house], r.kind != "drawing", r.position, r.id))
    return rows


def _sentences(
    session: Session, meeting_id: str, participant_id: str, house: str
) -> list[HouseItem]:
    return [
        r
        for r in _items(session, meeting_id, participant_id)
        if r.house == house and r.kind == HouseItemKind.TEXT
    ]


class HouseServices(CardServices):
    """Three Houses (a part of the façade; a sentence goes on the board as a card)."""

    def list_house_items(
        self, meeting_id: str, participant_id: str | None = None
    ) -> list[HouseItemRecord]:
        """A meeting's items (one child's, if given): house by house, the drawing first."""
        with self.db.reading() as s:
            if participant_id is not None:
                rows = _items(s, meeting_id, participant_id)
            else:
                rows = list(s.exec(select(HouseItem).where(HouseItem.meeting_id == meeting_id)))
                rows.sort(
                    key=lambda r: (
                        r.participant_id,
                        HOUSE_ORDER[r.house],
                        r.kind != "drawing",
                        r.position,
                        r.id,
                    )
                )
            return [HouseItemRecord.from_row(r) for r in rows]

    def get_house_item(self, item_id: str) -> HouseItemRecord:
        with self.db.reading() as s:
            return HouseItemRecord.from_row(fetch(s, HouseItem, item_id))

    def add_house_sentence(
        self,
        meeting_id: str,
        participant_id: str,
        house: str,
        text: str,
        *,
        shared: bool = False,
        index: int | None = None,
    ) -> HouseItemRecord:
        house_ = choice(House, house, "house")
        item = HouseItem(
            meeting_id=meeting_id,
            participant_id=participant_id,
            house=house_.value,
            kind=HouseItemKind.TEXT.value,
            text=clean_house_text(text),
            shared=bool(shared),
        )
        with self.db.session() as s:
            check_child(s, meeting_id, participant_id)
            rows = _sentences(s, meeting_id, participant_id, house_.value)
            at = len(rows) if index is None else max(0, min(index, len(rows)))
            rows.insert(at, item)
            s.add(item)
            renumber(rows)
            s.flush()
            return HouseItemRecord.from_row(item)

    def update_house_text(self, item_id: str, text: str) -> HouseItemRecord:
        clean = clean_house_text(text)
        with self.db.session() as s:
            item = fetch(s, HouseItem, item_id)
            if item.kind != HouseItemKind.TEXT:
                raise ValidationError("invalid_choice", field="kind", value=item.kind)
            item.text = clean
            touch(item)
            return HouseItemRecord.from_row(item)

    def set_house_shared(self, item_id: str, shared: bool) -> HouseItemRecord:
        """Whether the parents may see it; an item on the board stays shared until its
        card is taken off the board (the parents have seen it there)."""
        with self.db.session() as s:
            item = fetch(s, HouseItem, item_id)
            if not shared and item.card_id is not None:
                raise ValidationError("house_item_on_board")
            item.shared = bool(shared)
            touch(item)
            return HouseItemRecord.from_row(item)

    def save_house_drawing(
        self, meeting_id: str, participant_id: str, house: str, strokes: str
    ) -> HouseItemRecord | None:
        """Keep a house's drawing as its one item; no strokes: no drawing (None)."""
        house_ = choice(House, house, "house")
        clean = normalise_json(strokes)
        with self.db.session() as s:
            check_child(s, meeting_id, participant_id)
            stmt = select(HouseItem).where(
                HouseItem.meeting_id == meeting_id,
                HouseItem.participant_id == participant_id,
                HouseItem.house == house_.value,
                HouseItem.kind == HouseItemKind.DRAWING.value,
            )
            item = s.exec(stmt).first()
            if not clean:
                if item is not None:
                    s.delete(item)
                    s.flush()
                return None
            if item is None:
                item = HouseItem(
                    meeting_id=meeting_id,
                    participant_id=participant_id,
                    house=house_.value,
                    kind=HouseItemKind.DRAWING.value,
                    strokes=clean,
                )
                s.add(item)
            else:
                item.strokes = clean
                touch(item)
            s.flush()
            return HouseItemRecord.from_row(item)

    def delete_house_item(self, item_id: str) -> HouseItemRecord:
        """Delete an item (its card on the board stays: the parents have seen it)."""
        with self.db.session() as s:
            item = fetch(s, HouseItem, item_id)
            record = HouseItemRecord.from_row(item)
            s.delete(item)
            s.flush()
            if item.kind == HouseItemKind.TEXT:
                renumber(_sentences(s, item.meeting_id, item.participant_id, item.house))
            return record

    def restore_house_item(self, data: HouseItemRecord) -> HouseItemRecord:
        """Bring a deleted item back with its id, words, choice and place (undo)."""
        with self.db.session() as s:
            check_child(s, data.meeting_id, data.participant_id)
            card_id = data.card_id
            if card_id is not None and s.get(Card, card_id) is None:
                card_id = None  # taken off the board meanwhile
            item = HouseItem(
                id=data.id,
                meeting_id=data.meeting_id,
                participant_id=data.participant_id,
                house=data.house,
                kind=data.kind,
                text=data.text,
                strokes=data.strokes,
                shared=data.shared,
                card_id=card_id,
                position=data.position,
                created_at=data.created_at,
                updated_at=data.updated_at,
            )
            s.add(item)
            if item.kind == HouseItemKind.TEXT:
                rows = [
                    r
                    for r in _sentences(s, data.meeting_id, data.participant_id, data.house)
                    if r.id != item.id
                ]
                rows.insert(max(0, min(data.position, len(rows))), item)
                renumber(rows)
            s.flush()
            return HouseItemRecord.from_row(item)

    def house_item_to_board(self, item_id: str) -> tuple[HouseItemRecord, CardRecord]:
        """A shared sentence as a card at the end of its house's column, in the child's
        words; the item remembers the card."""
        with self.db.session() as s:
            item = fetch(s, HouseItem, item_id)
            if item.kind != HouseItemKind.TEXT:
                raise ValidationError("house_drawing_to_board")
            if not item.shared:
                raise ValidationError("house_item_not_shared")
            if item.card_id is not None:
                raise ValidationError("house_item_on_board")
            column = HOUSE_COLUMN[House(item.house)]
            card = self.add_card(
                item.meeting_id,
                column.value,
                item.text,
                whose_words_id=item.participant_id,
            )
            item.card_id = card.id
            touch(item)
            s.flush()
            return HouseItemRecord.from_row(item), card

    def house_item_off_board(self, item_id: str) -> HouseItemRecord:
        """Undo of ``house_item_to_board``: the card goes, the item stays shared."""
        with self.db.session() as s:
            item = fetch(s, HouseItem, item_id)
            if item.card_id is not None:
                card = s.get(Card, item.card_id)
                item.card_id = None
                if card is not None:
                    s.delete(card)
                    s.flush()
                    renumber(column_cards(s, card.meeting_id, card.column))
            touch(item)
            s.flush()
            return HouseItemRecord.from_row(item)

    def children_with_houses(self, meeting_id: str) -> list[str]:
        """Ids of the children who have anything in their houses at a meeting."""
        with self.db.reading() as s:
            stmt = select(HouseItem.participant_id).where(HouseItem.meeting_id == meeting_id)
            return sorted(set(s.exec(stmt).all()))


__all__ = ["HOUSE_COLUMN", "HouseServices", "check_child", "clean_house_text"]
