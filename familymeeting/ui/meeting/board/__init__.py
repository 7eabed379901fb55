"""The Signs of Safety board: columns of cards, each card and its in-place editor."""
