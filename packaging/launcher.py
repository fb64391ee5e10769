"""The bundle's entry point: the same main() as the `upright` command."""

from upright.app import main

raise SystemExit(main())
