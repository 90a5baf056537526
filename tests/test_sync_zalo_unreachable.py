"""Zalo unreachable (nothing listens at its address): the OA check's retries are the run's
only ones, and the channel stops with one message naming why (exit 3), instead of four more
retries for every article; a failure that may pass between calls keeps the retries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from publish.zalo import ClientSettings, TokenPair, ZaloClient, ZaloError
from publish.zalo.emulator import ZaloEmulator
from tests.zalo_fixtures import make_tokens
from tests.zalo_project import OA_ID, records, sync, told, zalo_project

pytestmark = pytest.mark.usefixtures("zalo_env")

RETRY_LINE = "Gọi Zalo để "


def test_zalo_refusing_connections_stops_the_channel_after_the_oa_check(
    tmp_path: Path,
    emulator: ZaloEmulator,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    before = records(root)
    site = root / "site.toml"
    # Every article's payload changes (the unit's name is in each): three updates planned.
    site.write_text(site.read_text("utf-8").replace("Châu Thành", "Châu Thành A"), "utf-8")
    emulator.stop()  # the port now refuses connections
    told(capsys)
    caplog.clear()
    assert sync(root) == 3
    out = told(capsys)
    assert "kế hoạch 3 thao tác" in out
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith(RETRY_LINE)]
    assert len(retries) == 4  # the OA check's, none for an article
    assert all("đọc thông tin OA" in line for line in retries)
    assert "kết nối bị từ chối" in retries[0]
    assert "zalo: LỖI — Dừng kênh Zalo: không kết nối được tới Zalo (" in out
    assert "đã thử lại 4 lần. Không gọi Zalo cho từng bài trong lần chạy này" in out
    assert "✗" not in out  # no article told failed one by one
    assert records(root) == before  # nothing sent, nothing recorded as changed


def client_on(
    emulator: ZaloEmulator,
    token_file: Path,
    answer: Callable[[int], httpx.Response],
    waited: Callable[[float], None] = lambda seconds: None,
) -> tuple[ZaloClient, list[float]]:
    """A client with default waits whose calls `answer` (given the call's number) makes, and
    the waits it slept (none for real; `waited` is told of each)."""
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

    client = ZaloClient(tokens, ClientSettings(), transport=httpx.MockTransport(fake), sleep=sleep)
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
