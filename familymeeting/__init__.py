"""familymeeting: offline Signs of Safety family meetings."""

__version__ = "0.1.0"
