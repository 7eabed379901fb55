"""Scaling questions in a meeting: the 1-10 slider, the ratings view, child mode."""
