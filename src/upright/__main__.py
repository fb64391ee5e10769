"""Entry point for ``python -m upright``."""

from upright.app import main

raise SystemExit(main())
