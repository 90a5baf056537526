"""Zalo OA transport: the article API client, credentials/token rotation, and a local emulator.

The emulator lives in `publish.zalo.emulator` (not imported here: it is for tests and the sandbox).
"""

from __future__ import annotations

from publish.zalo.client import (
    DEFAULT_API_BASE,
    ClientSettings,
    Outcome,
    ZaloClient,
    map_concurrently,
)
from publish.zalo.errors import ZaloError, ZaloUncertainError
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
