"""Zalo OA sync: make the OA's articles match output/zalo/, never publishing a bulletin twice.

State (state/zalo.json, one record per bulletin key): `article_id`, `status` (live | hidden |
removed), `digest` (sha256 of the payload Zalo has), `title`, `source`, timestamps, plus the
in-flight markers that make a crash at any point safe to re-run:

- `pending_create` {digest, title, content, at}: saved *before* `article/create` is sent, kept
  until the article id is known. A record that has it but no `token` means the reply may have
  been lost: the next run looks the article up by the title and content that were sent
  (getslice, getdetail) before creating (contract §3.5), and creates it again only once
  [zalo] lost_create_wait has passed since `at` (Zalo may not list an article still being
  processed). Without `content` (older versions), the
  content is today's payload's when `digest` is today's build; otherwise an article found by
  title alone is a person's call (NeedsPerson; --zalo-overwrite takes it, --zalo-create-anyway
  drops the lost create, leaves that article alone and creates the bulletin anew).
- `token`, `token_digest`, `token_at`: saved as soon as create/update answers. A record with a
  token is verified next, never created again. A job Zalo still calls processing (-214)
  [zalo] stuck_job_hours after `token_at` is given up on: an update is sent again; a create
  becomes a lost create whose `pending_create` has `stuck`, taken when found, and otherwise a
  person's call (NeedsPerson) rather than created again after lost_create_wait, as Zalo may
  still finish it; --zalo-overwrite creates it again. A stuck hide is sent again. What a
  given-up job keeps is decided in one place, ZaloSyncer._drop_job.
- `given_up` [{token, content, digest, shows, at, given_up_at}]: a stuck update or hide given
  up on (or an update in flight that a hide replaced), which Zalo may still apply over what the
  tool sent since. Each run asks Zalo about it once (no waiting) until Zalo ends it; if the
  article is then that job's version, today's is sent again. Its content is accepted as the
  tool's too, so an edit sent before that check is no refusal. After WATCH_TIMES ×
  stuck_job_hours it is asked about no more (told once), kept in `late_content`
  [{content, shows}] (the first version to keep it wrote content digests alone: read as
  updates, see zalo_records.late_jobs).
- `late_checked_at`, `late_check_until`: a job no longer asked about may still be applied by
  Zalo. Its article is read (getdetail) once every stuck_job_hours until `late_check_until`
  (LATE_CHECK_TIMES × stuck_job_hours after the watch ended); found as one of those jobs
  left it (its content, shown or hidden) against the record, it is put right
  (zalo_late.check_late); found otherwise changed, a person did it in the OA admin page and it
  is left alone; found deleted, the record is removed, so the next sync creates it again. Only records with `late_content`
  are read: a no-op sync of every other record still makes no call. `late_told` holds the hand
  change last told (its content digest, then show or hide), so each is told once, not at
  every check; forgotten once the article is the tool's again (a check finds it so, or Zalo
  confirms a version the tool sent: an update, a resend, a hide), so the same change made
  again is told again.
- `hide_token`, `hide_token_at`: a hide sent but not yet confirmed; `status` becomes `hidden`
  only once Zalo confirms it, so a hide Zalo failed is sent again by the next run.

The file's `meta` holds `oa_id`, the OA its records are articles of ([zalo] oa_id when the
sync ran). A unit renamed or merged may move to another OA: its article ids mean nothing there,
and each bulletin would read as already on Zalo. A sync whose oa_id is not the recorded one
therefore sends nothing and says how to start the new OA's records (see _other_oa).

What guards an article the tool did not post (or that someone edited by hand since):

- `content`: content_digest (publish.sync.zalo_lookup) of the article as the tool last left it,
  set wherever `digest` is, once an article is verified, adopted or reconciled. Before an update,
  hide or remove of an existing article the syncer reads it (getdetail; a hide reads it anyway)
  and refuses (NeedsPerson, exit 1) when its content is none the tool knows: an OA admin edited
  it, or state/zalo.json was edited to point at another article. `publish sync
  --zalo-overwrite <key or file>` lets it through, and sends the repository's version even when
  the bulletin did not change (a withdrawn one's hidden article is hidden again). No-ops and
  creates cost no extra call.
- `sending_content`: saved *before* an update is sent, and `token_content` with its token: the
  content that update carries. Both are accepted too, so a crash after Zalo applied an update
  but before the run saved its token never reads as a hand edit; `content` takes
  `token_content` once the token is verified, and `sending_content` keeps it when Zalo no
  longer knows the token (-201: the update may have been applied). A version found on Zalo
  that is one of these becomes `content`, before the next update overwrites the others.
- An article is «deleted» (the record removed, the bulletin created again) only when getdetail
  refuses its id (-201) *and* the OA's list of articles no longer holds it: -201 is «invalid
  parameter» (zalo-oa-api.md §5), and what Zalo answers for a deleted article is not
  documented; one still listed is left as it is, and the action fails until it can be read
  (ArticleLookup.detail), never posted twice.

Apply runs in two phases: every create/update is sent first (bounded by [zalo] concurrency), then
the tokens are verified in `follow_up`, by which time Zalo has mostly finished processing them,
so waiting for Zalo does not serialise the whole run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from publish.config import Config
from publish.correction_text import when
from publish.errors import NeedsPerson, PublishError
from publish.git_restore import last_good
from publish.long_lived import long_lived
from publish.model import Bulletin, Site
from publish.render.zalo_path import payload_path
from publish.sync.base import SUMMARY_BUCKETS, Action, test_hooks_allowed
from publish.sync.manifest import Manifest, journal_path
from publish.sync.vanished import refuse_many_gone
from publish.sync.zalo_deleted import deleted_check_due, find_deleted
from publish.sync.zalo_forget import forget_records, forgotten_lines, keep_forgetting
from publish.sync.zalo_late import (
    KEEP_DELETED,
    LATE_CHECK_TIMES,
    check_late,
    late_due,
    late_until,
)
from publish.sync.zalo_lookup import (
    ArticleLookup,
    Unreadable,
    age,
    content_digest,
    detail_body,
    utc_stamp,
)
from publish.sync.zalo_payloads import PayloadMemo
from publish.sync.zalo_plan import (
    FORGET_PENDING,
    SAME_TEXT,
    Local,
    Observed,
    body_digest,
    plan_actions,
    same_title,
)
from publish.sync.zalo_reconcile import reconcile, stopped
from publish.sync.zalo_records import (
    check_records_once,
    forget_command,
    hidden_ids,
    late_content,
    late_jobs,
)
from publish.sync.zalo_twins import find_twins
from publish.sync.zalo_unrecorded import (
    CREATE_ANYWAY,
    Unlisted,
    checked_keys,
    dry_check,
    not_checked,
    refuse_unrecorded,
    shell_argument,
)
from publish.text import vn_datetime
from publish.timings import wait_vi
from publish.zalo.errors import (
    OPERATIONS,
    NotVerified,
    StillProcessing,
    ZaloError,
    ZaloUncertainError,
    ZaloUnreachable,
)
from publish.zalo.owner import OaUnconfirmed, Stakes, confirm_oa

if TYPE_CHECKING:
    from publish.zalo.client import ZaloClient

__all__ = ["ZaloSyncer", "make_syncer", "not_configured"]

OVERWRITE = "--zalo-overwrite"
LOGIN_FAILURES = frozenset({-216, -220, -242, -14003, -14014})
"""Zalo's refusals of the token or app login itself: every call of the run meets them."""

_NO_JOB: dict[str, Any] = {
    "token": None,
    "token_digest": None,
    "token_content": None,
    "token_at": None,
}
"""A record's fields of a create or update job, cleared once the job is verified or given up."""
_NO_HIDE: dict[str, Any] = {"hide_token": None, "hide_token_at": None}
"""A record's fields of a hide job, cleared once Zalo confirms or fails it, or it is given up."""
_IDLE: dict[str, Any] = {
    **_NO_JOB,
    **_NO_HIDE,
    "pending_create": None,
    "sending_content": None,
    "given_up": None,
    "late_content": None,
    "late_checked_at": None,
    "late_check_until": None,
    "late_told": None,
}
"""No job of any kind in flight or watched: the record of a key with no article on the OA."""
_PUT_BACK: dict[str, Any] = {"late_told": None}
"""Zalo confirmed a version the tool sent (an update, --zalo-overwrite, the resend after a job
Zalo applied late, a hide): a hand change told before (zalo_late), made again after it, is
news again. Written with the confirmation, the one write every resend ends in."""

EDITED = "khi tệp bị sửa"
"""What spoiled state/zalo.json when an article no longer matches its record, for last_good."""
CHANNEL = "zalo"
STATE_NAME = "zalo.json"
OA_META = "oa_id"
"""state/zalo.json meta: the OA whose articles the records are."""
SYNC_STAKES = Stakes("không gửi gì", "để bản tin không lên nhầm OA khác")
"""What a sync does not do while the token is not known to be [zalo] oa_id's."""
SAMPLED = 3
"""Articles of an older version's records asked about to tell that they are on the OA; one
deleted by hand must not stop the sync, and all three deleted is rare enough to be told."""
CRASH_ENV = "PUBLISH_ZALO_CRASH_AT"
"""Test seam: "<point>:<n>" SIGKILLs this process the n-th time it reaches <point>."""


class _Wait(NamedTuple):
    """A client wait an environment variable may set: the setting, the longest value allowed,
    and whether 0 is one (no wait)."""

    setting: str
    most: float
    zero: bool = True


_LONGEST_WAIT = 120.0
"""The longest single wait a run makes (ClientSettings.retry_after_max, the longest Retry-After
it waits out; not read from there, which would load httpx with this module): a wait longer than
that, typed by mistake (1e9), held the run for years without a word."""
SETTINGS_ENV = {
    "ZALO_VERIFY_FIRST_DELAY": _Wait("verify_first_delay", _LONGEST_WAIT),
    # No 0: the polls of a job Zalo is still processing would follow each other with no pause.
    "ZALO_VERIFY_INTERVAL": _Wait("verify_interval", _LONGEST_WAIT, zero=False),
    "ZALO_VERIFY_TIMEOUT": _Wait("verify_timeout", 600.0),
    "ZALO_BACKOFF_BASE": _Wait("backoff_base", _LONGEST_WAIT),
    "ZALO_BACKOFF_MAX": _Wait("backoff_max", _LONGEST_WAIT),
    "ZALO_RATE_LIMIT_BACKOFF": _Wait("rate_limit_backoff", _LONGEST_WAIT),
    "ZALO_UNREACHABLE_WAIT": _Wait("unreachable_wait", _LONGEST_WAIT),
}
"""Optional environment overrides of the client's waits (seconds), each checked (`_wait_env`):
README “Biến môi trường của kênh Zalo”."""
CHECKED_KINDS = ("update", "withdraw", "remove")
"""Actions on an existing article, made only once it is found to be the tool's last version."""
STILL_GIVEN_UP = (
    "Zalo vẫn chưa xong yêu cầu cũ mà công cụ đã thôi chờ: lần đồng bộ sau hỏi lại (không cần "
    "làm gì)"
)
"""What a verify tells of a given-up job Zalo still calls processing (see _settle_given_up)."""
WATCH_TIMES = 7
"""A job given up on is asked about for this many times [zalo] stuck_job_hours (a week by
default) after it was given up, then no more.

Zalo answers -201 for a token it has forgotten, which ends the watch, and tokens are thought to
live an hour (zalo-oa-api.md §3.4 [U]): a job still processing a week after it was given up is
one Zalo will most likely never finish. Every run that asks must log in, exchanging the
single-use refresh token (§4), in a run that has nothing else to do: unbounded, a stuck job made
every no-op sync of the unit spend one for ever. A newer version that Zalo confirmed and the
article shows is no bound: the contract says nothing of the order in which Zalo applies the
jobs of one article, and the emulator's stuck job lands after any later one."""
UNCHECKED_IN_DRY_RUN = (
    "Chạy thử không đọc bài trên Zalo nên chưa kiểm tra bài bị sửa tay: lần chạy thật kiểm tra "
    "và để nguyên bài bị sửa tay (mã thoát 1)."
)


