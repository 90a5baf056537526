"""`publish zalo-login`: the OA admin grants the app access once; the token file is written.

Like `gh auth login`: print the consent URL, get the code back (a one-shot listener on a loopback
redirect URI, or the address the browser ended on, pasted), check `state`, exchange the code with
the PKCE verifier, check which OA the token belongs to, and save the pair where `publish sync`
reads it. No token, code or verifier is ever printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shlex
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from publish import config as config_module
from publish.cli import common_options
from publish.commands.arguments import wait_seconds
from publish.errors import PublishError
from publish.zalo.client import ClientSettings, ZaloClient
from publish.zalo.errors import ZaloError
from publish.zalo.login import (
    Callback,
    LoginRequest,
    exchange_code,
    listen_for_callback,
    listener_address,
    parse_callback,
)
from publish.zalo.token_place import refuse_inside_project
from publish.zalo.tokens import (
    ENV_APP_ID,
    ENV_APP_SECRET,
    ENV_TOKEN_FILE,
    SHARED_NAME,
    AppCredentials,
    TokenFile,
    TokenManager,
    TokenPair,
    credentials_env,
    default_token_file,
)

__all__ = ["add_parser", "run"]

_WINDOWS = sys.platform == "win32"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""Never write the token through a symlink put there (Windows has no such flag)."""
# What the admin types, and what the files' privacy rests on, in the shell README gives for each
# system: cmd.exe on Windows (it activates the tool with `Scripts\activate`), a POSIX shell else.
_SET_VARIABLE = "set " if _WINDOWS else "export "
_REMOVE_FILE = "del " if _WINDOWS else "rm "
# Windows keeps no mode bits: who reads a file there is up to its folder (README, "Bảo mật").
_MODE_SHOWN = "" if _WINDOWS else " (quyền 600)"
_MODE_NOTE = "" if _WINDOWS else "quyền 600; "
_PRIVATE_FOLDER = " (trong thư mục người dùng của bạn)" if _WINDOWS else " (quyền 0700)"

