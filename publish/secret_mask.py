"""Secrets masked wherever text leaves the process: the CLI's stdout and stderr (every message,
the log lines Python's last-resort handler writes there), a --debug traceback and the summary
files a sync writes.

The Zalo client masks what it knows where it builds a message, and what a server echoes where it
reads a reply; this is the net under both: a message built anywhere else (a library's exception
text, a value a reply smuggled into a message no one thought to mask) still cannot print a token.
The secrets are those the token manager has held (`keep`) and the environment's own.
"""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

__all__ = ["ENV_SECRETS", "MASK", "PUBLIC", "keep", "known", "masked", "redact"]

MASK = "***"
"""What a secret is replaced with."""

ENV_SECRETS = ("ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN", "ZALO_ACCESS_TOKEN")
"""The environment variables that hold a secret (ZALO_APP_ID and ZALO_TOKEN_FILE do not)."""
PUBLIC = frozenset({"sandbox-app-secret", "sandbox-refresh-token"})
"""The sandbox's sample credentials (publish.zalo.emulator_state.SANDBOX_*): published in the
README and printed by `publish zalo-sandbox` for the tester to paste, so never masked."""
MIN_LENGTH = 8
"""Shorter values are not masked process-wide: a test's ZALO_APP_SECRET=x would turn every «x»
of every message into ***; no real Zalo secret or token is that short."""

_kept: set[str] = set()
_guard = threading.Lock()


def keep(*secrets: str | None) -> None:
    """Remember `secrets` for the rest of the process (a token read from the token file, one a
    refresh gave), so that no output of the process shows them."""
    with _guard:
        _kept.update(s for s in secrets if s and len(s) >= MIN_LENGTH and s not in PUBLIC)


def known() -> tuple[str, ...]:
    """Every secret to mask now: those kept, and those the environment holds."""
    from_env = (os.environ.get(name, "").strip() for name in ENV_SECRETS)
    with _guard:
        found = set(_kept)
    found.update(s for s in from_env if len(s) >= MIN_LENGTH and s not in PUBLIC)
    return tuple(found)


def masked(text: str) -> str:
    """`text` with every known secret replaced by `***` (see redact)."""
    secrets = known()
    return redact(text, secrets) if secrets and text else text


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Replace every known secret in `text` with `***`: as given, URL-encoded or JSON-escaped
    (a server may echo a request back either way), and also when a line break splits it."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = _secret_pattern(secret).sub(MASK, text)
    return text


_PERCENT = re.compile(r"%[0-9A-F]{2}")
_LINE_BREAK = r"(?:\r?\n[ \t]*)?"
"""Between any two characters of a secret: a message wrapped to fit a line may split it."""


@functools.lru_cache(maxsize=32)
def _secret_pattern(secret: str) -> re.Pattern[str]:
    """Every written form of `secret`, longest first so none is masked only in part."""
    escaped = json.dumps(secret)[1:-1]
    forms = {secret, quote(secret, safe=""), quote_plus(secret, safe=""), escaped}
    forms.add(escaped.replace("/", "\\/"))  # JSON may escape '/' too (PHP does)
    forms |= {_PERCENT.sub(lambda m: m[0].lower(), form) for form in forms}  # %2f as %2F
    alternatives = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(_LINE_BREAK.join(map(re.escape, f)) for f in alternatives))
