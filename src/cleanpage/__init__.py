"""cleanpage: scraped Chinese web pages to clean article bodies plus metadata.

    >>> import cleanpage
    >>> doc = cleanpage.clean(page_bytes, url="https://example.com/a.html")
    >>> doc.text, doc.metadata.published, doc.removed[0].reason
    >>> article = cleanpage.merge([page_2, page_1, page_3])  # the cleaned pages of one multi-page article

Everything else is reachable from here; the submodules are private unless
documented in ``docs/``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .config import Config, SiteRule
from .document import Block, Document, Metadata, Removal, Repair
from .errors import (
    CleanpageError,
    CleanTimeoutError,
    ConfigError,
    DecodeError,
    InputError,
    InputTooLargeError,
    NotAPageError,
)
from .merge import merge
from .pipeline import Cleaner, Source, shared_cleaner
from .profile_model import SiteProfile, load_profiles, profile_for
from .profiles import learn_profile, learn_profiles
from .registry import Detector, Repairer, register_detector, register_repairer
from .repair import repair_text

if TYPE_CHECKING:
    from .batch import clean_table

__all__ = [
    "Block",
    "CleanTimeoutError",
    "Cleaner",
    "CleanpageError",
    "Config",
    "ConfigError",
    "DecodeError",
    "Detector",
    "Document",
    "InputError",
    "InputTooLargeError",
    "Metadata",
    "NotAPageError",
    "Removal",
    "Repair",
    "Repairer",
    "SiteProfile",
    "SiteRule",
    "__version__",
    "clean",
    "clean_table",
    "learn_profile",
    "learn_profiles",
    "load_profiles",
    "merge",
    "profile_for",
    "register_detector",
    "register_repairer",
    "repair_text",
]


def clean(source: Source, *, url: str | None = None, headers: Mapping[str, str] | None = None,
          config: Config | None = None, profile: SiteProfile | None = None, **options: Any) -> Document:
    """Clean one page: raw bytes in any encoding, decoded HTML, or a plain-text dump.

    ``options`` are :class:`Config` fields (``kind="text"``, ``captions="drop"``,
    ``disable=("related",)``...) applied on top of ``config``. ``profile`` is the
    learned chrome of the page's site (:func:`learn_profile`).
    """
    return shared_cleaner((config or Config()).replace(**options)).clean(source, url=url, headers=headers, profile=profile)


def __getattr__(name: str) -> Any:
    if name == "clean_table":  # imported on first use: pyarrow is the optional ``arrow`` extra
        from .batch import clean_table

        return clean_table
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
