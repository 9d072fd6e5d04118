from premiere_watch.cli import main

raise SystemExit(main())
