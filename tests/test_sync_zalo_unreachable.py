"""Zalo unreachable (nothing listens at its address): the OA check's retries are the run's
only ones, and the channel stops with one message naming why (exit 3), instead of four more
retries for every article; a failure that may pass between calls keeps the retries."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from publish import config as config_module
from publish.content import load_site
from publish.sync.zalo import ZaloSyncer
from publish.zalo import ClientSettings, TokenPair, ZaloClient, ZaloError
from publish.zalo.emulator import ZaloEmulator
from publish.zalo.errors import ZaloUnreachable
from tests.zalo_fixtures import make_tokens
from tests.zalo_project import NOW, OA_ID, expire_access_token, records, sync, told, zalo_project

pytestmark = pytest.mark.usefixtures("zalo_env")

RETRY_LINE = "Gọi Zalo để "


def test_zalo_refusing_connections_stops_the_channel_after_the_oa_check(
    tmp_path: Path,
    emulator: ZaloEmulator,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    before = records(root)
    site = root / "site.toml"
    # Every article's payload changes (the unit's name is in each): three updates planned.
    site.write_text(site.read_text("utf-8").replace("Châu Thành", "Châu Thành A"), "utf-8")
    emulator.stop()  # the port now refuses connections
    monkeypatch.setenv("ZALO_UNREACHABLE_WAIT", "0.02")  # the one longer wait before stopping
    told(capsys)
    caplog.clear()
    assert sync(root) == 3
    out = told(capsys)
    assert "kế hoạch 3 thao tác" in out
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith(RETRY_LINE)]
    assert len(retries) == 8  # the OA check's, twice, none for an article
    assert all("đọc thông tin OA" in line for line in retries)
    assert "kết nối bị từ chối" in retries[0]
    assert "khi đọc thông tin OA; chờ 0,02 giây rồi thử lại." in out
    assert "zalo: LỖI — Dừng kênh Zalo: không kết nối được tới Zalo (" in out
    assert (
        "đã thử lại 4 lần, chờ 0,02 giây rồi thử thêm 5 lần nữa. Không gọi Zalo cho từng bài "
        "trong lần chạy này"
    ) in out
    assert "✗" not in out  # no article told failed one by one
    assert records(root) == before  # nothing sent, nothing recorded as changed


GETOA = "/v2.0/oa/getoa"


def client_on(
    emulator: ZaloEmulator,
    token_file: Path,
    answer: Callable[[int], httpx.Response],
    waited: Callable[[float], None] = lambda seconds: None,
    settings: ClientSettings | None = None,
) -> tuple[ZaloClient, list[float]]:
    """A client with default waits (or `settings`) whose calls `answer` (given the call's
    number) makes, and the waits it slept (none for real; `waited` is told of each)."""
    tokens = make_tokens(emulator, token_file)
    # The token file names the OA, as every run after the first writes it.
    tokens.token_file.save(TokenPair("refresh-abcdef", "access-abcdef", oa_id=OA_ID))
    calls: list[int] = []
    slept: list[float] = []

    def fake(request: httpx.Request) -> httpx.Response:
        """The next call's answer."""
        calls.append(1)
        return answer(len(calls))

    def sleep(seconds: float) -> None:
        """Note the wait instead of waiting."""
        slept.append(seconds)
        waited(seconds)

    client = ZaloClient(
        tokens, settings or ClientSettings(), transport=httpx.MockTransport(fake), sleep=sleep
    )
    return client, slept


def refused(request_number: int) -> httpx.Response:
    """No connection at all."""
    raise httpx.ConnectError("[Errno 111] Connection refused")


