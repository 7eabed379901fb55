"""Scaling questions: the 1-10 slider, the ratings view, child mode, progress."""