REDIRECT_RULE = (
    "phải trùng địa chỉ đã khai báo trong phần cài đặt ứng dụng (Callback URL của ứng dụng "
    "trên developers.zalo.me), từng ký tự"
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `zalo-login`."""
    parser = subparsers.add_parser(
        "zalo-login",
        parents=[common_options()],
        help="quản trị viên OA cấp quyền cho ứng dụng và lưu token Zalo (thay API Explorer)",
        description=(
            "In địa chỉ cấp quyền của Zalo (OAuth v4 + PKCE) để quản trị viên OA mở, nhận mã cấp "
            "quyền, đổi lấy token và ghi tệp token mà `publish sync` dùng (ZALO_TOKEN_FILE, quyền "
            "600). App ID và App Secret lấy từ biến môi trường ZALO_APP_ID, ZALO_APP_SECRET. "
            "Không bao giờ in token."
        ),
    )
    parser.add_argument(
        "--redirect-uri",
        metavar="ĐỊA_CHỈ",
        help=(
            "địa chỉ gọi lại (Callback URL) đã khai báo trong cài đặt ứng dụng; mặc định [zalo] "
            "redirect_uri của site.toml. Dạng http://127.0.0.1:CỔNG/… hay http://localhost:CỔNG/… "
            "thì lệnh tự nhận kết quả"
        ),
    )
    parser.add_argument(
        "--paste",
        action="store_true",
        help="không lắng nghe: dán địa chỉ trình duyệt dừng lại sau khi cấp quyền",
    )
    parser.add_argument(
        "--refresh-token-file",
        type=Path,
        metavar="TỆP",
        help=(
            "chỉ ghi refresh token vào TỆP mới (quyền 600) để đặt vào bí mật của CI, ví dụ "
            "`gh secret set ZALO_REFRESH_TOKEN --env publish < TỆP`, rồi xóa tệp; không ghi tệp "
            "token của máy này (refresh token chỉ dùng được một lần)"
        ),
    )
    parser.add_argument(
        "--timeout",
        type=wait_seconds,
        default=600.0,
        metavar="GIÂY",
        help="chờ trình duyệt quay về tối đa bấy nhiêu giây (mặc định 600)",
    )
    parser.set_defaults(run=run)


def _app(env: Mapping[str, str]) -> AppCredentials:
    """App id and secret from the environment, as `publish sync` reads them."""
    missing = [name for name in (ENV_APP_ID, ENV_APP_SECRET) if not env.get(name)]
    if missing:
        raise PublishError(
            "Thiếu thông tin ứng dụng Zalo: chưa đặt biến môi trường "
            + ", ".join(missing)
            + ". Cách sửa: lấy App ID và App Secret ở trang Cài đặt của ứng dụng trên "
            f"developers.zalo.me, đặt vào biến môi trường (ví dụ `{_SET_VARIABLE}ZALO_APP_ID=…`; "
            "không ghi vào site.toml hay vào kho) rồi chạy lại publish zalo-login."
        )
    return AppCredentials(env[ENV_APP_ID], env[ENV_APP_SECRET])


def _project(root: Path) -> config_module.Config | None:
    """The project's settings when `root` holds a site.toml, else None (login works anywhere)."""
    if not (root / config_module.CONFIG_NAME).is_file():
        return None
    return config_module.load(root)


def _redirect_uri(args: argparse.Namespace, project: config_module.Config | None) -> str:
    """--redirect-uri, else [zalo] redirect_uri; an absolute http(s) URL."""
    value = args.redirect_uri
    where = "--redirect-uri"
    if not value and project is not None and project.zalo.redirect_uri.strip():
        value = project.zalo.redirect_uri.strip()
        where = "[zalo] redirect_uri trong site.toml"
    if not value:
        raise PublishError(
            "Chưa có địa chỉ gọi lại của ứng dụng Zalo. Cách sửa: chạy lại với --redirect-uri "
            'ĐỊA_CHỈ (hoặc đặt redirect_uri = "…" trong bảng [zalo] của site.toml); địa chỉ '
            f"{REDIRECT_RULE}. Ví dụ: khai báo http://127.0.0.1:8787/zalo trong cài đặt ứng "
            "dụng và chạy `publish zalo-login --redirect-uri http://127.0.0.1:8787/zalo`."
        )
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PublishError(
            f"{where}: cần một địa chỉ http:// hoặc https:// đầy đủ, nhận được «{value}». Địa "
            f"chỉ {REDIRECT_RULE}."
        )
    return value


def _refresh_out(path: Path | None) -> Path | None:
    """The --refresh-token-file path, refused at once when it exists (never overwritten) or its
    folder does not: found only after the exchange, the new token would be lost with the code."""
    if path is None:
        return None
    if path.exists() or path.is_symlink():
        raise PublishError(
            f"--refresh-token-file: tệp {path} đã có; lệnh chỉ ghi vào tệp mới để không ghi "
            "đè gì. Cách sửa: xóa tệp đó (nếu là refresh token cũ) hoặc chọn tên khác."
        )
    folder = path.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise PublishError(
            f"--refresh-token-file: không ghi được tệp mới trong thư mục {folder} (chưa có thư "
            "mục đó, hoặc không có quyền ghi). Cách sửa: tạo thư mục hoặc chọn chỗ khác rồi chạy "
            "lại publish zalo-login; chưa lấy token nào."
        )
    return path


def _writable(path: Path) -> None:
    """Refuse at once a token file whose folder cannot be made or written, or that names a
    folder or another thing than a file: found only when saving, after the code was spent, the
    new pair would be lost and consent needed again."""
    if path.exists() and not path.is_file():
        kind = "là một thư mục" if path.is_dir() else "không phải một tệp thường"
        raise PublishError(
            f"không ghi được tệp token {path}: đường dẫn đó {kind}. Cách sửa: đặt "
            "ZALO_TOKEN_FILE là đường dẫn tới một tệp (ví dụ "
            f"{path / 'zalo-token.json'}), hoặc dời thứ đang ở đó đi, rồi chạy lại publish "
            "zalo-login; chưa lấy token nào."
        )
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise PublishError(
            f"không ghi được tệp token {path}: {folder} không phải thư mục ghi được. Cách sửa: "
            f"đặt ZALO_TOKEN_FILE vào một thư mục của bạn{_PRIVATE_FOLDER}, hoặc tạo thư mục đó, rồi "
            "chạy lại publish zalo-login; chưa lấy token nào, tệp token cũ (nếu có) vẫn nguyên."
        )


def run(args: argparse.Namespace) -> int:
    """Get the OA's first token pair and write the token file."""
    env = credentials_env(os.environ)  # as `publish sync` reads them: the same token file
    app = _app(env)
    project = _project(args.root)
    redirect_uri = _redirect_uri(args, project)
    refresh_out = _refresh_out(args.refresh_token_file)
    wanted = project.zalo.oa_id.strip() if project is not None else ""
    token_file = TokenFile(default_token_file(env, wanted))
    if project is not None:
        where = refresh_out if refresh_out is not None else token_file.path
        refuse_inside_project(where, args.root, refresh_out=refresh_out is not None)
    if refresh_out is None:
        _writable(token_file.path)
        _not_another_oas(token_file, wanted)
    settings = ClientSettings.from_env(env)
    request = LoginRequest(app.app_id, redirect_uri, settings.oauth_base)
    callback = _wait_for_callback(args, request)
    code = _checked_code(callback, request)
    with httpx.Client(
        timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout)
    ) as http:
        pair = exchange_code(app, request, code, http=http)
    pair, named = _check_oa(app, pair, settings, wanted, callback.oa_id)
    if refresh_out is not None:
        # The refresh token is single use: a copy kept here too would die as soon as CI
        # refreshed (or kill CI's when this machine synced), so it goes to CI alone.
        _write_refresh_token(refresh_out, pair, named)
        _tell_oa_id_to_write(project, pair.oa_id)
        return 0
    if not wanted and pair.oa_id and not env.get(ENV_TOKEN_FILE):
        token_file = TokenFile(default_token_file(env, pair.oa_id))  # found out only now
    shared = _older_shared(token_file, shared=not env.get(ENV_TOKEN_FILE))
    # The older shared file is never written over, whoever's it is: nothing to ask Zalo.
    said = "" if shared else _oa_of_saved(app, token_file, settings)
    with token_file.lock():
        kept = _holder_elsewhere(token_file, pair, said, shared=shared)
        if kept is not None:
            token_file = TokenFile(_free_beside(token_file.path, pair.oa_id))
        token_file.save(pair)
    if said == SPENT:
        print(
            f"Tệp {token_file.path} giữ refresh token mà một lần chạy trước đã gửi cho Zalo rồi "
            "bị dừng đột ngột trước khi lưu cặp token mới (Zalo từ chối nó: mã lỗi -14014, chỉ "
            "dùng được một lần), nên tệp không còn token dùng được: đã ghi token mới vào chính "
            "tệp đó, kèm mã OA."
        )
    print(f"Đã lấy token của {named} và lưu vào {token_file.path}{_MODE_SHOWN}.")
    if kept is not None:
        print(
            f"Không ghi vào {kept[0]}: tệp đó đang giữ token của {kept[1]}, ghi đè sẽ làm mất "
            "token của OA đó (refresh token chỉ dùng được một lần). Để `publish sync` của "
            f"{named} dùng tệp vừa ghi, đặt ZALO_TOKEN_FILE={_shell_path(token_file.path)} khi "
            "chạy lệnh cho OA này."
        )
        _tell_oa_id_to_write(project, pair.oa_id)
        return 0
    print("Từ giờ `publish sync` trên máy này dùng tệp token đó (tự làm mới khi cần).")
    _tell_oa_id_to_write(project, pair.oa_id)
    return 0


