"""Zalo OA credentials: app id/secret, the rotating OAuth v4 token pair and the token file.

Refresh tokens are single use, so a new pair is written to the token file (atomically, mode 0600)
before anything uses it, and one process refreshes at a time (an OS lock on a file next to it). Once
the token file exists it wins over ZALO_REFRESH_TOKEN / ZALO_ACCESS_TOKEN. No token ever appears
in a repr, a log line or an exception message.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import json
import logging
import os
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from publish.errors import PublishError, os_reason
from publish.file_lock import release, try_lock, wait_for
from publish.no_follow import open_no_follow
from publish.secret_mask import keep
from publish.zalo.errors import (
    NO_ACCESS_TOKEN,
    NOT_REFRESHED,
    REAUTHORIZE,
    ZaloError,
    api_error,
)
from publish.zalo.token_lock import missing_folders, still_placed, unplace
from publish.zalo.token_place import refuse_inside_project
from publish.zalo.token_record import pair_fields
from publish.zalo.token_spending import Spending, interrupted_message

if TYPE_CHECKING:
    import httpx  # only a type here: a no-op sync reads the token file without loading httpx

__all__ = [
    "DEFAULT_OAUTH_BASE",
    "AppCredentials",
    "TokenFile",
    "TokenManager",
    "TokenPair",
    "credentials_env",
    "default_token_file",
    "renewal_due",
    "token_file_for",
]

logger = logging.getLogger("publish.zalo.tokens")

DEFAULT_OAUTH_BASE = "https://oauth.zaloapp.com"
OAUTH_TOKEN_PATH = "/v4/oa/access_token"
ENV_APP_ID = "ZALO_APP_ID"
ENV_APP_SECRET = "ZALO_APP_SECRET"
ENV_REFRESH_TOKEN = "ZALO_REFRESH_TOKEN"
ENV_ACCESS_TOKEN = "ZALO_ACCESS_TOKEN"
ENV_TOKEN_FILE = "ZALO_TOKEN_FILE"
SHARED_NAME = "zalo-token.json"
"""The default token file's name before it was kept per OA (still read, never written)."""
LOCK_TIMEOUT = 120.0
REFRESH_MARGIN = 3600.0
"""Seconds before its expiry an access token is refreshed."""
EMPTY_IN_CI = (
    "Biến rỗng trên CI thường là bí mật chưa được tạo, tạo ở môi trường (environment) khác với "
    "job, hoặc tên trong tệp workflow gõ sai. "
)

# Sends the OAuth form (with the retries of the caller's transport) and returns the raw response.
OAuthSender = Callable[[dict[str, str], dict[str, str]], "httpx.Response"]
FileKey = tuple[int, int, int]
Read = tuple[FileKey, "TokenPair"]
"""A pair as read from the token file, with that file's key (file_key)."""


@dataclass(frozen=True, repr=False)
class AppCredentials:
    """The Zalo app id (not secret) and app secret (secret)."""

    app_id: str
    app_secret: str

    def __repr__(self) -> str:
        """Show the app id, mask the secret."""
        return f"AppCredentials(app_id={self.app_id!r}, app_secret='***')"

    __str__ = __repr__


@dataclass(frozen=True, repr=False)
class TokenPair:
    """A refresh token, and the access token it last produced with its expiry (epoch seconds)."""

    refresh_token: str
    access_token: str | None = None
    expires_at: float | None = None
    lifetime: float | None = None
    """Seconds the access token was issued for (its `expires_in`), when known."""
    oa_id: str | None = None
    """The OA the pair was granted for, when `publish zalo-login` learned it (files written
    before it was recorded have none)."""
    sending: Spending | None = None
    """This refresh token sent to Zalo by a refresh that saved no pair after it (yet)."""

    def __repr__(self) -> str:
        """Mask both tokens."""
        access = "'***'" if self.access_token else "None"
        return (
            f"TokenPair(refresh_token='***', access_token={access}, expires_at={self.expires_at})"
        )

    __str__ = __repr__


def default_token_file(env: Mapping[str, str] | None = None, oa_id: str = "") -> Path:
    """ZALO_TOKEN_FILE, else $XDG_CONFIG_HOME (or ~/.config)/publish/zalo-token-<oa_id>.json
    (zalo-token.json when the OA is not known)."""
    env = os.environ if env is None else env
    if env.get(ENV_TOKEN_FILE):
        # From the current directory, as every Unix tool reads a relative path; made absolute
        # here so that the file used, the one checked against the project and the one named
        # in every message are the same whatever the command does later.
        return Path(env[ENV_TOKEN_FILE]).expanduser().absolute()
    base = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    # One file per OA: an admin who logs in for a second unit's OA on the same machine must not
    # replace the first OA's single-use refresh token (it could not be got back without a login).
    own = oa_id.isdigit()  # an OA id is digits; anything else cannot name a file safely
    return base / "publish" / (f"zalo-token-{oa_id}.json" if own else SHARED_NAME)