def _nfc(text: object) -> str:
    """`text` composed (NFC), "" when it is not text."""
    return unicodedata.normalize("NFC", text) if isinstance(text, str) else ""


def _same_text_note(count: int, live: int) -> str:
    """What the operator is told when most articles are updated while their bulletins kept
    their title and body."""
    return (
        f"{count}/{live} bài trên Zalo được cập nhật dù tiêu đề và thân bản tin không đổi: nhiều "
        "bài cùng đổi như vậy thường là vì site.toml đổi (đơn vị đổi tên, website chuyển địa "
        "chỉ, ảnh bìa mặc định mới) hoặc vì bản publish mới viết bài Zalo khác đi. Bài được sửa "
        "tại chỗ trên OA: không tạo bài mới, không gửi tin nhắn cho người quan tâm."
    )


def _body_digest(bulletin: Bulletin, entry: Mapping[str, Any] | None, digest: str) -> str:
    """The sha256 of a bulletin's body, or the one its record keeps when the record is of this
    very payload (`digest`).

    A body digest is compared only for a key with no record (a renamed slug) and written only
    into a record that changes; a record of this very payload, which a sync with nothing to
    send leaves as it is, keeps its own. At 10,000 bulletins unpacking and hashing every body
    cost a no-op sync ~50 ms.
    """
    kept = entry.get("body_digest") if entry and entry.get("digest") == digest else None
    if isinstance(kept, str) and kept:
        return kept
    return body_digest(bulletin)


def _corrected(bulletin: Bulletin) -> str:
    """When the bulletin's latest correction was made, as the plan says it («lúc 14:30 ngày
    2/12/2026», «ngày 2/12/2026» when written as a day), "" when it has none."""
    if not bulletin.corrections:
        return ""
    latest = bulletin.corrections[-1]
    return f"lúc {when(latest)}" if latest.timed else when(latest)


def _client_settings(config: Config, env: Mapping[str, str]) -> dict[str, Any]:
    """Client overrides: [zalo] concurrency, rate limit and 429 wait budget, and waits from the
    environment when set."""
    values: dict[str, Any] = {
        "concurrency": max(1, config.zalo.concurrency),
        "rate_limit_per_minute": max(0, config.zalo.rate_limit_per_minute),
        "retry_after_budget": float(max(0, config.zalo.rate_limit_wait)),
        "create_214_made_nothing": config.zalo.create_214_made_nothing,
        "list_total_counts_hidden": config.zalo.list_total_counts_hidden,
    }
    for name, wait in SETTINGS_ENV.items():
        if env.get(name):
            values[wait.setting] = _wait_env(name, env[name], wait)
    return values


def _renewed_unconfirmed(client: ZaloClient) -> str:
    """What a stop for want of a connection adds when this run has just renewed
    ZALO_REFRESH_TOKEN into a token file that names no OA yet (see owner._just_refreshed)."""
    return (
        " Lần chạy này vừa làm mới ZALO_REFRESH_TOKEN và lưu cặp token mới vào tệp "
        f"{client.tokens.token_file.path}, nhưng chưa xác nhận được token là của OA nào, nên "
        "chưa dùng nó để gửi gì: đừng xóa tệp đó (hay cache chứa nó) và đừng đổi bí mật "
        "ZALO_REFRESH_TOKEN; lần chạy sau hỏi lại Zalo."
    )


def _wait_env(name: str, value: str, wait: _Wait) -> float:
    """The seconds environment variable `name` sets `wait` to, or the error naming it, the
    range allowed and the default: a negative wait, nan or inf stopped the run at its first
    retry with Python's words, and 1e9 waited for years."""
    import argparse

    # Here, not at the top: the arguments' module loads the radio's (and markdown), which a
    # sync with nothing to send never needs; the client (httpx) is being built anyway.
    from publish.commands.arguments import seconds
    from publish.zalo.client import ClientSettings

    try:
        number: float | None = seconds(value)  # finite, 0 or more
    except argparse.ArgumentTypeError:
        number = None
    if number is None or number > wait.most or (number == 0 and not wait.zero):
        most = wait_vi(wait.most).removesuffix(" giây")
        allowed = f"từ 0 đến {most}" if wait.zero else f"lớn hơn 0 và không quá {most}"
        default = f"{getattr(ClientSettings, wait.setting):g} giây"  # as it may be written
        raise PublishError(
            f"Biến môi trường {name} cần là số giây {allowed}, không phải «{value}». Cách "
            f"sửa: sửa giá trị (số thập phân viết dấu chấm, ví dụ 0.5), hoặc bỏ biến để dùng "
            f"mặc định ({default})."
        )
    return number


