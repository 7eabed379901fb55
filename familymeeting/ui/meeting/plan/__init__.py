"""The plan: actions in the app, and the preview, print and save of the one-page PDF."""