def token_file_for(env: Mapping[str, str], oa_id: str) -> Path:
    """The token file a sync for `oa_id` reads: ZALO_TOKEN_FILE, else the OA's own file, else
    the one file older versions wrote for every OA, as long as it is not another OA's."""
    return _chosen(env, oa_id)[0].path


def _chosen(env: Mapping[str, str], oa_id: str) -> tuple[TokenFile, Read | None]:
    """token_file_for's file, and what was read of it to choose it (None: not read)."""
    own = TokenFile(default_token_file(env, oa_id))
    # Leftovers: the OA's first save was killed before its rename (TokenFile.recover).
    if not oa_id or env.get(ENV_TOKEN_FILE) or own.exists() or own.leftovers():
        return own, None
    shared = TokenFile(default_token_file(env))
    read = shared.read()
    # A unit that logged in before the files were per OA keeps syncing with the shared file.
    if read is not None and read[1].oa_id in (None, oa_id):
        return shared, read
    return own, None


def _fresh_at(pair: TokenPair, margin: float, now: float) -> bool:
    """Whether the pair's access token exists and is not about to expire at `now`."""
    if not pair.access_token:
        return False
    # A token issued for less than twice the margin would be "about to expire" from birth:
    # every call would refresh it, and each refresh spends the single-use refresh token and
    # ends the access token the other workers are using.
    if pair.lifetime is not None:
        margin = min(margin, pair.lifetime / 2)
    return pair.expires_at is None or pair.expires_at - now > margin


def renewal_due(env: Mapping[str, str], oa_id: str) -> bool:
    """Whether a sync for `oa_id` on this machine holds a token file whose access token a
    refresh must replace before its next call, as a TokenManager would judge it; a file that
    cannot be read is due too: the login then says what is wrong with it.

    Without the file it is False: a job with only ZALO_REFRESH_TOKEN never renews while idle.
    Not for want of a place for the new pair (a refresh writes it to this very path, creating
    the file, which the CI templates then cache): the file tells a machine that syncs and keeps
    its login from an editor's, or from CI before its first send, which holds no pair of its
    own yet, only the secret `publish zalo-login` gave, left to the first run that sends."""
    token_file = _chosen(env, oa_id)[0]
    if not token_file.exists():
        return False
    try:
        pair = token_file.load()
    except PublishError:
        return True
    return pair is None or not _fresh_at(pair, REFRESH_MARGIN, time.time())


def file_key(info: os.stat_result) -> FileKey:
    """What tells one version of the token file from another: the inode too, since a file
    replaced (TokenFile.save, `publish zalo-login`) within the clock's tick with the same size
    is another pair all the same."""
    return (info.st_ino, info.st_mtime_ns, info.st_size)


@dataclass
class Prepared:
    """A save's temporary file, made ahead of the pair it will hold (TokenFile.prepare)."""

    fd: int
    tmp: str
    generation: int
    done: bool = False
    """Whether commit took the file over (it closes or removes it), or discard removed it."""

    def discard(self) -> None:
        """Close and remove the temporary file when no pair was written into it."""
        if self.done:
            return
        self.done = True
        with contextlib.suppress(OSError):
            os.close(self.fd)
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


