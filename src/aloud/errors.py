"""Our own errors. The CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations

EXIT_RUNTIME = 1
EXIT_USAGE = 2


class AloudError(Exception):
    """An expected failure with a message fit for the user."""

    exit_code = EXIT_RUNTIME

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(AloudError, ValueError):
    """Bad options or arguments."""

    exit_code = EXIT_USAGE


class InputError(AloudError, ValueError):
    """The input cannot be read or makes no edition."""

    exit_code = EXIT_USAGE


class ToolMissingError(AloudError):
    """An external program or library we need is not installed (wherever the task runs)."""


class ToolFailedError(AloudError, RuntimeError):
    """An external program ran and failed; the message carries its stderr."""


class SynthesisError(AloudError, RuntimeError):
    """Speech could not be produced for a unit, even after a retry."""


class OutputError(AloudError, OSError):
    """The edition cannot be written where it was asked for."""


class ClusterError(AloudError):
    """The Dask cluster cannot run the build: unreachable, lost, or its workers unfit."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or a stop signal) during the speaking, with how far it had come."""

    def __init__(self, cause: KeyboardInterrupt, cached: int, total: int) -> None:
        super().__init__(*cause.args)
        self.cause = cause
        self.cached = cached  # segments of the edition in the cache
        self.total = total  # segments the edition has