class ZaloSyncer:
    """observe → plan → apply for the Zalo OA (see the module docstring for the state)."""

    name = CHANNEL

    def __init__(
        self,
        config: Config,
        *,
        site: Site,
        output: Path,
        state: Path,
        cache: Path | None = None,
        reconcile: bool = False,
        dry_run: bool = False,
        overwrite: Sequence[str] = (),
        create_anyway: Sequence[str] = (),
        forget: Sequence[str] = (),
        confirmed: bool = False,
        client: ZaloClient | None = None,
        env: Mapping[str, str] | None = None,
        echo: Callable[[str], None] = print,
        seen: tuple[dict[str, tuple[int, int, int, int]], int] | None = None,
    ) -> None:
        self.config = config
        self.seen = seen
        """The payloads' stats, and since when, as the replay took them (see PayloadMemo)."""
        self.site = site
        self.output = output / CHANNEL
        self.state_path = state / STATE_NAME
        self.cache = cache
        """The project's .cache/, where what the last sync read of the payloads is kept (None:
        every payload is read)."""
        self.reconcile = reconcile
        self.dry_run = dry_run
        self.overwrite_names = tuple(overwrite)
        self.create_anyway_names = tuple(create_anyway)
        """--zalo-create-anyway: bulletins created although the OA holds an article of their title."""
        self.forget_names = tuple(forget)
        """--zalo-forget: records dropped for --reconcile to rebuild (see zalo_forget)."""
        self.forgotten: dict[str, str] = {}
        """The records --zalo-forget dropped, and why, by key."""
        self.confirmed = confirmed
        """--confirm-withdrawal: most live articles may be withdrawn at once (see vanished)."""
        self.overwrite: frozenset[str] = frozenset()
        """Keys whose article may be changed although it is not the tool's last version."""
        self.env = os.environ if env is None else env
        self.echo = echo
        self.concurrency = max(1, config.zalo.concurrency)
        self._client = client
        self._client_lock = threading.Lock()
        self.lookup = ArticleLookup(
            lambda: self.client, lambda: hidden_ids(self.records.entries().values())
        )
        self._buckets: dict[str, str] = {}
        self._notable: set[str] = set()
        self._to_verify: list[str] = []
        self._queue_lock = threading.Lock()
        self._crashes: dict[str, int] = {}
        self._prepared = False
        self.manifest: Manifest | None = None
        self.observed: Observed | None = None
        self.bulletins: dict[str, Bulletin] = {}
        self.plan_note = ""
        """What the reader of the plan must know about it (a dry run checks no hand edit)."""
        self.unasked = ""
        """Why a dry run could not ask the OA about the bulletins it would create ("": it did,
        or had none to ask about)."""
        self.asked_oa = False
        """Whether this dry run read the OA's articles (see dry_check)."""
        self.unlisted: Unlisted | None = None
        """Creates put off because Zalo did not list the OA's articles (see zalo_unrecorded)."""
        self.sent_creates: set[str] = set()
        """Keys this run sent article/create for (see zalo_twins)."""
        self._prepare_error: PublishError | None = None
        """How prepare() failed, raised again by every later call instead of asking again."""
        self._renewal: bool | None = None
        """renewal_due's answer, read from the token file once a run."""

    # --- wiring --------------------------------------------------------------------------------

    @property
    def client(self) -> ZaloClient:
        """The Zalo client, built from the environment on first use (a dry run needs none)."""
        with self._client_lock:
            if self._client is None:
                from publish.zalo.client import ZaloClient  # httpx: only when Zalo is called

                self._client = ZaloClient.from_env(
                    self.env,
                    oa_id=self.config.zalo.oa_id.strip(),
                    project=Path(self.config.root),
                    **_client_settings(self.config, self.env),
                )
            return self._client

    @property
    def records(self) -> Manifest:
        """The state file as observe() loaded it."""
        if self.manifest is None:
            raise RuntimeError("ZaloSyncer.observe() has not run")
        return self.manifest

    def prepare(self) -> None:
        """Log in before applying: a missing or refused login is then one configuration error
        (exit 1), not a failure of every action, and the token refresh happens before any
        concurrent call (see ZaloClient.login). Then make sure the token is the OA's that
        site.toml names. Done once, whether observe (for --reconcile) or the run asks first."""
        if self._prepared:
            return
        if self._prepare_error is not None:
            # Asked once (zalo_deleted's login, then idle's or the run's): a second try would
            # repeat the retries and waits of the first for the same answer.
            raise self._prepare_error
        try:
            self.client.login()
            self._check_oa()
        except PublishError as error:
            self._prepare_error = error
            raise
        self._prepared = True

    def idle(self) -> None:
        """With nothing to send, still renew an access token that has expired (about daily).

        Zalo ends a refresh token left unused for about three months, and a revoked one is only
        found when it is used: a no-op run that never logged in kept the scheduled CI green
        while the token died, until a bulletin had to reach Zalo. Only where a token file
        exists (a machine that syncs: CI, a self-hosted runner); a transient failure is a
        warning, one only a person can fix (-14014, a withdrawn permission) the channel's error.
        """
        if self._prepare_error is None:
            if self._prepared:
                return  # observe() logged in already, to list the OA's articles (zalo_deleted)
            if not self.renewal_due():
                return
        try:
            self.prepare()
        except ZaloUnreachable as error:
            if error.unconfirmed:
                raise  # renewed from ZALO_REFRESH_TOKEN, its OA unconfirmed: exit 3, as a 5xx
            # login() renewed the token; only the OA check that follows found no connection.
            self.echo(
                "zalo: cảnh báo: không có gì để gửi; token Zalo đã hết hạn đã được làm mới, "
                f"nhưng chưa kiểm tra được token thuộc OA nào vì {error.unreachable} khi "
                f"{OPERATIONS['getoa']}. Không cần làm gì: lần đồng bộ sau kiểm tra lại."
            )
        except OaUnconfirmed:
            raise  # renewed, its OA unconfirmed: nothing may be sent with it (exit 3, as a send)
        except ZaloError as error:
            if error.stops_channel:
                raise
            self.echo(
                f"zalo: cảnh báo: không có gì để gửi, nhưng chưa làm mới được token Zalo đã hết "
                f"hạn ({error}). Không cần làm gì: lần đồng bộ sau thử lại."
            )

    def renewal_due(self) -> bool:
        """Whether this machine keeps a token file whose access token must be renewed before
        its next call, with the app credentials to renew it (not an editor's machine); read
        once a run, as both idle and the hand-deletion check ask (see zalo_deleted)."""
        from publish.zalo.tokens import ENV_APP_ID, ENV_APP_SECRET, renewal_due

        if self._renewal is None:
            credentials = bool(self.env.get(ENV_APP_ID) and self.env.get(ENV_APP_SECRET))
            self._renewal = credentials and renewal_due(self.env, self.config.zalo.oa_id.strip())
        return self._renewal

    def _check_oa(self) -> None:
        """Refuse to send anything when the token belongs to another OA than [zalo] oa_id.

        A unit may hold a test OA besides its real one, and CI secrets are easy to mix up: the
        articles would go to the wrong OA, and its state records to this project. Zalo's own
        answer decides (getoa, see publish.zalo.owner); when it names no OA id (its field name
        is unconfirmed) or the call is refused, the sync goes on with a warning, unless the
        token comes from a file that names no OA either.
        """
        error = self._oa_error()
        waited = 0.0
        if error is not None and error.unreachable:
            # The retries span a few seconds; a DNS or network blip may last longer, and
            # stopping holds every article until the next scheduled run: one longer wait first.
            waited = self.client.settings.unreachable_wait
            self.echo(
                f"zalo: {error.unreachable} khi {OPERATIONS['getoa']}; chờ {wait_vi(waited)} "
                "rồi thử lại."
            )
            self.client.pause(waited)
            error = self._oa_error()
        if error is None:
            return
        if error.stops_channel and error.code in LOGIN_FAILURES:
            # A login only a person can fix fails every later call too: told once, as the
            # channel's error, not first as a warning about the OA check, then again in Zalo's
            # generic words by the first action. (A permission getoa alone lacks, -223, still
            # leaves the articles to sync.)
            raise error
        if error.unreachable:
            # Every article would meet the same refusal after retries of its own: ~80 lines
            # for 20 articles said nothing the first did not.
            retries = self.client.settings.max_retries
            stop = ZaloUnreachable(
                f"Dừng kênh Zalo: {error.unreachable} khi {OPERATIONS['getoa']}, đã thử lại "
                f"{retries} lần, chờ {wait_vi(waited)} rồi thử thêm {retries + 1} lần nữa. "
                "Không gọi Zalo cho từng bài trong lần chạy này (mọi lần gọi khác cũng sẽ thất "
                "bại như vậy); chưa gửi gì, các bài được gửi ở lần chạy sau. Cách sửa: kiểm tra "
                "kết nối mạng của máy chạy đồng bộ (và ZALO_API_BASE nếu có đặt) rồi chạy lại."
                + (_renewed_unconfirmed(self.client) if isinstance(error, OaUnconfirmed) else ""),
                unreachable=error.unreachable,
            )
            # A token just renewed from ZALO_REFRESH_TOKEN into a file naming no OA is as
            # unconfirmed as after a 5xx (OaUnconfirmed): idle() must not call it a warning.
            stop.unconfirmed = isinstance(error, OaUnconfirmed)
            raise stop from None
        if isinstance(error, OaUnconfirmed):
            raise error  # a token file naming no OA is not used unconfirmed (exit 3: Zalo's fault)
        self.echo(f"zalo: cảnh báo: không kiểm tra được token thuộc OA nào ({error}).")

    def _oa_error(self) -> ZaloError | None:
        """Check the token's OA (see _check_oa): the ZaloError it failed with, None once done."""
        try:
            confirm_oa(self.client, self.config.zalo.oa_id.strip(), SYNC_STAKES)
        except ZaloError as error:
            return error
        return None

    def _crash(self, point: str) -> None:
        """SIGKILL this process at a named point when PUBLISH_ZALO_CRASH_AT asks, only where
        test hooks may act (base.test_hooks_allowed); a count that is no number is ignored."""
        wanted = self.env.get(CRASH_ENV, "")
        name, _, count = wanted.partition(":")
        if name != point or not test_hooks_allowed(self.env):
            return
        if not (count or "1").isdigit():
            return
        with self._queue_lock:
            self._crashes[point] = self._crashes.get(point, 0) + 1
            if self._crashes[point] >= int(count or 1):
                os.kill(os.getpid(), signal.SIGKILL)

    def _set(self, key: str, **changes: Any) -> None:
        """Change one record and save the state file; a None value removes the field."""
        entry = self.records.get(key) or {}
        for name, value in changes.items():
            if value is None:
                entry.pop(name, None)
            else:
                entry[name] = value
        self.records.put(key, entry)

    # --- observe -------------------------------------------------------------------------------

    def observe(self) -> Observed:
        """Read the state file and the built payloads (those whose stat is the one the last sync
        read them with are taken from its memo, see publish.sync.zalo_payloads), and, with
        --reconcile, the OA's articles."""
        with long_lived():  # every record is kept to the end of the run
            self.manifest = Manifest.load(
                self.state_path, CHANNEL, recover=self.reconcile, read_only=self.dry_run
            )
        self.forgotten = forget_records(
            self.manifest, self.forget_names, self.config.root, reconcile=self.reconcile
        )
        records = self.manifest
        check_records_once(self.state_path, records.as_read(), records.digest, self.cache)
        content = self.config.root / "content"
        refuse_many_gone(self.manifest.as_read(), content, self.site, confirmed=self.confirmed)
        self._same_oa(self.manifest)
        local: dict[str, Local] = {}
        with long_lived():
            recorded = self.records.entries()
            payloads = PayloadMemo(self.cache, self.output, self.seen)
            self._read_payloads(payloads, recorded, local)
        if not self.dry_run:
            payloads.save()
        if self.forgotten:
            titles = {key: item.title for key, item in local.items()}
            self.echo(forgotten_lines(self.forgotten, titles, self.dry_run))
        names, chosen_names = self._article_named()
        self.overwrite = self._named_keys(names, OVERWRITE, local, recorded)
        chosen = {
            key: article
            for name, article in chosen_names.items()
            for key in self._named_keys([name], OVERWRITE, local, recorded)
        }
        anyway = self._named_keys(self.create_anyway_names, CREATE_ANYWAY, local, recorded)
        if deleted_check_due(self):
            find_deleted(self, local)
            recorded = self.records.entries()
        if not self.reconcile and not self.dry_run and any(k not in recorded for k in local):
            self.prepare()  # the OA is asked only once the token is known to be its own
            self._refuse_unrecorded(local, recorded, anyway)
        elif self.dry_run and not self.reconcile and checked_keys(local, recorded, anyway):
            oa_id = self.config.zalo.oa_id.strip()
            where = (self.state_path, local, recorded, anyway)
            self.unasked = dry_check(lambda: self.client, oa_id, SYNC_STAKES, *where)
            self.asked_oa = not self.unasked
        if self.reconcile:
            # Reconcile reads the OA's articles: only once the token is known to be this OA's,
            # or another unit's OA would mark this one's records removed and adopt its articles.
            try:
                self.prepare()
            except ZaloError as error:
                if error.stops_channel:
                    raise
                raise stopped(error, "chưa kiểm tra được OA của token (getoa)") from None
            try:
                reconcile(
                    self.client,
                    self.records,
                    local,
                    dry_run=self.dry_run,
                    echo=self.echo,
                    create_anyway=anyway,
                    overwrite=self.overwrite,
                    chosen=chosen,
                    typed={
                        key: name
                        for name in self.create_anyway_names
                        for key in self._named_keys([name], CREATE_ANYWAY, local, recorded)
                    },
                )
            except PublishError as error:
                if not self.forgotten:
                    raise
                # The commands it offers, run without them, would meet those records again.
                raise PublishError(f"{error} {keep_forgetting(self.forget_names)}") from None
        published = {b.key for b in self.site.bulletins}
        entries = self.records.entries() if self.reconcile else recorded
        watched = [k for k, e in entries.items() if e.get("given_up")]
        for key in watched:
            entries[key] = self._stop_watching(key, entries[key])
        if watched and not self.dry_run:
            self.records.flush()  # a run with nothing to apply never flushes the journal
        self.observed = Observed(
            local=local,
            entries=entries,
            excluded={e.bulletin.key: e.reason for e in self.site.excluded},
            off_channel=frozenset(published - set(local)),
            on_withdraw=self.config.zalo.on_withdraw,
            base_url=self.config.base_url,
            overwrite=self.overwrite,
            late_due=frozenset(
                k for k, e in entries.items() if late_due(e, self.config.zalo.stuck_job_hours)
            ),
            create_anyway=anyway,
        )
        return self.observed

    def _read_payloads(
        self,
        payloads: PayloadMemo,
        recorded: Mapping[str, Mapping[str, Any]],
        local: dict[str, Local],
    ) -> None:
        """Fill `local` with each bulletin's built payload for Zalo (see PayloadMemo)."""
        for bulletin in self.site.for_channel(CHANNEL):
            rel = payload_path(bulletin)
            digest, title = payloads.payload(rel, bulletin.source)
            self.bulletins[bulletin.key] = bulletin
            local[bulletin.key] = Local(
                key=bulletin.key,
                source=bulletin.source,
                title=title,
                path=payloads.where(rel),
                digest=digest,
                body_digest=_body_digest(bulletin, recorded.get(bulletin.key), digest),
                corrected=_corrected(bulletin),
                page=bulletin.url,
                has_id=bulletin.has_id,
            )

    def _refuse_unrecorded(
        self,
        local: Mapping[str, Local],
        recorded: Mapping[str, Mapping[str, Any]],
        anyway: frozenset[str],
    ) -> None:
        """refuse_unrecorded; when Zalo does not list the OA's articles, put off only the
        creates that listing checks: the run's updates and withdrawals go on."""
        try:
            refuse_unrecorded(self.client, self.state_path, local, recorded, anyway=anyway)
        except ZaloError as error:
            if error.stops_channel:
                raise  # a login only a person can fix: every other call would fail too
            self.unlisted = Unlisted(checked_keys(local, recorded, anyway), error)

    def _same_oa(self, manifest: Manifest) -> None:
        """Stop (nothing sent) when the records are of another OA than [zalo] oa_id; else note
        the OA in the file, saved at once when it holds records (an older version's: a later
        switch would go unseen). An empty manifest (a first run's, or the one --reconcile starts
        from when the file is damaged) is saved with its first record, never before: an empty
        file in place of the damaged one would read as "nothing on Zalo yet" if the
        reconcile then failed."""
        wanted = self.config.zalo.oa_id.strip()
        recorded = str(manifest.meta.get(OA_META) or "").strip()
        on_zalo = any(_on_zalo(e) for e in manifest.entries().values())
        if recorded and recorded != wanted and on_zalo:
            raise PublishError(_other_oa(self.state_path, recorded, wanted))
        if not on_zalo and not self.reconcile:
            kept = self.state_path.with_name(f"zalo-oa-{wanted}.json")
            back = _moves(kept, self.state_path)
            if back:
                raise PublishError(_kept_records(self.state_path, kept, wanted, back))
        if not recorded and on_zalo and not self.reconcile and not self.dry_run:
            self._records_on_oa(manifest, wanted)
        if recorded != wanted and not self.dry_run:
            manifest.meta[OA_META] = wanted
            # Records dropped by --zalo-forget are written by the reconcile, once it matched
            # their articles: a save here would lose them if it then stopped.
            if len(manifest) and not self.forgotten:
                manifest.save()

    def _records_on_oa(self, manifest: Manifest, wanted: str) -> None:
        """Make sure records an older version wrote (no OA in meta) are the articles of the OA
        this sync logs in to: raise when none of the last SAMPLED articles is there, or when
        Zalo could not be asked (exit 3, nothing sent: the next run asks again).

        Upgrading and switching OA in one change would otherwise take the old OA's records for
        the new one's: every bulletin read as already on Zalo, nothing created there, and the
        next edit refused. Article ids say nothing of their OA, so Zalo is asked (getdetail),
        once, on the run that writes the OA into the file. Going on unchecked would be that
        very mistake, at every run for as long as Zalo does not answer. Live articles are asked
        about first: a withdrawn bulletin's hidden one is the likelier to have been deleted by
        hand.
        """
        shown = [
            e
            for e in manifest.entries().values()
            if e.get("article_id") and e.get("status") in ("live", "hidden")
        ]
        newest = sorted(
            shown,
            key=lambda e: (e.get("status") == "live", str(e.get("synced_at") or "")),
            reverse=True,
        )
        sample = [str(e["article_id"]) for e in newest[:SAMPLED]]
        if not sample:
            return  # only creates in flight: their lookup is by title on this OA
        self.prepare()  # refused: the channel stops as the run's own prepare() would
        try:
            if any(self._detail(article_id) is not None for article_id in sample):
                return
        except ZaloError as error:
            raise ZaloError(
                f"chưa kiểm tra được các bài state/{self.state_path.name} ghi có trên OA "
                f"{wanted} không ({error}). Tệp do bản publish cũ viết nên không ghi mã OA, và "
                "công cụ phải thấy bài của nó trên OA này trước khi đồng bộ (nếu đơn vị vừa đổi "
                "OA, mọi bản tin sẽ bị coi là đã có trên OA mới): không gửi gì lên Zalo. Lần "
                "đồng bộ sau kiểm tra lại (không cần làm gì; lỗi lặp lại nhiều lần thì xem "
                "thông báo của Zalo ở trên).",
                code=error.code,
                api_message=error.api_message,
                operation=error.operation,
                http_status=error.http_status,
            ) from None
        raise PublishError(_upgraded_other_oa(self.state_path, len(sample), wanted))

    def _stop_watching(self, key: str, entry: dict[str, Any]) -> dict[str, Any]:
        """The record without the given-up jobs watched for WATCH_TIMES × stuck_job_hours
        (saved, and told once, unless a dry run); their content stays the tool's (late_content)."""
        limit = WATCH_TIMES * self.config.zalo.stuck_job_hours * 3600
        jobs = entry["given_up"]
        over = [j for j in jobs if age(j.get("given_up_at") or j.get("at")) >= limit]
        if not over:
            return entry
        late = late_jobs(entry) | {(j.get("content"), j.get("shows") is True) for j in over}
        changes = {
            "given_up": [j for j in jobs if j not in over] or None,
            "late_content": late_content({job for job in late if job[0]}),
            # The watch asked Zalo just now: the article is read a period later.
            "late_checked_at": utc_stamp(),
            "late_check_until": late_until(self.config.zalo.stuck_job_hours),
        }
        if not self.dry_run:
            self._set(key, **changes)
        for job in over:
            self.echo(self._unwatched(key, entry, job))
        return {k: v for k, v in {**entry, **changes}.items() if v is not None}

    def _unwatched(self, key: str, entry: Mapping[str, Any], job: Mapping[str, Any]) -> str:
        """What the operator is told once, when a given-up job is no longer asked about."""
        what = "bản cập nhật" if job.get("shows") else "lệnh ẩn"
        hours = f"{WATCH_TIMES * self.config.zalo.stuck_job_hours:g}".replace(".", ",")
        return (
            f"zalo: lưu ý: {entry.get('source') or key}: thôi hỏi Zalo về {what} bài "
            f"{entry.get('article_id')} «{entry.get('title', '')}» gửi{self._at(job.get('at'))}: "
            f"công cụ đã thôi chờ yêu cầu đó rồi hỏi lại thêm {hours} giờ mà Zalo vẫn báo «đang "
            "xử lý», nên nhiều khả năng Zalo không bao giờ xong nó; hỏi tiếp thì lần đồng bộ nào "
            "cũng phải đăng nhập Zalo. Không cần làm gì: trong "
            f"{self._days(LATE_CHECK_TIMES)} ngày tới, mỗi {self._hours()} giờ công cụ đọc lại bài "
            "này một lần, thấy Zalo làm muộn yêu cầu đó (bài trở về bản cũ hơn, bị ẩn hay hiện "
            "lại) thì tự gửi lại bản hiện hành. Sau đó, nếu thấy bài trên OA không còn là bản "
            "hiện hành, hãy sửa bản tin rồi đồng bộ: công cụ gửi lại bản mới và không coi bản cũ "
            "đó là bài bị sửa tay (bản tin đã rút thì ẩn bài trong trang quản trị OA)."
        )

    def _days(self, times: int) -> str:
        """`times` × [zalo] stuck_job_hours in days, as a message writes it (21, 1,5)."""
        return f"{times * self.config.zalo.stuck_job_hours / 24:g}".replace(".", ",")

    def _at(self, stamp: str | None) -> str:
        """« lúc <time on the site's clock>» for an ISO time from the state file, or ""."""
        try:
            sent = dt.datetime.fromisoformat(stamp or "")
        except ValueError:
            return ""
        return f" lúc {vn_datetime(sent.astimezone(self.config.tz))}" if sent.tzinfo else ""

    def _article_named(self) -> tuple[list[str], dict[str, str]]:
        """--zalo-overwrite's names, and the article each `TỆP=MÃ_BÀI` one names (--reconcile)."""
        names: list[str] = []
        chosen: dict[str, str] = {}
        for name in self.overwrite_names:
            head, _, article = name.rpartition("=")
            if not head or not article or os.path.lexists(Path(self.config.root) / name):
                names.append(name)
                continue
            if not self.reconcile:
                raise PublishError(
                    f"{OVERWRITE} {name}: mã bài sau dấu «=» chỉ dùng với --reconcile (chọn bài "
                    f"trên Zalo cho bản tin). Chạy lại: publish sync zalo --reconcile {OVERWRITE} "
                    f"{name}"
                )
            names.append(head)
            chosen[head] = article
        return names, chosen

    def _named_keys(
        self,
        names: Sequence[str],
        option: str,
        local: Mapping[str, Local],
        entries: Mapping[str, Mapping[str, Any]],
    ) -> frozenset[str]:
        """The keys `option` names (a key, or a bulletin file from the project root)."""
        keys: set[str] = set()
        root = Path(os.path.abspath(self.config.root))  # «.» unless --root names a folder
        for name in names:
            path = Path(name)
            if path.is_absolute() and path.is_relative_to(root):
                path = path.relative_to(root)
            # A record written on a Mac spells «ạ» as two characters (NFD), as its disk did.
            source = unicodedata.normalize("NFC", path.as_posix())
            found = {k for k, item in local.items() if name == k or source == _nfc(item.source)}
            found |= {k for k, e in entries.items() if name == k or source == _nfc(e.get("source"))}
            if not found:
                raise PublishError(
                    f"{option} {name}: không có bản tin nào có khóa hay tệp này (trong "
                    "bản dựng hoặc state/zalo.json). Ghi khóa của bản tin (trường id, ví dụ "
                    "bt-001) hoặc đường dẫn tệp tính từ gốc dự án, ví dụ "
                    "content/bai-viet/ten-bai.md."
                )
            keys |= found
        return frozenset(keys)

    # --- plan ----------------------------------------------------------------------------------

    def plan(self, observed: Observed) -> list[Action]:
        """The pure plan (see plan_actions), with a note when a dry run leaves hand edits, or
        articles of bulletins the state file has no record of, unchecked."""
        actions = plan_actions(observed)
        notes = []
        if self.unlisted is not None:
            actions = self.unlisted.postpone(actions)
            notes.append(self.unlisted.note(actions))
        same = sum(1 for a in actions if a.reason == SAME_TEXT)
        # One bulletin's new summary is no news; most articles changing at once is site.toml's.
        if same >= 2:
            entries = observed.entries
            live = sum(1 for k in observed.local if (entries.get(k) or {}).get("article_id"))
            if 2 * same >= live:
                notes.append(_same_text_note(same, live))
        # A reviewer reading "cập nhật" in a PR comment must not take it for a change that will
        # happen: the real run may find the article edited by hand and leave it.
        edits = sum(1 for a in actions if self._guarded(a)) if self.dry_run else 0
        # A deleted or stale state file reads as "not on Zalo yet": the real run asks the OA
        # first (refuse_unrecorded), which a dry run without a token at hand could not. Told
        # once with the hand edits left unchecked, not as a second note of the same cause.
        creates = sum(1 for a in actions if a.kind == "create" and a.key not in observed.entries)
        if self.unasked and creates:
            notes.append(not_checked(creates, self.unasked, bool(observed.entries), edits))
        elif edits:
            notes.append(UNCHECKED_IN_DRY_RUN)
        if not observed.local and not observed.entries:
            notes.append(no_zalo_channel(self.config))
        self.plan_note = " ".join(note for note in notes if note)
        return actions

    def _guarded(self, action: Action) -> bool:
        """Whether a real run reads this action's article first, to refuse a hand-edited one."""
        if action.kind not in CHECKED_KINDS:
            return False
        return not self._unchecked(action.key, action.data.get("rename_from") or action.key)

    # --- apply ---------------------------------------------------------------------------------

    def apply(self, action: Action) -> str:
        """Carry out one action, saving the state after every step Zalo confirmed."""
        handlers = {
            "create": self._create,
            "update": self._update,
            "verify": self._verify,
            "withdraw": self._hide,
            "remove": self._remove,
        }
        return handlers[action.kind](action)

    def first(self, action: Action) -> bool:
        """Whether the action verifies a job an earlier run left in flight (a token Zalo had not
        confirmed): done before anything else is sent, so an article Zalo finished meanwhile is
        known before the rest of the run."""
        entry = self.records.get(action.key) or {}
        return action.kind == "verify" and bool(entry.get("token") or entry.get("hide_token"))

    def follow_up(self) -> list[Action]:
        """Phase two: verify every token sent in phase one."""
        with self._queue_lock:
            keys, self._to_verify = self._to_verify, []
        return [
            Action(
                "verify", key, "lấy mã bài vừa gửi", (self.records.get(key) or {}).get("title", "")
            )
            for key in keys
        ]

    def closing(self) -> Sequence[tuple[Action, PublishError]]:
        """Once every action is done: each article this run created that the OA now holds
        twice (another checkout's sync created it too, see zalo_twins), for a person to see to."""
        return find_twins(self)

    def _local(self, key: str) -> Local:
        """The built payload for a key."""
        assert self.observed is not None
        return self.observed.local[key]

    def _payload(self, local: Local) -> dict[str, Any]:
        """The payload file as sent."""
        return json.loads(Path(local.path).read_bytes())

    def _record(self, local: Local) -> dict[str, Any]:
        """Descriptive fields kept with every record."""
        return {
            "title": local.title,
            "source": local.source,
            "body_digest": local.body_digest,
            "page": local.page,
        }

    def _pictures_sent(self, key: str, entry: Mapping[str, Any]) -> str:
        """The addresses of the pictures a refused article asked Zalo to fetch, for the operator
        to open each and find the one that fails; "" when the payload built now is not the one
        sent (an edit since) or shows none."""
        local = self.observed.local.get(key) if self.observed else None
        if local is None or local.digest != entry.get("token_digest"):
            return ""
        try:
            payload = self._payload(local)
        except (OSError, ValueError):
            return ""
        cover = payload.get("cover") or {}
        found = [cover.get("photo_url")] + [b.get("url") for b in payload.get("body") or []]
        urls = [url for url in found if isinstance(url, str) and url]
        shown = ", ".join(dict.fromkeys(urls))
        return f" (ảnh đã gửi, mở thử từng địa chỉ: {shown})" if shown else ""

    def _queue(self, key: str) -> None:
        """Verify this key's token in phase two."""
        with self._queue_lock:
            self._to_verify.append(key)

    def _create(self, action: Action) -> str:
        """Create the article, unless a lost earlier create already made it (looked up as sent)."""
        if self.unlisted is not None and action.data.get(Unlisted.FLAG):
            raise self.unlisted.error()
        local = self._local(action.key)
        entry = self.records.get(action.key) or {}
        pending = entry.get("pending_create")
        if pending and not action.data.get(FORGET_PENDING):
            found = self._find_sent(action.key, entry, local)
            if found:
                # Made by an earlier run that never counted it (killed, or its reply lost): a
                # «tạo mới» of this run's summary, as when the reply is lost in this very run.
                sent = pending.get("digest", "")
                return self._adopt(local, found, sent, self._sent_content(entry, local))
        payload = self._payload(local)
        sent = {"digest": local.digest, "title": local.title, "content": content_digest(payload)}
        self._set(
            action.key,
            **self._record(local),
            pending_create={**sent, "at": utc_stamp()},
            status=None,
            gone_at=None,
        )
        self._crash("before-create")
        with self._queue_lock:
            self.sent_creates.add(action.key)
        try:
            token = self.client.create(payload)
        except ZaloUncertainError:
            found = self.lookup.find(
                action.key, local.title, sent["content"], self.records.entries(), fresh=True
            )
            if found:
                return self._adopt(local, found, local.digest, sent["content"])
            raise
        except ZaloError as error:
            self._set(action.key, pending_create=None)  # certainly not created: nothing to look up
            raise self._explain(error, action.key, payload) from None
        self._crash("after-create")
        self._set(
            action.key,
            token=token,
            token_digest=local.digest,
            token_content=sent["content"],
            token_at=utc_stamp(),
            created_at=utc_stamp(),
        )
        self._crash("after-token")
        self._queue(action.key)
        return "đã gửi bài lên Zalo (mã xác minh đã lưu)"

    def _adopt(self, local: Local, article_id: str, sent_digest: str, content: str | None) -> str:
        """Record an article found by title as this key's; update it if the content changed since."""
        self._set(
            local.key,
            **self._record(local),
            article_id=article_id,
            status="live",
            digest=sent_digest,
            content=content,
            pending_create=None,
            synced_at=utc_stamp(),
        )
        message = (
            f"bài đã có trên Zalo (mã {article_id}, tìm theo tiêu đề và nội dung): không tạo lại"
        )
        if sent_digest != local.digest:
            self._send_update(local, article_id)
            message += "; đã gửi bản cập nhật"
        return message

    def summary_bucket(self, action: Action) -> str | None:
        """The summary count an applied action adds to, when its kind alone does not tell."""
        with self._queue_lock:
            return self._buckets.pop(action.key, SUMMARY_BUCKETS.get(action.kind))

    def _count(self, key: str, bucket: str) -> None:
        """Count this key's action under `bucket` in the summary (see summary_bucket)."""
        with self._queue_lock:
            self._buckets[key] = bucket

    def notable(self, action: Action) -> bool:
        """Whether an applied action did what a brief log must name whatever its kind (see
        _note), forgetting it."""
        with self._queue_lock:
            if action.key in self._notable:
                self._notable.discard(action.key)
                return True
            return False

    def _note(self, key: str) -> None:
        """Mark this key's action as one whose ✓ line a brief log names: a verify that saw a
        hide take effect or a late job put right says what no routine verify does."""
        with self._queue_lock:
            self._notable.add(key)

    def _find_sent(self, key: str, entry: Mapping[str, Any], local: Local | None) -> str | None:
        """The article a lost create made, found by the title and content sent (not today's).

        When the content sent is unknown, an article found by its title alone may be anyone's
        (a record forged in state/zalo.json, or one a person posted with that title): taking it
        would let the next step overwrite, hide or remove it, so a person decides. So does a
        stuck create not found, which Zalo may still finish, unless --zalo-overwrite names it.
        """
        pending = entry.get("pending_create") or {}
        title = pending.get("title") or same_title(entry.get("title", ""))
        content = self._sent_content(entry, local)
        anyway = self.observed is not None and key in self.observed.create_anyway
        found = self.lookup.find(
            key, title, content, self.records.entries(), past_unreadable=anyway
        )
        if found and content is None and not self._unchecked(key):
            raise NeedsPerson(self._unsure(key, entry, local, found, title))
        if found is None and pending.get("stuck") and key not in self.overwrite:
            raise NeedsPerson(self._stuck_create(key, entry, local))
        left = self.config.zalo.lost_create_wait - age(pending.get("at"))
        if found is None and left > 0:
            # Zalo may list the article only once its create job is done: creating it again
            # now could publish it twice.
            raise ZaloUncertainError(self._not_yet(key, entry, local, title, left))
        return found

    def _not_yet(
        self, key: str, entry: Mapping[str, Any], local: Local | None, title: str, left: float
    ) -> str:
        """Why a lost create is neither found nor sent again yet, and when to run again."""
        source = local.source if local is not None else entry.get("source") or key
        minutes = max(1, round(left / 60))
        return (
            f"{source}: lần đồng bộ trước đã gửi (hoặc sắp gửi) yêu cầu tạo bài «{title}» nhưng "
            "không nhận được trả lời, và chưa thấy bài đó trên Zalo: có thể Zalo vẫn đang xử lý. "
            "Chưa tạo lại để tránh đăng trùng bài. Chạy lại publish sync zalo sau khoảng "
            f"{minutes} phút: thấy bài thì nhận bài đó, vẫn không thấy thì tạo bài mới (thời gian "
            "chờ: lost_create_wait trong bảng [zalo] của site.toml)."
        )

    def _unsure(
        self,
        key: str,
        entry: Mapping[str, Any],
        local: Local | None,
        article_id: str,
        title: str,
    ) -> str:
        """Why an article found by title alone was not taken for a lost create, and what to do."""
        source = local.source if local is not None else entry.get("source") or key
        taken, then = (
            ("cập nhật theo bản trong kho", "công cụ sẽ tạo bài mới cho bản tin")
            if local is not None
            else ("ẩn hoặc gỡ như bản tin đã rút", "công cụ coi như bản tin chưa lên Zalo")
        )
        return (
            f"{source}: một lần đồng bộ trước không biết chắc bài «{title}» đã được tạo chưa (bị "
            "ngắt hoặc mất phản hồi khi đang tạo bài), và "
            "state/zalo.json không ghi nội dung đã gửi (bản ghi do phiên bản cũ viết, hoặc đã bị "
            f"sửa tay), nên không biết bài Zalo {article_id} «{title}», cùng tiêu đề, có phải bài "
            "công cụ đã tạo hay không. Chưa đổi gì trên Zalo. Cách xử lý: nếu đúng là bài của bản "
            "tin này, chạy lại: publish sync zalo --zalo-overwrite "
            f"{shell_argument(source)} (bài được nhận làm bài của bản tin rồi {taken}); nếu "
            "không phải (ví dụ bài do người khác đăng tay), chạy lại: publish sync zalo "
            f"{CREATE_ANYWAY} {shell_argument(source)} ({then} và để nguyên bài {article_id})."
        )

    def _sent_content(self, entry: Mapping[str, Any], local: Local | None) -> str | None:
        """The content digest of a lost create, when known."""
        pending = entry.get("pending_create") or {}
        content = pending.get("content")
        if content is None and local is not None and pending.get("digest") == local.digest:
            content = content_digest(self._payload(local))  # a record saved before content was kept
        return content

    def _update(self, action: Action) -> str:
        """Send the new content (or show again) to the same article, if it is still the tool's."""
        local = self._local(action.key)
        old = action.data.get("rename_from")
        holder = old or action.key
        article_id = (self.records.get(holder) or {})["article_id"]
        # Checked before a rename moves the record: an old record is told by its old title.
        gone = (
            not self._unchecked(action.key, holder)
            and self._check_ours(holder, article_id, "cập nhật") is None
        )
        if old:
            entry = self.records.get(old) or {}
            # One journal write moves the record: a crash never loses it, nor leaves two owners.
            self.records.move(old, action.key, {**entry, **self._record(local)})
        if gone:
            raise self._lost(local, article_id)
        self._send_update(local, article_id)
        return "đã gửi bản cập nhật"

    def _send_update(self, local: Local, article_id: str) -> None:
        """POST article/update with the full payload; save its token and queue its verify."""
        payload = self._payload(local)
        sending = content_digest(payload)
        entry = self.records.get(local.key) or {}
        if entry.get("hide_token"):
            # A hide still in flight may be applied after this update and hide the article
            # again: it is watched like a stuck one given up on (_settle_given_up).
            self._drop_job(local.key, entry, -214, hide=True)
        self._set(local.key, sending_content=sending)
        self._crash("before-update")
        try:
            token = self.client.update({**payload, "id": article_id})
        except ZaloError as error:
            if error.code == -201 and self._gone(article_id):
                raise self._lost(local, article_id) from None
            raise self._explain(error, local.key, payload) from None
        self._crash("after-update")
        self._set(
            local.key,
            **self._record(local),
            token=token,
            token_digest=local.digest,
            token_content=sending,
            sending_content=None,
            token_at=utc_stamp(),
            **_NO_HIDE,
        )
        self._queue(local.key)

    def _unchecked(self, *keys: str) -> bool:
        """Whether these keys' article is changed without checking it is the tool's last version."""
        return not self.config.zalo.check_before_change or bool(self.overwrite & set(keys))

    def _lost(self, local: Local, article_id: str) -> ZaloError:
        """Record that the article is gone from the OA; the error that says so."""
        self._removed(local.key, article_id, gone=True)
        return ZaloError(
            f"{local.source}: bài {article_id} không còn trên Zalo (có thể đã bị xoá trong "
            f"trang quản trị OA); lần đồng bộ sau sẽ tạo lại bài. {KEEP_DELETED}",
            code=-201,
            operation="update",
        )

    def _check_ours(
        self,
        key: str,
        article_id: str,
        doing: str,
        detail: Mapping[str, Any] | None = None,
    ) -> Mapping[str, Any] | None:
        """The article (getdetail, unless given) when it is the version the tool last left there;
        None when it is gone; NeedsPerson when it is another (see the module docstring)."""
        if detail is None:
            detail = self._detail(article_id)
            if detail is None:
                return None
        if self._unchecked(key):
            return detail
        entry = self.records.get(key) or {}
        found = content_digest(detail)
        pending = entry.get("pending_create") or {}
        fields = (entry.get(n) for n in ("content", "token_content", "sending_content"))
        late = (job.get("content") for job in entry.get("given_up") or [])
        unwatched = (content for content, _ in late_jobs(entry))
        known = {*fields, pending.get("content"), *late, *unwatched} - {None}
        if found in known:
            if found != entry.get("content"):
                # Confirmed now: the next update may overwrite the other digests before it is
                # sent, and a failed or cut-short send must not make this version a stranger.
                self._set(key, content=found)
            return detail
        if not known and self._migrates(key, entry, detail):
            self._set(key, content=found)
            return detail
        raise NeedsPerson(self._not_ours(key, entry, article_id, detail, doing))

    def _detail(self, article_id: str) -> dict[str, Any] | None:
        """The article as getdetail returns it; None when Zalo no longer has it (-201, and not
        in the OA's list of articles: see ArticleLookup.detail)."""
        return self.lookup.detail(article_id)

    def _migrates(self, key: str, entry: Mapping[str, Any], detail: Mapping[str, Any]) -> bool:
        """Whether a record written before `content` was kept may take this article as its own.

        Such a record knows only the title it last sent, and the payload's digest: the title on
        Zalo must be that title, and when the payload last sent is today's build (a bulletin
        shown again, hidden or removed unchanged), the content must be that payload's too. This
        catches articles edited by hand, and a record pointed at an article with another title;
        a record forged without `content` and with the other article's title passes once (the
        README asks for review of every change to state/ for that reason), after which the
        record keeps `content` like any other.
        """
        title = same_title(entry.get("title", ""))
        # No title to compare (a garbled record, or a getdetail without one: its shape is
        # unconfirmed, zalo-oa-api.md §2.4) proves nothing.
        if not title or same_title(detail.get("title", "")) != title:
            return False
        local = self.observed.local.get(key) if self.observed else None
        if local is not None and entry.get("digest") == local.digest:
            return content_digest(detail) == content_digest(self._payload(local))
        return True

    def _not_ours(
        self,
        key: str,
        entry: Mapping[str, Any],
        article_id: str,
        detail: Mapping[str, Any],
        doing: str,
    ) -> str:
        """Why an article was left alone, and what a person can do about it."""
        source = entry.get("source") or key
        title = same_title(detail.get("title", ""))
        ours = same_title(entry.get("title", ""))
        bulletin = f" (bản tin «{ours}»)" if ours and ours != title else ""
        return (
            f"{source}{bulletin}: không {doing} bài Zalo {article_id} «{title}»: bài trên Zalo "
            "không phải bản công cụ đăng lần trước (có người đã sửa bài trong trang quản trị OA, "
            "hoặc state/zalo.json đã bị sửa để trỏ tới một bài khác). Chưa đổi gì trên Zalo. "
            "Cách xử lý: nếu state/zalo.json bị sửa, lấy lại bản đúng từ git "
            f"({last_good('state/zalo.json', EDITED)}), không còn bản đúng thì chạy {forget_command([key])} (bỏ bản ghi ấy rồi tìm lại bài của bản "
            "tin trên OA theo tiêu đề và nội dung, không tạo trùng); nếu đúng là bài của bản "
            "tin này và muốn thay bằng bản trong kho "
            "(muốn giữ phần sửa tay thì chép nó vào tệp bản tin trước), chạy lại: "
            f"publish sync zalo --zalo-overwrite {source}. Nếu mọi bài cần đổi đều bị từ chối "
            "thế này dù không ai sửa gì, có thể Zalo trả bài khác với bản đã gửi: đặt "
            "check_before_change = false trong bảng [zalo] của site.toml."
        )

    def _gone(self, article_id: str) -> bool:
        """Whether the article no longer exists on the OA (getdetail rejects its id).

        Every rejected field of an update is a -201 too ("body[0] content is invalid!"), so the
        message alone cannot tell a deleted article from bad content; asking for it can. One
        the OA still lists is not gone, readable or not: the update's own refusal is told.
        """
        try:
            return self.lookup.content_of(article_id) is None
        except Unreadable:
            return False

    def _verify(self, action: Action) -> str:
        """Turn the recorded token into the article id (creates) or a confirmation (updates)."""
        entry = self.records.get(action.key) or {}
        if entry.get("hide_token"):
            return self._verify_hide(action.key, entry)
        token = entry.get("token")
        if not token:
            self._count(action.key, "unchanged")
            settled = self._settle_given_up(action.key)
            if settled is None and late_due(entry, self.config.zalo.stuck_job_hours):
                return check_late(self, action.key, entry)
            return settled or "không còn gì để xác minh"
        source = entry.get("source", action.key)
        try:
            article_id = self._verifier(entry.get("token_at")).verify(token)
        except ZaloError as error:
            if error.code == -214 and self._stuck(action.key, "token_at", entry):
                return self._give_up(action, entry)
            if error.code in (-200, -201):
                self._drop_job(action.key, entry, error.code)
            if error.code == -200:
                raise ZaloError(
                    f"{source}: Zalo không tải được ảnh bìa (trường cover) hoặc một ảnh trong nội dung "
                    f"«{entry.get('title', '')}»{self._pictures_sent(action.key, entry)}. {error}",
                    code=-200,
                    operation="verify",
                ) from None
            if error.code == -201:
                # Zalo's hint for -201 is about a rejected field; here the token is what it refused.
                then = (
                    "Lần đồng bộ sau gửi lại bản cập nhật"
                    if entry.get("article_id")
                    else "Lần đồng bộ sau tìm bài theo tiêu đề và nội dung đã gửi, không thấy mới "
                    "tạo lại"
                )
                raise ZaloError(
                    f"{source}: Zalo không còn nhận mã xác minh lần gửi trước của bài "
                    f"«{entry.get('title', '')}» (mã -201: “{error.api_message}”; mã có thể đã "
                    f"hết hạn). {then} (không cần làm gì).",
                    code=-201,
                    api_message=error.api_message,
                    operation="verify",
                ) from None
            if error.code == -214:
                job = "bản cập nhật bài" if entry.get("article_id") else "bài"
                raise self._still(source, f"{job} «{entry.get('title', '')}»", error) from None
            if error.code in (None, -32) and not error.stops_channel:
                # Zalo took the job (its token is saved) and only the question failed: counted
                # as failed, 148 articles already on the OA read as «0 tạo mới, 200 thất bại».
                job = "bản cập nhật" if entry.get("article_id") else "bài"
                raise NotVerified(
                    f"{source}: {job} «{entry.get('title', '')}» đã gửi lên Zalo (mã xác minh "
                    f"đã lưu) nhưng chưa hỏi được Zalo kết quả: {error} Lần đồng bộ sau xác minh "
                    "trước mọi việc khác, không gửi lại (không cần làm gì).",
                    code=error.code,
                    api_message=error.api_message,
                    operation="verify",
                    http_status=error.http_status,
                ) from None
            raise
        self._crash("after-verify")
        created = not entry.get("article_id")
        self._count(action.key, "created" if created else "updated")
        self._set(
            action.key,
            article_id=article_id,
            status="live",
            digest=entry.get("token_digest"),
            # None for a token an older version saved: the record is then told as an old one.
            content=entry.get("token_content"),
            **_NO_JOB,
            **_PUT_BACK,
            pending_create=None,
            synced_at=utc_stamp(),
        )
        message = f"mã bài {article_id}" if created else "Zalo đã nhận bản cập nhật"
        settled = self._settle_after_verify(action.key)
        if settled:
            message += f"; {settled}"
            after = self.records.get(action.key) or {}
            if after.get("token") or after.get("hide_token"):
                return message  # today's version was sent again
        local = self.observed.local.get(action.key) if self.observed else None
        if local is not None and local.digest != entry.get("token_digest"):
            # The token may be from a run long ago: the article may have been edited since.
            if (
                not self._unchecked(action.key)
                and self._check_ours(action.key, article_id, "cập nhật") is None
            ):
                raise self._lost(local, article_id)
            self._send_update(local, article_id)
            message += "; nội dung đã đổi từ lần gửi trước: đã gửi bản cập nhật"
        return message

    def _still(self, source: str, job: str, error: ZaloError) -> StillProcessing:
        """A job Zalo still calls processing when the verify wait ran out: pending, not failed;
        its token stays in the record, which the next sync verifies first (`first`)."""
        waited = str(error).rsplit(" Đã chờ ", 1)
        took = f", đã chờ {waited[1].rstrip('.')}" if len(waited) == 2 else ""
        return StillProcessing(
            f"{source}: Zalo vẫn đang xử lý {job} (mã -214) khi hết thời gian chờ xác minh"
            f"{took}; bài có thể vẫn hiện trên OA. Mã xác minh đã lưu trong state/zalo.json: lần "
            "đồng bộ sau xác minh nó trước mọi việc khác, không gửi lại. Không cần làm gì.",
            code=-214,
            api_message=error.api_message,
            operation="verify",
        )

    def _settle_given_up(self, key: str) -> str | None:
        """Ask Zalo once, without waiting, about each job given up on this article (given_up).

        A job Zalo ends late may have been applied over what the tool sent since: when the
        article on Zalo is that job's version, not the record's, the record takes it (it is a
        version the tool sent, not a hand edit) and the tool sends its version again. Jobs still
        processing stay watched; checked only with no other job in flight, whose verify comes
        first. Returns what came of it (None when there was nothing to ask).
        """
        entry = self.records.get(key) or {}
        watched = entry.get("given_up") or []
        article_id = entry.get("article_id")
        if not watched or entry.get("token") or entry.get("hide_token") or not article_id:
            return None
        client = self.client.with_settings(verify_first_delay=0.0, verify_timeout=0.0)
        waiting: list[Mapping[str, Any]] = []
        ended: list[Mapping[str, Any]] = []
        for job in watched:
            try:
                client.verify(job["token"])
            except ZaloError as error:
                if error.code == -214:
                    waiting.append(job)
                    continue
                if error.code not in (-200, -201):
                    raise  # not answered: asked again by the next run
            ended.append(job)  # -201 too: Zalo may have applied it before forgetting it
        if not ended:
            return STILL_GIVEN_UP
        detail = self._detail(article_id)
        ended_note = "yêu cầu cũ mà công cụ đã thôi chờ nay đã xong" + (
            f"; {STILL_GIVEN_UP}" if waiting else ""
        )
        found = (content_digest(detail), detail.get("status") == "show") if detail else None
        wanted = (entry.get("content"), entry.get("status") == "live")
        late = next((j for j in ended if (j.get("content"), j.get("shows")) == found), None)
        if detail is None or found == wanted or late is None:
            # Gone (the next change finds out and makes it again), applied before the newer
            # version, or edited by hand since.
            self._set(key, given_up=waiting or None)
            return ended_note
        # One write: a crash between forgetting the job and recording the version it left would
        # leave a record that says the current version is there, and nothing would resend it.
        self._set(
            key,
            given_up=waiting or None,
            content=late.get("content"),
            digest=late.get("digest"),
            status="live" if late.get("shows") else "hidden",
        )
        self._crash("after-late-job")
        self._count(key, "updated")
        self._note(key)
        local = self.observed.local.get(key) if self.observed else None
        what = "lệnh ẩn" if not late.get("shows") else "bản cập nhật"
        # Not only a stuck job: an update a hide replaced is watched too (_hide).
        told = f"Zalo vừa xong muộn {what} bài {article_id} mà công cụ đã thôi chờ, " + (
            "hiện lại bài của bản tin đã rút"
            if local is None and late.get("shows")
            else "đưa bài về bản cũ hơn"
        )
        if local is None:
            return f"{told}: {self._hide(Action('withdraw', key, '', entry.get('title', '')))}"
        self._send_update(local, article_id)
        return f"{told}: đã gửi lại bản hiện hành"

    def _verifier(self, sent_at: str | None) -> ZaloClient:
        """The client, waiting before its first verify only for what is left of the first delay."""
        delay = self.client.settings.verify_first_delay
        return self.client.with_settings(verify_first_delay=max(0.0, delay - age(sent_at)))

    def _stuck(self, key: str, sent_field: str, entry: Mapping[str, Any]) -> bool:
        """Whether Zalo has called a job processing for [zalo] stuck_job_hours since it was sent;
        a record without its sending time (older versions) starts counting now."""
        if not entry.get(sent_field):
            self._set(key, **{sent_field: utc_stamp()})
            return False
        return age(entry[sent_field]) >= self.config.zalo.stuck_job_hours * 3600

    def _give_up(self, action: Action, entry: Mapping[str, Any]) -> str:
        """Stop polling a stuck create or update token: a create is looked up as a lost create
        (see _create), an update is sent again."""
        key = action.key
        article_id = entry.get("article_id")
        self._drop_job(key, entry, -214)
        if not article_id:
            message = self._create(action)
            self._count(key, "created")  # the create a verify would have confirmed
            return message
        local = self._local(key)
        if not self._unchecked(key) and self._check_ours(key, article_id, "cập nhật") is None:
            raise self._lost(local, article_id)
        self._send_update(local, article_id)
        raise ZaloError(
            f"{local.source}: Zalo báo bản cập nhật bài {article_id} «{local.title}» vẫn «đang xử "
            f"lý» (mã -214) sau hơn {self._hours()} giờ, nên công cụ thôi chờ và đã gửi lại bản "
            "cập nhật; lần đồng bộ sau xác minh bản này (không cần làm gì). Thời gian chờ: "
            "stuck_job_hours trong bảng [zalo] của site.toml.",
            code=-214,
            operation="verify",
        )

    def _drop_job(
        self, key: str, entry: Mapping[str, Any], code: int, *, hide: bool = False
    ) -> None:
        """Forget the record's create or update job (or its hide job): Zalo failed it (-200), no
        longer knows its token (-201), or has called it processing for stuck_job_hours (-214).
        The one place that decides what the record keeps of a job given up:

        - -200 changed nothing on Zalo (nor does a failed hide matter): nothing is kept.
        - A create may have made its article, or, stuck, may still make it: it becomes a lost
          create (pending_create, looked up as sent); a stuck one is marked `stuck`, so that
          not finding it is a person's call (_find_sent).
        - An update may have been applied: what it carried stays a version the tool sent
          (sending_content), or the next update would take it for a hand edit.
        - A stuck update or hide may still be applied, over whatever the tool sends later: it
          is kept in `given_up` until Zalo ends it (_settle_given_up). So is an update still in
          flight that a hide replaces (_hide passes -214 for it): it could show the article again.
        """
        article_id = entry.get("article_id")
        token = entry.get("hide_token" if hide else "token")
        watched = list(entry.get("given_up") or [])
        if code == -214 and article_id and token:
            watched.append(
                {
                    "token": token,
                    "content": entry.get("content" if hide else "token_content"),
                    "digest": entry.get("digest" if hide else "token_digest"),
                    "shows": not hide,
                    "at": entry.get("hide_token_at" if hide else "token_at"),
                    "given_up_at": utc_stamp(),
                }
            )
        given_up = {"given_up": watched or None}
        if hide:
            self._set(key, **_NO_HIDE, **given_up)
        elif code == -200:
            self._set(key, **_NO_JOB, pending_create=None)
        elif not article_id:
            pending: dict[str, Any] = dict(entry.get("pending_create") or {}) or {
                "digest": entry.get("token_digest", ""),
                "title": same_title(entry.get("title", "")),
                # A stuck create was sent long ago; a token Zalo forgot starts the wait now.
                "at": (code == -214 and entry.get("token_at")) or utc_stamp(),
            }
            if entry.get("token_content") and "content" not in pending:
                pending["content"] = entry["token_content"]
            if code == -214:
                pending["stuck"] = True
            self._set(key, **_NO_JOB, pending_create=pending)
        else:
            sent = entry.get("sending_content") or entry.get("token_content")
            self._set(key, **_NO_JOB, sending_content=sent, **given_up)

    def _hours(self) -> str:
        """[zalo] stuck_job_hours as a message writes it (24, 1,5)."""
        return f"{self.config.zalo.stuck_job_hours:g}".replace(".", ",")

    def _stuck_create(self, key: str, entry: Mapping[str, Any], local: Local | None) -> str:
        """Why a stuck create is neither taken nor made again, and what a person does about it."""
        pending = entry.get("pending_create") or {}
        source = local.source if local is not None else entry.get("source") or key
        title = pending.get("title") or same_title(entry.get("title", ""))
        when = self._at(pending.get("at"))
        then = (
            "cho công cụ tạo bài mới"
            if local is not None
            else "cho công cụ coi như bản tin (đã rút) chưa lên Zalo"
        )
        return (
            f"{source}: yêu cầu tạo bài «{title}» gửi Zalo{when} vẫn bị Zalo báo «đang xử lý» "
            f"(mã -214) sau hơn {self._hours()} giờ, nên công cụ thôi chờ yêu cầu đó "
            "(stuck_job_hours trong bảng [zalo] của site.toml). Không thấy bài trong danh sách "
            "bài của OA (tìm theo tiêu đề và nội dung đã gửi), nhưng Zalo vẫn có thể hoàn tất "
            "yêu cầu về sau, nên chưa tạo lại để tránh đăng trùng bài; các bản tin khác vẫn "
            "được đồng bộ. Cách xử lý: trong trang quản trị OA, mục bài viết, tìm bài "
            f"«{title}» (kể cả bài đang ẩn). Thấy bài đó thì chạy lại publish sync zalo: bài "
            "được nhận khi Zalo liệt kê nó (vẫn không được nhận thì xoá bài đó trong trang quản "
            f"trị OA rồi làm như khi không thấy). Không thấy thì {then}: chạy publish sync zalo "
            f"--zalo-overwrite {shell_argument(source)}. Nếu sau đó bài cũ vẫn hiện ra trên "
            "OA, hãy xoá nó trong trang quản trị OA."
        )

    def _verify_hide(self, key: str, entry: Mapping[str, Any]) -> str:
        """Confirm a hide; when Zalo failed it, forget the token so the next run hides again."""
        article_id = entry.get("article_id")
        try:
            self._verifier(entry.get("hide_token_at")).verify(entry["hide_token"])
        except ZaloError as error:
            if error.code == -214 and self._stuck(key, "hide_token_at", entry):
                self._drop_job(key, entry, -214, hide=True)
                raise ZaloError(
                    f"{entry.get('source', key)}: Zalo báo lệnh ẩn bài {article_id} "
                    f"«{entry.get('title', '')}» vẫn «đang xử lý» (mã -214) sau hơn "
                    f"{self._hours()} giờ, nên công cụ thôi chờ; bài có thể vẫn hiện trên Zalo. "
                    "Lần đồng bộ sau gửi lại lệnh ẩn; nếu vẫn không được, hãy ẩn hoặc gỡ bài "
                    "trong trang quản trị OA.",
                    code=-214,
                    operation="verify",
                ) from None
            if error.code == -214:
                doing = f"lệnh ẩn bài {article_id} «{entry.get('title', '')}»"
                raise self._still(entry.get("source", key), doing, error) from None
            if error.code not in (-200, -201):
                raise  # not answered: verified by the next run
            self._drop_job(key, entry, error.code, hide=True)
            raise ZaloError(
                f"{entry.get('source', key)}: Zalo không ẩn được bài {article_id} "
                f"«{entry.get('title', '')}», bài vẫn hiện trên Zalo ({error}). Lần đồng bộ sau sẽ "
                "thử ẩn lại; nếu vẫn lỗi, hãy ẩn hoặc gỡ bài trong trang quản trị OA.",
                code=error.code,
                operation="verify",
            ) from None
        self._crash("after-hide-verify")
        self._set(key, status="hidden", **_NO_HIDE, **_PUT_BACK, hidden_at=utc_stamp())
        message = f"Zalo đã ẩn bài {article_id}"
        self._note(key)  # the one line saying a withdrawal took effect
        # Asked now, while logged in: an update the hide replaced has mostly ended by now, and
        # the next run then need not log in only to ask about it.
        settled = self._settle_after_verify(key)
        return f"{message}; {settled}" if settled else message

    def _settle_after_verify(self, key: str) -> str | None:
        """_settle_given_up after a job was verified: its failure is a note, not the job's."""
        try:
            return self._settle_given_up(key)
        except ZaloError as error:
            # The verified job is done and recorded: only the watch is left for the next run.
            return (
                f"chưa hỏi được Zalo về yêu cầu cũ mà công cụ đã thôi chờ ({error}); lần đồng bộ "
                "sau hỏi lại (không cần làm gì)"
            )

    def _resolve_id(self, key: str, entry: Mapping[str, Any]) -> str | None:
        """The article id of a record, verifying its token or looking up its title if needed."""
        if entry.get("article_id"):
            return entry["article_id"]
        if entry.get("token"):
            try:
                article_id = self.client.verify(entry["token"])
            except ZaloError as error:
                if error.code != -214 or not self._stuck(key, "token_at", entry):
                    raise
                self._drop_job(key, entry, -214)
                return self._find_sent(key, self.records.get(key) or {}, None)
            self._set(
                key,
                article_id=article_id,
                content=entry.get("token_content"),
                **_NO_JOB,
                pending_create=None,
            )
            return article_id
        if entry.get("pending_create"):
            return self._find_sent(key, entry, None)
        return None

    def _hide(self, action: Action) -> str:
        """Hide the article: update it with its current content (getdetail) and status hide."""
        entry = self.records.get(action.key) or {}
        if action.data.get(FORGET_PENDING):
            # The operator says the article of its title is not this bulletin's: nothing to hide.
            self._removed(action.key, None)
            self._count(action.key, "unchanged")
            return "đã bỏ lần tạo bài bị ngắt trước đó; không đổi gì trên Zalo"
        if entry.get("hide_token"):
            try:
                return self._verify_hide(action.key, entry)
            except ZaloError:
                entry = self.records.get(action.key) or {}
                if entry.get("hide_token"):
                    raise  # still processing: verified by the next run
        article_id = self._resolve_id(action.key, entry)
        if article_id is None:
            self._removed(action.key, None)
            return "không có bài nào trên Zalo"
        detail = self._check_ours(action.key, article_id, "ẩn")  # the hide resends it anyway
        if detail is None:
            self._removed(action.key, article_id)
            return f"bài {article_id} đã không còn trên Zalo"
        if (self.records.get(action.key) or {}).get("token"):
            # An update still in flight may be applied after the hide and show the article
            # again: it is watched like a stuck one given up on, first when the hide is verified.
            self._drop_job(action.key, self.records.get(action.key) or {}, -214)
        body = detail_body(detail)
        body.setdefault("type", "normal")
        self._crash("before-hide")
        token = self.client.update({**body, "status": "hide", "id": article_id})
        self._crash("after-hide")
        # The hide supersedes any update still unverified: its token must not mark the record
        # live when the bulletin comes back. The content is what was there (--zalo-overwrite
        # makes a hand-edited version the tool's own). A lost create found is settled with it.
        self._set(
            action.key,
            article_id=article_id,
            content=content_digest(detail),
            hide_token=token,
            hide_token_at=utc_stamp(),
            **_NO_JOB,
            pending_create=None,
        )
        self._queue(action.key)
        return f"đã gửi lệnh ẩn bài {article_id} (chờ Zalo xác nhận)"

    def _remove(self, action: Action) -> str:
        """Delete the article from the OA."""
        entry = self.records.get(action.key) or {}
        article_id = self._resolve_id(action.key, entry)
        gone = article_id is None or (
            not self._unchecked(action.key)
            and self._check_ours(action.key, article_id, "gỡ") is None
        )
        if article_id is not None and not gone:
            self._crash("before-remove")
            try:
                self.client.remove(article_id)
            except ZaloError as error:
                # Already gone only when the OA no longer lists it (see ArticleLookup.detail):
                # recorded removed, a withdrawn bulletin's article would stay shown for good.
                if error.code != -201:
                    raise
                if self.lookup.listed(article_id):
                    raise ZaloError(
                        f"Zalo từ chối gỡ bài {article_id} (mã -201: “{error.api_message}”) dù "
                        "bài vẫn có trong danh sách bài của OA: bài vẫn còn trên Zalo và chưa "
                        "được ghi là đã gỡ. Lần đồng bộ sau gỡ lại (không cần làm gì); lỗi lặp "
                        "lại ở nhiều lần chạy thì gỡ bài này trong trang quản trị OA.",
                        code=-201,
                        api_message=error.api_message,
                        operation="remove",
                    ) from None
            self._crash("after-remove")
        self._removed(action.key, article_id)
        return f"đã gỡ bài {article_id}" if article_id else "không có bài nào trên Zalo"

    def _removed(self, key: str, article_id: str | None, *, gone: bool = False) -> None:
        """Record that the key has no article on the OA (removed, or `gone`: found deleted),
        with no job in flight: a token left behind would be verified into the id of an article
        that no longer exists."""
        self._set(
            key,
            **_IDLE,
            article_id=None,
            status="removed",
            removed_id=article_id,
            removed_at=utc_stamp(),
            # The plan then says why it creates the article again: not a bulletin put back.
            gone_at=utc_stamp() if gone else None,
            digest=None,
            content=None,
        )

    def _explain(self, error: ZaloError, key: str, payload: Mapping[str, Any]) -> ZaloError:
        """A rejected payload, told as the file (bulletin or site.toml) and field to fix."""
        if error.code != -201 or key not in self.bulletins:
            return error
        # Only for a payload Zalo rejected: the renderer and the YAML reader cost a no-op sync.
        from publish.sync.zalo_refusal import explain_refusal

        return explain_refusal(error, self.bulletins[key], self.site, payload)


