"""The bundle's entry point: the same main() as the `upright` command."""

from upright.launch import main

raise SystemExit(main())
