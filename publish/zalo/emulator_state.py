"""In-memory model of a Zalo OA: articles, create/update jobs, OAuth tokens, followers, quota.

Pure of HTTP: `emulator.py` turns requests into calls on `OAState` and `validate_article`.
Behaviour follows /work/shared/docs/zalo-oa-api.md; every point marked [U] there is a field of
`EmulatorConfig` so tests can try both readings.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from types import NoneType, UnionType
from typing import Any, get_args, get_origin, get_type_hints
from urllib.parse import urlsplit

__all__ = [
    "LATE_FIELDS",
    "ApiFailure",
    "EmulatorConfig",
    "OAState",
    "StateFileError",
    "read_state",
    "validate_article",
]

SANDBOX_SERVER = "publish-zalo-sandbox"
"""The Server header of every reply of `publish zalo-sandbox` (publish.zalo.emulator): what tells
a sync it talks to the sandbox, not to Zalo nor to a proxy in front of it. Here, not in the
client: the sandbox starts without loading httpx, and a sync loads this module only on the
rare stop that names the sandbox (publish.sync.zalo_unrecorded.sandbox_note)."""
SANDBOX_APP_ID = "sandbox-app-id"
SANDBOX_APP_SECRET = "sandbox-app-secret"
SANDBOX_REFRESH_TOKEN = "sandbox-refresh-token"

MSG_RATE_LIMIT = "Your application reached limit call api"
MSG_PROCESSING = "Article is being processed"
MSG_UPLOAD_FAILED = "Upload media failed"
MSG_TOKEN_INVALID = "Access token is invalid"
MSG_TOKEN_EXPIRED = "access_token is expired or removed"
MSG_QUOTA = "Your OA has reach the limit quota create article"
MSG_NOT_AUTHORIZED = "Official Account has not authorized this API"
MSG_TIER = "The OA needs to upgrade OA Tier Package to use this feature"
MSG_BAD_PROOF = "appsecret_proof is invalid"
MSG_NOT_SUPPORTED = "API is not support"
MSG_BAD_ID = "article id is invalid!"

SHOW_HIDE = ("show", "hide")
STUCK_READY_AT = 1e18
"""When a stuck create job ends: never (a finite number keeps the state file plain JSON)."""
COVER_VIEWS = ("horizontal", "vertical", "square")


@dataclass
class EmulatorConfig:
    """Every knob of the emulator: contract choices marked [U] and fault injection."""

    # Credentials the emulator accepts at start (the refresh token is single use).
    app_id: str = SANDBOX_APP_ID
    app_secret: str = field(default=SANDBOX_APP_SECRET, repr=False)
    refresh_token: str = field(default=SANDBOX_REFRESH_TOKEN, repr=False)
    # None: no access token is valid until the first refresh.
    access_token: str | None = field(default=None, repr=False)
    access_token_ttl: float = 90_000.0
    expires_in_as_string: bool = True  # [P] Zalo often sends expires_in as "90000"
    rotate_refresh_tokens: bool = True  # [U] one source says rotation is not always done
    revoke_access_on_refresh: bool = True  # [P] the previous access token stops working
    reused_refresh_reply: str = "error"  # [U] "error" (-14014) or "empty" (empty HTTP 200 body)
    expire_access_after_calls: int | None = None  # -220 after this many calls with one token
    accept_query_access_token: bool = True  # [U] legacy ?access_token=
    require_appsecret_proof: bool = False  # -242 when the proof header is missing or wrong
    oa_authorized: bool = True  # False: -223 "has not authorized this API"
    # [U] the HTTP status of an application error's envelope (-2xx, -32…): every source says 200,
    # but no 4xx traffic was captured (contract §8). An unknown path stays 404 with -209.
    error_http_status: int = 200
    oa_tier_too_low: bool = False  # True: article writes give -224 (the OA's package is too low)

    # Consent (GET /v4/oa/permission) and the authorization_code grant with PKCE S256.
    redirect_uri: str | None = None  # the callback URL saved in the app's settings; None: any
    redirect_mismatch_reply: str = "page"  # [U] "page": -14003 shown at Zalo; "redirect": sent back
    consent_refused: bool = False  # the OA admin refuses: back to redirect_uri with `error`
    auth_code_ttl: float = 600.0  # [P] a code is valid about 10 minutes, and single use
    invalid_code_error: int = -14003  # [U] no official code for a bad, used or expired code

    # Article rules (lengths counted after NFC).
    # [U] how title, description, author and text block lengths are counted: "code_points",
    # or "utf16" (a Java or JavaScript server's length, where an emoji counts two).
    length_unit: str = "code_points"
    title_max_len: int = 149  # [P] a 150-char title was rejected in production
    description_max_len: int = 300
    author_max_len: int = 50
    text_block_max_len: int | None = None  # [U] no documented limit
    max_body_blocks: int | None = None  # [U]
    reject_html_in_text: bool = False  # [U] whether HTML is allowed in text blocks
    cover_status_required: bool = True  # [U] one report: leaving it out failed the job
    getslice_max_limit: int = 10
    # [U] what getslice does with a hidden article (status "hide"): "listed" (in its pages and
    # its total), "left_out" (in neither) or "counted" (in the total, not in the pages: the
    # list always reads short of its total; [zalo] list_total_counts_hidden in site.toml).
    hidden_in_list: str = "listed"
    detail_includes_meta: bool = True  # [U] id, type, create_date, update_date in getdetail
    # [U] a passing -201 of getdetail (a refused id, a fault: zalo_lookup.ArticleLookup.detail):
    # article id → how many of its next getdetail calls answer -201 as for an unknown id.
    detail_refused_first: dict[str, int] = field(default_factory=dict)
    # [U] fields getdetail returns besides those sent (§2.4: one source lists `cite`), on the
    # article and on each body block; a client resending the article must not echo them.
    detail_extra_fields: dict[str, Any] = field(default_factory=dict)
    detail_block_extra_fields: dict[str, Any] = field(default_factory=dict)
    # [U] whether create/update refuse (-201) a field the contract does not list (§2.1–2.3) on
    # the article, its cover or a body block, as a strict server would; False: ignored.
    reject_unknown_fields: bool = False
    oa_id_key: str = "oa_id"  # [U] "oa_id", "oaid" or "both"

    # Create → verify flow.
    verify_processing_count: int = 1  # first N verifies of each token give -214
    verify_processing_seconds: float = 0.0  # also -214 until this long after create/update
    # [U] whether getslice and getdetail show an article while its create job is processing
    # (False: only `verify_processing_seconds` after the create; a lost create is then not
    # found at once, however it is looked up).
    list_while_processing: bool = True
    job_token_ttl: float | None = None  # [U] seconds a create/update token verifies (NukeViet: 1 h)
    failing_image_substrings: tuple[str, ...] = ()  # image URLs containing one → -200 at verify
    # [P] Zalo fetches only JPG/PNG: an image URL whose name ends so (a GIF, WebP, SVG…) → -200
    # at verify, as a fetch of it would fail. An address with no such ending may be either.
    refused_image_suffixes: tuple[str, ...] = (".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff")
    # Jobs whose title contains one of these answer -214 until ZaloEmulator.finish_stuck_jobs()
    # (a job stuck at Zalo); a stuck create is listed only when `list_while_processing` is True,
    # and a stuck update changes the article only when it finishes, however late.
    stuck_title_substrings: tuple[str, ...] = ()
    create_quota_per_day: int | None = None  # -223 quota message once reached (UTC day)
    # [U] the contract names -214 «Article is being processed» at verify only: the first N
    # creates answer it, having made their article (`create_busy_made`) or not.
    create_busy_first: int = 0
    create_busy_made: bool = False

    # OA profile.
    oa_id: str = "2463951837402251183"  # the sample project's, so its sync works against it
    oa_name: str = "OA thử nghiệm"  # `publish zalo-sandbox` in a project: its [unit] name
    num_follower: int = 0

    # Fault injection (applies to paths containing one of `fault_paths`; None = every path).
    fault_paths: tuple[str, ...] | None = None
    latency: float = 0.0  # seconds added to every call
    fail_5xx_rate: float = 0.0
    fail_first_5xx: int = 0
    fail_5xx_status: int = 503
    # Retry-After header of the injected 5xx/429 ("7" seconds, or an HTTP date); None: none sent.
    retry_after: str | None = None
    drop_rate: float = 0.0
    drop_first: int = 0
    drop_after_processing: bool = False  # drop after the change is applied (lost reply)
    # Answer 5xx after the change is applied, as a gateway whose backend answered too late does.
    fail_5xx_after_processing: bool = False
    # Answer the first N with a reply the client cannot read, after the change is applied (a
    # gateway rewriting Zalo's answer): `garble_body` as sent with `garble_status`, or, when it
    # is None, Zalo's success envelope with its `data` emptied (no token, no id).
    garble_first: int = 0
    garble_status: int = 200
    garble_body: str | None = None
    # The garbled reply instead of the change (a refusal, nothing applied), not after it.
    garble_before_processing: bool = False
    rate_limit_per_minute: int | None = 4000  # -32 beyond this many OA calls per window
    rate_limit_window: float = 60.0
    seed: int | None = None

    def __post_init__(self) -> None:
        """Refuse a length unit or a way of listing hidden articles the emulator would not
        know (a typo would count code points, or list them)."""
        check_length_unit(self.length_unit)
        if self.hidden_in_list not in HIDDEN_IN_LIST:
            raise ValueError(
                f"hidden_in_list must be one of {HIDDEN_IN_LIST}, not {self.hidden_in_list!r}"
            )


class ApiFailure(Exception):
    """An application error the API reports in the envelope: `{"error": code, "message": ...}`."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message


