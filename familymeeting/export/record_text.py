"""The meeting record's words: one content model for the PDF and the plain text. No Qt.

:func:`record_document` turns a :class:`~familymeeting.domain.record.RecordData`
into headed sections of plain blocks in the record's language (Danish, or English
when the app speaks English: the record is for the municipality's case journal, not
for the family, so its words are the message catalogue's, not the plan's).
:func:`record_text` writes them as plain text with clear headings, to paste into a
case system; ``export.record`` draws the same document as a PDF. One wording, two
outputs: the PDF and the text never say different things.
"""

from __future__ import annotations

from dataclasses import dataclass

from familymeeting.domain.enums import CardKind, Column, House, HouseItemKind
from familymeeting.domain.feedback import feedback_wording
from familymeeting.domain.plan import date_words, datetime_words, join_names
from familymeeting.domain.record import (
    ANSWERED,
    DECLINED,
    NOT_ANSWERED,
    RecordAnswer,
    RecordCard,
    RecordData,
    RecordFeedback,
    RecordHouses,
    RecordPerson,
)
from familymeeting.export.houses import HOUSE_WORDS
from familymeeting.messages import N_, Catalogue, catalogue, meeting_kind, meeting_status, role

HEADING, SUBHEADING, TEXT, ITEM, NOTE, TABLE = (
    "heading",
    "subheading",
    "text",
    "item",
    "note",
    "table",
)

CARD_KIND_WORDS: dict[str, str] = {
    CardKind.PLAIN: N_("Card"),
    CardKind.HARM: N_("Harm"),
    CardKind.DANGER_STATEMENT: N_("Danger statement"),
    CardKind.COMPLICATING_FACTOR: N_("Complicating factor"),
    CardKind.STRENGTH: N_("Strength"),
    CardKind.EXISTING_SAFETY: N_("Existing safety"),
    CardKind.SAFETY_GOAL: N_("Safety goal"),
    CardKind.NEXT_STEP: N_("Next step"),
}
COLUMN_WORDS: dict[str, str] = {
    Column.WORRIES: N_("What are we worried about?"),
    Column.WORKING_WELL: N_("What's working well?"),
    Column.NEEDS_TO_HAPPEN: N_("What needs to happen?"),
}


@dataclass(frozen=True)
class Block:
    """One piece of a section. ``own``: the family's or caseworker's words (kept as
    written, in their own direction). A TABLE has ``rows``, the first its header."""

    kind: str
    text: str = ""
    detail: str = ""  # a second, quieter line under an ITEM (whose words, who agrees)
    own: bool = False
    rows: tuple[tuple[str, ...], ...] = ()
    lines: tuple[str, ...] = ()  # a TABLE in plain text: one line per row


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class RecordDocument:
    language: str
    title: str  # "Mødenotat"
    family_name: str
    facts: tuple[tuple[str, str], ...]  # label, value: the meeting at a glance
    sections: tuple[Section, ...]
    running_title: str  # at the foot of every page, with the page number


def _person(p: RecordPerson, tr: Catalogue) -> str:
    words = [role(p.role, tr.language)]
    if p.age is not None:
        words.append(tr.ngettext("{n} year", "{n} years", p.age))
    return f"{p.name} ({', '.join(words)})"


def _card(card: RecordCard, tr: Catalogue) -> Block:
    lang = tr.language
    kind = tr.word(CARD_KIND_WORDS, card.kind)
    said: list[str] = []
    if card.whose:
        said.append(
            tr.gettext("The child's own words: {name}", name=card.whose)
            if card.whose_is_child
            else tr.gettext("Said by: {name}", name=card.whose)
        )
    if card.agree:
        said.append(tr.gettext("Agree: {names}", names=join_names(card.agree, lang)))
    if card.disagree:
        said.append(tr.gettext("Do not agree: {names}", names=join_names(card.disagree, lang)))
    # A plain card has no kind to name ("Card: …" said nothing).
    text = card.text if card.kind == CardKind.PLAIN else f"{kind}: {card.text}"
    return Block(ITEM, text, detail=" · ".join(said), own=True)


