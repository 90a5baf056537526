"""No Zalo secret ever leaves `publish sync` or `publish check`: not on stdout or stderr, not in a
log record, a --debug traceback, a summary file, nor any file under the project (state/ is
committed by CI, output/ is published) — whatever the emulated Zalo OA answers, echoes included.

Every run goes over real HTTP to the emulator with distinctive secrets holding characters that
URL- and JSON-encoding change, so each written form can be looked for.
"""

from __future__ import annotations

import io
import itertools
import json
import logging
import os
import stat
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from publish import cli
from publish.cli import main
from publish.nfc_streams import wrapped
from publish.secret_mask import PUBLIC
from publish.sync import zalo as zalo_sync
from publish.zalo import emulator_state
from publish.zalo.emulator import EmulatorConfig, Reply, ZaloEmulator
from tests.zalo_project import FAST_ENV, NOW, zalo_bulletin, zalo_project

REPO = Path(__file__).resolve().parents[1]
ACCESS = 'ACCESS-7f3c+a/b=c"d'
REFRESH = "REFRESH-9d1e+x/y=z"
APP_SECRET = "APPSECRET-51b2+k/l="
ROTATED = "ROTATED-{}-4a8e+q/r=s"
"""Every token the emulator issues (refresh: a new access and a new refresh token)."""

Hostile = Callable[[str, str, dict, bytes], Reply | None]


def written_forms(secret: str) -> set[str]:
    """Every way a secret may be written: as is, URL-encoded (either case), JSON-escaped."""
    escaped = json.dumps(secret)[1:-1]
    forms = {secret, quote(secret, safe=""), quote_plus(secret, safe=""), escaped}
    forms |= {quote(secret, safe="").lower(), escaped.replace("/", "\\/")}
    return forms


class Secrets:
    """The secrets of one test: the fixed ones and every token the emulator issued."""

    def __init__(self, emulator: ZaloEmulator) -> None:
        self.emulator = emulator

    def all(self) -> list[str]:
        """Every secret known now."""
        state = self.emulator.state
        issued = [*state.refresh_tokens, *state.used_refresh_tokens, *state.access_tokens]
        return sorted({ACCESS, REFRESH, APP_SECRET, *issued})

    def found_in(self, text: str) -> list[str]:
        """The written forms of any secret that `text` holds."""
        return sorted(f for s in self.all() for f in written_forms(s) if f in text)

    def files_holding(self, *places: Path) -> list[str]:
        """Every file under `places` (files or folders) holding a secret, with the form."""
        forms = [f.encode("utf-8") for s in self.all() for f in written_forms(s)]
        found = []
        for place in places:
            files = [place] if place.is_file() else sorted(place.rglob("*"))
            for path in files:
                if path.is_file() and not path.is_symlink():
                    data = path.read_bytes()
                    found += [f"{path}: {f!r}" for f in forms if f in data]
        return found


@pytest.fixture
def issued(monkeypatch: pytest.MonkeyPatch) -> None:
    """The emulator's new tokens are distinctive too (ROTATED-1-…, ROTATED-2-…)."""
    counter = itertools.count(1)
    monkeypatch.setattr(emulator_state, "new_oauth_token", lambda: ROTATED.format(next(counter)))


@pytest.fixture
def emu(issued: None) -> Iterator[ZaloEmulator]:
    """An emulator that accepts ACCESS and REFRESH, with the app secret APP_SECRET."""
    config = EmulatorConfig(
        app_secret=APP_SECRET, refresh_token=REFRESH, access_token=ACCESS, verify_processing_count=1
    )
    with ZaloEmulator(config) as emulator:
        yield emulator


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    """The token file, outside the project, in a folder of its owner's own."""
    folder = tmp_path / "secrets"
    folder.mkdir(mode=0o700)
    return folder / "zalo-token.json"