def _tell_oa_id_to_write(project: config_module.Config | None, oa_id: str | None) -> None:
    """What to write in site.toml when it names no OA yet (a project made by `publish init`
    without --oa-id): the token is of no use until then, and `publish sync`, on CI too, sends
    nothing to Zalo without a word about it."""
    if project is None or project.zalo.oa_id.strip() or not oa_id:
        return
    channels = (
        ""
        if "zalo" in project.site.default_channels
        else ' và thêm "zalo" vào default_channels ở bảng [site]'
    )
    print(
        f'site.toml chưa ghi mã OA: ghi oa_id = "{oa_id}" vào bảng [zalo]{channels} (README của '
        "publish: «Đơn vị có Zalo OA sau»), rồi commit. Chưa ghi thì publish sync, cả trên CI, "
        "không gửi gì lên Zalo."
    )


def _recorded_oa(token_file: TokenFile) -> tuple[bool, str | None]:
    """Whether the token file holds a readable token, and the OA it says the token is for
    (None: not said). An unreadable file is written over as before: its checks say how."""
    try:
        pair = token_file.load()
    except PublishError:
        return False, None
    return pair is not None, pair.oa_id if pair is not None else None


def _not_another_oas(token_file: TokenFile, wanted: str) -> None:
    """Refuse before consent to write over a token file another OA's login wrote: that OA's
    single-use refresh token would be lost, and its sync would stop until a new login."""
    exists, recorded = _recorded_oa(token_file)
    if not (exists and wanted and recorded and recorded != wanted):
        return
    other = token_file.path.with_name(f"zalo-token-{wanted}.json")
    raise PublishError(
        f"Tệp token {token_file.path} (ZALO_TOKEN_FILE) đang giữ token của OA mã {recorded}, "
        f"không phải OA {wanted} ghi ở [zalo] oa_id trong site.toml: ghi token mới vào đó sẽ "
        "làm mất token của OA kia (refresh token chỉ dùng được một lần), nên không ghi gì. "
        f"Cách sửa: đặt ZALO_TOKEN_FILE là một tệp khác cho OA {wanted} (ví dụ {other}), hoặc "
        "bỏ ZALO_TOKEN_FILE để mỗi OA dùng tệp riêng mặc định, rồi chạy lại publish "
        "zalo-login; chưa lấy token nào."
    )