def _answer(a: RecordAnswer, tr: Catalogue) -> tuple[str, str, str, str]:
    if a.state == ANSWERED:
        answer = str(a.value)
    elif a.state == DECLINED:
        answer = tr.gettext("won't answer")
    else:
        answer = tr.gettext("not answered")
    if a.not_shared:
        # Kept in the caseworker's record, never on what the family sees.
        answer = tr.gettext("{answer} (answered alone, not shared)", answer=answer)
    previous = ""
    if a.previous is not None and a.previous_at is not None:
        previous = tr.gettext(
            "{value} ({date})",
            value=a.previous,
            date=date_words(a.previous_at.date(), tr.language),
        )
    change = a.change
    moved = "" if change is None else ("±0" if change == 0 else f"{change:+d}")
    return a.name, answer, previous, moved.replace("-", "\u2212")


def _answer_line(row: tuple[str, str, str, str], tr: Catalogue) -> str:
    name, answer, previous, moved = row
    if not previous:
        return f"{name}: {answer}"
    before = tr.gettext("last time {previous}", previous=previous)
    return f"{name}: {answer} ({before}{'; ' + moved if moved else ''})"


def _feedback(child: RecordFeedback, tr: Catalogue) -> tuple[Block, ...]:
    """The child's answers, in the words the child was asked (the record's language)."""
    # The header says how it was asked: one line less than a note (the record of a
    # meeting stays on two pages where it can).
    header = (
        tr.gettext("Answered alone in child mode, 1 (not at all) to 10"),
        tr.gettext("Answer"),
    )
    rows = tuple(
        (
            feedback_wording(item, tr.language).text,
            str(value) if value is not None else tr.gettext("did not want to answer"),
        )
        for item, value in child.answers
    )
    lines = tuple(f"{question} {answer}" for question, answer in rows)
    return (Block(TABLE, rows=(header, *rows), lines=lines),)


def _houses(child: RecordHouses, tr: Catalogue) -> tuple[Block, ...]:
    """Every item, house by house, with what the child chose: shared or not, on the board."""
    blocks: list[Block] = []
    for house in House:
        items = [i for i in child.items if i.house == house]
        if not items:
            continue
        blocks.append(Block(SUBHEADING, tr.word(HOUSE_WORDS, house.value)))
        for item in items:
            marks = [tr.gettext("shared") if item.shared else tr.gettext("not shared")]
            if item.on_board:
                marks.append(tr.gettext("on the board"))
            how = ", ".join(marks)
            if item.kind == HouseItemKind.DRAWING:
                line = tr.gettext(
                    'A drawing ({how}): in "My three houses", the case file\'s version',
                    how=how,
                )
                blocks.append(Block(NOTE, line))
            else:
                blocks.append(Block(TEXT, f"“{item.text}” ({how})", own=True))
    return tuple(blocks)


