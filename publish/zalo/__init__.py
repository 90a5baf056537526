"""Zalo OA transport: the article API client, credentials/token rotation, and a local emulator.

The emulator lives in `publish.zalo.emulator` (not imported here: it is for tests and the sandbox).
The client and the tokens are imported on first use of one of their names: they load httpx
(~0.1 s), which a sync with nothing to send never calls on.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from publish.zalo.errors import ZaloError, ZaloUncertainError

if TYPE_CHECKING:
    from publish.zalo.client import (
        DEFAULT_API_BASE,
        ClientSettings,
        Outcome,
        ZaloClient,
        map_concurrently,
    )
    from publish.zalo.tokens import (
        DEFAULT_OAUTH_BASE,
        AppCredentials,
        TokenFile,
        TokenManager,
        TokenPair,
        default_token_file,
    )

__all__ = [
    "DEFAULT_API_BASE",
    "DEFAULT_OAUTH_BASE",
    "AppCredentials",
    "ClientSettings",
    "Outcome",
    "TokenFile",
    "TokenManager",
    "TokenPair",
    "ZaloClient",
    "ZaloError",
    "ZaloUncertainError",
    "default_token_file",
    "map_concurrently",
]

_HOMES = {
    **dict.fromkeys(
        ("DEFAULT_API_BASE", "ClientSettings", "Outcome", "ZaloClient", "map_concurrently"),
        "client",
    ),
    **dict.fromkeys(
        (
            "DEFAULT_OAUTH_BASE",
            "AppCredentials",
            "TokenFile",
            "TokenManager",
            "TokenPair",
            "default_token_file",
        ),
        "tokens",
    ),
}
"""The module each lazily imported name comes from."""


def __getattr__(name: str) -> Any:
    """A name of the client or the tokens, importing its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"publish.zalo.{home}"), name)
    globals()[name] = value
    return value
