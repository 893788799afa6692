"""Exception types. Everything :func:`cleanpage.clean` raises derives from ``CleanpageError``."""

from __future__ import annotations


class CleanpageError(Exception):
    """Base class of every error cleanpage raises on purpose."""


class InputError(CleanpageError, ValueError):
    """The input cannot be cleaned as given (wrong type, unusable bytes)."""


class InputTooLargeError(InputError):
    """The input is larger than ``Config.max_input_bytes``."""


class NotAPageError(InputError):
    """The bytes are not a web page or a text dump (an image, archive, PDF, font, script or style file,
    UTF-16 without a byte-order mark, binary data): cleaning them would only invent text."""


class DecodeError(InputError):
    """The bytes could not be turned into text by any candidate encoding."""


class ConfigError(CleanpageError, ValueError):
    """A configuration value, file or detector name is invalid."""


class CleanTimeoutError(CleanpageError, TimeoutError):
    """Cleaning one page took longer than ``Config.timeout`` seconds."""