def record_document(data: RecordData) -> RecordDocument:
    """The record's wording, in ``data.language``."""
    tr = catalogue(data.language)
    lang = tr.language
    _ = tr.gettext
    when = datetime_words(data.meeting_at, lang)
    facts: list[tuple[str, str]] = [
        (_("Meeting"), f"{meeting_kind(data.meeting_kind, lang)}, {when}"),
        (_("Place"), data.place or _("not given")),
        (_("Status"), meeting_status(data.meeting_status, lang)),
    ]
    if data.caseworker_name:
        facts.append((_("Caseworker"), data.caseworker_name))

    sections: list[Section] = []

    def names(persons: tuple[RecordPerson, ...]) -> str:
        return ", ".join(_person(p, tr) for p in persons)

    people: list[Block] = [
        Block(TEXT, _("Present: {names}", names=names(data.attended)), own=True)
        if data.attended
        else Block(NOTE, _("Nobody is marked as present."))
    ]
    if data.absent:
        people.append(Block(TEXT, _("Not present: {names}", names=names(data.absent)), own=True))
    if data.other_attendees:
        others = ", ".join(data.other_attendees)
        people.append(
            Block(TEXT, _("Other professionals present: {names}", names=others), own=True)
        )
    else:
        people.append(Block(NOTE, _("No other professionals present are listed.")))
    sections.append(Section(_("Who took part"), tuple(people)))

    for column in data.columns:
        cards = tuple(_card(c, tr) for c in column.cards) or (Block(NOTE, _("No cards.")),)
        sections.append(Section(tr.word(COLUMN_WORDS, column.column), cards))

    scales: list[Block] = []
    for q in data.questions:
        scales.append(Block(SUBHEADING, q.text, own=True))
        if q.low_anchor or q.high_anchor:
            scales.append(
                Block(NOTE, _("1: {low} · 10: {high}", low=q.low_anchor, high=q.high_anchor))
            )
        given = [a for a in q.answers if a.state != NOT_ANSWERED]
        if given:
            header = (_("Who"), _("Answer"), _("Last time"), _("Change"))
            rows = tuple(_answer(a, tr) for a in given)
            lines = tuple(_answer_line(row, tr) for row in rows)
            scales.append(Block(TABLE, rows=(header, *rows), lines=lines))
        missing = [a.name for a in q.answers if a.state == NOT_ANSWERED]
        if missing:
            scales.append(Block(NOTE, _("Not answered: {names}", names=join_names(missing, lang))))
    sections.append(Section(_("Scaling questions"), tuple(scales) or (Block(NOTE, _("None.")),)))

    for child in data.feedback:
        sections.append(
            Section(
                _("The child's feedback on the meeting: {name}", name=child.name),
                _feedback(child, tr),
            )
        )

    for houses in data.houses:
        sections.append(Section(_("Three Houses: {name}", name=houses.name), _houses(houses, tr)))

    if data.actions:
        header = (_("What"), _("Who"), _("When"), _("Status"))
        rows = tuple(
            (
                a.what,
                a.who,
                a.when,
                _("done") if a.done else (_("overdue") if a.overdue else _("open")),
            )
            for a in data.actions
        )
        plan = (Block(TABLE, rows=(header, *rows)),)
    else:
        plan = (Block(NOTE, _("No actions agreed.")),)
    sections.append(Section(_("The plan: what, who, when"), plan))

    if data.next_meeting_at is not None:
        nxt = datetime_words(data.next_meeting_at, lang)
        if data.next_meeting_place:
            nxt = f"{nxt}, {data.next_meeting_place}"
        sections.append(Section(_("Next meeting"), (Block(TEXT, nxt),)))
    else:
        sections.append(Section(_("Next meeting"), (Block(NOTE, _("Not agreed yet.")),)))

    for title, value in (
        (_("Professional assessment"), data.assessment),
        (_("Minutes"), data.minutes),
    ):
        body = Block(TEXT, value, own=True) if value else Block(NOTE, _("Not written."))
        sections.append(Section(title, (body,)))

    title = _("Meeting record")
    day = date_words(data.meeting_at.date(), lang)
    return RecordDocument(
        language=lang,
        title=title,
        family_name=data.family_name,
        facts=tuple(facts),
        sections=tuple(sections),
        running_title=f"{title} · {data.family_name} · {day}",
    )


def _indented(text: str, first: str, rest: str) -> list[str]:
    lines = text.split("\n")
    return [first + lines[0], *(rest + line for line in lines[1:])]


def record_text(data: RecordData) -> str:
    """The record as plain text with clear headings (for the case system), ending in a
    newline."""
    doc = record_document(data)
    out = [f"{doc.title}: {doc.family_name}", "=" * len(f"{doc.title}: {doc.family_name}")]
    out += [f"{label}: {value}" for label, value in doc.facts]
    for section in doc.sections:
        out += ["", section.title.upper(), "-" * len(section.title)]
        for block in section.blocks:
            if block.kind == SUBHEADING:
                out += ["", *_indented(block.text, "", "")]
            elif block.kind == ITEM:
                out += _indented(block.text, "- ", "  ")
                if block.detail:
                    out.append(f"  ({block.detail})")
            elif block.kind == TABLE:
                header, *rows = block.rows
                if block.lines:
                    out += [f"- {line}" for line in block.lines]
                    continue
                for row in rows:
                    first = row[0].split("\n")
                    rest = "; ".join(
                        f"{h}: {v}" for h, v in zip(header[1:], row[1:], strict=True) if v
                    )
                    out += _indented("\n".join(first), "- ", "  ")
                    if rest:
                        out.append(f"  {rest}")
            else:
                out += _indented(block.text, "", "")
    return "\n".join(out) + "\n"


__all__ = [
    "CARD_KIND_WORDS",
    "COLUMN_WORDS",
    "Block",
    "RecordDocument",
    "Section",
    "record_document",
    "record_text",
]
