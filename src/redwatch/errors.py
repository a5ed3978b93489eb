"""One exception hierarchy for everything a user can cause or meet.

The CLI turns every ``RedwatchError`` into a one-line message and a non-zero exit;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class RedwatchError(Exception):
    """Base of every error redwatch reports to a user."""

    exit_code = 1


class ConfigError(RedwatchError):
    """A setting or option has a value redwatch cannot use."""

    exit_code = 2


class InputError(RedwatchError):
    """A file or argument given by the user cannot be read."""

    exit_code = 2


class NotFoundError(RedwatchError):
    """Something asked for by id is not in the store."""

    exit_code = 3


class ServiceError(RedwatchError):
    """The INTERPOL service (or the configured stand-in) failed us."""

    exit_code = 4


class ServiceRefusedError(ServiceError):
    """The service kept refusing (bot filter, rate limit) after every retry."""


class StoreError(RedwatchError):
    """The database cannot be opened or migrated."""

    exit_code = 5


class DeliveryError(RedwatchError):
    """An alert could not be delivered through a channel.

    The message names the channel's kind and host and what went wrong, never the alert's
    text, a server's reply or a secret. ``permanent`` says that retrying the same message
    will fail the same way (refused credentials, HTTP 400), as opposed to a server that is
    down for now.
    """

    exit_code = 6

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
