from familymeeting.cli import main

raise SystemExit(main())
