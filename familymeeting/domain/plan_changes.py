"""What changed since the last plan the family got ("Nyt siden sidst"). No Qt, no SQL.

A plan handed out is kept with its content as JSON (:func:`plan_content`): the lines of
"Hvad / Hvem / Hvornår" and the next meeting, plain data that does not depend on the
PDF. The next plan compares itself with that (:func:`changes_since`): lines that are new,
lines done since, and a next meeting that was moved. A line is the same line when its
"what" reads the same (spaces and case aside): a follow-up meeting copies the lines with
new ids, and the family knows a line by its words, not by an id.

Which handout is "the last plan the family got" is the newest one whose content differs
from the plan being made (storage/plan_data.py): so printing the same plan again says
the same "what's new" as the first print, and the two prints are the same PDF.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from familymeeting.domain.plan import PlanAction, PlanChanges, PlanData

CONTENT_FORMAT = 1


def _key(what: str) -> str:
    return " ".join(what.split()).casefold()


def plan_content(plan: PlanData) -> str:
    """The plan's content to keep with a handout: the lines and the meetings, as JSON.

    Deterministic (sorted keys, no spaces) and the same in every plan language, so
    equal plans give equal text.
    """
    body = {
        "format": CONTENT_FORMAT,
        "meeting_at": plan.meeting_at.isoformat(timespec="minutes"),
        # The lines in the family's words; "who" and "when" are worded in the plan's
        # language, so they are left out: a plan printed in Danish and again in English
        # has the same content, and the PDF keeps every word anyway.
        "actions": [{"what": a.what, "done": a.done} for a in plan.actions],
        "next_meeting_at": (
            None
            if plan.next_meeting_at is None
            else plan.next_meeting_at.isoformat(timespec="minutes")
        ),
        "next_meeting_place": plan.next_meeting_place,
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class _Kept:
    meeting_at: datetime
    actions: dict[str, bool]  # key -> done
    next_meeting_at: datetime | None
    next_meeting_place: str


def _read(content: str) -> _Kept | None:
    """A kept content, or None if it cannot be read (an older or damaged entry)."""
    try:
        raw: Any = json.loads(content)
        meeting_at = datetime.fromisoformat(raw["meeting_at"])
        nxt = raw.get("next_meeting_at")
        actions = {_key(str(a["what"])): bool(a["done"]) for a in raw["actions"]}
        return _Kept(
            meeting_at=meeting_at,
            actions=actions,
            next_meeting_at=None if nxt is None else datetime.fromisoformat(nxt),
            next_meeting_place=str(raw.get("next_meeting_place", "")),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def changes_since(previous: str, plan: PlanData) -> PlanChanges | None:
    """What ``plan`` has that the plan kept as ``previous`` (its content JSON) did not.

    None when ``previous`` cannot be read or is the plan of a later meeting; an
    empty (false) ``PlanChanges`` when nothing changed.
    """
    kept = _read(previous)
    if kept is None or kept.meeting_at > plan.meeting_at:
        return None  # unreadable, or a later meeting's plan: nothing to compare with
    new: list[str] = []
    done: list[str] = []
    seen: set[str] = set()
    for action in plan.actions:
        key = _key(action.what)
        if key in seen:
            continue
        seen.add(key)
        was_done = kept.actions.get(key)
        if action.done and not was_done:
            done.append(action.what)  # done since, whether the line was there or not
        elif was_done is None and not action.done:
            new.append(action.what)
    # The next meeting the family was told about, if it is still to come at this
    # meeting: changing it is news. A follow-up's own next meeting is not.
    moved = (
        kept.next_meeting_at is not None
        and kept.next_meeting_at > plan.meeting_at
        and (kept.next_meeting_at, kept.next_meeting_place)
        != (plan.next_meeting_at, plan.next_meeting_place)
    )
    return PlanChanges(
        since=kept.meeting_at,
        new=tuple(new),
        done=tuple(done),
        moved=moved,
        next_meeting_at=plan.next_meeting_at if moved else None,
    )


def last_plan_changes(contents: list[str], plan: PlanData) -> PlanChanges | None:
    """ "Nyt siden sidst" for ``plan``, given the contents of the plans the family got,
    newest first: compared with the newest that said something else and was not the
    plan of a later meeting. A reprint of this very plan is skipped, so it shows the
    same news as the first print and is the same PDF.
    """
    current = plan_content(plan)
    for content in contents:
        if content == current:
            continue
        news = changes_since(content, plan)
        if news is not None:
            return news
    return None


def news_of_lines(
    contents: list[str],
    meeting_at: datetime,
    lines: list[tuple[str, bool]],
    next_meeting_at: datetime | None,
    next_meeting_place: str,
) -> PlanChanges | None:
    """ "Nyt siden sidst" from a meeting's lines ("what", done) as the app shows them,
    the same as the plan PDF would say (open lines first, as the plan orders them)."""
    ordered = [line for line in lines if not line[1]] + [line for line in lines if line[1]]
    plan = PlanData(
        family_name="",
        language="da",
        meeting_at=meeting_at,
        actions=tuple(PlanAction(what=what, who="", when="", done=done) for what, done in ordered),
        next_meeting_at=next_meeting_at,
        next_meeting_place=next_meeting_place,
    )
    news = last_plan_changes(contents, plan)
    return news if news else None
