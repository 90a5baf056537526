"""Helpers shared by the Zalo tests: a valid article body and a fast client wired to an emulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from publish.zalo import (
    AppCredentials,
    ClientSettings,
    TokenFile,
    TokenManager,
    TokenPair,
    ZaloClient,
)
from publish.zalo.emulator import ZaloEmulator

# Tiny waits so retry/backoff/verify tests stay fast.
FAST_SETTINGS: dict[str, Any] = {
    "timeout": 5.0,
    "connect_timeout": 2.0,
    "backoff_base": 0.001,
    "backoff_max": 0.02,
    "rate_limit_backoff": 0.02,
    "verify_first_delay": 0.0,
    "verify_interval": 0.005,
    "verify_timeout": 30.0,  # a bound, not a wait: polls end at the first id (loaded CI machine)
}


def sample_body(**overrides: Any) -> dict[str, Any]:
    """A valid normal article body, as the renderer will produce it."""
    body: dict[str, Any] = {
        "type": "normal",
        "title": "Công an huyện Châu Thành cảnh báo lừa đảo qua mạng",
        "author": "Công an huyện Châu Thành",
        "description": "Người dân cần cảnh giác với các cuộc gọi giả danh cơ quan công an.",
        "cover": {
            "cover_type": "photo",
            "photo_url": "https://congan.example.vn/anh/bia.jpg",
            "status": "show",
        },
        "body": [
            {"type": "text", "content": "Thời gian gần đây xuất hiện nhiều thủ đoạn lừa đảo."},
            {
                "type": "image",
                "url": "https://congan.example.vn/anh/1.jpg",
                "caption": "Ảnh minh họa",
            },
        ],
        "status": "show",
        "comment": "show",
    }
    body.update(overrides)
    return body


def make_tokens(
    emulator: ZaloEmulator, token_file: Path, *, refresh_token: str | None = None, **kwargs: Any
) -> TokenManager:
    """A TokenManager for the emulator's app, seeded like ZALO_REFRESH_TOKEN would seed it."""
    app = AppCredentials(emulator.config.app_id, emulator.config.app_secret)
    initial = TokenPair(refresh_token=refresh_token or emulator.refresh_token)
    return TokenManager(app, TokenFile(token_file), initial=initial, **kwargs)


def make_client(
    emulator: ZaloEmulator,
    token_file: Path,
    *,
    tokens: TokenManager | None = None,
    **settings: Any,
) -> ZaloClient:
    """A ZaloClient pointed at the emulator with fast retry settings."""
    values = {**FAST_SETTINGS, **settings}
    config = ClientSettings(api_base=emulator.base_url, oauth_base=emulator.base_url, **values)
    return ZaloClient(tokens or make_tokens(emulator, token_file), config)


def env_for(emulator: ZaloEmulator, token_file: Path, **extra: str) -> dict[str, str]:
    """The environment a user would set to point publish at the emulator."""
    env = {
        "ZALO_APP_ID": emulator.config.app_id,
        "ZALO_APP_SECRET": emulator.config.app_secret,
        "ZALO_REFRESH_TOKEN": emulator.refresh_token,
        "ZALO_TOKEN_FILE": str(token_file),
        "ZALO_API_BASE": emulator.base_url,
        "ZALO_OAUTH_BASE": emulator.base_url,
    }
    env.update(extra)
    return env


def every_token(emulator: ZaloEmulator) -> list[str]:
    """Every refresh and access token the emulator has issued or accepted."""
    state = emulator.state
    return [
        *state.refresh_tokens,
        *state.used_refresh_tokens,
        *state.access_tokens,
        emulator.config.app_secret,
    ]
