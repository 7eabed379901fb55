"""The Signs of Safety board: columns of cards, undoable edits, the meeting header."""
