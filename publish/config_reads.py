"""The site.toml values a cached step declares it reads, as one digest for its cache keys.

A read-aloud item keeps its results under `Fragments.narrow_key` (the tool, not the whole
site.toml): its key holds `reads_digest(config, ITEM_READS)` instead (publish.render.radio.items),
so an edit of site.toml that it does not read (a category label, [web] per_page) does not read
every bulletin aloud again; a Zalo article likewise (payload.ARTICLE_READS), so that such an edit
converts no body again. A list is a dotted path per value (`"radio.rate_spm"`, a whole section
`"contact"`, a property of Config such as `"tz"`; a method, such as `absolute_url`, by the values
it reads); the tests run the step on a Config that notes what is read (tests/config_recording.py)
and fail when it reads something its list does not name.
The other narrow entries read no site.toml value but those their keys hold themselves (the unit's
phone numbers for the personal data found in a bulletin, the abbreviations for its search words).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from publish.cache import digest
from publish.config import Config

__all__ = ["reads_digest"]


def reads_digest(config: Config, reads: Iterable[str]) -> str:
    """A digest of the values at the dotted paths `reads` of `config`."""
    values = []
    for path in reads:
        value: Any = config
        for name in path.split("."):
            value = getattr(value, name)
        values.append((path, value))
    return digest(*values)