SPENT = "(spent)"
"""What _oa_of_saved says of a token file naming no OA whose refresh token a run sent to Zalo
and died before saving the pair that replaced it, Zalo now refusing it (-14014): no OA's
working token is in it, so the login writes over it (where that OA's sync reads) rather than
beside it."""


def _oa_of_saved(app: AppCredentials, token_file: TokenFile, settings: ClientSettings) -> str:
    """The OA Zalo says (getoa) the token file's token is for, when the file names none; ""
    when it cannot say. A live access token is asked about alone (nothing spent). An expired
    one is refreshed through the file itself, so the rotated pair is saved there before
    anything else (the file's OA keeps a working token, whichever OA it is), and the OA Zalo
    then names is recorded in it: the login can then renew the OA's own file in place instead
    of writing a new one beside it."""
    try:
        saved = token_file.load()
    except PublishError:
        return ""
    if saved is None or saved.oa_id:
        return ""
    if not saved.access_token or (saved.expires_at is not None and saved.expires_at <= time.time()):
        return _oa_after_refresh(app, token_file, settings, saved)
    with tempfile.TemporaryDirectory(prefix="publish-zalo-login-") as scratch:
        # No refresh token: should Zalo want a refresh, it fails instead of spending the file's.
        probe = TokenPair(refresh_token="", access_token=saved.access_token)
        tokens = TokenManager(app, TokenFile(Path(scratch) / "token.json"), initial=probe)
        with ZaloClient(tokens, settings) as client:
            try:
                return str(client.getoa().get("oa_id") or "").strip()
            except ZaloError:
                return ""