@pytest.fixture
def env(
    emu: ZaloEmulator, token_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """The environment of a CI job pointed at the emulator, GitHub's files included."""
    values = {
        **FAST_ENV,
        "ZALO_APP_ID": emu.config.app_id,
        "ZALO_APP_SECRET": APP_SECRET,
        "ZALO_REFRESH_TOKEN": REFRESH,
        "ZALO_TOKEN_FILE": str(token_file),
        "ZALO_API_BASE": emu.base_url,
        "ZALO_OAUTH_BASE": emu.base_url,
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(tmp_path / "ci" / "step-summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "ci" / "output.txt"),
        "GITHUB_WORKSPACE": str(tmp_path),
    }
    (tmp_path / "ci").mkdir()
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("ZALO_ACCESS_TOKEN", raising=False)
    monkeypatch.delenv("PUBLISH_ZALO_CRASH_AT", raising=False)
    return values


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Three approved bulletins for the web and Zalo."""
    return zalo_project(tmp_path, 3)


@pytest.fixture
def watch(
    emu: ZaloEmulator,
    project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> Callable[..., str]:
    """Assert that nothing since the last call shows a secret; returns what was printed."""
    caplog.set_level(logging.DEBUG)
    secrets = Secrets(emu)

    def check(*also: str) -> str:
        """Look at stdout, stderr, the log records, `also`, the project and CI's files."""
        out = capsys.readouterr()
        printed = out.out + out.err
        logged = "\n".join(
            [caplog.text]
            + [r.getMessage() for r in caplog.records]
            + [str(r.args) for r in caplog.records]
        )
        caplog.clear()
        for where, text in (("sortie", printed), ("log", logged), ("other", "\n".join(also))):
            assert secrets.found_in(text) == [], (where, text[-4000:])
        assert secrets.files_holding(project, tmp_path / "ci") == []
        return printed

    return check


def sync(root: Path, *extra: str) -> int:
    """`publish sync zalo` in this process."""
    return main(["--root", str(root), "--now", NOW, "sync", "zalo", *extra])


def edit(root: Path, index: int, **fields: str) -> None:
    """Rewrite bulletin `index` with changed fields."""
    path = root / "content" / "bai-viet" / f"ban-tin-{index:03d}.md"
    path.write_text(zalo_bulletin(index, **fields), encoding="utf-8")


def saved(token_file: Path) -> dict:
    """The token file's record."""
    return json.loads(token_file.read_text("utf-8"))


def mode(path: Path) -> int:
    """The permission bits of `path`."""
    return stat.S_IMODE(path.stat().st_mode)


def hostile(emu: ZaloEmulator, answer: Hostile) -> None:
    """Let `answer` reply instead of the emulator when it returns a Reply."""
    handle = emu.handle

    def replying(method: str, target: str, headers: dict, raw: bytes) -> Reply:
        """The hostile answer, else the emulator's."""
        return answer(method, target, headers, raw) or handle(method, target, headers, raw)

    emu.handle = replying  # type: ignore[method-assign]


# --- the scan itself ----------------------------------------------------------------------------


def test_the_scan_finds_each_written_form_of_a_secret(tmp_path: Path, emu: ZaloEmulator) -> None:
    """The checks below would see a secret however it was written."""
    secrets = Secrets(emu)
    for form in written_forms(ACCESS):
        assert secrets.found_in(f"x {form} y"), form
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "zalo.json").write_text(json.dumps({"t": ACCESS}), "utf-8")
    assert secrets.files_holding(tmp_path) != []
    assert written_forms(ACCESS) >= {"ACCESS-7f3c%2Ba%2Fb%3Dc%22d", 'ACCESS-7f3c+a/b=c\\"d'}


# --- everyday syncs -------------------------------------------------------------------------------


def test_create_update_hide_and_nothing_to_do_show_no_secret(
    project: Path,
    emu: ZaloEmulator,
    env: dict,
    token_file: Path,
    watch: Callable[..., str],
    tmp_path: Path,
) -> None:
    summary = tmp_path / "ci" / "summary.json"
    assert sync(project, "--summary-json", str(summary)) == 0
    printed = watch()
    assert "3 tạo mới" in printed and summary.exists()
    # The first sync exchanged REFRESH (single use): the new pair is on disk, nowhere else.
    record = saved(token_file)
    assert record["refresh_token"] == emu.refresh_token and record["refresh_token"].startswith(
        "ROTATED-"
    )
    assert record["access_token"] in emu.state.access_tokens
    assert REFRESH in emu.used_refresh_tokens
    assert mode(token_file) == 0o600
    edit(project, 1, summary='"Tóm tắt mới cho bản tin."')
    assert sync(project, "--format", "markdown", "--summary-json", str(summary)) == 0
    assert "## Kết quả đồng bộ" in watch()
    assert emu.count_calls("/article/update") == 1
    edit(project, 2, draft="[zalo]")
    assert sync(project, "--summary-json", str(summary)) == 0
    watch()
    assert sorted(a["status"] for a in emu.articles.values()) == ["hide", "show", "show"]
    assert sync(project) == 0
    assert "không có thay đổi nào" in watch()


def test_an_expired_access_token_is_refreshed_and_the_new_pair_saved_privately(
    project: Path, emu: ZaloEmulator, env: dict, token_file: Path, watch: Callable[..., str]
) -> None:
    assert sync(project) == 0
    watch()
    before = saved(token_file)
    emu.expire_access_tokens()
    edit(project, 0, summary='"Tóm tắt đã sửa."')
    assert sync(project) == 0
    watch()
    after = saved(token_file)
    assert after["refresh_token"] != before["refresh_token"]
    assert after["refresh_token"] == emu.refresh_token
    assert after["access_token"] in emu.state.access_tokens
    assert before["refresh_token"] in emu.used_refresh_tokens
    assert mode(token_file) == 0o600
    assert sorted(p.name for p in token_file.parent.iterdir()) == [
        "zalo-token.json",
        "zalo-token.json.lock",
    ]


@pytest.mark.parametrize("reply", ["error", "empty"])
def test_a_refused_refresh_names_no_token(
    project: Path,
    emu: ZaloEmulator,
    env: dict,
    token_file: Path,
    watch: Callable[..., str],
    reply: str,
) -> None:
    """REFRESH already spent (another machine used it): refused with -14014 or an empty body."""
    emu.configure(reused_refresh_reply=reply)
    emu.state.refresh("REFRESH-9d1e+x/y=z", emu.config)  # spent elsewhere
    assert sync(project) == 1
    printed = watch()
    assert "Refresh token không còn hiệu lực" in printed
    assert emu.write_calls() == []


def test_a_dry_run_shows_no_secret_and_spends_no_refresh_token(
    project: Path, emu: ZaloEmulator, env: dict, token_file: Path, watch: Callable[..., str]
) -> None:
    assert sync(project) == 0
    watch()
    before = token_file.read_bytes()
    edit(project, 0, summary='"Tóm tắt khác."')
    emu.clear_calls()
    for extra in ((), ("--format", "markdown")):
        assert sync(project, "--dry-run", *extra) == 0
        watch()
    emu.expire_access_tokens()  # a dry run cannot refresh: it says so, with no token
    assert sync(project, "--dry-run") == 0
    watch()
    assert token_file.read_bytes() == before
    assert emu.write_calls() == [] and emu.count_calls("/v4/oa/access_token") == 0


def test_check_with_ci_reports_shows_no_secret(
    project: Path, env: dict, watch: Callable[..., str], tmp_path: Path
) -> None:
    report = tmp_path / "ci" / "gl-code-quality-report.json"
    edit(project, 0, category="khong-co")
    assert main(["--root", str(project), "--now", NOW, "check", "--codequality", str(report)]) == 1
    assert "khong-co" in watch()
    assert report.exists()
    assert Path(env["GITHUB_STEP_SUMMARY"]).exists()


# --- faults and hostile answers ---------------------------------------------------------------------


def _echo(form: Callable[[str], str]) -> Hostile:
    """Every article call answered -201 with a message repeating the sent token in `form`."""

    def answer(method: str, target: str, headers: dict, raw: bytes) -> Reply | None:
        """The echo."""
        if "/article/" not in target:
            return None
        sent = headers.get("access_token", "")
        return Reply(payload={"error": -201, "message": f"token {form(sent)} is invalid"})

    return answer


def _field_echo(path: str, data: Callable[[str], object]) -> Hostile:
    """Calls to `path` answered with success and `data` built from the sent token."""

    def answer(method: str, target: str, headers: dict, raw: bytes) -> Reply | None:
        """The echo, in a field the client keeps."""
        if path not in target:
            return None
        sent = headers.get("access_token", "")
        return Reply(payload={"error": 0, "message": "Success", "data": data(sent)})

    return answer


def _error_field_echo(method: str, target: str, headers: dict, raw: bytes) -> Reply | None:
    """An envelope whose error code is the sent token (no number)."""
    if "/v2.0/" not in target:
        return None
    sent = headers.get("access_token", "")
    return Reply(payload={"error": sent, "message": f"bad {sent}"})


def _oauth_echo(method: str, target: str, headers: dict, raw: bytes) -> Reply | None:
    """The OAuth server refusing with the refresh token and the app secret in its words."""
    if "/v4/oa/access_token" not in target:
        return None
    said = f"refresh_token={raw.decode()} secret_key={headers.get('secret_key')}"
    return Reply(payload={"error": -14003, "error_description": said, "message": said})


HOSTILE: dict[str, Hostile] = {
    "echo-plain": _echo(lambda t: t),
    "echo-url-encoded": _echo(lambda t: quote(t, safe="")),
    "echo-json": _echo(lambda t: json.dumps({"access_token": t})),
    "echo-split-line": _echo(lambda t: t[:9] + "\n  " + t[9:]),
    "error-code-is-the-token": _error_field_echo,
    "verify-id-is-the-token": _field_echo("/article/verify", lambda t: {"id": t}),
    "update-token-is-the-token": _field_echo("/article/update", lambda t: {"token": t}),
    "getoa-names-the-token": _field_echo("/oa/getoa", lambda t: {"oa_id": t, "name": t}),
    "getslice-lists-the-token": _field_echo(
        "/article/getslice", lambda t: {"total": t, "medias": [{"id": t, "title": t}]}
    ),
    "oauth-echoes-the-form": _oauth_echo,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_server_echoing_the_token_never_gets_it_shown_or_saved(
    project: Path,
    emu: ZaloEmulator,
    env: dict,
    token_file: Path,
    watch: Callable[..., str],
    tmp_path: Path,
    name: str,
) -> None:
    """A buggy or hostile server (or a gateway before it) echoing what it was sent: the sync
    fails or goes on as for any odd answer, and neither its messages, its log, the summary nor
    state/ hold the token."""
    summary = tmp_path / "ci" / "summary.json"
    assert sync(project) == 0
    watch()
    if name == "oauth-echoes-the-form":
        emu.expire_access_tokens()
    edit(project, 0, summary='"Tóm tắt đã sửa."')
    hostile(emu, HOSTILE[name])
    code = sync(project, "--summary-json", str(summary))
    printed = watch(summary.read_text("utf-8"))
    assert code in (0, 1, 3)
    assert "Lỗi nội bộ" not in printed  # every answer is understood, none crashes the sync
    # A token given back as the article's id or job token is no id: never recorded as one.
    recorded = json.loads((project / "state" / "zalo.json").read_text("utf-8"))["entries"]
    assert {e["article_id"] for e in recorded.values() if "article_id" in e} <= set(emu.articles)
    assert all("*" not in str(e.get("token", "")) for e in recorded.values())
    code = sync(project, "--reconcile", "--dry-run", "--format", "markdown")
    watch()


@pytest.mark.parametrize("name", ["error-code-is-the-token", "echo-url-encoded"])
def test_debug_tracebacks_show_no_token(
    project: Path, emu: ZaloEmulator, env: dict, watch: Callable[..., str], name: str
) -> None:
    """--debug lets the error out whole: its traceback (chained errors included) is clean."""
    assert sync(project) == 0
    watch()
    edit(project, 0, summary='"Tóm tắt đã sửa."')
    hostile(emu, HOSTILE[name])
    try:
        code = main(["--root", str(project), "--now", NOW, "--debug", "sync", "zalo"])
    except Exception as error:  # whatever --debug lets out is what Python prints
        shown = "".join(traceback.format_exception(error))
        code = None
    else:
        shown = ""
    watch(shown)
    assert code in (None, 3)


def test_the_command_line_debug_traceback_masks_secrets(
    project: Path, emu: ZaloEmulator, env: dict, token_file: Path, watch: Callable[..., str]
) -> None:
    """`python -m publish --debug` as CI runs it: what it prints, tracebacks included. An
    error code that was the token itself once crashed the sync with a ValueError quoting it."""
    assert sync(project) == 0
    watch()
    edit(project, 0, summary='"Tóm tắt đã sửa."')
    hostile(emu, HOSTILE["error-code-is-the-token"])
    command = ["-m", "publish", "--root", str(project), "--now", NOW, "--debug", "sync", "zalo"]
    run = subprocess.run(
        [sys.executable, *command],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    watch(run.stdout, run.stderr)
    assert run.returncode == 3 and "Traceback" not in run.stderr, run.stderr[-3000:]
    assert "phản hồi có mã lỗi không phải số" in run.stdout + run.stderr


def test_the_command_line_prints_an_uncaught_error_masked(
    emu: ZaloEmulator, env: dict, monkeypatch: pytest.MonkeyPatch, watch: Callable[..., str]
) -> None:
    """What --debug lets out of main() is printed by the hook `publish` installs, not Python's."""
    monkeypatch.setenv("ZALO_ACCESS_TOKEN", ACCESS)
    crash = (
        "import os, sys; from publish import cli\n"
        "def main(argv=None):\n"
        "    raise RuntimeError('GET /x?t=' + os.environ['ZALO_ACCESS_TOKEN'])\n"
        "cli.main = main\n"
        "cli.run()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", crash],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=60,
    )
    assert run.returncode == 1
    assert "RuntimeError: GET /x?t=***" in run.stderr
    watch(run.stdout, run.stderr)


def test_the_traceback_printer_masks_what_an_error_quotes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last net: an error a library raised with a secret in its words (a URL with a query
    token, say) is printed with *** instead."""
    monkeypatch.setenv("ZALO_ACCESS_TOKEN", ACCESS)
    try:
        raise ValueError(f"GET https://openapi.zalo.me/x?access_token={quote(ACCESS, safe='')}")
    except ValueError as error:
        cli._masked_traceback(type(error), error, error.__traceback__)
    err = capsys.readouterr().err
    assert "ValueError: GET https://openapi.zalo.me/x?access_token=***" in err
    assert "ACCESS-" not in err


@pytest.mark.parametrize(
    "fault",
    [
        {"fail_first_5xx": 50},
        {"fail_first_5xx": 1, "fail_5xx_after_processing": True},
        {"drop_first": 50},
        {"drop_first": 1, "drop_after_processing": True},
        {"garble_first": 50, "garble_body": f'{{"error": -201, "message": "{ACCESS}'},
        {"garble_first": 1, "garble_status": 502, "garble_body": f"<html>{REFRESH}</html>"},
        {"latency": 1.0},
    ],
    ids=["5xx", "5xx-after", "drop", "drop-after", "bad-json-quoting", "502-quoting", "timeout"],
)
def test_transport_faults_show_no_secret(
    project: Path,
    emu: ZaloEmulator,
    env: dict,
    watch: Callable[..., str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: dict,
) -> None:
    # A wait the environment may set, as the others (checked, at most two minutes): the
    # client's request timeout.
    timeout = zalo_sync.SETTINGS_ENV["ZALO_BACKOFF_MAX"]._replace(setting="timeout")
    monkeypatch.setitem(zalo_sync.SETTINGS_ENV, "ZALO_TEST_TIMEOUT", timeout)
    monkeypatch.setenv("ZALO_TEST_TIMEOUT", "0.3")
    summary = tmp_path / "ci" / "summary.json"
    emu.configure(fault_paths=("/article/",), **fault)
    assert sync(project, "--summary-json", str(summary)) in (0, 3)
    printed = watch(summary.read_text("utf-8"))
    assert "Lỗi nội bộ" not in printed
    emu.configure(fail_first_5xx=0, drop_first=0, garble_first=0, latency=0.0)
    for debug in ((), ("--debug",)):
        assert main(["--root", str(project), "--now", NOW, *debug, "sync", "zalo"]) in (0, 3)
        watch()


# --- the token file ---------------------------------------------------------------------------------


def test_the_token_file_and_its_temporary_file_are_private_from_the_start(
    project: Path, emu: ZaloEmulator, env: dict, token_file: Path, watch: Callable[..., str]
) -> None:
    """Even with umask 000: the temporary file a refresh writes the new pair into is made
    (0600, empty) before the refresh is sent, then renamed over the token file."""
    hold = emu.hold("/v4/oa/access_token", 1)
    codes: list[int] = []
    old = os.umask(0)
    try:
        worker = threading.Thread(target=lambda: codes.append(sync(project)))
        worker.start()
        assert hold.reached.wait(30)
        waiting = {p.name: (mode(p), p.stat().st_size) for p in token_file.parent.iterdir()}
        hold.release()
        worker.join(60)
    finally:
        os.umask(old)
    watch()
    assert codes == [0]
    temporary = [name for name in waiting if name.endswith(".tmp")]
    assert len(temporary) == 1 and temporary[0].startswith(".zalo-token.json."), waiting
    assert waiting[temporary[0]] == (0o600, 0)
    # The note that REFRESH is on its way is already in the token file, also 0600.
    assert {name: bits for name, (bits, _) in waiting.items()} == {
        temporary[0]: 0o600,
        "zalo-token.json": 0o600,
        "zalo-token.json.lock": 0o600,
    }
    assert mode(token_file) == 0o600 and mode(token_file.with_name("zalo-token.json.lock")) == 0o600
    assert not (token_file.parent / temporary[0]).exists()
    assert saved(token_file)["refresh_token"] == emu.refresh_token


def test_a_new_token_folder_is_made_private(
    project: Path,
    emu: ZaloEmulator,
    env: dict,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    watch: Callable[..., str],
) -> None:
    token_file = tmp_path / "new-folder" / "zalo-token.json"
    monkeypatch.setenv("ZALO_TOKEN_FILE", str(token_file))
    old = os.umask(0)
    try:
        assert sync(project) == 0
    finally:
        os.umask(old)
    watch()
    assert mode(token_file.parent) == 0o700 and mode(token_file) == 0o600


@pytest.mark.parametrize("bits", [0o644, 0o640, 0o604, 0o660])
def test_a_token_file_others_may_read_is_refused_before_anything_is_sent(
    project: Path,
    emu: ZaloEmulator,
    env: dict,
    token_file: Path,
    watch: Callable[..., str],
    bits: int,
) -> None:
    assert sync(project) == 0
    watch()
    token_file.chmod(bits)
    before = token_file.read_bytes()
    edit(project, 0, summary='"Tóm tắt đã sửa."')
    emu.clear_calls()
    assert sync(project) == 1
    printed = " ".join(watch().split())
    assert f"Tệp token Zalo {token_file} đang để nhóm hoặc người dùng khác đọc/ghi được" in printed
    assert f"(quyền {bits:04o})" in printed and f"chmod 600 {token_file}" in printed
    assert emu.calls == []
    assert token_file.read_bytes() == before and mode(token_file) == bits
    token_file.chmod(0o600)
    assert sync(project) == 0
    watch()


def test_a_token_folder_others_may_write_to_is_refused(
    project: Path, emu: ZaloEmulator, env: dict, token_file: Path, watch: Callable[..., str]
) -> None:
    assert sync(project) == 0
    watch()
    token_file.parent.chmod(0o777)
    try:
        edit(project, 0, summary='"Tóm tắt đã sửa."')
        emu.clear_calls()
        assert sync(project) == 1
        printed = " ".join(watch().split())
    finally:
        token_file.parent.chmod(0o700)
    assert f"Thư mục {token_file.parent} chứa tệp token Zalo" in printed
    assert f"chmod go-w {token_file.parent}" in printed
    assert emu.calls == []


def test_the_sandbox_samples_are_public_and_match_the_emulators() -> None:
    """`publish zalo-sandbox` prints them for the tester to paste: they are never masked."""
    assert {emulator_state.SANDBOX_APP_SECRET, emulator_state.SANDBOX_REFRESH_TOKEN} == PUBLIC


def test_the_command_lines_streams_mask_what_they_are_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every message and log line goes through them: the net under every other mask."""
    monkeypatch.setenv("ZALO_APP_SECRET", APP_SECRET)
    shown = io.StringIO()
    stream = wrapped(shown)
    assert stream is not None
    stream.write(f"Lỗi: secret_key={quote(APP_SECRET, safe='')} và {APP_SECRET}\n")
    assert shown.getvalue() == "Lỗi: secret_key=*** và ***\n"
    monkeypatch.setenv("ZALO_APP_SECRET", "sandbox-app-secret")  # public: printed as is
    stream.write("ZALO_APP_SECRET=sandbox-app-secret")
    assert shown.getvalue().endswith("ZALO_APP_SECRET=sandbox-app-secret")
