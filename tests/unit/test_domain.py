"""Domain rules: plain Python, no database, no Qt."""

from __future__ import annotations

from datetime import date

import pytest

from familymeeting.domain import rules
from familymeeting.domain.defaults import DEFAULT_QUESTIONS, default_questions
from familymeeting.domain.enums import (
    CARD_KINDS_BY_COLUMN,
    CardKind,
    Column,
    Language,
    kind_fits_column,
)
from familymeeting.domain.errors import ValidationError
from familymeeting.messages import (
    FIELD_NAMES,
    MESSAGES,
    REASONS,
    RECORD_NAMES,
    Plural,
    catalogue,
    render,
    user_message,
)


@pytest.mark.parametrize("value", [1, 5, 10, None])
def test_rating_accepts_one_to_ten_and_not_answered(value: int | None) -> None:
    assert rules.validate_rating(value) == value


@pytest.mark.parametrize("value", [0, 11, -3, 100])
def test_rating_out_of_range_is_refused(value: int) -> None:
    with pytest.raises(ValidationError) as info:
        rules.validate_rating(value)
    assert info.value.code == "rating_out_of_range"
    assert "1 til 10" in user_message(info.value, "da")


@pytest.mark.parametrize("value", [5.0, "5", True])
def test_rating_must_be_an_integer(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        rules.validate_rating(value)  # type: ignore[arg-type]
    assert info.value.code == "rating_not_integer"


def test_every_column_has_plain_and_its_own_kinds() -> None:
    assert set(CARD_KINDS_BY_COLUMN) == set(Column)
    assert all(CardKind.PLAIN in kinds for kinds in CARD_KINDS_BY_COLUMN.values())
    assert kind_fits_column(CardKind.DANGER_STATEMENT, Column.WORRIES)
    assert kind_fits_column(CardKind.EXISTING_SAFETY, Column.WORKING_WELL)
    assert kind_fits_column(CardKind.NEXT_STEP, Column.NEEDS_TO_HAPPEN)
    assert not kind_fits_column(CardKind.STRENGTH, Column.WORRIES)
    assert not kind_fits_column(CardKind.HARM, Column.NEEDS_TO_HAPPEN)
    # Each specific kind belongs to exactly one column.
    for kind in CardKind:
        if kind is not CardKind.PLAIN:
            assert sum(kind in ks for ks in CARD_KINDS_BY_COLUMN.values()) == 1


def test_clean_text_removes_control_characters_and_normalises() -> None:
    assert rules.clean_text("  Mor\x07 siger\x00 ja \n", "text", 100) == "Mor siger ja"
    assert rules.clean_text("a\r\nb\tc", "text", 100, multiline=True) == "a\nb\tc"
    assert rules.clean_text("a\nb", "name", 100) == "a b"
    # "å" typed as a + combining ring becomes the single letter.
    assert rules.clean_text("Ga\u030ard", "name", 100) == "Gård"
    assert rules.clean_text("x\ud800y", "text", 100) == "xy"


def test_clean_text_refuses_empty_required_and_too_long() -> None:
    with pytest.raises(ValidationError) as empty:
        rules.clean_text(" \x00 ", "text", 10, required=True)
    assert empty.value.code == "value_required"
    with pytest.raises(ValidationError) as long:
        rules.clean_text("x" * 11, "name", 10)
    assert long.value.params == {"field": "name", "max": 10, "length": 11}
    assert user_message(long.value, "da") == "Navn er for lang (11 tegn); højst 10 tegn."
    assert user_message(long.value, "en") == "Name is too long (11 characters); at most 10."


def test_birth_year_and_age() -> None:
    today = date(2026, 11, 25)
    assert rules.validate_birth_year(2017, today) == 2017
    assert rules.validate_birth_year(None, today) is None
    for bad in (1850, 2027):
        with pytest.raises(ValidationError):
            rules.validate_birth_year(bad, today)
    assert rules.age_in_year(2017, today) == 9


def test_default_questions_in_both_languages_with_a_child_question() -> None:
    for lang in Language:
        questions = DEFAULT_QUESTIONS[lang]
        assert len(questions) == len(DEFAULT_QUESTIONS[Language.DA])
        # The home question to everyone (children included), the safety scale to the adults.
        assert [q.audience for q in questions] == ["everyone", "adults", "everyone"]
        assert all(q.text and q.low_anchor and q.high_anchor for q in questions)
    assert default_questions("en")[0].text == "How good is it to be you at home right now?"
    # A language without wording yet falls back to Danish.
    assert default_questions("so") == DEFAULT_QUESTIONS[Language.DA]


def test_message_catalogue_is_complete_in_danish() -> None:
    """Every table's text reads differently in Danish (the words that are the same in
    both languages are named); tests/unit/test_translations.py checks the .po itself."""
    same_in_both = {"Status"}
    danish = catalogue("da")
    for table in (MESSAGES, FIELD_NAMES, REASONS, RECORD_NAMES):
        for key, entry in table.items():
            if isinstance(entry, Plural):
                shown = {1: entry.singular, 2: entry.plural}
                for n, text in shown.items():
                    assert danish.translations.ngettext(entry.singular, entry.plural, n) != text
            else:
                assert entry.strip(), key
                assert danish.gettext(entry) != entry or entry in same_in_both, key


def test_messages_render_field_and_record_names_in_the_language() -> None:
    assert render("not_found", "da", what="family", id="abc") == "Fandt ingen familie med id 'abc'."
    assert (
        render("not_found", "en", what="meeting", id="abc") == "No meeting with id 'abc' was found."
    )
    text = render(
        "case_file_invalid",
        "da",
        location="meetings[0].cards[1].column",
        reason="not_a_choice",
        input="x",
    )
    assert (
        text == "Sagsfilen har en fejl ved meetings[0].cards[1].column: "
        "ikke en af mulighederne (fik 'x')."
    )


def test_danish_sort_order() -> None:
    from familymeeting.domain.text import sort_key

    names = ["Åse", "Zenia", "Ørn", "Æble", "émile", "Anna", "aase"]
    assert sorted(names, key=sort_key) == ["aase", "Anna", "émile", "Zenia", "Æble", "Ørn", "Åse"]
    assert sort_key("A\u030ase") == sort_key("Åse")


def test_file_name_is_accepted_by_every_file_system() -> None:
    from familymeeting.domain.text import FILE_NAME_MAX, file_name

    assert file_name("Vores plan 2026-12-04 Familien Holm (demo)") == (
        "Vores plan 2026-12-04 Familien Holm (demo)"
    )
    assert file_name('Familien Ø/Hansen: "Test"? <a|b*c>\\d') == "Familien Ø Hansen Test a b c d"
    assert file_name("Nørgård\u200b\tJensen\n") == "Nørgård Jensen"  # invisible and control
    assert file_name("عائلة أحمد") == "عائلة أحمد"  # every script stays
    assert file_name("CON") == "_CON"  # a Windows device name
    assert file_name("nul.txt") == "_nul.txt"
    assert file_name(" plan.. ") == "plan"  # Windows drops trailing dots and spaces
    assert file_name("...", fallback="plan") == "plan"
    assert len(file_name("x" * 500)) == FILE_NAME_MAX