def _oa_after_refresh(
    app: AppCredentials, token_file: TokenFile, settings: ClientSettings, saved: TokenPair
) -> str:
    """getoa with the token file's pair refreshed in place (the new pair saved there first),
    the OA it names then recorded in the file and told; SPENT when Zalo refuses (-14014) a
    refresh token the file notes an earlier run sent and saved nothing after (`saved`: the
    file's pair); "" when Zalo cannot say, or the file cannot be locked, saved or read back
    (a sync holding it): the login then writes its new pair beside the file, as before,
    rather than stop with the code already exchanged."""
    tokens = TokenManager(app, token_file)
    try:
        with ZaloClient(tokens, settings) as client:
            profile, asked = client.getoa_with_token()
        said = str(profile.get("oa_id") or "").strip()
        if said.isdigit():
            tokens.record_oa(said, asked)
    except ZaloError as error:
        # Only the file's own note makes the refusal proof: a token another app's unit keeps
        # in a shared ZALO_TOKEN_FILE is refused by this app too, yet still works with its own.
        interrupted = saved.sending is not None and saved.sending.of(saved.refresh_token)
        return SPENT if error.code == -14014 and interrupted else ""
    except PublishError:
        return ""
    if said.isdigit():
        # Said, because a copy of the old refresh token kept elsewhere no longer works.
        print(
            f"Tệp {token_file.path} giữ token cũ không ghi mã OA, access token đã hết hạn: đã "
            f"làm mới token trong tệp đó và ghi mã OA Zalo cho biết ({said}) vào tệp."
        )
    return said


def _older_shared(token_file: TokenFile, *, shared: bool) -> bool:
    """Whether the file is the one older versions shared between all OAs (`shared`: not named
    by ZALO_TOKEN_FILE)."""
    return shared and token_file.path.name == SHARED_NAME


def _holder_elsewhere(
    token_file: TokenFile, pair: TokenPair, said: str, *, shared: bool
) -> tuple[Path, str] | None:
    """The file and whose token it holds, when it may be another OA's than the new pair's: it
    says another OA, or it names none and Zalo did not say (`said`) it is the new pair's OA, or
    it is the file older versions shared between all OAs (`shared`, see _older_shared). None
    when writing over it is safe."""
    exists, recorded = _recorded_oa(token_file)
    if not exists or (recorded is not None and recorded == pair.oa_id):
        return None
    if said == SPENT:
        return None  # no working token in it to lose, and the OA's sync reads this file
    if recorded is not None:
        return token_file.path, f"OA mã {recorded}"
    if shared:
        return token_file.path, "OA đã đăng nhập trước đó trên máy này"
    if said and said == pair.oa_id:
        return None  # the OA's own file, from before files named their OA: the login renews it
    if said:
        return token_file.path, f"OA mã {said}"
    # A ZALO_TOKEN_FILE set for the whole machine may hold another unit's token.
    return token_file.path, "OA đã đăng nhập trước đó bằng tệp này (tệp không ghi mã OA)"


def _free_beside(path: Path, oa_id: str | None) -> Path:
    """A file name next to `path` that nothing uses yet, naming the OA when it is known."""
    stem = f"{path.stem}-{oa_id}" if oa_id and oa_id not in path.stem else f"{path.stem}-moi"
    candidate = path.with_name(stem + path.suffix)
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{stem}-{number}{path.suffix}")
        number += 1
    return candidate


