"""The bundle's entry point: the same `familymeeting` command as the installed wheel."""

from familymeeting.cli import main

raise SystemExit(main())