def _on_zalo(entry: Mapping[str, Any]) -> bool:
    """Whether a record stands for an article on the OA, or one that may be (a create sent)."""
    return bool(entry.get("article_id") or entry.get("token") or entry.get("pending_create"))


def _other_oa(state_path: Path, recorded: str, wanted: str) -> str:
    """Why a sync to another OA than the records' sends nothing, and the ways on: the wanted
    OA's own records put back when kept (a unit going back to an OA it used before), else a
    fresh start, with --reconcile when that OA has the articles already."""
    name = state_path.name
    put_aside = state_path.with_name(f"zalo-oa-{recorded}.json")
    aside = _moves(state_path, put_aside) or f"git mv state/{name} state/{put_aside.name}"
    kept = state_path.with_name(f"zalo-oa-{wanted}.json")
    back = _moves(kept, state_path)
    problem = (
        f"state/{name} ghi các bài đã đăng trên OA mã {recorded}, nhưng [zalo] oa_id trong "
        f"site.toml nay là {wanted}: mã bài của OA cũ không dùng được trên OA mới, nên không "
        "gửi gì (nếu không, mọi bản tin sẽ bị coi là đã có trên OA mới). "
    )
    mistake = f'Sửa nhầm oa_id thì ghi lại oa_id = "{recorded}".'
    if back:
        return (
            f"{problem}Hồ sơ bài của OA {wanted} còn trong state/{kept.name}: đơn vị trở lại OA "
            f"đã dùng thì đặt hồ sơ ấy lại làm state/{name}, đừng bắt đầu hồ sơ trống (mọi bản "
            f"tin sẽ bị tạo lần nữa trên OA đó, trùng với bài đã có). Cách sửa: {aside}, rồi "
            f"{back}, commit, rồi chạy lại. {mistake}"
        )
    return (
        f"{problem}Cách sửa: đơn vị chuyển sang OA mới (đổi tên, sáp nhập) thì đổi tên tệp: "
        f"{aside} (giữ làm hồ sơ bài của OA cũ; bài trên OA cũ để nguyên), commit, rồi chạy "
        "lại: mọi bản tin đang đăng được tạo trên OA mới, trong hạn mức tạo bài mỗi ngày của OA "
        "(phần vượt được tạo ở các lần chạy sau). OA mới đã có sẵn các bài đó (đơn vị từng "
        "đăng ở đó, hay bài của đơn vị nhập vào) thì sau khi đổi tên tệp chạy publish sync zalo "
        "--reconcile trước để nhận lại theo tiêu đề: lần đồng bộ thường tạo lại mọi bài, trùng "
        f"với bài đã có. {mistake}"
    )