def _wait_for_callback(args: argparse.Namespace, request: LoginRequest) -> Callback:
    """Print the consent URL and get Zalo's answer: by listening, or from a pasted address."""
    listen = None if args.paste else listener_address(request.redirect_uri)

    def show() -> None:
        """Tell the admin what to open and what happens next."""
        print(
            "Quản trị viên OA mở địa chỉ sau trong trình duyệt, đăng nhập Zalo và đồng ý cấp quyền"
        )
        print("cho ứng dụng (gồm quyền “Quản lý bài viết”):")
        print()
        print(f"  {request.consent_url}")
        print()
        if listen is not None:
            print(
                f"Đang chờ trình duyệt quay về {request.redirect_uri} (tối đa {args.timeout:.0f} "
                "giây; Ctrl-C để dừng)…",
                flush=True,
            )
        else:
            print(
                "Sau khi đồng ý, trình duyệt chuyển tới địa chỉ gọi lại (trang đó có thể báo lỗi, "
                "không sao). Chép toàn bộ địa chỉ trên thanh địa chỉ, dán vào đây rồi nhấn Enter:",
                flush=True,
            )

    try:
        if listen is not None:
            return listen_for_callback(request, timeout=args.timeout, ready=show)
        show()
        return _pasted(request)
    except KeyboardInterrupt:
        stopped = PublishError(
            "Đã dừng theo yêu cầu: chưa lấy token nào, không ghi gì. Chạy lại publish "
            "zalo-login khi sẵn sàng."
        )
        stopped.exit_code = 130
        raise stopped from None


def _pasted(request: LoginRequest) -> Callback:
    """Read the address the browser ended on from standard input."""
    line = sys.stdin.readline().strip()
    if not line:
        raise PublishError(
            "Không nhận được địa chỉ nào. Chạy lại publish zalo-login và dán toàn bộ địa chỉ "
            "trình duyệt dừng lại sau khi đồng ý cấp quyền."
        )
    parts = urlsplit(line)
    consent = urlsplit(request.consent_url)
    if (parts.netloc, parts.path) == (consent.netloc, consent.path):
        raise PublishError(
            "Địa chỉ dán vào vẫn là trang cấp quyền của Zalo: Zalo không chuyển trình duyệt về địa "
            "chỉ gọi lại. Trang đó báo -14003 thì --redirect-uri sai: địa chỉ này "
            f"{REDIRECT_RULE}. Sửa rồi chạy lại publish zalo-login."
        )
    if not parts.query:
        raise PublishError(
            "Địa chỉ dán vào không có phần “?code=…&state=…”. Chép toàn bộ địa chỉ trên thanh địa "
            "chỉ của trình duyệt (sau khi đồng ý cấp quyền) rồi chạy lại publish zalo-login."
        )
    return parse_callback(parts.query)


def _checked_code(callback: Callback, request: LoginRequest) -> str:
    """The code of a callback that carries this run's state, or the error Zalo sent back."""
    if callback.error:
        said = f"“{callback.error}”" + (
            f" ({callback.error_description})" if callback.error_description else ""
        )
        if "14003" in callback.error:
            raise PublishError(
                f"Zalo báo lỗi -14003 {said}: địa chỉ gọi lại {request.redirect_uri} {REDIRECT_RULE}. "
                "Sửa --redirect-uri (hoặc [zalo] redirect_uri) rồi chạy lại publish zalo-login."
            )
        raise PublishError(
            f"Zalo không cấp quyền: {said}. Quản trị viên OA cần đồng ý cấp quyền cho ứng dụng "
            "(gồm “Quản lý bài viết”); chạy lại publish zalo-login."
        )
    if callback.state != request.state:
        raise PublishError(
            "Mã “state” trong địa chỉ quay về không khớp với lần chạy này, nên không dùng mã cấp "
            "quyền đi kèm (có thể là địa chỉ của một lần chạy khác, hoặc không phải do Zalo gửi). "
            "Chạy lại publish zalo-login và dùng đúng địa chỉ nó in ra."
        )
    if not callback.code:
        raise PublishError(
            "Địa chỉ quay về không có mã cấp quyền (code). Chạy lại publish zalo-login và dán "
            "toàn bộ địa chỉ trình duyệt dừng lại sau khi đồng ý cấp quyền."
        )
    return callback.code


