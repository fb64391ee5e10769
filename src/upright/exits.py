"""The command line's exit statuses and its bad-input error, shared by every sub-command."""

from __future__ import annotations

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or bad input: exit 2 with one clear line."""