@pytest.mark.parametrize("first", ["timeout", "503"])
def test_one_refusal_after_timeouts_or_5xx_is_not_zalo_unreachable(
    emulator: ZaloEmulator, tmp_path: Path, first: str
) -> None:
    """A Zalo that timed out or answered 5xx four times and then refused one connection
    answers at times: not a stop of the channel (errors.ZaloError.unreachable)."""

    def answer(number: int) -> httpx.Response:
        """Four failures that reached Zalo or may have, then a refusal."""
        if number == 5:
            return refused(number)
        if first == "timeout":
            raise httpx.ReadTimeout("timed out")
        return httpx.Response(503)

    client, slept = client_on(emulator, tmp_path / "token.json", answer)
    with client, pytest.raises(ZaloError) as caught:
        client.getoa()
    assert len(slept) == 4  # four retries, all attempts made
    assert caught.value.unreachable == ""
    client, _ = client_on(emulator, tmp_path / "token.json", refused)
    with client, pytest.raises(ZaloError) as caught:
        client.getoa()
    assert caught.value.unreachable.startswith("không kết nối được tới Zalo")


def syncer(root: Path, client: ZaloClient, echo: Callable[[str], None]) -> ZaloSyncer:
    """The project's Zalo syncer, calling Zalo through `client`."""
    config = config_module.load(root)
    site = load_site(config, now=dt.datetime.fromisoformat(NOW).replace(tzinfo=config.tz))
    return ZaloSyncer(
        config,
        site=site,
        output=root / "output",
        state=root / "state",
        client=client,
        echo=echo,
    )


def oa_profile() -> httpx.Response:
    """getoa's answer naming the project's OA."""
    return httpx.Response(200, json={"error": 0, "message": "Success", "data": {"oa_id": OA_ID}})


def test_a_blip_shorter_than_one_longer_wait_does_not_stop_the_channel(
    emulator: ZaloEmulator, tmp_path: Path
) -> None:
    """The OA check's retries span a few seconds; a DNS blip of ~8 s had every article held
    until the next scheduled run. One wait of unreachable_wait, then the check goes on."""
    root = zalo_project(tmp_path, 1)
    down = [True]

    def answer(number: int) -> httpx.Response:
        """Refused while the network is down."""
        return refused(number) if down[0] else oa_profile()

    def back(seconds: float) -> None:
        """The network is back after the longer wait."""
        if seconds >= ClientSettings().unreachable_wait:
            down[0] = False

    client, slept = client_on(emulator, tmp_path / "token.json", answer, back)
    lines: list[str] = []
    with client:
        syncer(root, client, lines.append).prepare()
    assert len(slept) == 5 and slept[-1] == client.settings.unreachable_wait == 30.0
    assert sum(slept[:4]) < 8  # the retries alone: shorter than a blip
    [line] = lines
    assert line.startswith(
        "zalo: không kết nối được tới Zalo (openapi.zalo.me): kết nối bị từ chối"
    )
    assert line.endswith("(ConnectError) khi đọc thông tin OA; chờ 30 giây rồi thử lại.")


def test_zalo_still_unreachable_after_the_longer_wait_stops_the_channel(
    emulator: ZaloEmulator, tmp_path: Path
) -> None:
    root = zalo_project(tmp_path, 1)
    client, slept = client_on(emulator, tmp_path / "token.json", refused)
    with client, pytest.raises(ZaloUnreachable) as caught:
        syncer(root, client, lambda line: None).prepare()
    assert slept.count(30.0) == 1 and len(slept) == 9  # 4 retries, the wait, 4 retries
    assert "đã thử lại 4 lần, chờ 30 giây rồi thử thêm 5 lần nữa" in str(caught.value)
    assert caught.value.unreachable.startswith("không kết nối được tới Zalo")


