"""The rule for a new password, the same for the window and the command line. No Qt.

:func:`check_new_password` is the one rule: the key store (``storage/keys.py``)
applies it before any password is wrapped, the command line before it asks a
second time, and the window's password form decides with it whether Continue can
be pressed (its strength meter shows :func:`password_strength` and the hint of
:func:`password_hint_code` as the person types).
"""

from __future__ import annotations

import re
import unicodedata

from familymeeting.domain.errors import UserError

MIN_PASSWORD_LENGTH = 10
MIN_STRENGTH = 2  # of password_strength's 0-4: "fair" is the least we accept

# A weak password is refused with what makes it weak (messages.py codes).
_REFUSALS = {
    "password_repeated": "password_weak_repeated",
    "password_one_kind": "password_weak_one_kind",
    "password_common": "password_weak_common",
}


class WeakPasswordError(UserError):
    """A new password is refused (too short or too easy to guess). Raised before anything
    is written."""


_COMMON_WORDS = (
    "password",
    "passw0rd",
    "adgangskode",
    "kodeord",
    "hemmelig",
    "familymeeting",
    "familie",
    "kommune",
    "danmark",
    "velkommen",
    "welcome",
    "letmein",
    "qwerty",
    "asdf",
    "abc",
    "admin",
    "sommer",
    "vinter",
    "foraar",
    "forår",
    "efteraar",
    "efterår",
    "summer",
    "winter",
    "spring",
    "autumn",
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
    "mandag",
    "fredag",
    "elsker",
    "iloveyou",
    "fodbold",
    "football",
    "monkey",
    "dragon",
)
_YEAR = re.compile(r"(19|20)\d\d")


def _character_classes(password: str) -> int:
    classes = [
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    ]
    return sum(classes)


def _mostly_common(password: str) -> bool:
    """Little is left after removing common words, years, digits and punctuation."""
    rest = _YEAR.sub("", password.casefold())
    for word in sorted(_COMMON_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    rest = "".join(c for c in rest if c.isalpha())
    return len(set(rest)) < 4


def password_hint_code(password: str) -> str | None:
    """The first plain-language hint for a new password (a messages.py code), or None.

    Shown as advice beside the field; a password with a hint may still be strong
    enough (:func:`check_new_password` decides).
    """
    if len(unicodedata.normalize("NFC", password)) < MIN_PASSWORD_LENGTH:
        return "password_too_short"
    if len(set(password)) <= 2:
        return "password_repeated"
    if _character_classes(password) < 2:
        return "password_one_kind"
    if _mostly_common(password):
        return "password_common"
    return None


def password_strength(password: str) -> int:
    """0 (very weak) to 4 (strong), from length, variety and common words. Plain checks."""
    length = len(unicodedata.normalize("NFC", password))
    if length == 0 or len(set(password)) <= 2:
        return 0
    score = 0
    score += length >= MIN_PASSWORD_LENGTH
    score += length >= 14
    score += length >= 20
    score += _character_classes(password) >= 2
    score += _character_classes(password) >= 3
    if _mostly_common(password):
        score -= 2
    if length < MIN_PASSWORD_LENGTH:
        score = min(score, 1)
    return max(0, min(4, score))


def check_new_password(password: str) -> None:
    """Refuse a new password that is too short or too easy to guess, before anything is
    written: shorter than :data:`MIN_PASSWORD_LENGTH`, or weaker than :data:`MIN_STRENGTH`.
    """
    hint = password_hint_code(password)
    if hint == "password_too_short":
        raise WeakPasswordError("password_too_short", min=MIN_PASSWORD_LENGTH)
    if password_strength(password) < MIN_STRENGTH:
        raise WeakPasswordError(_REFUSALS.get(hint or "", "password_too_weak"))


def is_acceptable(password: str) -> bool:
    """Whether :func:`check_new_password` takes ``password``."""
    try:
        check_new_password(password)
    except WeakPasswordError:
        return False
    return True
