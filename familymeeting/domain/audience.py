"""Who answers a rating question (issue 19): the children, the adults, everyone or
chosen people.

"The adults" are everyone who is not a child: parents, caregivers, the network, the
professionals and the caseworker. In Signs of Safety the safety scale is answered by
the family *and* by the workers (the gap between them is the point of asking), so the
caseworker and the professionals belong to it; a child never does.
"""

from __future__ import annotations

from collections.abc import Iterable

from familymeeting.domain.enums import Audience, Role
from familymeeting.domain.errors import ValidationError

ADULT_ROLES = frozenset(
    {Role.PARENT, Role.CAREGIVER, Role.NETWORK, Role.PROFESSIONAL, Role.CASEWORKER}
)


def answers(audience: str, role: str, participant_id: str, chosen: Iterable[str] = ()) -> bool:
    """Whether a person (their role and id) is among those who answer."""
    if audience == Audience.CHILDREN:
        return role == Role.CHILD
    if audience == Audience.ADULTS:
        return role in ADULT_ROLES
    if audience == Audience.CHOSEN:
        return participant_id in set(chosen)
    return True  # everyone


def for_children(audience: str, roles: Iterable[str] = ()) -> bool:
    """A question a child answers: the children's, everyone's, or chosen with a child.

    ``roles`` are the roles of the chosen people (only read for "chosen").
    """
    if audience in (Audience.CHILDREN, Audience.EVERYONE):
        return True
    return audience == Audience.CHOSEN and Role.CHILD in set(roles)


def check_audience(
    audience: str, chosen: Iterable[str], family_ids: Iterable[str]
) -> tuple[Audience, frozenset[str]]:
    """The audience and its chosen people, validated: a known audience; for "chosen" at
    least one person, each of this family; for the others, nobody chosen."""
    try:
        value = Audience(audience)
    except ValueError:
        raise ValidationError("invalid_choice", field="audience", value=audience) from None
    people = frozenset(chosen)
    if value is not Audience.CHOSEN:
        return value, frozenset()
    if not people:
        raise ValidationError("audience_nobody_chosen")
    strangers = people - set(family_ids)
    if strangers:
        raise ValidationError("participant_not_in_family", id=sorted(strangers)[0])
    return value, people