LENGTH_UNITS = ("code_points", "utf16")
HIDDEN_IN_LIST = ("listed", "left_out", "counted")
"""EmulatorConfig.hidden_in_list's values."""


def check_length_unit(unit: str) -> None:
    """Raise ValueError unless `unit` is one of LENGTH_UNITS."""
    if unit not in LENGTH_UNITS:
        raise ValueError(f"length_unit must be one of {LENGTH_UNITS}, not {unit!r}")


def text_len(value: str, unit: str) -> int:
    """Length of a string after NFC in `unit`: code points, or UTF-16 units ("utf16")."""
    normal = unicodedata.normalize("NFC", value)
    if unit == "utf16":
        return len(normal.encode("utf-16-le", "surrogatepass")) // 2
    return len(normal)


def is_public_url(value: Any) -> bool:
    """True for an http(s) URL with a host, no spaces and only ASCII (non-ASCII must be encoded)."""
    if not isinstance(value, str) or not value or not value.isascii():
        return False
    if any(ch.isspace() for ch in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _check_text(
    body: dict, name: str, limit: int, *, unit: str = "code_points", required: bool = True
) -> None:
    """Require a string field of 1..limit characters (NFC, counted in `unit`)."""
    value = body.get(name)
    if value is None and not required:
        return
    if not isinstance(value, str) or not value.strip() or text_len(value, unit) > limit:
        shown = limit + 1 if name == "title" else limit
        raise ApiFailure(-201, f"{name} allow 1 to {shown} characters")


def _check_choice(container: dict, name: str, choices: tuple[str, ...], *, required: bool) -> None:
    """Require a field to be one of `choices` (or absent when optional)."""
    value = container.get(name)
    if value is None and not required:
        return
    if value not in choices:
        raise ApiFailure(-201, f"{name} is invalid!")


def _check_cover(cover: Any, config: EmulatorConfig) -> None:
    """Validate `cover` of a normal article."""
    if not isinstance(cover, dict):
        raise ApiFailure(-201, "cover value is invalid")
    kind = cover.get("cover_type")
    if kind == "photo":
        if not is_public_url(cover.get("photo_url")):
            raise ApiFailure(-201, "photo_url is invalid!")
    elif kind == "video":
        if not isinstance(cover.get("video_id"), str) or not cover["video_id"]:
            raise ApiFailure(-201, "video_id is invalid!")
        _check_choice(cover, "cover_view", COVER_VIEWS, required=True)
    else:
        raise ApiFailure(-201, "cover_type is invalid!")
    _check_choice(cover, "status", SHOW_HIDE, required=config.cover_status_required)


def _check_block(index: int, block: Any, config: EmulatorConfig) -> None:
    """Validate one `body[]` block."""
    if not isinstance(block, dict):
        raise ApiFailure(-201, f"body[{index}] is invalid!")
    kind = block.get("type")
    if kind == "text":
        content = block.get("content")
        if not isinstance(content, str) or not content.strip():
            raise ApiFailure(-201, f"body[{index}] content is invalid!")
        limit = config.text_block_max_len
        if limit is not None and text_len(content, config.length_unit) > limit:
            raise ApiFailure(-201, f"body[{index}] content allow 1 to {limit} characters")
        if config.reject_html_in_text and "<" in content and ">" in content:
            raise ApiFailure(-201, f"body[{index}] content is invalid!")
    elif kind == "image":
        if not is_public_url(block.get("url")):
            raise ApiFailure(-201, f"body[{index}] url is invalid!")
        caption = block.get("caption")
        if caption is not None and not isinstance(caption, str):
            raise ApiFailure(-201, f"body[{index}] caption is invalid!")
    elif kind == "video":
        has_url = is_public_url(block.get("url"))
        has_id = isinstance(block.get("video_id"), str) and bool(block.get("video_id"))
        if not (has_url or has_id):
            raise ApiFailure(-201, f"body[{index}] video is invalid!")
        if not is_public_url(block.get("thumb")):
            raise ApiFailure(-201, f"body[{index}] thumb is invalid!")
    elif kind == "product":
        if not isinstance(block.get("id"), str) or not block.get("id"):
            raise ApiFailure(-201, f"body[{index}] id is invalid!")
    else:
        raise ApiFailure(-201, f"body[{index}] type is invalid!")


ARTICLE_FIELDS = {
    "normal": frozenset(
        {"type", "title", "author", "description", "cover", "body", "related_medias"}
        | {"tracking_link", "status", "comment"}
    ),
    "video": frozenset({"type", "title", "description", "video_id", "avatar", "status", "comment"}),
}
"""The fields of a create body the contract lists, by article type (§2.1, §2.2); an update
adds `id`."""
COVER_FIELDS = frozenset({"cover_type", "photo_url", "video_id", "cover_view", "status"})
BLOCK_FIELDS = {
    "text": frozenset({"type", "content"}),
    "image": frozenset({"type", "url", "caption"}),
    "video": frozenset({"type", "url", "video_id", "thumb"}),
    "product": frozenset({"type", "id"}),
}
"""The fields of each kind of body block the contract lists (§2.3)."""


def _check_known_fields(body: dict, kind: str) -> None:
    """Refuse (-201) the first field of the article, its cover or a block the contract does
    not list (EmulatorConfig.reject_unknown_fields)."""
    for name in body:
        if name not in ARTICLE_FIELDS[kind] and name != "id":
            raise ApiFailure(-201, f"{name} is invalid!")
    cover = body.get("cover")
    for name in cover if isinstance(cover, dict) else ():
        if name not in COVER_FIELDS:
            raise ApiFailure(-201, f"cover {name} is invalid!")
    blocks = body.get("body")
    for index, block in enumerate(blocks if isinstance(blocks, list) else ()):
        if not isinstance(block, dict) or str(block.get("type")) not in BLOCK_FIELDS:
            continue  # a block of no known type is refused as such (_check_block)
        for name in block:
            if name not in BLOCK_FIELDS[str(block["type"])]:
                raise ApiFailure(-201, f"body[{index}] {name} is invalid!")


def validate_article(body: Any, config: EmulatorConfig) -> None:
    """Raise ApiFailure(-201, ...) unless `body` is a valid create/update body."""
    if not isinstance(body, dict):
        raise ApiFailure(-201, "body is invalid!")
    kind = body.get("type")
    if kind not in ("normal", "video"):
        raise ApiFailure(-201, "type accept only 2 value normal and video.")
    if config.reject_unknown_fields:
        _check_known_fields(body, kind)
    _check_text(body, "title", config.title_max_len, unit=config.length_unit)
    _check_text(body, "description", config.description_max_len, unit=config.length_unit)
    _check_choice(body, "status", SHOW_HIDE, required=False)
    _check_choice(body, "comment", SHOW_HIDE, required=False)
    if kind == "video":
        if not isinstance(body.get("video_id"), str) or not body.get("video_id"):
            raise ApiFailure(-201, "video_id is invalid!")
        if not is_public_url(body.get("avatar")):
            raise ApiFailure(-201, "avatar is invalid!")
        return
    _check_text(body, "author", config.author_max_len, unit=config.length_unit)
    _check_cover(body.get("cover"), config)
    blocks = body.get("body")
    if not isinstance(blocks, list) or not blocks:
        raise ApiFailure(-201, "body is invalid!")
    if config.max_body_blocks is not None and len(blocks) > config.max_body_blocks:
        raise ApiFailure(-201, f"body allow 1 to {config.max_body_blocks} items")
    for index, block in enumerate(blocks):
        _check_block(index, block, config)
    related = body.get("related_medias")
    if related is not None and (
        not isinstance(related, list) or not all(isinstance(x, str) and x for x in related)
    ):
        raise ApiFailure(-201, "related_medias is invalid!")
    link = body.get("tracking_link")
    if link is not None and not is_public_url(link):
        raise ApiFailure(-201, "tracking_link is invalid!")


def image_urls(body: dict) -> list[str]:
    """Every image URL Zalo would fetch for this article (cover, avatar, body images, thumbs)."""
    urls: list[str] = []
    cover = body.get("cover")
    if isinstance(cover, dict) and isinstance(cover.get("photo_url"), str):
        urls.append(cover["photo_url"])
    if isinstance(body.get("avatar"), str):
        urls.append(body["avatar"])
    for block in body.get("body") or []:
        if isinstance(block, dict):
            for key in ("url", "thumb") if block.get("type") == "image" else ("thumb",):
                if isinstance(block.get(key), str):
                    urls.append(block[key])
    return urls


def new_article_id() -> str:
    """A short hex id like Zalo's `0b5c34017c44951acc55`."""
    return secrets.token_hex(10)


def new_job_token() -> str:
    """A long base64 job token like Zalo's (88 characters ending in `==`)."""
    return base64.b64encode(os.urandom(64)).decode("ascii")


def pkce_challenge(verifier: str) -> str:
    """The S256 code challenge of a PKCE verifier: base64url(sha256(verifier)), unpadded."""
    # Not publish.zalo.login's: the server side computed on its own, so a wrong client
    # challenge fails against the emulator as it would against Zalo.
    digest = hashlib.sha256(verifier.encode("ascii", errors="replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def new_oauth_token() -> str:
    """A random OAuth token string."""
    return secrets.token_urlsafe(48)


@dataclass
class AccessInfo:
    """One issued access token."""

    expires_at: float
    calls: int = 0
    expired: bool = False


@dataclass
class AuthCode:
    """One authorization code the consent page issued."""

    challenge: str
    redirect_uri: str
    expires_at: float
    used: bool = False


@dataclass
class Job:
    """A create or update job, referenced by the token the API returned."""

    article_id: str
    created_at: float
    verifies: int = 0
    image_failed: bool = False
    stuck: bool = False
    body: dict | None = None  # a stuck update's content, applied when the job finishes


@dataclass
class OAState:
    """Everything the emulated OA remembers; JSON-serialisable for --state-file."""

    articles: dict[str, dict] = field(default_factory=dict)
    jobs: dict[str, Job] = field(default_factory=dict)
    access_tokens: dict[str, AccessInfo] = field(default_factory=dict)
    refresh_tokens: list[str] = field(default_factory=list)  # currently valid
    used_refresh_tokens: list[str] = field(default_factory=list)
    auth_codes: dict[str, AuthCode] = field(default_factory=dict)
    num_follower: int = 0
    creates_by_day: dict[str, int] = field(default_factory=dict)
    ready_at: dict[str, float] = field(default_factory=dict)  # article id → end of its create job
    sequence: int = 0  # orders articles created within the same millisecond
    skew: float = 0.0  # seconds the OA's clock is ahead of the machine's (tests move time on)

    @classmethod
    def initial(cls, config: EmulatorConfig) -> OAState:
        """Fresh state holding the configured credentials and follower count."""
        state = cls(refresh_tokens=[config.refresh_token], num_follower=config.num_follower)
        if config.access_token:
            state.access_tokens[config.access_token] = AccessInfo(
                expires_at=time.time() + config.access_token_ttl
            )
        return state

    def now(self) -> float:
        """The OA's current time in epoch seconds."""
        return time.time() + self.skew

    def now_ms(self) -> int:
        """The OA's current time in epoch milliseconds, as Zalo reports dates."""
        return int(self.now() * 1000)

    # --- persistence -------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """What the state file holds (publish.zalo.emulator_saving writes it), copied so that
        no later call changes it: an article is replaced whole when it changes, or edited at its
        top level (ZaloEmulator.edit_article), a job, token or code is a record whose fields
        change. A later field that holds its default is left out (LATE_FIELDS). Cheap enough
        to take under the emulator's lock at every write."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name in LATE_FIELDS and value == LATE_FIELDS[item.name]:
                continue
            if isinstance(value, dict):
                value = {key: _copied(entry) for key, entry in value.items()}
            elif isinstance(value, list):
                value = list(value)
            data[item.name] = value
        return data

    @classmethod
    def from_json(cls, text: str) -> OAState:
        """Load a state file's text (see `read_state` for what it tolerates)."""
        return read_state(text)[0]

    # --- tokens ------------------------------------------------------------------------------

    def check_access(self, token: str | None, config: EmulatorConfig) -> None:
        """Raise -216 for an unknown token and -220 for an expired one; count the call."""
        info = self.access_tokens.get(token or "")
        if info is None:
            raise ApiFailure(-216, MSG_TOKEN_INVALID)
        limit = config.expire_access_after_calls
        if (
            info.expired
            or self.now() >= info.expires_at
            or (limit is not None and info.calls >= limit)
        ):
            info.expired = True
            raise ApiFailure(-220, MSG_TOKEN_EXPIRED)
        info.calls += 1

    def refresh(self, refresh_token: str, config: EmulatorConfig) -> dict:
        """Exchange a refresh token (single use) for a new token pair."""
        if refresh_token not in self.refresh_tokens:
            raise ApiFailure(-14014, "Invalid refresh token")
        access = new_oauth_token()
        if config.revoke_access_on_refresh:
            self.access_tokens.clear()
        self.access_tokens[access] = AccessInfo(expires_at=self.now() + config.access_token_ttl)
        new_refresh = refresh_token
        if config.rotate_refresh_tokens:
            new_refresh = new_oauth_token()
            self.refresh_tokens.remove(refresh_token)
            self.used_refresh_tokens.append(refresh_token)
            self.refresh_tokens.append(new_refresh)
        return _token_reply(access, new_refresh, config)

    def issue_code(self, challenge: str, redirect_uri: str, config: EmulatorConfig) -> str:
        """A new single-use authorization code bound to a PKCE challenge and a redirect URI."""
        code = new_oauth_token()
        self.auth_codes[code] = AuthCode(
            challenge=challenge,
            redirect_uri=redirect_uri,
            expires_at=self.now() + config.auth_code_ttl,
        )
        return code

    def redeem_code(self, code: str, verifier: str, config: EmulatorConfig) -> dict:
        """Exchange an authorization code (single use, checked against S256(verifier))."""
        grant = self.auth_codes.get(code)
        error = config.invalid_code_error
        if grant is None:
            raise ApiFailure(error, "Invalid authorization code")
        if grant.used:
            raise ApiFailure(error, "Authorization code has been used")
        grant.used = True
        if self.now() >= grant.expires_at:
            raise ApiFailure(error, "Authorization code is expired")
        if not hmac.compare_digest(pkce_challenge(verifier), grant.challenge):
            raise ApiFailure(error, "Invalid code_verifier")
        access = new_oauth_token()
        self.access_tokens[access] = AccessInfo(expires_at=self.now() + config.access_token_ttl)
        refresh = new_oauth_token()
        self.refresh_tokens.append(refresh)
        return _token_reply(access, refresh, config)

    def expire_access_tokens(self) -> None:
        """Make every issued access token expired (-220)."""
        for info in self.access_tokens.values():
            info.expired = True

    def revoke_access_tokens(self) -> None:
        """Forget every issued access token (-216)."""
        self.access_tokens.clear()

    # --- articles ----------------------------------------------------------------------------

    def _start_job(self, article_id: str, body: dict, config: EmulatorConfig) -> str:
        """Record a job and return its token; a failing image marks it for -200 at verify."""
        failed = any(
            marker in url for url in image_urls(body) for marker in config.failing_image_substrings
        ) or any(
            urlsplit(url).path.lower().endswith(config.refused_image_suffixes)
            for url in image_urls(body)
        )
        title = str(body.get("title") or "")
        stuck = any(marker in title for marker in config.stuck_title_substrings)
        token = new_job_token()
        self.jobs[token] = Job(
            article_id=article_id, created_at=self.now(), image_failed=failed, stuck=stuck
        )
        return token

    def create(self, body: dict, config: EmulatorConfig) -> dict:
        """Create an article (visible to getslice at once, unless its images fail)."""
        validate_article(body, config)
        day = time.strftime("%Y-%m-%d", time.gmtime())
        quota = config.create_quota_per_day
        if quota is not None and self.creates_by_day.get(day, 0) >= quota:
            raise ApiFailure(-223, MSG_QUOTA)
        self.creates_by_day[day] = self.creates_by_day.get(day, 0) + 1
        article_id = new_article_id()
        token = self._start_job(article_id, body, config)
        self.ready_at[article_id] = (
            STUCK_READY_AT
            if self.jobs[token].stuck
            else self.now() + config.verify_processing_seconds
        )
        if not self.jobs[token].image_failed:
            self.sequence += 1
            now = self.now_ms()
            self.articles[article_id] = {
                **_stored_fields(body),
                "id": article_id,
                "create_date": now,
                "update_date": now,
                "total_view": 0,
                "total_share": 0,
                "seq": self.sequence,
            }
        return {"token": token}

    def update(self, body: dict, config: EmulatorConfig) -> dict:
        """Replace an article's content; the change applies only if its images load."""
        article_id = body.get("id") if isinstance(body, dict) else None
        if not isinstance(article_id, str) or article_id not in self.articles:
            raise ApiFailure(-201, MSG_BAD_ID)
        validate_article(body, config)
        token = self._start_job(article_id, body, config)
        job = self.jobs[token]
        if job.stuck:
            job.body = body
        elif not job.image_failed:
            self._apply_update(article_id, body)
        return {"token": token}

    def _apply_update(self, article_id: str, body: dict) -> None:
        """Replace the stored content of an article (gone since: nothing to change)."""
        old = self.articles.get(article_id)
        if old is None:
            return
        self.articles[article_id] = {
            **_stored_fields(body),
            "id": article_id,
            "create_date": old["create_date"],
            "update_date": max(self.now_ms(), old["update_date"]),
            "total_view": old["total_view"],
            "total_share": old["total_share"],
            "seq": old["seq"],
        }

    def finish_stuck_jobs(self) -> int:
        """End every stuck job, in the order sent: a create is listed, an update applied now
        (over any newer update); returns how many ended."""
        ended = [job for job in self.jobs.values() if job.stuck]
        for job in ended:
            job.stuck = False
            if job.body is not None and not job.image_failed:
                self._apply_update(job.article_id, job.body)
            job.body = None
            if self.ready_at.get(job.article_id) == STUCK_READY_AT:
                self.ready_at[job.article_id] = self.now()
        return len(ended)

    def verify(self, token: Any, config: EmulatorConfig) -> dict:
        """Turn a job token into an article id: -214 while processing, -200 on image failure."""
        job = self.jobs.get(token) if isinstance(token, str) else None
        ttl = config.job_token_ttl
        if job is None or (ttl is not None and self.now() >= job.created_at + ttl):
            raise ApiFailure(-201, "token is invalid!")
        job.verifies += 1
        processing = (
            job.stuck
            or job.verifies <= config.verify_processing_count
            or (self.now() < job.created_at + config.verify_processing_seconds)
        )
        if processing:
            raise ApiFailure(-214, MSG_PROCESSING)
        if job.image_failed:
            raise ApiFailure(-200, MSG_UPLOAD_FAILED)
        return {"id": job.article_id}

    def remove(self, article_id: Any) -> dict:
        """Delete an article."""
        if not isinstance(article_id, str) or article_id not in self.articles:
            raise ApiFailure(-201, MSG_BAD_ID)
        del self.articles[article_id]
        self.ready_at.pop(article_id, None)
        return {}

    def _listed(self, article_id: str, config: EmulatorConfig) -> bool:
        """Whether reads show the article (not while its create job runs, when so configured)."""
        return config.list_while_processing or self.now() >= self.ready_at.get(article_id, 0.0)

    def detail(self, article_id: str | None, config: EmulatorConfig) -> dict:
        """The article as getdetail returns it: the create body, plus meta when configured."""
        article = self.articles.get(article_id or "")
        if article is None or not self._listed(article["id"], config):
            raise ApiFailure(-201, MSG_BAD_ID)
        result = {k: v for k, v in article.items() if k not in ("seq", "total_view", "total_share")}
        if not config.detail_includes_meta:
            for key in ("id", "type", "create_date", "update_date"):
                result.pop(key, None)
        result.update(config.detail_extra_fields)
        if config.detail_block_extra_fields and isinstance(result.get("body"), list):
            result["body"] = [
                {**block, **config.detail_block_extra_fields} if isinstance(block, dict) else block
                for block in result["body"]
            ]
        return result

    def slice(self, offset: Any, limit: Any, kind: Any, config: EmulatorConfig) -> dict:
        """One page of articles of one type, newest first."""
        if kind not in ("normal", "video"):
            raise ApiFailure(-201, "type accept only 2 value normal and video.")
        try:
            offset_n, limit_n = int(offset), int(limit)
        except (TypeError, ValueError):
            raise ApiFailure(-201, "offset or limit is invalid!") from None
        if offset_n < 0 or limit_n < 1:
            raise ApiFailure(-201, "offset or limit is invalid!")
        if limit_n > config.getslice_max_limit:
            raise ApiFailure(-201, f"maximum limit is {config.getslice_max_limit}")
        matching = sorted(
            (
                a
                for a in self.articles.values()
                if a.get("type") == kind and self._listed(a["id"], config)
            ),
            key=lambda a: (a["create_date"], a["seq"]),
            reverse=True,
        )
        shown = [
            a for a in matching if config.hidden_in_list == "listed" or a.get("status") != "hide"
        ]
        page = shown[offset_n : offset_n + limit_n]
        medias = [_slice_item(a) for a in page]
        total = len(matching) if config.hidden_in_list == "counted" else len(shown)
        return {"medias": medias, "total": total}

    def oa_profile(self, config: EmulatorConfig) -> dict:
        """The getoa `data` object."""
        profile: dict[str, Any] = {
            "name": config.oa_name,
            "description": "Trang thông tin chính thức",
            "oa_alias": "",
            "is_verified": True,
            "oa_type": 4,
            "cate_name": "Cơ quan nhà nước",
            "num_follower": self.num_follower,
            "avatar": "https://example.invalid/avatar.jpg",
            "cover": "https://example.invalid/cover.jpg",
            "package_name": "Gói Nâng cao",
            "package_valid_through_date": "31/12/2030",
            "package_auto_renew_date": "31/12/2030",
            "linked_zca": "",
        }
        if config.oa_id_key in ("oa_id", "both"):
            profile["oa_id"] = config.oa_id
        if config.oa_id_key in ("oaid", "both"):
            profile["oaid"] = config.oa_id
        return profile


def _copied(entry: Any) -> Any:
    """One entry of a state's table as `OAState.snapshot` keeps it: a record as a dict, an
    article's dict copied, a number as it is."""
    if isinstance(entry, dict):
        return dict(entry)
    if is_dataclass(entry) and not isinstance(entry, type):
        # Shallow: `asdict`, copying deeply, took 117 ms under the lock at 3,000 jobs. A
        # record's fields are numbers and strings but Job.body, a request's body that is
        # replaced whole (`update`, `finish_stuck_jobs`), never changed in place.
        return dict(vars(entry))
    return entry


LATE_FIELDS: dict[str, object] = {"skew": 0.0}
"""State fields added after the state file's first version, with their defaults. Written only
when they differ: a publish from before a field refuses a state holding it, so a sandbox that
never used it (`publish zalo-sandbox` never moves the OA's clock) stays readable there."""


class StateFileError(ValueError):
    """A state file that is not one the emulator wrote (not JSON, or a record of the wrong
    shape)."""


def read_state(text: str | bytes) -> tuple[OAState, tuple[str, ...]]:
    """The state in `text` and the fields it held that this version does not know (from a later
    version: left out, the OA then behaves as this version models it), as `jobs.<token>.name`."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StateFileError(
            f"không phải JSON (lỗi ở dòng {exc.lineno}, cột {exc.colno})"
        ) from None
    except ValueError:
        raise StateFileError("không phải văn bản UTF-8") from None
    if not isinstance(raw, dict):
        raise StateFileError("không phải một đối tượng JSON")
    unknown: list[str] = []
    wrong: list[str] = []
    known = _known(OAState, raw, "", unknown, wrong)
    for name, record in (("jobs", Job), ("access_tokens", AccessInfo), ("auth_codes", AuthCode)):
        entries = known.get(name, {})
        if not isinstance(entries, dict):
            raise StateFileError(f"mục {name} không phải một đối tượng JSON")
        known[name] = {
            key: _known(record, value, f"{name}.{key}", unknown, wrong)
            for key, value in entries.items()
        }
    if wrong:
        # Every wrong field at once: a value of the wrong type crashed the sandbox later.
        raise StateFileError("; ".join(wrong))
    for name, record in (("jobs", Job), ("access_tokens", AccessInfo), ("auth_codes", AuthCode)):
        known[name] = {key: record(**value) for key, value in known.get(name, {}).items()}
    return OAState(**known), tuple(unknown)


def _known(
    record: type, raw: object, where: str, unknown: list[str], wrong: list[str]
) -> dict[str, Any]:
    """The items of `raw` that are fields of dataclass `record`; the others go to `unknown`, and
    what is said of each field whose value is not of its type to `wrong`."""
    named = f"bản ghi {where}" if where else "tệp"
    if not isinstance(raw, dict):
        raise StateFileError(f"{named} không phải một đối tượng JSON")
    names = {f.name for f in fields(record)}
    required = [
        f.name
        for f in fields(record)
        if f.default is MISSING and f.default_factory is MISSING and f.name not in raw
    ]
    if required:
        raise StateFileError(f"{named} thiếu trường {', '.join(required)}")
    unknown.extend(f"{where}.{key}" if where else key for key in raw if key not in names)
    hints = get_type_hints(record)
    for key, value in raw.items():
        if key in names and not _fits(value, hints[key]):
            name = f"{where}.{key}" if where else key
            shown = json.dumps(value, ensure_ascii=False)
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            wrong.append(f"trường {name} cần {_described(hints[key])}, nhận được {shown}")
    return {key: value for key, value in raw.items() if key in names}


def _fits(value: object, hint: Any) -> bool:
    """Whether a JSON value can stand for a field of type `hint` (a record: checked on its own)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin is UnionType:
        return any(_fits(value, arg) for arg in args)
    if origin is dict:
        return isinstance(value, dict) and all(_fits(item, args[1]) for item in value.values())
    if origin is list:
        return isinstance(value, list) and all(_fits(item, args[0]) for item in value)
    if hint is NoneType:
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint in (Job, AccessInfo, AuthCode):
        return isinstance(value, dict)
    return isinstance(value, hint)


_DESCRIBED = {
    int: "một số nguyên",
    float: "một số",
    str: "một chuỗi",
    bool: "true hoặc false",
    dict: "một đối tượng JSON",
    NoneType: "null",
}


def _described(hint: Any) -> str:
    """What a field of type `hint` holds, in Vietnamese, for a message."""
    origin, args = get_origin(hint), get_args(hint)
    if origin is UnionType:
        return " hoặc ".join(_described(arg) for arg in args)
    if origin is dict:
        return f"một đối tượng JSON mà mỗi giá trị là {_described(args[1])}"
    if origin is list:
        return f"một danh sách mà mỗi phần tử là {_described(args[0])}"
    return _DESCRIBED.get(hint, "một đối tượng JSON")


def _stored_fields(body: dict) -> dict:
    """What the OA keeps from a create/update body (status defaults to `hide`)."""
    stored = {k: v for k, v in body.items() if k != "id"}
    stored.setdefault("status", "hide")
    stored.setdefault("comment", "show")
    return stored


def _slice_item(article: dict) -> dict:
    """One getslice `medias[]` item."""
    cover = article.get("cover")
    if not isinstance(cover, dict):
        cover = {}
    return {
        "id": article["id"],
        "type": article.get("type"),
        "title": article.get("title"),
        "status": article.get("status"),
        "create_date": article["create_date"],
        "update_date": article["update_date"],
        "total_view": article["total_view"],
        "total_share": article["total_share"],
        "thumb": cover.get("photo_url") or article.get("avatar") or "",
    }


def _token_reply(access: str, refresh: str, config: EmulatorConfig) -> dict:
    """The token endpoint's answer: the pair and the access token's lifetime (as a string when
    the emulator plays the servers that send it so)."""
    ttl = int(config.access_token_ttl)
    return {
        "access_token": access,
        "refresh_token": refresh,
        "expires_in": str(ttl) if config.expires_in_as_string else ttl,
    }
