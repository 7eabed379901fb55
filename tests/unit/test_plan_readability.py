"""The plan's fixed Danish wording is easy to read: LIX <= 25 (issue 18).

LIX (Björnsson's läsbarhetsindex, used for Danish and Swedish) is words per sentence
plus the share of long words (more than six letters) in per cent; up to 25 is "very
easy" (children's books), 25-34 "easy". The words and long words are counted by
textstat (``lexicon_count``, ``long_word_count``), a well-kept readability library
and a test dependency only; its ``lix`` itself would find the sentences by their full
stops, where the issue counts each catalogue entry as one sentence, so the formula is
applied here to textstat's counts with that sentence count.

Measured over the catalogue as a whole, each entry one sentence, which is how the issue
reads ("in a test over the Danish catalogue, counting each catalogue entry as one
sentence"): a heading of one long word ("Overskredet", "Hvornår" — the project's own
word for the plan's third column) would score 101 on its own, since LIX is a measure
of running text, not of single words. So that no entry hides in the average, each
entry is also held to a plain ceiling: at most eight words.

What is scored: every text of ``domain/plan_catalogue/da.json`` that the plan prints
(headings and fixed sentences, each plural form once, and the names of the days and
months a date is written with), with the ``{placeholders}`` taken out: what fills them
(names, the family's own words, dates) is never scored. The plan takes no words from
the gettext catalogue (messages_da.po); export/plan_text.py reads only this one.
"""

from __future__ import annotations

import re

import textstat

from familymeeting.domain.plan_catalogue import catalogue

LIX_MAX = 25
WORDS_MAX = 8
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def entries() -> list[str]:
    """The Danish plan's fixed wording, one entry a sentence, placeholders taken out."""
    words = catalogue("da")
    texts = [*words.texts.values()]
    for forms in words.plurals.values():
        texts += forms.values()
    texts += [*words.weekdays, *words.months]
    out = []
    for text in dict.fromkeys(texts):  # a plural form written alike for one and many: once
        bare = PLACEHOLDER.sub(" ", text)
        if textstat.lexicon_count(bare) > 0:  # formats such as "{label}:" hold no words
            out.append(bare)
    return out


def lix(sentences: list[str]) -> float:
    words = sum(textstat.lexicon_count(s) for s in sentences)
    long_words = sum(textstat.long_word_count(s) for s in sentences)
    return words / len(sentences) + 100 * long_words / words


def test_the_lix_counts_as_textstat_does() -> None:
    # Twelve words, one of them long ("familien"; "aftalt" and "hjemme" have six
    # letters): 12 + 100 / 12. One sentence, so textstat's own lix agrees.
    sentence = "Vi har aftalt at mødes igen om fire uger hjemme hos familien"
    assert textstat.lexicon_count(sentence) == 12
    assert textstat.long_word_count(sentence) == 1
    assert round(lix([sentence]), 2) == round(12 + 100 / 12, 2)
    assert round(textstat.lix(sentence), 2) == round(lix([sentence]), 2)
    # Two entries are two sentences, full stop or not.
    assert lix(["Det går godt", "Næste møde"]) == 5 / 2


def test_the_plans_danish_wording_is_easy_to_read() -> None:
    sentences = entries()
    assert len(sentences) > 30  # the headings, sentences, days and months are all there
    score = lix(sentences)
    assert score <= LIX_MAX, f"LIX {score:.1f} > {LIX_MAX}"


def test_no_entry_is_a_long_sentence() -> None:
    too_long = [s for s in entries() if textstat.lexicon_count(s) > WORDS_MAX]
    assert too_long == []


def test_the_familys_words_are_not_scored() -> None:
    # An entry that frames the family's own words ("Sagt af: {name}") keeps only ours.
    sentences = [" ".join(s.split()) for s in entries()]
    assert "Sagt af:" in sentences
    assert not any("{" in s for s in sentences)


# ------------------------------------------------------------ the child's own plan
def child_entries() -> list[str]:
    """The Danish wording of "Min plan" (the catalogue's child_plan section)."""
    words = catalogue("da")
    out = []
    for text in dict.fromkeys(words.child_plan.values()):
        bare = PLACEHOLDER.sub(" ", text)
        if textstat.lexicon_count(bare) > 0:
            out.append(bare)
    return out


def test_the_childs_plan_is_easy_to_read_for_a_child() -> None:
    sentences = child_entries()
    assert len(sentences) >= 18  # every heading and sentence of "Min plan"
    score = lix(sentences)
    assert score <= LIX_MAX, f"LIX {score:.1f} > {LIX_MAX}"
    assert [s for s in sentences if textstat.lexicon_count(s) > WORDS_MAX] == []