def _upgraded_other_oa(state_path: Path, sampled: int, wanted: str) -> str:
    """Why a sync whose records (of an older version, no OA noted) are not on the OA it logs in
    to sends nothing, and the ways on."""
    name = state_path.name
    aside = _moves(state_path, state_path.with_name("zalo-oa-<mã OA cũ>.json"))
    return (
        f"state/{name} do bản publish cũ viết nên không ghi mã OA, và không bài nào trong "
        f"{sampled} bài đăng gần nhất nó ghi có trên OA {wanted} ([zalo] oa_id): có lẽ đơn vị "
        "đã đổi OA cùng lúc với nâng cấp publish, và hồ sơ này là của OA cũ. Không gửi gì (nếu "
        "không, mọi bản tin sẽ bị coi là đã có trên OA mới). Cách sửa: đơn vị đã chuyển sang "
        f"OA mới thì {aside} (giữ làm hồ sơ bài của OA cũ), commit, rồi chạy lại: mọi bản tin "
        "được tạo trên OA mới (OA mới đã có sẵn các bài thì chạy publish sync zalo --reconcile "
        "trước, để nhận lại theo tiêu đề). Sửa nhầm oa_id thì ghi lại mã OA cũ. Vẫn là OA cũ "
        "mà các bài đó đã bị xoá trong trang quản trị OA thì chạy publish sync zalo "
        "--reconcile: bài đã xoá được ghi nhận là đã gỡ rồi tạo lại."
    )


