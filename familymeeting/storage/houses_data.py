"""A child's Three Houses as a paper (``domain.houses.HousesPaper``), from one snapshot.

The paper for the child and the parents holds only what the child chose to share;
the full one, for the case file, holds everything. The language is the child's own
(``participant.language``), else the family's.
"""

from __future__ import annotations

from familymeeting.domain.enums import House, HouseItemKind, Role
from familymeeting.domain.errors import ValidationError
from familymeeting.domain.houses import HousesPaper, PaperHouse, PaperSentence, strokes_from_json
from familymeeting.storage.services import Services


def build_houses(
    services: Services, meeting_id: str, participant_id: str, *, full: bool = False
) -> HousesPaper:
    with services.reading():
        meeting = services.get_meeting(meeting_id)
        family = services.get_family(meeting.family_id)
        child = next(
            (p for p in services.list_participants(family.id) if p.id == participant_id), None
        )
        if child is None or child.role != Role.CHILD:
            raise ValidationError("house_not_a_child", id=str(participant_id))
        items = services.list_house_items(meeting_id, participant_id)
    houses: list[PaperHouse] = []
    for house in House:
        mine = [i for i in items if i.house == house.value and (full or i.shared)]
        drawing = next((i for i in mine if i.kind == HouseItemKind.DRAWING), None)
        houses.append(
            PaperHouse(
                house=house.value,
                drawing=strokes_from_json(drawing.strokes) if drawing is not None else None,
                drawing_shared=drawing is not None and drawing.shared,
                sentences=tuple(
                    PaperSentence(i.text, i.shared) for i in mine if i.kind == HouseItemKind.TEXT
                ),
            )
        )
    return HousesPaper(
        child_name=child.name,
        family_name=family.display_name,
        meeting_at=meeting.starts_at,
        language=child.language or family.language,
        full=full,
        houses=tuple(houses),
    )


__all__ = ["build_houses"]