def test_an_idle_run_that_renewed_the_token_says_so_when_only_the_oa_check_failed(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Nothing to send, the access token expired: the renewal reaches Zalo's OAuth server, the
    OA check then finds no connection to the API's. The token WAS renewed: the warning said
    it was not."""
    root = zalo_project(tmp_path, 1)
    assert sync(root) == 0
    token = tmp_path / "secrets" / "token.json"
    expire_access_token(token)
    with ZaloEmulator() as closed:
        gone = closed.base_url  # nothing listens there once it stops
    monkeypatch.setenv("ZALO_API_BASE", gone)
    monkeypatch.setenv("ZALO_UNREACHABLE_WAIT", "0.02")
    told(capsys)
    assert sync(root) == 0
    out = told(capsys)
    assert json.loads(token.read_text("utf-8"))["refresh_token"] == emulator.refresh_token
    assert (
        "zalo: cảnh báo: không có gì để gửi; token Zalo đã hết hạn đã được làm mới, nhưng chưa "
        "kiểm tra được token thuộc OA nào vì không kết nối được tới Zalo"
    ) in out
    assert "khi đọc thông tin OA. Không cần làm gì: lần đồng bộ sau kiểm tra lại." in out
    assert "chưa làm mới được" not in out


def test_the_longer_wait_is_its_own_setting_not_the_retries_cap(
    emulator: ZaloEmulator, tmp_path: Path
) -> None:
    """backoff_max caps the waits between retries; the one wait before the OA check's last
    tries is unreachable_wait: a cap of 2 s no longer shortens it, a wait of 7 s no longer
    lengthens the retries."""
    root = zalo_project(tmp_path, 1)
    settings = ClientSettings(backoff_base=1.0, backoff_max=2.0, unreachable_wait=7.0)
    client, slept = client_on(emulator, tmp_path / "token.json", refused, settings=settings)
    with client, pytest.raises(ZaloUnreachable) as caught:
        syncer(root, client, lambda line: None).prepare()
    assert slept.count(7.0) == 1 and len(slept) == 9
    assert max(slept[:4] + slept[5:]) <= 2.0
    assert "chờ 7 giây rồi thử thêm 5 lần nữa" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("ZALO_BACKOFF_MAX", "-1", "từ 0 đến 120"),
        ("ZALO_BACKOFF_MAX", "nan", "từ 0 đến 120"),
        ("ZALO_BACKOFF_MAX", "inf", "từ 0 đến 120"),
        ("ZALO_BACKOFF_MAX", "1e9", "từ 0 đến 120"),
        ("ZALO_BACKOFF_BASE", "-0.5", "từ 0 đến 120"),
        ("ZALO_RATE_LIMIT_BACKOFF", "1e9", "từ 0 đến 120"),
        ("ZALO_UNREACHABLE_WAIT", "nửa phút", "từ 0 đến 120"),
        ("ZALO_VERIFY_TIMEOUT", "3600", "từ 0 đến 600"),
        ("ZALO_VERIFY_INTERVAL", "0", "lớn hơn 0 và không quá 120"),
        ("ZALO_VERIFY_FIRST_DELAY", "-2", "từ 0 đến 120"),
    ],
)
def test_a_wait_out_of_range_is_refused_before_any_call(
    tmp_path: Path,
    emulator: ZaloEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    value: str,
    allowed: str,
) -> None:
    """A negative wait, nan, inf (Python's ValueError or OverflowError at the first retry) or
    1e9 (a run waiting for years) is told by the variable's name, the range and the default,
    before Zalo is called."""
    root = zalo_project(tmp_path, 1)
    monkeypatch.setenv(name, value)
    told(capsys)
    assert sync(root) != 0
    out = told(capsys)
    assert f"Biến môi trường {name} cần là số giây {allowed}, không phải «{value}»." in out
    assert "bỏ biến để dùng mặc định (" in out
    assert emulator.calls == []
    assert "Traceback" not in out


def test_a_wait_in_range_is_taken(
    tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0 (no wait) and 120 are allowed: the sync runs and sends."""
    root = zalo_project(tmp_path, 1)
    monkeypatch.setenv("ZALO_BACKOFF_MAX", "0")
    monkeypatch.setenv("ZALO_UNREACHABLE_WAIT", "120")
    assert sync(root) == 0
    assert len(records(root)) == 1


def test_the_longest_wait_allowed_is_the_longest_retry_after_waited_out() -> None:
    """The bound is written out in the sync (reading it from the client would load httpx with
    the module): it must follow [the client's] retry_after_max if that changes."""
    from publish.sync.zalo import SETTINGS_ENV

    assert SETTINGS_ENV["ZALO_BACKOFF_MAX"].most == ClientSettings().retry_after_max