def _kept_records(state_path: Path, kept: Path, wanted: str, back: str) -> str:
    """Why a sync with no records sends nothing while the OA's own records are kept aside."""
    return (
        f"state/{state_path.name} chưa ghi bài nào, nhưng state/{kept.name} ghi các bài đã đăng "
        f"trên OA mã {wanted}, chính OA của [zalo] oa_id: không gửi gì, vì đồng bộ với hồ sơ "
        "trống sẽ tạo lần nữa mọi bản tin trên OA đó, trùng với bài đã có. Cách sửa: đơn vị trở "
        f"lại OA đã dùng thì {back}, commit, rồi chạy lại."
    )


def _moves(source: Path, target: Path) -> str:
    """The `git mv` of a state file and of its journal, for those of them that exist ("" when
    neither does)."""
    pairs = [(source, target), (journal_path(source), journal_path(target))]
    moves = [
        f"git mv{' -f' if b.exists() else ''} state/{a.name} state/{b.name}"
        for a, b in pairs
        if a.exists()
    ]
    if journal_path(source).exists():
        moves[-1] += " (bản ghi dở của lần chạy bị ngắt)"
    return " và ".join(moves)


def not_configured(env: Mapping[str, str]) -> str:
    """Why Zalo is not synced without [zalo] oa_id, and how to set it."""
    credentials = (
        " Biến môi trường ZALO_APP_ID đã đặt, nhưng chỉ thông tin đăng nhập thì chưa đủ: Zalo OA "
        "chỉ được đồng bộ khi site.toml ghi mã OA đó."
        if env.get("ZALO_APP_ID")
        else ""
    )
    return (
        "chưa cấu hình Zalo OA: bảng [zalo] của site.toml chưa có oa_id, nên không gửi gì lên "
        f'Zalo.{credentials} Cách sửa: đặt oa_id = "…" (mã số OA trong trang quản trị Zalo OA, '
        "viết trong ngoặc kép) trong bảng [zalo] của site.toml."
    )