def _check_oa(
    app: AppCredentials,
    pair: TokenPair,
    settings: ClientSettings,
    wanted: str,
    callback_oa: str | None,
) -> tuple[TokenPair, str]:
    """Ask Zalo (getoa, as sync does) which OA the new token is for; refuse another than
    [zalo] oa_id. Returns the pair to save (a refresh during the call rotates it) and the OA's
    name for messages."""
    with tempfile.TemporaryDirectory(prefix="publish-zalo-login-") as scratch:
        # A scratch token file: the user's current one must not answer for the new pair.
        tokens = TokenManager(app, TokenFile(Path(scratch) / "token.json"), initial=pair)
        profile: dict = {}
        with ZaloClient(tokens, settings) as client:
            try:
                profile = client.getoa()
            except ZaloError as error:
                print(
                    f"zalo-login: cảnh báo: không kiểm tra được token thuộc OA nào ({error}).",
                    file=sys.stderr,
                )
        pair = tokens.current()
    found = str(profile.get("oa_id") or callback_oa or "").strip()
    name = str(profile.get("name") or "").strip()
    named = f"OA «{name}» (mã {found})" if name and found else f"OA mã {found}" if found else "OA"
    if wanted and found and found != wanted:
        raise PublishError(
            f"Token vừa cấp thuộc {named}, không phải OA {wanted} ghi ở [zalo] oa_id trong "
            "site.toml: không ghi token nào. Cách sửa: đăng nhập Zalo bằng tài khoản quản trị "
            f"OA {wanted}, chọn đúng OA khi cấp quyền rồi chạy lại publish zalo-login; nếu đơn vị "
            "đã đổi OA thì sửa oa_id."
        )
    # The project's OA when Zalo did not say: the file then goes where that OA's sync reads.
    owner = found if found.isdigit() else wanted
    return dataclasses.replace(pair, oa_id=owner or None), named


def _shell_path(path: Path) -> str:
    """`path` quoted for the shell the admin pastes the printed commands into."""
    if not _WINDOWS:
        return shlex.quote(str(path))
    text = str(path)
    return f'"{text}"' if any(c in text for c in " &()[]{}^=;!+,`~%") else text


def _write_refresh_token(path: Path, pair: TokenPair, named: str) -> None:
    """Write only the refresh token to a new 0600 file, for the CI's secret store (and no token
    file on this machine)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    except FileExistsError:
        raise PublishError(
            f"--refresh-token-file: tệp {path} vừa được tạo trong lúc chờ; không ghi đè, không "
            "lưu token nào. Chạy lại publish zalo-login với tên tệp khác."
        ) from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        if sys.platform != "win32":  # no fchmod there before Python 3.13; mode bits are moot
            os.fchmod(handle.fileno(), 0o600)  # the umask may have narrowed it, never widened it
        handle.write(pair.refresh_token)
    shown = _shell_path(path)
    print(
        f"Đã lấy token của {named} và ghi refresh token vào {path} ({_MODE_NOTE}không "
        "in ra màn hình), để dành cho CI: máy này không giữ bản nào. Đặt nó vào bí mật "
        f"của CI rồi xóa tệp:\n"
        f"  gh secret set ZALO_REFRESH_TOKEN --env publish < {shown}\n"
        f"  {_REMOVE_FILE}{shown}\n"
        "(GitLab: dán nội dung tệp vào biến ZALO_REFRESH_TOKEN ở Settings → CI/CD → Variables.) "
        "Xóa cả tệp token cũ trong cache của CI (xem README, “Xoay vòng token”), vì tệp có sẵn được "
        "ưu tiên hơn bí mật. Refresh token chỉ dùng được một lần: đừng dùng nó ở nơi khác."
    )
