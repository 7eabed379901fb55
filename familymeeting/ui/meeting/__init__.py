"""The meeting page: its header, and its three views (board, ratings, plan), with one
undo stack per meeting (controller.py, commands.py)."""