class TokenFile:
    """The token file on disk: permission-checked reads, atomic 0600 writes, an exclusive lock."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")

    def __repr__(self) -> str:
        """Show the path only."""
        return f"TokenFile({str(self.path)!r})"

    def exists(self) -> bool:
        """Whether the token file exists."""
        return self.path.exists()

    def _check_private(self, opened: os.stat_result) -> None:
        """Refuse what was opened unless it is a regular file of this user that the group and
        others can neither read nor write, in a folder only its owner may change."""
        path = self.path
        fix = (
            "nếu nghi token đã lộ, hãy cấp quyền lại cho ứng dụng trên Zalo OA để lấy refresh "
            "token mới."
        )
        if not stat.S_ISREG(opened.st_mode):
            raise PublishError(
                f"Tệp token Zalo {path} không phải một tệp thường (là thư mục, ống dẫn hay tệp thiết bị…), "
                f"nên không được dùng. Cách sửa: đặt tệp token thật vào đó; {fix}"
            )
        if sys.platform == "win32":
            # Windows keeps no owner or mode bits in a stat (every file reads as 0666, every
            # folder as 0777): who may read the file is up to the folder's access list, which
            # for the user's own profile (the default place) is that user alone. See README.
            return
        if hasattr(os, "getuid") and opened.st_uid != os.getuid():
            raise PublishError(
                f"Tệp token Zalo {path} thuộc về người dùng khác (mã {opened.st_uid}), không "
                f"phải người đang chạy lệnh (mã {os.getuid()}), nên không được dùng: ai đó có thể "
                "đã đặt token của họ vào. Cách sửa: nếu tệp đúng là của đơn vị (ví dụ gắn từ máy "
                "chủ vào một container chạy bằng người dùng khác), đổi chủ tệp cho người chạy "
                f"lệnh (`chown {os.getuid()} {path}`) hoặc chạy lệnh bằng người dùng sở hữu tệp; "
                f"nếu không rõ ai đặt tệp, xoá tệp rồi chạy `publish zalo-login`; {fix}"
            )
        mode = stat.S_IMODE(opened.st_mode)
        if mode & 0o077:
            raise PublishError(
                f"Tệp token Zalo {path} đang để nhóm hoặc người dùng khác đọc/ghi được "
                f"(quyền {mode:04o}), nên không được dùng vì token có thể đã lộ. "
                f"Cách sửa: chạy `chmod 600 {path}`; {fix}"
            )
        folder = path.parent
        with contextlib.suppress(OSError):
            shown = os.stat(folder)
            if shown.st_mode & 0o022 and not shown.st_mode & stat.S_ISVTX:
                raise PublishError(
                    f"Thư mục {folder} chứa tệp token Zalo đang để nhóm hoặc người dùng khác "
                    f"ghi được (quyền {stat.S_IMODE(shown.st_mode):04o}): họ có thể thay tệp "
                    "token bằng tệp khác, nên tệp không được dùng. Cách sửa: chạy "
                    f"`chmod go-w {folder}` (hoặc đặt ZALO_TOKEN_FILE vào một thư mục riêng, "
                    f"quyền 0700); {fix}"
                )

    def load(self) -> TokenPair | None:
        """Read the pair, or None when the file does not exist (see read)."""
        read = self.read()
        return read[1] if read is not None else None

    def read(self) -> Read | None:
        """Read the pair with the identity of the file it came from, or None when the file does
        not exist. The file is opened first and what was opened is checked (never a symlink),
        so it cannot be swapped in between."""
        try:
            # Non-blocking: opening a FIFO put there would wait for a writer forever (a regular
            # file reads the same; what was opened is checked before it is read).
            fd = open_no_follow(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return None
        except OSError:
            if not self.path.is_symlink():
                raise
            raise PublishError(
                f"Tệp token Zalo {self.path} là một liên kết tượng trưng (symlink): lệnh không đọc "
                "token qua nó, vì nó có thể bị trỏ sang tệp của người khác. Cách sửa: đặt "
                "ZALO_TOKEN_FILE bằng đường dẫn tới chính tệp token, hoặc chép tệp vào chỗ "
                "liên kết (quyền 0600)."
            ) from None
        try:
            opened = os.fstat(fd)
            self._check_private(opened)
            handle = os.fdopen(fd, "rb")
        except BaseException:
            os.close(fd)
            raise
        with handle:
            data = handle.read()
        fields = pair_fields(data, self.path)
        fields["sending"] = Spending.from_json(fields["sending"])
        return file_key(opened), TokenPair(**fields)

    def save(self, pair: TokenPair) -> None:
        """Write the pair atomically: temp file (0600) + fsync + rename + directory fsync."""
        self.commit(self.prepare(), pair)

    def prepare(self) -> Prepared:
        """Make the temporary file a save writes, before the pair exists: a refresh makes it
        before sending, so that once Zalo answers, writing the pair is all that is left. With
        the lock held, whose file keeps the folder from being taken away (token_lock)."""
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Saves are counted, not only timed: recover() must tell which pair came last
        # even when the clock was set back between them (NTP, a wrong clock fixed).
        generation = self._generation() + 1
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{self.path.name}.", suffix=".tmp")
        prepared = Prepared(fd, tmp, generation)
        try:
            if sys.platform != "win32":  # no fchmod there before Python 3.13; mode bits are moot
                os.fchmod(fd, 0o600)
        except BaseException:
            prepared.discard()
            raise
        return prepared

    def commit(self, prepared: Prepared, pair: TokenPair) -> None:
        """Write the pair into the prepared temporary file, fsync it and rename it into place."""
        record = {
            "version": 1,
            "refresh_token": pair.refresh_token,
            "access_token": pair.access_token,
            "expires_at": pair.expires_at,
            "lifetime": pair.lifetime,
            "saved_at": time.time(),
            "generation": prepared.generation,
        }
        if pair.oa_id:
            record["oa_id"] = pair.oa_id
        if pair.sending:
            record["sending"] = pair.sending.to_json()
        prepared.done = True
        try:
            with os.fdopen(prepared.fd, "w", encoding="utf-8") as handle:
                json.dump(record, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(prepared.tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(prepared.tmp)
            raise
        _fsync_folder(self.path.parent)

    def leftovers(self) -> list[Path]:
        """Temporary files of saves killed between their fsync and their rename."""
        return sorted(self.path.parent.glob(f".{glob.escape(self.path.name)}.*.tmp"))

    def recover(self) -> None:
        """With the lock held: put in place the newest whole pair a killed save left behind
        when it is newer than the file's, then delete every other leftover."""
        # A save follows a refresh, which spent the file's single-use refresh token: the pair
        # left in its temporary file is then the only one Zalo still accepts, and deleting it
        # would cost the unit a new login. Only a whole one (fsynced) is read back as a pair.
        # Only this user's regular files, in a folder no one else may write to (else reading
        # the token file is refused with why): what another user put there is not adopted,
        # nor deleted.
        leftovers = [p for p in self.leftovers() if _own_file(p)]
        if not leftovers or not _private_folder(self.path.parent):
            return
        newest: tuple[Saved, Path] | None = None
        for leftover in leftovers:
            saved = _saved(leftover)
            if saved is not None and (newest is None or saved.after(newest[0])):
                newest = (saved, leftover)
        in_place = self._saved_of_file()
        if newest is not None and (in_place is None or newest[0].after(in_place)):
            os.replace(newest[1], self.path)
            _fsync_folder(self.path.parent)
            logger.info("Đã khôi phục cặp token Zalo mà lần lưu bị ngắt để lại (%s).", self.path)
        for leftover in leftovers:
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _saved_of_file(self) -> Saved | None:
        """Which save wrote the token file's pair (its time of change when it does not say),
        or None when there is no file."""
        try:
            modified = self.path.stat().st_mtime
        except FileNotFoundError:
            return None
        saved = _saved(self.path)
        return saved if saved is not None else Saved(None, modified)

    def _generation(self) -> int:
        """The count of saves of the pair now in the token file (0: none, or not counted)."""
        saved = _saved(self.path)
        return (saved.generation or 0) if saved is not None else 0

    def tidy(self) -> None:
        """Recover what killed saves left behind, if any, unless another process holds the
        lock (it may be saving now; the next lock holder recovers)."""
        if not self.leftovers():
            return
        with contextlib.suppress(PublishError), self.lock(timeout=0):
            pass  # the lock recovers as it is taken

    @contextlib.contextmanager
    def lock(self, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
        """Hold an exclusive OS lock on `<token file>.lock` (waits up to `timeout`), having
        recovered what a save killed before its rename left behind. A lock file this call made
        is removed with the folders made for it when no token file is left (see token_lock)."""
        deadline = time.monotonic() + timeout
        while True:
            made = missing_folders(self.lock_path.parent)
            fresh = not os.path.lexists(self.lock_path)
            self._make_folder()  # none can be made there (`/proc/…`): told, never retried
            try:
                fd = self._open_lock()
            except FileNotFoundError:
                # The holder took away the folder that was there (token_lock): make it again.
                if time.monotonic() < deadline:
                    continue
                raise self._busy() from None
            try:
                left = max(0.0, deadline - time.monotonic())
                if not wait_for(functools.partial(try_lock, fd), left, 0.05):
                    raise self._busy()
                if still_placed(fd, self.lock_path):
                    break
                release(fd)  # removed by the holder before: take the one there now
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
        try:
            try:
                self.recover()
                yield
            finally:
                if fresh and not self.path.exists() and not self.leftovers():
                    unplace(self.lock_path, made)
                release(fd)
        finally:
            os.close(fd)

    def _make_folder(self) -> None:
        """Make the token file's folder, or say in Vietnamese why it cannot be made."""
        folder = self.lock_path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise PublishError(
                f"Không tạo được thư mục {folder} để giữ tệp token Zalo {self.path.name}: "
                f"{os_reason(exc)}. Cách sửa: tạo thư mục đó (và cho lệnh publish quyền ghi), "
                f"hoặc đặt biến môi trường {ENV_TOKEN_FILE} trỏ tới một tệp trong thư mục "
                "ghi được, rồi chạy lại."
            ) from exc

    def _busy(self) -> PublishError:
        """The error of a lock another process holds past the wait."""
        return PublishError(
            f"Một tiến trình publish khác đang làm mới token Zalo quá lâu "
            f"(khoá {self.lock_path}). Hãy đợi tiến trình đó kết thúc rồi chạy lại."
        )

    def _open_lock(self) -> int:
        """Open (making it) the lock file in its folder, never through a link."""
        try:
            # Not through a link: with O_CREAT it would make a file wherever the link points.
            return open_no_follow(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            if not self.lock_path.is_symlink():
                raise
            raise PublishError(
                f"Tệp khóa {self.lock_path} của tệp token Zalo là một liên kết tượng trưng "
                "(symlink): lệnh không mở theo nó, vì nó có thể trỏ sang tệp khác trên máy. "
                f"Cách sửa: xóa {self.lock_path} (khi không có lệnh publish nào đang chạy) rồi "
                "chạy lại; lệnh tự tạo lại tệp khóa."
            ) from None


READING_MARGIN = 60.0
"""Seconds an access token must still be valid for a read-only manager to hand it out."""


class TokenManager:
    """Hands out a valid access token, refreshing (and persisting the rotation) when needed."""

    def __init__(
        self,
        app: AppCredentials,
        token_file: TokenFile,
        *,
        initial: TokenPair | None = None,
        refresh_margin: float = REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
        read: Read | None = None,
    ) -> None:
        """`read`: the token file as the caller just read it, so current() need not read it
        again while it stays the same."""
        self.app = app
        self.token_file = token_file
        self._initial = initial
        self.refresh_margin = refresh_margin
        self._clock = clock
        self._guard = threading.RLock()
        self._cached: Read | None = read
        self._seen: set[str] = set()
        self._tidied = False
        self._read_only = False
        """Set by reading(): nothing is written, not even the token file."""
        self._from_env = False
        """Whether this process wrote a pair into the token file by exchanging
        ZALO_REFRESH_TOKEN (see refreshed_from_env)."""
        keep(app.app_secret)
        if initial is not None:
            self._remember(initial)
        if read is not None:
            self._remember(read[1])

    def __repr__(self) -> str:
        """Show the app id and the token file, never a token."""
        return f"TokenManager(app_id={self.app.app_id!r}, token_file={str(self.token_file.path)!r})"

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        oa_id: str = "",
        refresh_margin: float = REFRESH_MARGIN,
        project: Path | None = None,
    ) -> TokenManager:
        """Build from ZALO_APP_ID, ZALO_APP_SECRET, ZALO_REFRESH_TOKEN, ZALO_ACCESS_TOKEN and the
        token file of OA `oa_id` (ZALO_TOKEN_FILE, else that OA's default one), which must not
        lie inside the `project` folder."""
        env = credentials_env(os.environ if env is None else env)
        missing = [name for name in (ENV_APP_ID, ENV_APP_SECRET) if not env.get(name)]
        token_file, read = _chosen(env, oa_id)
        if project is not None:
            refuse_inside_project(token_file.path, project)
        refresh = env.get(ENV_REFRESH_TOKEN)
        if not refresh and not token_file.exists():
            missing.append(ENV_REFRESH_TOKEN)
        if missing:
            empty = [name for name in missing if name in env]
            shown = [f"{name} (có đặt nhưng rỗng)" if name in env else name for name in missing]
            raise PublishError(
                "Thiếu thông tin đăng nhập Zalo OA: chưa đặt biến môi trường "
                + ", ".join(shown)
                + f" (và chưa có tệp token {token_file.path}). "
                + (EMPTY_IN_CI if empty else "")
                + "Không gửi gì lên Zalo. Cách sửa: lấy App ID, App Secret "
                "trong trang quản lý ứng dụng Zalo và refresh token khi OA cấp quyền, rồi đặt vào "
                "các biến môi trường trên (không ghi vào kho mã nguồn). Refresh token và tệp token "
                "có được bằng lệnh `publish zalo-login` (chỉ cần App ID và App Secret)."
            )
        if read is None:
            read = token_file.read()  # fail early on bad permissions or a corrupt file
        saved = read[1] if read is not None else None
        if saved is not None and oa_id and saved.oa_id and saved.oa_id != oa_id:
            raise PublishError(
                f"Tệp token Zalo {token_file.path} giữ token của OA mã {saved.oa_id} (ghi khi "
                f"chạy `publish zalo-login`), không phải OA {oa_id} ghi ở [zalo] oa_id trong "
                "site.toml: không dùng nó, không gửi gì. Cách sửa: đặt ZALO_TOKEN_FILE là tệp "
                f"token của OA {oa_id} (hoặc bỏ ZALO_TOKEN_FILE để dùng tệp riêng mặc định của "
                "OA đó), hay chạy `publish zalo-login` trong thư mục dự án này."
            )
        initial = None
        if refresh:
            initial = TokenPair(
                refresh_token=refresh, access_token=env.get(ENV_ACCESS_TOKEN) or None
            )
        app = AppCredentials(env[ENV_APP_ID], env[ENV_APP_SECRET])
        return cls(app, token_file, initial=initial, refresh_margin=refresh_margin, read=read)

    def reading(self) -> TokenManager:
        """This manager for a run that must write nothing (a dry run): it hands out the access
        token in use only while it is fresh, and never refreshes (which would spend the
        single-use refresh token where the new pair may not be kept), recovers or marks the
        token file."""
        with self._guard:
            copy = TokenManager(
                self.app,
                self.token_file,
                initial=self._initial,
                # The margin keeps a long sync from finding its token expired half-way, at the
                # price of a refresh; a dry run cannot refresh, and reads for a minute at most.
                refresh_margin=min(self.refresh_margin, READING_MARGIN),
                clock=self._clock,
                read=self._cached,
            )
        copy._read_only = True
        copy._tidied = True
        return copy

    def has_fresh(self) -> bool:
        """Whether the pair in use holds an access token that is not about to expire."""
        return self._fresh(self.current())

    def not_refreshed(self) -> str:
        """Why this read-only manager gives no access token: none was ever had (no token file
        yet, only the environment's refresh token), or the one at hand expired or was refused."""
        if not self.token_file.exists() and not self.current().access_token:
            return NO_ACCESS_TOKEN
        return NOT_REFRESHED

    def secrets(self) -> tuple[str, ...]:
        """Every secret this manager has seen, for masking text before it is shown."""
        with self._guard:
            return (self.app.app_secret, *self._seen)

    def _remember(self, pair: TokenPair) -> None:
        """Note a pair's tokens as secrets to mask, here and in all the process shows."""
        self._seen.update(t for t in (pair.refresh_token, pair.access_token) if t)
        keep(pair.refresh_token, pair.access_token)

    def names_no_oa(self) -> bool:
        """Whether the token in use comes from a token file that names no OA (written by an
        older version, or by a refresh of ZALO_REFRESH_TOKEN before Zalo confirmed its OA): it
        may be another OA's."""
        return self.token_file.exists() and self.current().oa_id is None

    def refreshed_from_env(self) -> bool:
        """Whether this very process exchanged ZALO_REFRESH_TOKEN for the pair it saved in the
        token file (a first run on CI, or a new secret after a re-authorization): a file naming
        no OA is then not an older version's, which may hold another unit's token, but this
        unit's own, only not confirmed yet."""
        return self._from_env

    def has_env_refresh(self) -> bool:
        """Whether ZALO_REFRESH_TOKEN was given (CI): the token file may hold the pair it became."""
        return self._initial is not None

    def record_oa(self, oa_id: str, access_token: str) -> None:
        """Write `oa_id` into a token file that names no OA once Zalo said (getoa) that
        `access_token` is that OA's, if the file holds the pair of that very access token:
        from then on no other OA's sync reads it nor login writes over it, and no later run
        need ask Zalo again."""
        if self._read_only:
            return
        with self._guard:
            # No file: the token asked with was the environment's, nothing on disk to name.
            # A file naming an OA already (the usual run) is left alone without taking the lock.
            if not self.token_file.exists() or self.current().oa_id is not None:
                return
            with self.token_file.lock():
                pair = self.token_file.load()
                # Rotated meanwhile (another process), or never the pair Zalo was asked about.
                if pair is None or pair.oa_id is not None or pair.access_token != access_token:
                    return
                self.token_file.save(replace(pair, oa_id=oa_id))
                self._cached = None

    def current(self) -> TokenPair:
        """The pair in use: the token file when it exists, else the one from the environment."""
        with self._guard:
            if not self._tidied:
                # A kill between a save's fsync and its rename left the newer pair aside.
                self._tidied = True
                self.token_file.tidy()
            try:
                info = self.token_file.path.stat()
            except FileNotFoundError:
                if self._initial is None:
                    raise PublishError(
                        f"Không tìm thấy tệp token Zalo {self.token_file.path} và chưa đặt "
                        f"{ENV_REFRESH_TOKEN}. " + REAUTHORIZE
                    ) from None
                return self._initial
            if self._cached is None or self._cached[0] != file_key(info):
                read = self.token_file.read()
                if read is None:  # removed between stat and read
                    self._cached = None
                    return self.current()
                self._remember(read[1])
                self._cached = read
            return self._cached[1]

    def _fresh(self, pair: TokenPair) -> bool:
        """Whether the pair's access token exists and is not about to expire."""
        return _fresh_at(pair, self.refresh_margin, self._clock())

    def access_token(self, send: OAuthSender) -> str:
        """A usable access token, refreshing first when there is none or it expires soon."""
        pair = self.current()
        if self._fresh(pair):
            return pair.access_token  # type: ignore[return-value]
        return self.refresh(send, failed=pair.access_token)

    def refresh(self, send: OAuthSender, *, failed: str | None) -> str:
        """Refresh once, unless another thread/process already replaced the `failed` token."""
        return self.renew(send, failed=failed)[0]

    def renew(self, send: OAuthSender, *, failed: str | None) -> tuple[str, bool]:
        """`refresh`'s token, and whether this call exchanged the refresh token for it (False:
        another thread or process had already replaced the `failed` token)."""
        if self._read_only:
            raise ZaloError(self.not_refreshed(), operation="refresh")
        with self._guard, self.token_file.lock():
            pair = self.current()
            if pair.access_token and pair.access_token != failed and self._fresh(pair):
                logger.debug(
                    "Zalo access token đã được làm mới bởi tiến trình khác; dùng token đó."
                )
                return pair.access_token, False
            created = not self.token_file.exists()
            from_env = (
                self._initial is not None and pair.refresh_token == self._initial.refresh_token
            )
            earlier = self._note_sending(pair)
            # Everything a save needs but the pair is done first: once Zalo has answered, the
            # refresh token in the file is spent and only the reply holds the pair it accepts.
            prepared = self.token_file.prepare()
            try:
                try:
                    new_pair = self._exchange(send, pair)
                except ZaloError as error:
                    told = self._interrupted(error, pair, earlier)
                    new_pair = self._exchange_env_instead(send, pair, told)
                self.token_file.commit(prepared, new_pair)
                self._from_env = self._from_env or from_env
            except ZaloError as error:
                # Zalo answered (api_message is its words): this sending spent nothing of ours.
                # With no answer read, it may have: the note stays for the next run.
                if earlier is None and error.api_message is not None:
                    self._unnote_sending(pair, created=created)
                raise
            finally:
                prepared.discard()
            self._remember(new_pair)
            self._cached = None
            logger.info("Đã làm mới access token Zalo và lưu vào %s.", self.token_file.path)
            return new_pair.access_token, True  # type: ignore[return-value]

    def _note_sending(self, pair: TokenPair) -> Spending | None:
        """With the lock held, before `pair`'s refresh token is sent: save in the token file
        that it is on its way (the pair saved after the refresh carries no such note), and
        return an earlier run's note of the same token, which its -14014 must tell about."""
        if pair.sending is not None and pair.sending.of(pair.refresh_token):
            return pair.sending  # the earlier sending is the one the operator must hear of
        if not pair.refresh_token:
            return None  # a probe with no refresh token (zalo-login): nothing can be spent
        self.token_file.save(replace(pair, sending=Spending.now(pair.refresh_token)))
        self._cached = None
        return None

    def _unnote_sending(self, pair: TokenPair, *, created: bool) -> None:
        """Take this run's note off the token file when Zalo's answer showed the token unspent
        by it, unless the file changed meanwhile; the file itself when the note made it (the
        pair was the environment's): as it was, a login may write the OA's file there."""
        saved = self.token_file.load()
        if saved is None or saved.refresh_token != pair.refresh_token or not saved.sending:
            return
        if created:
            self.token_file.path.unlink()
        else:
            self.token_file.save(replace(saved, sending=None))
        self._cached = None

    def _interrupted(
        self, error: ZaloError, pair: TokenPair, earlier: Spending | None
    ) -> ZaloError:
        """`error`, or when it is a -14014 for a token an earlier run sent and saved no pair
        after (killed in between), the error saying so and how to recover."""
        if error.code != -14014 or earlier is None:
            return error
        source = (
            f"của biến {ENV_REFRESH_TOKEN}"
            if self._initial is not None and pair.refresh_token == self._initial.refresh_token
            else f"trong tệp token {self.token_file.path}"
        )
        message = interrupted_message(
            self.token_file.path, earlier, source=source, in_ci=self.has_env_refresh()
        )
        return ZaloError(
            message,
            code=-14014,
            api_message=error.api_message,
            operation="refresh",
            http_status=error.http_status,
        )

    def _exchange_env_instead(
        self, send: OAuthSender, pair: TokenPair, error: ZaloError
    ) -> TokenPair:
        """The pair ZALO_REFRESH_TOKEN gives when the token file's refresh token was refused as
        spent (-14014) and the environment holds another one, else `error` raised: a new secret
        set after a re-authorization, the old token file (CI cache) forgotten, which wins over
        the secret. Its OA is not known until Zalo confirms it (getoa), as for a first run."""
        initial = self._initial
        if error.code != -14014 or initial is None or initial.refresh_token == pair.refresh_token:
            raise error
        try:
            new_pair = self._exchange(send, initial)
        except ZaloError:
            raise error from None  # the environment's token is spent too (the usual first one)
        self._from_env = True
        logger.warning(
            "Refresh token trong tệp token %s đã hết hiệu lực; đã dùng ZALO_REFRESH_TOKEN "
            "(khác tệp) và ghi cặp token mới vào tệp.",
            self.token_file.path,
        )
        return new_pair

    def _exchange(self, send: OAuthSender, pair: TokenPair) -> TokenPair:
        """POST the refresh grant and parse the reply (no envelope; errors as negative codes)."""
        form = {
            "refresh_token": pair.refresh_token,
            "app_id": self.app.app_id,
            "grant_type": "refresh_token",
        }
        response = send(form, {"secret_key": self.app.app_secret})
        secrets = self.secrets()
        text = response.text.strip()
        if not text:  # [U] one team saw an empty 200 body for an already-used refresh token
            raise api_error("refresh", -14014, "empty response", secrets=secrets)
        try:
            data = json.loads(text)
        except ValueError:
            raise ZaloError(
                f"Máy chủ OAuth Zalo trả về phản hồi không phải JSON (HTTP {response.status_code}) "
                "khi làm mới access token. Hãy thử lại sau.",
                operation="refresh",
                http_status=response.status_code,
            ) from None
        if not isinstance(data, dict):
            data = {}
        error = error_code(data.get("error"))
        access = data.get("access_token")
        if error or not isinstance(access, str) or not access:
            message = data.get("error_description") or data.get("message") or data.get("error_name")
            raise api_error("refresh", error or -14014, str(message or ""), secrets=secrets)
        # Nothing below may fail: the old refresh token is spent, and the new one must be saved.
        refresh = data.get("refresh_token")
        expires_in = seconds(data.get("expires_in"))
        return TokenPair(
            # Keep the old refresh token if the reply has none (some say rotation is not always done).
            refresh_token=refresh if isinstance(refresh, str) and refresh else pair.refresh_token,
            access_token=access,
            expires_at=self._clock() + expires_in if expires_in > 0 else None,
            lifetime=expires_in if expires_in > 0 else None,
            oa_id=pair.oa_id,
        )


def _fsync_folder(directory: Path) -> None:
    """Make a rename in `directory` survive a power loss."""
    if sys.platform == "win32":
        return  # a folder cannot be opened to fsync there; NTFS journals the rename itself
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _own_file(path: Path) -> bool:
    """Whether `path` is a regular file (not a link) of the user running the command."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and mine


def _private_folder(folder: Path) -> bool:
    """Whether no one but its owner may add or replace files in `folder` (see _check_private)."""
    if sys.platform == "win32":
        return True  # the folder's access list decides there (see TokenFile._check_private)
    try:
        mode = os.stat(folder).st_mode
    except OSError:
        return False
    return not mode & 0o022 or bool(mode & stat.S_ISVTX)


@dataclass(frozen=True)
class Saved:
    """Which save wrote a token file: its count of saves and its clock time, when recorded."""

    generation: int | None
    at: float | None

    def after(self, other: Saved) -> bool:
        """Whether this save came after `other`: by their counts when both have one (clock
        times go back when the clock is set back), else by clock time (files of versions
        that did not count)."""
        if self.generation is not None and other.generation is not None:
            return self.generation > other.generation
        never = float("-inf")
        return (self.at if self.at is not None else never) > (
            other.at if other.at is not None else never
        )


def _saved(path: Path) -> Saved | None:
    """Which save wrote the pair in token file `path`, or None when it holds no whole pair of
    this user's (cut short, not a regular file, another user's) or says neither."""
    try:
        if TokenFile(path).read() is None:
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (PublishError, OSError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    at, generation = raw.get("saved_at"), raw.get("generation")
    saved = Saved(
        generation if isinstance(generation, int) and not isinstance(generation, bool) else None,
        float(at) if isinstance(at, int | float) and not isinstance(at, bool) else None,
    )
    return saved if saved.generation is not None or saved.at is not None else None


def credentials_env(env: Mapping[str, str]) -> dict[str, str]:
    """The credentials as pasted, without the spaces and newline a CI secret or `$(cat …)` adds."""
    names = (ENV_APP_ID, ENV_APP_SECRET, ENV_REFRESH_TOKEN, ENV_ACCESS_TOKEN, ENV_TOKEN_FILE)
    return {**env, **{name: env[name].strip() for name in names if name in env}}


def error_code(value: Any) -> int:
    """An OAuth error code sent as a number or a string; -1 when unreadable, 0 when absent."""
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return -1


def seconds(value: Any) -> float:
    """`expires_in`, often a string ("90000"); 0 (unknown) when absent or unreadable."""
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0