def no_zalo_channel(config: Config) -> str:
    """Why an OA that has nothing on it yet gets nothing: no bulletin lists zalo, as when the
    unit added its OA to a site.toml `publish init` wrote without one (default_channels then
    has no zalo); "" when default_channels has it (every bulletin is held or lists others)."""
    if "zalo" in config.site.default_channels:
        return ""
    return (
        "Không bản tin nào có kênh zalo: default_channels ở bảng [site] của site.toml chưa có "
        '"zalo" (publish init không ghi khi đơn vị chưa có Zalo OA). Để các bản tin lên OA, '
        'thêm "zalo" vào default_channels (hoặc vào channels của từng bản tin), rồi chạy '
        "publish sync zalo --dry-run để xem các bài sẽ được tạo."
    )


def make_syncer(config: Config, *, site: Site, output: Path, options: Any) -> ZaloSyncer:
    """The Zalo syncer for `publish sync` (options: SyncOptions); only for an OA site.toml names."""
    if not config.zalo.oa_id.strip():
        raise PublishError(not_configured(os.environ))
    return ZaloSyncer(
        config,
        site=site,
        output=output,
        state=options.state,
        cache=getattr(options, "cache", None),
        reconcile=options.reconcile,
        dry_run=options.dry_run,
        overwrite=getattr(options, "zalo_overwrite", ()),
        create_anyway=getattr(options, "zalo_create_anyway", ()),
        forget=getattr(options, "zalo_forget", ()),
        confirmed=getattr(options, "confirm_withdrawal", False),
        echo=getattr(options, "echo", print),
        seen=getattr(options, "zalo_seen", None),
    )
