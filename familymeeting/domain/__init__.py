"""Plain-Python rules of familymeeting: enums, limits, value objects. No Qt, no SQL."""
