"""Entry point for ``python -m upright``."""

from upright.launch import main

raise SystemExit(main())
