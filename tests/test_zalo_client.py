"""ZaloClient and token rotation against the emulator on 127.0.0.1 (real HTTP, no internet)."""

from __future__ import annotations

import email.utils
import errno
import json
import logging
import os
import signal
import socket
import ssl
import stat
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

import publish.zalo.tokens as tokens_module
from publish.errors import PublishError
from publish.transport_errors import transport_failure
from publish.zalo import (
    AppCredentials,
    ClientSettings,
    TokenFile,
    TokenManager,
    TokenPair,
    ZaloClient,
    ZaloError,
    ZaloUncertainError,
    default_token_file,
)
from publish.zalo.client import RATE_NOTE_EVERY, _Closed
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from publish.zalo.errors import ListShort, ListUnsettled
from tests.zalo_fixtures import (
    FAST_SETTINGS,
    env_for,
    every_token,
    make_client,
    make_tokens,
    sample_body,
)

OAUTH = "/v4/oa/access_token"


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running emulator; the first verify of each token says -214."""
    with ZaloEmulator(EmulatorConfig(verify_processing_count=1)) as emu:
        yield emu


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    """Where the rotated tokens go (inside a fresh directory)."""
    return tmp_path / "config" / "zalo-token.json"


@pytest.fixture
def client(emulator: ZaloEmulator, token_file: Path) -> Iterator[ZaloClient]:
    """A fast client seeded with the emulator's refresh token."""
    with make_client(emulator, token_file) as zalo:
        yield zalo


# --- article operations ---------------------------------------------------------------------------


def test_create_verify_through_214_then_getdetail(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    emulator.configure(verify_processing_count=3)
    token = client.create(sample_body())
    article_id = client.verify(token)
    assert emulator.count_calls("/article/verify") == 4
    assert emulator.count_calls("/article/create") == 1
    detail = client.getdetail(article_id)
    assert detail["title"] == sample_body()["title"]
    assert detail["cover"] == sample_body()["cover"]
    assert list(emulator.articles) == [article_id]


class FakeClock:
    """A monotonic clock that only moves when the client sleeps: waits cost no wall time, and a
    slow machine cannot eat the wait budget between two polls."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        """The current fake time."""
        return self.now

    def sleep(self, seconds: float) -> None:
        """Move time on instead of waiting."""
        self.slept.append(seconds)
        self.now += seconds


def test_verify_gives_up_after_the_bounded_wait(emulator: ZaloEmulator, token_file: Path) -> None:
    emulator.configure(verify_processing_count=10_000)
    clock = FakeClock()
    settings = ClientSettings(
        api_base=emulator.base_url,
        oauth_base=emulator.base_url,
        **{**FAST_SETTINGS, "verify_timeout": 0.05},
    )
    tokens = make_tokens(emulator, token_file)
    with ZaloClient(tokens, settings, sleep=clock.sleep, clock=clock) as client:
        token = client.create(sample_body())
        with pytest.raises(ZaloError) as caught:
            client.verify(token)
    assert caught.value.code == -214
    assert "chạy lại đồng bộ" in str(caught.value)
    assert 2 <= emulator.count_calls("/article/verify") < 1000
    assert sum(clock.slept) == pytest.approx(0.05)  # waited out the whole budget, no more


def test_verify_reports_image_failure_without_retrying(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    emulator.configure(failing_image_substrings=("anh/bia",))
    token = client.create(sample_body())
    with pytest.raises(ZaloError) as caught:
        client.verify(token)
    assert caught.value.code == -200
    assert caught.value.api_message == "Upload media failed"
    assert "JPG/PNG" in str(caught.value)
    assert emulator.count_calls("/article/verify") == 2  # one -214, then the terminal -200


def test_validation_error_is_not_retried(client: ZaloClient, emulator: ZaloEmulator) -> None:
    with pytest.raises(ZaloError) as caught:
        client.create(sample_body(title="T" * 150))
    assert caught.value.code == -201
    assert "title allow 1 to 150 characters" in str(caught.value)
    assert "Dữ liệu gửi lên không hợp lệ" in str(caught.value)
    assert emulator.count_calls("/article/create") == 1


@pytest.mark.parametrize("status", [400, 401, 403])
def test_an_application_error_sent_with_an_http_4xx_status_is_read_from_its_body(
    client: ZaloClient, emulator: ZaloEmulator, status: int
) -> None:
    """Whether Zalo answers every application error with HTTP 200 is unconfirmed (contract §8):
    sent with a 4xx, a refusal is still no failure to retry, and -216 still refreshes once."""
    emulator.configure(error_http_status=status)
    with pytest.raises(ZaloError) as caught:
        client.create(sample_body(title="T" * 150))
    assert caught.value.code == -201 and caught.value.http_status == status
    assert "title allow 1 to 150 characters" in str(caught.value)
    assert emulator.count_calls("/article/create") == 1
    emulator.revoke_access_tokens()
    assert client.getoa()["num_follower"] == 0
    assert emulator.count_calls(OAUTH) == 2


def test_update_then_verify_changes_the_article(client: ZaloClient, emulator: ZaloEmulator) -> None:
    article_id = client.verify(client.create(sample_body()))
    new_token = client.update(
        {**sample_body(title="Cập nhật: đã bắt được đối tượng"), "id": article_id}
    )
    assert client.verify(new_token) == article_id
    assert client.getdetail(article_id)["title"] == "Cập nhật: đã bắt được đối tượng"
    with pytest.raises(ValueError):
        client.update(sample_body())


def test_remove(client: ZaloClient, emulator: ZaloEmulator) -> None:
    article_id = emulator.seed_article(sample_body())
    client.remove(article_id)
    assert emulator.articles == {}
    with pytest.raises(ZaloError) as caught:
        client.getdetail(article_id)
    assert caught.value.code == -201


def test_getslice_and_iterating_every_page(client: ZaloClient, emulator: ZaloEmulator) -> None:
    ids = {emulator.seed_article(sample_body(title=f"Bản tin {n}")) for n in range(23)}
    medias, total = client.getslice(0, 10, "normal")
    assert total == 23 and len(medias) == 10
    assert {m["id"] for m in client.list_articles("normal")} == ids
    assert emulator.count_calls("/article/getslice") == 1 + 3
    assert client.list_articles("video") == []
    with pytest.raises(ValueError):
        client.getslice(0, 11, "normal")


def test_a_listing_whose_pages_end_before_its_total_is_not_taken_as_every_article(
    client: ZaloClient, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty page while the total says more follow: the list decides what is created again
    (a hand-deleted article), so a short one would have live articles posted twice."""
    for n in range(23):
        emulator.seed_article(sample_body(title=f"Bản tin {n}"))
    real = client.getslice

    def cut(offset: int = 0, limit: int = 10, type: str = "normal") -> tuple[list[Any], int]:
        """Zalo's pages, empty from the second on though the total stays 23."""
        medias, total = real(offset, limit, type)
        return (medias if offset < 10 else []), total

    monkeypatch.setattr(client, "getslice", cut)
    with pytest.raises(ListShort, match="chỉ có 10 bài trong khi Zalo báo tổng 23 bài"):
        client.list_articles("normal")
    assert emulator.count_calls("/article/getslice") == 2 * 2  # read again once: no change


def short_oa(sizes: list[int], total: int) -> tuple[ZaloClient, list[int]]:
    """A client whose getslice lists, at its n-th pass, the newest sizes[n] (the last size
    from then on) of `total` articles while always answering that total; and its offsets."""
    client = ZaloClient.__new__(ZaloClient)
    client.settings = ClientSettings()  # list_articles reads list_total_counts_hidden
    asked: list[int] = []

    def getslice(
        offset: int = 0, limit: int = 10, type: str = "normal"
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of the pass `asked` is in (a pass starts at offset 0)."""
        asked.append(offset)
        size = sizes[min(asked.count(0), len(sizes)) - 1]
        return [{"id": str(n)} for n in range(size)][offset : offset + limit], total

    def getdetail(article_id: str) -> dict[str, Any]:
        """Every article asked for is still on the OA (a hidden one the list leaves out)."""
        return {"id": article_id}

    client.getslice = getslice  # type: ignore[method-assign]
    client.getdetail = getdetail  # type: ignore[method-assign]
    return client, asked


def test_a_list_that_stays_shorter_than_its_total_is_told_as_short_after_two_readings() -> None:
    """Zalo's total may count articles it does not list (zalo-oa-api.md §2.5 is unconfirmed):
    such a list was read three times and then called «thay đổi liên tục», advice that never
    helped, at 1,000 getslice calls a reading of 10,000 articles. Two readings alike suffice,
    and the error names what was read, for a report to record."""
    client, asked = short_oa([25], 27)
    with pytest.raises(ListShort) as caught:
        client.list_articles("normal")
    assert "chỉ có 25 bài trong khi Zalo báo tổng 27 bài" in str(caught.value)
    assert "thay đổi liên tục" not in str(caught.value)
    assert [a["id"] for a in caught.value.articles] == [str(n) for n in range(25)]
    assert caught.value.total == 27
    assert asked == [0, 10, 20, 25] * 2


def test_a_total_said_to_count_hidden_articles_excuses_no_more_than_those_known_unlisted() -> None:
    """[zalo] list_total_counts_hidden: a shortfall is made up only by the articles the records
    hold hidden that the list lacks; one they list, or one more missing, leaves it short."""
    client, asked = short_oa([25], 27)
    client.settings = ClientSettings(list_total_counts_hidden=True)
    whole = client.list_articles("normal", hidden={"hid-1", "hid-2"})
    assert [a["id"] for a in whole] == [str(n) for n in range(25)]
    assert asked == [0, 10, 20, 25] * 2  # still two readings alike, as for any short list
    with pytest.raises(ListShort, match="vẫn thiếu 1 bài"):
        client.list_articles("normal", hidden={"hid-1", "3"})  # "3" is listed: no excuse
    client.settings = ClientSettings()
    with pytest.raises(ListShort) as caught:
        client.list_articles("normal", hidden={"hid-1", "hid-2"})
    assert caught.value.fixable
    assert "đặt list_total_counts_hidden = true trong bảng [zalo] của site.toml" in str(
        caught.value
    )


def test_a_short_reading_then_a_whole_one_is_a_list_that_moved_and_is_taken_whole() -> None:
    client, asked = short_oa([25, 27], 27)
    assert [a["id"] for a in client.list_articles("normal")] == [str(n) for n in range(27)]
    assert asked.count(0) == 2


def test_short_readings_that_differ_each_time_are_a_list_that_keeps_changing() -> None:
    client, asked = short_oa([23, 24, 25], 27)
    with pytest.raises(ListUnsettled, match="thay đổi liên tục trong lúc đọc") as caught:
        client.list_articles("normal")
    assert "chưa tạo lại bài nào" not in str(caught.value)  # each caller tells what it did not do
    assert asked.count(0) == 3


def test_getoa_reports_followers_and_normalises_the_id_key(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    emulator.set_followers(1500)
    assert client.getoa()["num_follower"] == 1500
    emulator.add_followers(3)
    emulator.configure(oa_id_key="oaid")
    profile = client.getoa()
    assert profile["num_follower"] == 1503
    assert profile["oa_id"] == emulator.config.oa_id


# --- tokens: rotation, persistence, expiry --------------------------------------------------------


def test_refresh_rotation_is_saved_and_survives_a_client_restart(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    original = emulator.refresh_token
    with make_client(emulator, token_file) as first:
        first.getoa()
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    saved = json.loads(token_file.read_text())
    assert saved["refresh_token"] == emulator.refresh_token != original
    assert emulator.used_refresh_tokens == [original]

    # A new process still has the old ZALO_REFRESH_TOKEN in its environment: the file wins.
    env = env_for(emulator, token_file, ZALO_REFRESH_TOKEN=original)
    with ZaloClient.from_env(env, **FAST_SETTINGS) as second:
        second.getoa()
    assert emulator.count_calls(OAUTH) == 1

    # The consumed refresh token is rejected if anyone presents it again.
    stale = make_tokens(emulator, token_file.with_name("other.json"), refresh_token=original)
    with (
        make_client(emulator, token_file, tokens=stale) as third,
        pytest.raises(ZaloError) as caught,
    ):
        third.getoa()
    assert caught.value.code == -14014
    assert "cấp quyền lại" in str(caught.value)


def test_new_refresh_token_is_saved_before_it_is_used(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    emulator.configure(fault_paths=("/v2.0/",), fail_first_5xx=100)
    with make_client(emulator, token_file, max_retries=0) as client, pytest.raises(ZaloError):
        client.getoa()
    assert json.loads(token_file.read_text())["refresh_token"] == emulator.refresh_token


@pytest.mark.parametrize("expires_in", ["25 giờ", [90000], {"s": 1}])
def test_a_new_refresh_token_is_saved_whatever_the_rest_of_the_reply_holds(
    tmp_path: Path, expires_in: object
) -> None:
    """The old refresh token is spent once Zalo answers: an odd `expires_in` must not lose
    the new one (it was parsed after the answer and before the save)."""
    token_file = TokenFile(tmp_path / "zalo-token.json")
    tokens = TokenManager(
        AppCredentials("app", "secret"), token_file, initial=TokenPair(refresh_token="old-rt")
    )
    reply = {"access_token": "new-at", "refresh_token": "new-rt", "expires_in": expires_in}

    def send(form: dict[str, str], headers: dict[str, str]) -> httpx.Response:
        """Zalo's token endpoint, answering once."""
        return httpx.Response(200, json=reply)

    assert tokens.refresh(send, failed=None) == "new-at"
    saved = token_file.load()
    assert saved is not None and saved.refresh_token == "new-rt"
    assert saved.expires_at is None  # unknown: used until Zalo says -216/-220


def test_an_oauth_error_code_written_as_a_word_is_an_error_not_a_crash(tmp_path: Path) -> None:
    tokens = TokenManager(
        AppCredentials("app", "secret"),
        TokenFile(tmp_path / "zalo-token.json"),
        initial=TokenPair(refresh_token="old-rt"),
    )

    def send(form: dict[str, str], headers: dict[str, str]) -> httpx.Response:
        """A token endpoint naming its error instead of numbering it."""
        return httpx.Response(200, json={"error": "invalid_grant", "message": "Invalid grant"})

    with pytest.raises(ZaloError) as caught:
        tokens.refresh(send, failed=None)
    assert "Invalid grant" in str(caught.value)
    assert not (tmp_path / "zalo-token.json").exists()


def test_expired_access_token_mid_run_recovers_with_one_refresh(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    client.getoa()
    assert emulator.count_calls(OAUTH) == 1
    emulator.expire_access_tokens()
    article_id = emulator.seed_article(sample_body())
    assert client.getdetail(article_id)["id"] == article_id
    assert emulator.count_calls(OAUTH) == 2
    assert [c.error for c in emulator.calls if c.path.endswith("getdetail")] == [-220, 0]


def test_invalid_access_token_minus_216_also_refreshes_once(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    client.getoa()
    emulator.revoke_access_tokens()
    assert client.getoa()["num_follower"] == 0
    assert emulator.count_calls(OAUTH) == 2


def test_refresh_is_tried_only_once_per_call(client: ZaloClient, emulator: ZaloEmulator) -> None:
    emulator.configure(expire_access_after_calls=0)
    with pytest.raises(ZaloError) as caught:
        client.getoa()
    assert caught.value.code == -220
    assert emulator.count_calls(OAUTH) == 2  # the initial one, then exactly one retry


def test_a_token_another_worker_refreshed_and_spent_is_refreshed_again_not_a_login_error(
    client: ZaloClient, emulator: ZaloEmulator, token_file: Path
) -> None:
    """Workers share the token file: the one whose call met -220 took the token another had
    just refreshed, found it spent in turn, and stopped the whole channel with «refreshing did
    not help: the OA admin must authorise again» (exit 1) though a refresh works."""
    emulator.configure(expire_access_after_calls=1)
    client.login()
    client.getoa()  # the token is spent
    real_lock = client.tokens.token_file.lock
    raced: list[bool] = []
    with make_client(emulator, token_file) as other:

        def lock_after_the_other_worker(*args: Any, **kwargs: Any) -> Any:
            """Before this worker refreshes, the other one refreshes and spends the new token."""
            if not raced:
                raced.append(True)
                other.getoa()
            return real_lock(*args, **kwargs)

        client.tokens.token_file.lock = lock_after_the_other_worker  # type: ignore[method-assign]
        assert client.getoa()["oa_id"]
    assert raced
    # This worker's first refresh, the other's, then this worker's own once the other's was spent.
    assert emulator.count_calls(OAUTH) == 3


def test_access_token_is_refreshed_before_it_expires(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    now = [1_000_000.0]
    tokens = make_tokens(emulator, token_file, clock=lambda: now[0], refresh_margin=3600)
    with make_client(emulator, token_file, tokens=tokens) as client:
        client.getoa()
        now[0] += 90_000 - 3000  # less than the margin left
        client.getoa()
    assert emulator.count_calls(OAUTH) == 2
    assert all(c.error != -220 for c in emulator.calls)


def test_a_short_lived_access_token_is_refreshed_once_not_on_every_call(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """Zalo may issue tokens for an hour or less (the doc's older examples): with a fixed
    one-hour margin every call refreshed, spending the single-use refresh token each time."""
    emulator.configure(access_token_ttl=3000)
    now = [1_000_000.0]
    tokens = make_tokens(emulator, token_file, clock=lambda: now[0], refresh_margin=3600)
    with make_client(emulator, token_file, tokens=tokens) as client:
        for _ in range(5):
            client.getoa()
            now[0] += 60
        assert emulator.count_calls(OAUTH) == 1
        now[0] += 1500  # past half its life: refreshed ahead of expiry, once
        client.getoa()
        client.getoa()
    assert emulator.count_calls(OAUTH) == 2
    assert json.loads(token_file.read_text())["lifetime"] == 3000


def test_environment_access_token_is_used_without_refreshing(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    with ZaloEmulator(EmulatorConfig(access_token="env-access-token-1234")) as emu:
        env = env_for(emu, token_file, ZALO_ACCESS_TOKEN="env-access-token-1234")
        with ZaloClient.from_env(env, **FAST_SETTINGS) as client:
            client.getoa()
        assert emu.count_calls(OAUTH) == 0
        assert not token_file.exists()


def test_concurrent_expiry_across_processes_refreshes_once(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    # Two managers on one token file stand in for two processes: the file lock serialises them.
    clients = [make_client(emulator, token_file) for _ in range(2)]
    clients[0].getoa()
    clients[1].getoa()
    emulator.expire_access_tokens()
    emulator.clear_calls()
    barrier = threading.Barrier(4)
    errors: list[Exception] = []

    def work(client: ZaloClient) -> None:
        """Hit the API at the same moment as the others."""
        barrier.wait()
        try:
            client.getoa()
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()
    assert errors == []
    assert emulator.count_calls(OAUTH) == 1


def test_token_file_readable_by_others_is_refused(emulator: ZaloEmulator, token_file: Path) -> None:
    token_file.parent.mkdir(parents=True)
    token_file.write_text(json.dumps({"refresh_token": "r-123456"}))
    os.chmod(token_file, 0o644)
    with pytest.raises(PublishError) as caught:
        TokenManager.from_env(env_for(emulator, token_file))
    message = str(caught.value)
    assert "chmod 600" in message and str(token_file) in message and "0644" in message
    assert "r-123456" not in message
    assert emulator.calls == []


def test_a_symlinked_token_file_is_refused_without_reading_it(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """The mode was checked on the path, then the path read again: a symlink swapped in
    between (or one there all along) was followed to another file."""
    token_file.parent.mkdir(parents=True)
    real = token_file.parent / "that.json"
    real.write_text(json.dumps({"refresh_token": "r-123456"}))
    os.chmod(real, 0o600)
    token_file.symlink_to(real)
    with pytest.raises(PublishError) as caught:
        TokenManager.from_env(env_for(emulator, token_file))
    message = str(caught.value)
    assert "liên kết tượng trưng" in message and str(token_file) in message
    assert "r-123456" not in message and emulator.calls == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_at_the_token_files_path_is_refused_without_waiting(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """Opening a FIFO for reading waits for a writer: the sync hung there for good."""
    token_file.parent.mkdir(parents=True)
    os.mkfifo(token_file, 0o600)

    def hung(_signal: int, _frame: object) -> None:
        raise TimeoutError("opening the token file waited for a writer")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(5)
    try:
        with pytest.raises(PublishError) as caught:
            TokenManager.from_env(env_for(emulator, token_file))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert "không phải một tệp thường" in str(caught.value) and emulator.calls == []


def test_a_token_file_in_a_folder_others_may_write_is_refused(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """Anyone who may write the folder may swap the file for their own token."""
    token_file.parent.mkdir(parents=True)
    token_file.write_text(json.dumps({"refresh_token": "r-123456"}))
    os.chmod(token_file, 0o600)
    os.chmod(token_file.parent, 0o777)
    with pytest.raises(PublishError) as caught:
        TokenManager.from_env(env_for(emulator, token_file))
    message = str(caught.value)
    assert f"chmod go-w {token_file.parent}" in message and "0777" in message
    assert "r-123456" not in message and emulator.calls == []


def test_a_token_file_in_a_shared_sticky_folder_is_read(token_file: Path) -> None:
    """Like /tmp: others may write the folder but not replace this user's file."""
    token_file.parent.mkdir(parents=True)
    token_file.write_text(json.dumps({"refresh_token": "r-123456"}))
    os.chmod(token_file, 0o600)
    os.chmod(token_file.parent, 0o1777)
    pair = TokenFile(token_file).load()
    assert pair is not None and pair.refresh_token == "r-123456"


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the file to another user")
def test_a_token_file_of_another_user_is_refused(token_file: Path) -> None:
    token_file.parent.mkdir(parents=True)
    token_file.write_text(json.dumps({"refresh_token": "r-123456"}))
    os.chmod(token_file, 0o600)
    os.chown(token_file, 12345, 12345)
    with pytest.raises(PublishError) as caught:
        TokenFile(token_file).load()
    assert "thuộc về người dùng khác (mã 12345)" in str(caught.value)
    # A file of the unit's own, mounted into a container run as another user: give it over.
    assert f"chown {os.getuid()} {token_file}" in str(caught.value)
    assert "r-123456" not in str(caught.value)


def test_corrupt_token_file_is_explained(emulator: ZaloEmulator, token_file: Path) -> None:
    token_file.parent.mkdir(parents=True)
    token_file.write_text("{not json")
    os.chmod(token_file, 0o600)
    with pytest.raises(PublishError, match="bị hỏng"):
        TokenManager.from_env(env_for(emulator, token_file))


def test_missing_credentials_name_the_variables(tmp_path: Path) -> None:
    env = {"ZALO_TOKEN_FILE": str(tmp_path / "none.json"), "ZALO_APP_ID": "1"}
    with pytest.raises(PublishError) as caught:
        TokenManager.from_env(env)
    assert "ZALO_APP_SECRET" in str(caught.value) and "ZALO_REFRESH_TOKEN" in str(caught.value)
    assert "ZALO_APP_ID," not in str(caught.value)


def test_a_token_file_another_oas_login_wrote_is_not_used(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """A sync for one OA reading the file `publish zalo-login` wrote for another is stopped
    before any call, naming both OAs and how to pick the right file."""
    token_file.parent.mkdir(parents=True)
    token_file.write_text(json.dumps({"refresh_token": "r-123456", "oa_id": "1111222233334444"}))
    os.chmod(token_file, 0o600)
    with pytest.raises(PublishError) as caught:
        TokenManager.from_env(env_for(emulator, token_file), oa_id="2463951837402251183")
    said = str(caught.value)
    assert "giữ token của OA mã 1111222233334444" in said and "OA 2463951837402251183" in said
    assert "ZALO_TOKEN_FILE" in said and "r-123456" not in said
    TokenManager.from_env(env_for(emulator, token_file), oa_id="1111222233334444")


def test_a_symlink_planted_as_the_token_lock_is_not_followed(tmp_path: Path) -> None:
    """The token lock was opened with O_CREAT and no O_NOFOLLOW: a symlink at its path made
    the command create (and lock) a file wherever the link pointed."""
    pointed = tmp_path / "khong-duoc-tao"
    (tmp_path / "zalo-token.json.lock").symlink_to(pointed)
    with pytest.raises(PublishError) as caught, TokenFile(tmp_path / "zalo-token.json").lock():
        pass
    assert "là một liên kết tượng trưng (symlink)" in str(caught.value)
    assert not pointed.exists()


def test_settings_and_token_file_location_come_from_env(tmp_path: Path) -> None:
    settings = ClientSettings.from_env(
        {"ZALO_API_BASE": "http://127.0.0.1:1", "ZALO_OAUTH_BASE": "http://127.0.0.1:2"}
    )
    assert (settings.api_base, settings.oauth_base) == ("http://127.0.0.1:1", "http://127.0.0.1:2")
    defaults = ClientSettings.from_env({})
    assert defaults.api_base == "https://openapi.zalo.me"
    assert defaults.oauth_base == "https://oauth.zaloapp.com"
    home = default_token_file({"XDG_CONFIG_HOME": str(tmp_path)})
    assert home == tmp_path / "publish" / "zalo-token.json"
    assert default_token_file({"ZALO_TOKEN_FILE": "/x/t.json"}) == Path("/x/t.json")
    # One default file per OA, so that logging in for a second OA keeps the first one's.
    own = default_token_file({"XDG_CONFIG_HOME": str(tmp_path)}, "2463951837402251183")
    assert own == tmp_path / "publish" / "zalo-token-2463951837402251183.json"
    assert default_token_file({"XDG_CONFIG_HOME": str(tmp_path)}, "../x") == home


def test_appsecret_proof_header_is_a_setting(emulator: ZaloEmulator, token_file: Path) -> None:
    emulator.configure(require_appsecret_proof=True)
    with make_client(emulator, token_file) as plain, pytest.raises(ZaloError) as caught:
        plain.getoa()
    assert caught.value.code == -242
    with make_client(emulator, token_file, appsecret_proof=True) as proving:
        assert proving.getoa()["num_follower"] == 0


# --- transient failures --------------------------------------------------------------------------


def test_rate_limit_minus_32_is_retried(emulator: ZaloEmulator, token_file: Path) -> None:
    emulator.configure(rate_limit_per_minute=2, rate_limit_window=0.05)
    with make_client(emulator, token_file, max_retries=6) as client:
        for _ in range(6):
            client.getoa()
    assert any(c.error == -32 for c in emulator.calls)


def test_rate_limit_gives_up_with_a_clear_message(emulator: ZaloEmulator, token_file: Path) -> None:
    emulator.configure(rate_limit_per_minute=1)
    with make_client(emulator, token_file, max_retries=2) as client:
        client.getoa()
        with pytest.raises(ZaloError) as caught:
            client.getoa()
    assert caught.value.code == -32
    assert "giới hạn" in str(caught.value)
    assert emulator.count_calls("/oa/getoa") == 1 + 3


def test_http_5xx_is_retried(client: ZaloClient, emulator: ZaloEmulator) -> None:
    emulator.configure(fault_paths=("/v2.0/",), fail_first_5xx=2, fail_5xx_status=502)
    assert client.getoa()["oa_id"]
    assert [c.http_status for c in emulator.calls if c.path == "/v2.0/oa/getoa"] == [502, 502, 200]


def test_retry_lines_are_written_as_the_other_messages_are(
    client: ZaloClient, emulator: ZaloEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    """The operator reads these lines in the CI log: the operation in words, the wait in giây
    with a decimal comma (not an API name and "1.50 s")."""
    caplog.set_level(logging.WARNING, logger="publish.zalo.client")
    client._backoff = lambda attempt, base: 1.5  # type: ignore[method-assign]
    emulator.configure(fault_paths=("/v2.0/",), fail_first_5xx=1, fail_5xx_status=503)
    assert client.getoa()["oa_id"]
    assert "Gọi Zalo để đọc thông tin OA thất bại: HTTP 503; thử lại lần 1 sau 1,5 giây." in (
        caplog.text
    )


def test_a_short_retry_wait_is_told_as_the_sync_tells_it(
    client: ZaloClient, emulator: ZaloEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    """0.02 s read «0,0 giây» in the client's lines while the sync wrote «0,02 giây» (one way
    of writing a wait for both, publish.timings.wait_vi)."""
    caplog.set_level(logging.WARNING, logger="publish.zalo.client")
    client._backoff = lambda attempt, base: 0.02  # type: ignore[method-assign]
    emulator.configure(fault_paths=("/v2.0/",), fail_first_5xx=1, fail_5xx_status=503)
    assert client.getoa()["oa_id"]
    assert "thử lại lần 1 sau 0,02 giây." in caplog.text


def test_a_wait_too_short_for_two_decimals_is_not_told_as_none(
    client: ZaloClient, emulator: ZaloEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    """A wait of a few milliseconds (ZALO_BACKOFF_BASE=0.001) read «sau 0 giây» (review R13)."""
    caplog.set_level(logging.WARNING, logger="publish.zalo.client")
    client._backoff = lambda attempt, base: 0.004  # type: ignore[method-assign]
    emulator.configure(fault_paths=("/v2.0/",), fail_first_5xx=1, fail_5xx_status=503)
    assert client.getoa()["oa_id"]
    assert "thử lại lần 1 sau dưới 0,01 giây." in caplog.text


def test_http_5xx_gives_up_after_max_retries(emulator: ZaloEmulator, token_file: Path) -> None:
    emulator.configure(fault_paths=("/v2.0/",), fail_first_5xx=100)
    with (
        make_client(emulator, token_file, max_retries=2) as client,
        pytest.raises(ZaloError) as caught,
    ):
        client.getoa()
    assert "HTTP 503" in str(caught.value)
    assert emulator.count_calls("/oa/getoa") == 3
    # Zalo (or a gateway, maybe the unit's own proxy) answered with a failure: the message
    # names both, and does not claim the unit's network is fine.
    assert "hoặc máy chủ trung gian trả lỗi HTTP 503" in str(caught.value)
    assert "kiểm tra proxy của đơn vị" in str(caught.value)
    assert "mạng của đơn vị vẫn thông" not in str(caught.value)
    assert "Kiểm tra kết nối mạng" not in str(caught.value)


def test_dropped_connections_are_retried(client: ZaloClient, emulator: ZaloEmulator) -> None:
    article_id = emulator.seed_article(sample_body())
    emulator.configure(fault_paths=("/v2.0/",), drop_first=2)
    assert client.getdetail(article_id)["id"] == article_id
    assert emulator.count_calls("/getdetail") == 3


def test_a_dropped_connection_is_told_in_words_with_the_error_name_as_a_detail(
    emulator: ZaloEmulator, token_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An operator reading «RemoteProtocolError» in a Vietnamese line learns nothing: what
    happened comes first, the class name only after it, as «HTTP 503» does for a 5xx."""
    caplog.set_level(logging.WARNING, logger="publish.zalo.client")
    article_id = emulator.seed_article(sample_body())
    emulator.configure(fault_paths=("/v2.0/",), drop_first=100)
    with make_client(emulator, token_file, max_retries=1) as client:
        client.login()
        with pytest.raises(ZaloError) as caught:
            client.getdetail(article_id)
    told = f"Zalo ({emulator.base_url.split('//')[1]}) đóng kết nối trước khi trả lời"
    assert (
        f"Không gọi được Zalo khi đọc chi tiết bài viết, đã thử lại 1 lần — {told} "
        "(RemoteProtocolError)."
    ) in str(caught.value)
    assert f"Gọi Zalo để đọc chi tiết bài viết thất bại: {told} (RemoteProtocolError); thử" in (
        caplog.text
    )
    assert "lỗi RemoteProtocolError" not in str(caught.value) + caplog.text


def test_a_create_whose_connection_dropped_says_what_happened_in_words(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    emulator.configure(fault_paths=("/article/create",), drop_first=1, drop_after_processing=True)
    with pytest.raises(ZaloUncertainError) as caught:
        client.create(sample_body())
    # In the message's own parentheses: without the class name or a bracketed host.
    assert (
        "Mất phản hồi sau khi đã gửi yêu cầu tạo bài viết (Zalo đóng kết nối trước khi trả "
        "lời), nên không rõ bài"
    ) in str(caught.value)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (httpx.ConnectError("refused"), "không kết nối được tới Zalo (ConnectError)"),
        (httpx.ConnectTimeout("slow"), "Zalo không nhận kết nối trong thời gian chờ"),
        (httpx.ReadTimeout("slow"), "Zalo không trả lời trong thời gian chờ (ReadTimeout)"),
        (httpx.WriteTimeout("slow"), "gửi yêu cầu tới Zalo chưa xong trong thời gian chờ"),
        (httpx.PoolTimeout("busy"), "chưa có kết nối rảnh tới Zalo để gửi yêu cầu"),
        (httpx.ReadError("reset"), "mất kết nối tới Zalo khi đang nhận trả lời (ReadError)"),
        (httpx.WriteError("reset"), "mất kết nối tới Zalo khi đang gửi yêu cầu (WriteError)"),
    ],
)
def test_every_transport_error_has_vietnamese_words(error: Exception, words: str) -> None:
    said = transport_failure(error, "Zalo")
    assert said.startswith(words)
    # The class name only as a detail in parentheses at the end, never as the words.
    name = type(error).__name__
    assert said.endswith(f"({name})") and said.count(name) == 1
    assert name not in transport_failure(error, "Zalo", named=False)


def _raised_from(error: httpx.TransportError, cause: BaseException) -> httpx.TransportError:
    """`error` as httpx raises it: from the OS or ssl error underneath."""
    try:
        raise error from cause
    except httpx.TransportError as raised:
        return raised


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (
            _raised_from(
                httpx.ConnectError("[Errno -2] Name or service not known"),
                socket.gaierror(-2, "Name or service not known"),
            ),
            "không kết nối được tới Zalo: không tra được địa chỉ mạng của tên máy chủ "
            "(lỗi DNS, ConnectError)",
        ),
        (
            # Windows words a failed lookup so, and no gaierror may be left to find.
            httpx.ConnectError("[Errno 11001] getaddrinfo failed"),
            "không kết nối được tới Zalo: không tra được địa chỉ mạng của tên máy chủ "
            "(lỗi DNS, ConnectError)",
        ),
        (
            _raised_from(
                httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
                ssl.SSLCertVerificationError(1, "certificate verify failed"),
            ),
            "không kết nối được tới Zalo: chứng chỉ bảo mật của máy chủ không được tin cậy",
        ),
        (
            _raised_from(
                httpx.ConnectError("[Errno 111] Connection refused"),
                ConnectionRefusedError(111, "Connection refused"),
            ),
            "không kết nối được tới Zalo: kết nối bị từ chối, thường vì không có chương trình "
            "nào nhận kết nối ở địa chỉ và cổng đó (ConnectError)",
        ),
        (
            _raised_from(
                httpx.ConnectError("[Errno 101] Network is unreachable"),
                OSError(errno.ENETUNREACH, "Network is unreachable"),
            ),
            "không kết nối được tới Zalo: máy này không có đường mạng tới máy chủ (ConnectError)",
        ),
    ],
    ids=["dns", "dns-windows", "tls-certificate", "refused", "unreachable"],
)
def test_why_a_connection_failed_is_said_from_its_cause(
    error: httpx.TransportError, words: str
) -> None:
    assert transport_failure(error, "Zalo").startswith(words)


def test_a_connection_refused_names_the_host_in_vietnamese_and_the_class_in_parentheses(
    token_file: Path,
) -> None:
    """As the QA run saw it when the sandbox was not running: «lỗi ConnectError» read as the
    message; now what happened, the address called, and the class name only in parentheses."""
    with ZaloEmulator() as emu:
        host = emu.base_url.split("//")[1]
        tokens = make_tokens(emu, token_file)
    settings = ClientSettings(
        api_base=emu.base_url, oauth_base=emu.base_url, **{**FAST_SETTINGS, "max_retries": 1}
    )
    with ZaloClient(tokens, settings) as client, pytest.raises(ZaloError) as caught:
        client.getoa()
    assert str(caught.value).startswith(
        "Không gọi được Zalo khi làm mới access token, đã thử lại 1 lần — không kết nối được "
        f"tới Zalo ({host}): kết nối bị từ chối"
    )
    assert "(ConnectError). Kiểm tra kết nối mạng rồi chạy lại." in str(caught.value)
    assert "lỗi ConnectError" not in str(caught.value)


def test_tls_spoken_to_a_server_that_does_not_speak_it_is_a_tls_failure(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    https = emulator.base_url.replace("http://", "https://")
    settings = ClientSettings(
        api_base=https, oauth_base=https, **{**FAST_SETTINGS, "max_retries": 0}
    )
    tokens = make_tokens(emulator, token_file)
    with ZaloClient(tokens, settings) as client, pytest.raises(ZaloError) as caught:
        client.getoa()
    assert "không lập được kết nối bảo mật với máy chủ (lỗi TLS, ConnectError)" in str(caught.value)


def test_a_timeout_says_how_many_seconds_zalo_was_waited_for(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    emulator.configure(fault_paths=("/getoa",), latency=1.0)
    with make_client(emulator, token_file, max_retries=0, timeout=0.3) as client:
        client.login()
        with pytest.raises(ZaloError) as caught:
            client.getoa()
    host = emulator.base_url.split("//")[1]
    assert f"Zalo ({host}) không trả lời sau 0,3 giây (ReadTimeout)" in str(caught.value)


def test_refresh_survives_transient_failures(client: ZaloClient, emulator: ZaloEmulator) -> None:
    emulator.configure(fault_paths=(OAUTH,), fail_first_5xx=1, drop_first=1)
    client.getoa()
    assert emulator.count_calls(OAUTH) == 3


def test_a_refresh_whose_reply_was_lost_is_told_as_such_not_as_a_token_used_elsewhere(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """Zalo took the single-use refresh token, the reply with the new pair was lost, and the
    retry was refused: the operator was told the token had been used or was 3 months old, and
    went looking for a leak instead of logging in again."""
    emulator.configure(fault_paths=(OAUTH,), drop_first=1, drop_after_processing=True)
    with pytest.raises(ZaloError) as caught:
        client.getoa()
    message = str(caught.value)
    assert "Mất phản hồi khi làm mới access token (" in message
    assert "không về tới máy này" in message and "publish zalo-login" in message
    assert caught.value.code == -14014 and caught.value.exit_code == 1
    assert emulator.count_calls(OAUTH) == 2
    assert not any(secret in message for secret in every_token(emulator))


def test_a_lost_refresh_reply_then_an_empty_refusal_is_told_as_an_empty_reply(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """Zalo answered the re-sent refresh with an empty body, and the operator was told of an
    error code -14014 that was in no log."""
    emulator.configure(
        fault_paths=(OAUTH,), drop_first=1, drop_after_processing=True, reused_refresh_reply="empty"
    )
    with pytest.raises(ZaloError) as caught:
        client.getoa()
    message = str(caught.value)
    assert "lần gửi lại bị Zalo từ chối (phản hồi rỗng)" in message
    assert "-14014" not in message


def test_create_with_a_lost_reply_is_not_resent(client: ZaloClient, emulator: ZaloEmulator) -> None:
    emulator.configure(fault_paths=("/article/create",), drop_first=1, drop_after_processing=True)
    with pytest.raises(ZaloUncertainError) as caught:
        client.create(sample_body())
    assert "trùng" in str(caught.value)
    assert emulator.count_calls("/article/create") == 1
    assert len(emulator.articles) == 1  # it did land: re-sending would have duplicated it


def test_a_create_answered_503_after_zalo_made_it_is_not_sent_again(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """A gateway may answer 503 once its backend, which did create the article, was too slow."""
    emulator.configure(
        fault_paths=("/article/create",),
        fail_first_5xx=1,
        fail_5xx_status=503,
        fail_5xx_after_processing=True,
    )
    with pytest.raises(ZaloUncertainError) as caught:
        client.create(sample_body())
    assert "HTTP 503" in str(caught.value) and "trùng" in str(caught.value)
    assert emulator.count_calls("/article/create") == 1
    assert len(emulator.articles) == 1  # re-sending would have made a second one


def test_a_create_turned_away_by_the_rate_limiter_is_sent_again(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """HTTP 429 comes before the request is handled: sending the create again is safe."""
    emulator.configure(fault_paths=("/article/create",), fail_first_5xx=2, fail_5xx_status=429)
    client.verify(client.create(sample_body()))
    assert emulator.count_calls("/article/create") == 3
    assert len(emulator.articles) == 1


def test_a_429_waits_as_long_as_its_retry_after_asks(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """A rate limiter saying «come back in 7 s» is waited out: the short backoff alone sent
    every retry inside the 7 s and the run failed after its retries, told as a network fault."""
    waits: list[float] = []
    client._sleep = waits.append
    emulator.configure(
        fault_paths=("/article/create",), fail_first_5xx=1, fail_5xx_status=429, retry_after="7"
    )
    client.verify(client.create(sample_body()))
    assert waits[0] == 7.0
    assert emulator.count_calls("/article/create") == 2
    assert len(emulator.articles) == 1


def test_a_429_with_an_http_date_retry_after_waits_until_that_time(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    waits: list[float] = []
    client._sleep = waits.append
    when = email.utils.formatdate(time.time() + 40, usegmt=True)
    emulator.configure(fault_paths=("/oa/getoa",), fail_first_5xx=1, fail_5xx_status=429)
    emulator.configure(retry_after=when)
    assert client.getoa()["oa_id"]
    assert 30 < waits[0] <= 40


def test_a_retry_after_longer_than_a_run_waits_stops_at_once_and_says_when_to_rerun(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """An hour's Retry-After is not slept through in a CI job, nor hammered with retries."""
    waits: list[float] = []
    client._sleep = waits.append
    emulator.configure(
        fault_paths=("/article/create",), fail_first_5xx=5, fail_5xx_status=429, retry_after="3600"
    )
    with pytest.raises(ZaloError) as caught:
        client.create(sample_body())
    message = str(caught.value)
    assert "HTTP 429 (gọi quá nhiều)" in message and "Chạy lại sau 60 phút" in message
    assert "kết nối mạng" not in message
    assert emulator.count_calls("/article/create") == 1
    assert waits == []
    assert emulator.articles == {}


def test_after_a_retry_after_too_long_to_wait_no_call_is_sent_until_then(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """Each other bulletin of the run sent its own create into the same 429 and printed the
    same hour's wait: a call per bulletin against a server that asked for none."""
    emulator.configure(
        fault_paths=("/v2.0/",), fail_first_5xx=50, fail_5xx_status=429, retry_after="3600"
    )
    client.login()
    with pytest.raises(ZaloError):
        client.create(sample_body())
    for call in (lambda: client.create(sample_body()), client.getoa):
        with pytest.raises(ZaloError) as caught:
            call()
        assert "yêu cầu chờ 60 phút" in str(caught.value)
    with pytest.raises(ZaloError):
        client.with_settings(verify_first_delay=0.0).verify("ma-xac-minh")
    assert len([c for c in emulator.calls if c.path.startswith("/v2.0/")]) == 1


def test_after_the_article_quota_is_met_no_create_is_sent_but_other_calls_go(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """-223 «limit quota create article»: each later create of the run met the same refusal
    with a call of its own; an update or a read still goes (the quota is of creates)."""
    emulator.configure(create_quota_per_day=1)
    client.login()
    token = client.create(sample_body())
    article_id = client.with_settings(verify_first_delay=0.0).verify(token)
    with pytest.raises(ZaloError) as first:
        client.create(sample_body(title="Bài thứ hai"))
    assert first.value.code == -223 and not first.value.stops_channel
    with pytest.raises(ZaloError) as later:
        client.with_settings().create(sample_body(title="Bài thứ ba"))
    assert str(later.value).startswith("Chưa gọi Zalo để tạo bài viết: Zalo vừa từ chối")
    assert not later.value.stops_channel
    client.getoa()
    client.update(sample_body(id=article_id, title="Bài đã sửa"))
    assert emulator.count_calls("/article/create") == 2


def test_a_create_already_sent_when_another_met_the_quota_is_not_told_as_a_new_refusal(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    """A create on the wire when another's -223 (article quota) came back meets the same
    refusal: it printed Zalo's words and advice a second time. It is told as the same one."""
    emulator.configure(create_quota_per_day=0)
    client.login()
    held = emulator.hold("/article/create", 1)
    errors: list[ZaloError] = []

    def create_held() -> None:
        """The create sent before the refusal was known."""
        try:
            client.create(sample_body(title="Bài đã gửi đi"))
        except ZaloError as error:
            errors.append(error)

    worker = threading.Thread(target=create_held)
    worker.start()
    assert held.reached.wait(30)
    with pytest.raises(ZaloError) as first:
        client.create(sample_body(title="Bài thứ hai"))
    held.release()
    worker.join(30)
    assert "Your OA has reach the limit quota create article" in str(first.value)
    [late] = errors
    assert late.code == -223 and not late.stops_channel
    assert "Your OA has reach the limit quota create article" not in str(late)
    assert "đã báo ở trên" in str(late)
    with pytest.raises(ZaloError, match=r"^Chưa gọi Zalo để tạo bài viết"):
        client.create(sample_body(title="Bài thứ ba"))
    assert emulator.count_calls("/article/create") == 2


def test_retry_afters_short_enough_to_wait_stop_once_the_run_has_waited_five_minutes(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """Each Retry-After of 120 s was waited out on every retry of every call: 5 getdetail
    calls made 25 HTTP calls and slept 40 minutes, and a sync of 8 bulletins outlived the CI
    job's timeout while holding the sync lock."""
    article_id = emulator.seed_article(sample_body())
    clock = FakeClock()
    settings = ClientSettings(
        api_base=emulator.base_url, oauth_base=emulator.base_url, **FAST_SETTINGS
    )
    with ZaloClient(
        make_tokens(emulator, token_file), settings, sleep=clock.sleep, clock=clock
    ) as client:
        client.login()
        emulator.configure(
            fault_paths=("/getdetail",), fail_first_5xx=100, fail_5xx_status=429, retry_after="120"
        )
        messages = []
        for _ in range(5):
            with pytest.raises(ZaloError) as caught:
                client.getdetail(article_id)
            messages.append(str(caught.value))
    assert sum(clock.slept) <= 300
    assert emulator.count_calls("/getdetail") == 3
    assert "Chạy lại sau 2 phút để làm tiếp" in messages[0]
    assert all(m.startswith("Chưa gọi Zalo") for m in messages[1:])


def test_429s_without_retry_after_stop_once_the_run_has_waited_its_budget(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """429s with no Retry-After had no run-wide limit: each call backed off through all its
    retries, so a run of many bulletins waited many times the budget (here 5 calls × 4 retries
    × up to 30 s) against a server refusing every call."""
    article_id = emulator.seed_article(sample_body())
    clock = FakeClock()
    waits = {**FAST_SETTINGS, "backoff_base": 10.0, "backoff_max": 30.0}
    settings = ClientSettings(
        api_base=emulator.base_url,
        oauth_base=emulator.base_url,
        **waits,
        retry_after_budget=25.0,  # met by the third wait whatever the jitter (5–10, 10–20, 15–30)
    )
    with ZaloClient(
        make_tokens(emulator, token_file), settings, sleep=clock.sleep, clock=clock
    ) as client:
        client.login()
        emulator.configure(fault_paths=("/getdetail",), fail_first_5xx=100, fail_5xx_status=429)
        messages = []
        for _ in range(5):
            with pytest.raises(ZaloError) as caught:
                client.getdetail(article_id)
            messages.append(str(caught.value))
        assert client._closed.waited == pytest.approx(sum(clock.slept))
    assert 0 < sum(clock.slept) <= 25
    assert emulator.count_calls("/getdetail") <= 3
    assert "HTTP 429 (gọi quá nhiều)" in messages[0] and "rate_limit_wait" in messages[0]
    assert "Chạy lại sau 60 giây để làm tiếp" in messages[0]
    assert "kết nối mạng" not in messages[0]
    assert all(m.startswith("Chưa gọi Zalo để đọc") for m in messages[1:]), messages[1]
    assert "yêu cầu chờ" not in messages[1]  # Zalo named no wait: none is put in its mouth


def test_minus_32s_stop_once_the_run_has_waited_its_budget(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """Zalo's own «too many calls» (-32) was backed off per call outside the run's wait budget
    ([zalo] rate_limit_wait): each call went through all its retries (here 5 calls × 4 × up to
    30 s), and no later call was held back. It now counts with 429s and closes the run alike."""
    article_id = emulator.seed_article(sample_body())
    clock = FakeClock()
    waits = {**FAST_SETTINGS, "rate_limit_backoff": 10.0, "backoff_max": 30.0, "max_retries": 4}
    settings = ClientSettings(
        api_base=emulator.base_url,
        oauth_base=emulator.base_url,
        **waits,
        retry_after_budget=25.0,  # met by the third wait whatever the jitter (5–10, 10–20, 15–30)
    )
    with ZaloClient(
        make_tokens(emulator, token_file), settings, sleep=clock.sleep, clock=clock
    ) as client:
        client.login()
        emulator.configure(rate_limit_per_minute=1)
        client.getdetail(article_id)  # the minute's one call
        messages = []
        for _ in range(5):
            with pytest.raises(ZaloError) as caught:
                client.getdetail(article_id)
            messages.append(str(caught.value))
        assert client._closed.waited == pytest.approx(sum(clock.slept))
    assert 0 < sum(clock.slept) <= 25
    assert emulator.count_calls("/getdetail") <= 1 + 3
    assert "mã lỗi -32 (gọi quá nhiều)" in messages[0] and "rate_limit_wait" in messages[0]
    assert "Chạy lại sau 60 giây để làm tiếp" in messages[0]
    assert all(m.startswith("Chưa gọi Zalo để đọc") for m in messages[1:]), messages[1]


def test_workers_backing_off_at_once_count_the_time_waited_not_the_sum_of_their_waits(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """The run-wide wait budget added the waits of parallel workers: 8 workers backing off 5 s
    side by side counted 40 s, and the run stopped early saying it had waited that long."""
    from publish.zalo.client import _Closed

    slept: list[float] = []
    settings = ClientSettings(
        api_base=emulator.base_url,
        oauth_base=emulator.base_url,
        **{**FAST_SETTINGS, "concurrency": 8, "max_retries": 8},
        retry_after_budget=12.0,
    )
    closed = _Closed()
    with ZaloClient(
        make_tokens(emulator, token_file), settings, sleep=slept.append, closed=closed
    ) as client:
        client.login()
        emulator.configure(
            fault_paths=("/oa/getoa",), fail_first_5xx=8, fail_5xx_status=429, retry_after="5"
        )
        outcomes = client.map(lambda _: client.getoa(), range(8))
    assert all(outcome.ok for outcome in outcomes), [o.error for o in outcomes]
    assert sum(slept) == 40.0  # each worker waited its 5 s ...
    assert 5.0 <= closed.waited < 8.0  # ... side by side: the run waited about 5 s


def test_429s_that_never_end_are_told_as_too_many_calls_not_a_network_fault(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    emulator.configure(fault_paths=("/oa/getoa",), fail_first_5xx=100, fail_5xx_status=429)
    with make_client(emulator, token_file, max_retries=2) as client:
        client.login()
        with pytest.raises(ZaloError) as caught:
            client.getoa()
    message = str(caught.value)
    assert "gọi quá nhiều (HTTP 429)" in message and "concurrency" in message
    assert "kết nối mạng" not in message
    assert emulator.count_calls("/oa/getoa") == 3


def test_uncertain_creates_can_be_retried_by_setting(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    emulator.configure(fault_paths=("/article/create",), drop_first=1)
    with make_client(emulator, token_file, retry_uncertain_creates=True) as client:
        client.verify(client.create(sample_body()))
    assert emulator.count_calls("/article/create") == 2
    assert len(emulator.articles) == 1


def test_connection_refused_is_retried_then_reported(token_file: Path) -> None:
    with ZaloEmulator() as emu:
        base = emu.base_url
        tokens = make_tokens(emu, token_file)
    settings = ClientSettings(api_base=base, oauth_base=base, **{**FAST_SETTINGS, "max_retries": 1})
    with ZaloClient(tokens, settings) as client, pytest.raises(ZaloError) as caught:
        client.getoa()
    assert "ConnectError" in str(caught.value) and "đã thử lại 1 lần" in str(caught.value)


# --- concurrency -----------------------------------------------------------------------------------


def test_map_is_bounded_and_keeps_order(emulator: ZaloEmulator, token_file: Path) -> None:
    ids = [emulator.seed_article(sample_body(title=f"Tin {n}")) for n in range(6)]
    # Long enough that the second worker's call lands while the first is held even when a
    # loaded machine schedules it late: at 30 ms the first could be answered before the second
    # was sent, and the test would read 1 call in flight from a bound that works.
    emulator.configure(latency=0.3)
    with make_client(emulator, token_file, concurrency=2) as client:
        client.getoa()  # refresh first so only article calls overlap
        outcomes = client.map(client.getdetail, [*ids, "khong-ton-tai"])
    assert [o.item for o in outcomes] == [*ids, "khong-ton-tai"]
    titles = [o.value["title"] if o.value is not None else None for o in outcomes[:6]]
    assert titles == [f"Tin {n}" for n in range(6)]
    error = outcomes[-1].error
    assert isinstance(error, ZaloError) and error.code == -201
    assert emulator.max_in_flight == 2


# --- secrets ----------------------------------------------------------------------------------------


def test_tokens_never_reach_logs_errors_or_reprs(
    emulator: ZaloEmulator, token_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    emulator.configure(verify_processing_count=2)
    shown: list[str] = []
    with make_client(emulator, token_file) as client:
        client.verify(client.create(sample_body()))
        emulator.expire_access_tokens()
        client.getoa()
        emulator.configure(fault_paths=("/v2.0/oa",), fail_first_5xx=100)
        for action in (client.getoa, lambda: client.getdetail("nope")):
            with pytest.raises(ZaloError) as caught:
                action()
            shown.append(str(caught.value))
        shown += [repr(client), repr(client.tokens), repr(client.tokens.current())]
        shown += [repr(client.tokens.app), repr(client.tokens.token_file)]
    stale = make_tokens(
        emulator, token_file.with_name("x.json"), refresh_token=emulator.used_refresh_tokens[0]
    )
    with (
        make_client(emulator, token_file, tokens=stale) as client,
        pytest.raises(ZaloError) as caught,
    ):
        client.getoa()
    shown.append(str(caught.value))
    secrets = every_token(emulator)
    assert len(secrets) >= 4
    text = caplog.text + "\n".join(shown)
    assert "Đã làm mới access token" in caplog.text  # the logs did cover the refresh
    for secret in secrets:
        assert secret not in text


def test_api_messages_echoing_a_token_are_masked(emulator: ZaloEmulator, token_file: Path) -> None:
    tokens = make_tokens(emulator, token_file)
    tokens.token_file.save(TokenPair("refresh-abcdef", "access-abcdef", expires_at=None))

    def fake(request: httpx.Request) -> httpx.Response:
        """Reply with an error message that repeats the token it was sent."""
        echoed = request.headers["access_token"]
        return httpx.Response(200, json={"error": -201, "message": f"bad token {echoed}"})

    settings = ClientSettings(**FAST_SETTINGS)
    transport = httpx.MockTransport(fake)
    with (
        ZaloClient(tokens, settings, transport=transport) as client,
        pytest.raises(ZaloError) as caught,
    ):
        client.getoa()
    assert "access-abcdef" not in str(caught.value)
    assert "bad token ***" in str(caught.value)
    assert TokenFile(token_file).load() == TokenPair("refresh-abcdef", "access-abcdef", None)


@pytest.mark.parametrize(
    "echo",
    [
        lambda token: quote(token, safe=""),
        lambda token: quote(token, safe="").lower(),
        lambda token: json.dumps({"token": token}),
        lambda token: json.dumps(token).replace("/", "\\/"),
        lambda token: token[:7] + "\n    " + token[7:],
    ],
    ids=["url-encoded", "url-encoded-lower", "json", "json-slash", "split-line"],
)
def test_api_messages_echoing_a_token_in_another_form_are_masked(
    emulator: ZaloEmulator, token_file: Path, echo: Callable[[str], str]
) -> None:
    tokens = make_tokens(emulator, token_file)
    tokens.token_file.save(TokenPair("refresh-abc/+=", 'access-abc/+="x', expires_at=None))

    def fake(request: httpx.Request) -> httpx.Response:
        """Reply with an error message that repeats the token it was sent, encoded."""
        echoed = echo(request.headers["access_token"])
        return httpx.Response(200, json={"error": -201, "message": f"bad token {echoed} end"})

    settings = ClientSettings(**FAST_SETTINGS)
    with (
        ZaloClient(tokens, settings, transport=httpx.MockTransport(fake)) as client,
        pytest.raises(ZaloError) as caught,
    ):
        client.getoa()
    shown = str(caught.value)
    assert "abc" not in shown and "***" in shown and " end" in shown, shown


def test_calls_are_paced_under_the_rate_limit(emulator: ZaloEmulator, token_file: Path) -> None:
    """With the client's limit set to the OA's, a burst of calls never meets -32."""
    emulator.configure(rate_limit_per_minute=10, rate_limit_window=0.5)
    with make_client(
        emulator,
        token_file,
        rate_limit_per_minute=10,
        rate_window=0.5,
        max_retries=0,
        concurrency=1,
    ) as client:
        for _ in range(25):
            client.getoa()
    assert not any(c.error == -32 for c in emulator.calls)
    assert emulator.count_calls("/oa/getoa") == 25


def test_without_pacing_the_same_burst_meets_the_limit(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    emulator.configure(rate_limit_per_minute=10, rate_limit_window=0.5)
    with (
        make_client(emulator, token_file, rate_limit_per_minute=0, max_retries=0) as client,
        pytest.raises(ZaloError) as caught,
    ):
        for _ in range(25):
            client.getoa()
    assert caught.value.code == -32


def test_rate_limit_retries_are_told_once_a_minute_not_each(
    emulator: ZaloEmulator, token_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A first sync of hundreds under the rate limit logged a line per -32 retry (800 in one
    CI log): within a minute only the first is told, then one with how many went untold."""
    emulator.configure(rate_limit_per_minute=10, rate_limit_window=0.5)
    caplog.set_level(logging.WARNING, logger="publish.zalo.client")
    with make_client(
        emulator, token_file, rate_limit_per_minute=0, rate_limit_backoff=0.05, max_retries=50
    ) as client:
        for _ in range(25):
            client.getoa()
    told = [r.getMessage() for r in caplog.records if "(-32)" in r.getMessage()]
    assert sum(c.error == -32 for c in emulator.calls) > 3
    assert len(told) == 1 and "không in ra" not in told[0]


def test_a_rate_limit_note_after_a_quiet_minute_counts_the_untold() -> None:
    """After RATE_NOTE_EVERY seconds the next -32 retry is told, with the count left untold."""
    closed = _Closed()
    assert closed.rate_limit_note(100.0) == 0
    assert [closed.rate_limit_note(100.0 + s) for s in (1, 30, 59)] == [None, None, None]
    assert closed.rate_limit_note(100.0 + RATE_NOTE_EVERY) == 3
    assert closed.rate_limit_note(101.0 + RATE_NOTE_EVERY) is None


def test_credentials_pasted_with_a_trailing_newline_still_work(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    # A CI secret pasted with its line break, or ZALO_REFRESH_TOKEN="$(cat token.txt)" with
    # spaces: Zalo would refuse the token and the app, and the sync stop until someone saw why.
    env = {
        name: f" {value}\n"
        if name.startswith("ZALO_APP") or name == "ZALO_REFRESH_TOKEN"
        else value
        for name, value in env_for(emulator, token_file).items()
    }
    with ZaloClient.from_env(env, **FAST_SETTINGS) as client:
        assert client.getoa()["oa_id"] == emulator.config.oa_id
    assert emulator.used_refresh_tokens == [env["ZALO_REFRESH_TOKEN"].strip()]


def test_an_oa_package_without_articles_is_not_retried_and_needs_a_person(
    client: ZaloClient, emulator: ZaloEmulator
) -> None:
    emulator.configure(oa_tier_too_low=True)
    with pytest.raises(ZaloError) as caught:
        client.create(sample_body())
    assert caught.value.code == -224 and caught.value.exit_code == 1
    assert caught.value.stops_channel
    assert "nâng cấp gói dịch vụ" in str(caught.value)
    assert emulator.count_calls("/article/create") == 1 and not emulator.articles


def test_a_token_file_replaced_with_the_same_size_and_time_is_read_again(tmp_path: Path) -> None:
    """`publish zalo-login` replacing the token file while a scheduled sync runs: a new file of
    the same size, written within the clock's tick, read as unchanged, and the sync refreshed
    with the old pair and saved that over the admin's new login."""
    path = tmp_path / "config" / "zalo-token.json"
    path.parent.mkdir(mode=0o700)

    def put(refresh: str) -> None:
        """Replace the file (a new inode, as TokenFile.save does) with a pair of fixed size."""
        fresh = path.with_name("moi.json")
        record = {"refresh_token": refresh, "access_token": refresh.lower(), "expires_at": 2e9}
        fresh.write_text(json.dumps(record), encoding="utf-8")
        fresh.chmod(0o600)
        os.replace(fresh, path)

    put("R" * 40)
    tokens = TokenManager(AppCredentials("app", "bi-mat"), TokenFile(path))
    assert tokens.current().refresh_token == "R" * 40
    seen = path.stat()
    put("N" * 40)
    os.utime(path, ns=(seen.st_atime_ns, seen.st_mtime_ns))
    assert path.stat().st_size == seen.st_size
    assert tokens.current().refresh_token == "N" * 40


def test_the_oa_is_recorded_only_for_the_pair_whose_access_token_zalo_was_asked_about(
    tmp_path: Path, emulator: ZaloEmulator
) -> None:
    """getoa's answer is about the access token it was asked with: a token file holding
    another pair by then (rotated by another process) is not named after that answer."""
    token_file = tmp_path / "token.json"
    client = make_client(emulator, token_file)
    profile, asked = client.getoa_with_token()  # refreshed inside: the file holds `asked`
    oa_id = profile["oa_id"]
    client.tokens.record_oa(oa_id, "access-token-cua-cap-khac")
    assert "oa_id" not in json.loads(token_file.read_text("utf-8"))
    client.tokens.record_oa(oa_id, asked)
    assert json.loads(token_file.read_text("utf-8"))["oa_id"] == oa_id


@pytest.mark.parametrize("which", ["own", "shared"])
def test_the_token_file_is_read_once_at_start_up(
    tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    """A sync's start-up (client, login, the OA check's names_no_oa, getoa) read the token file
    two times, three when the older shared file was chosen (once more to choose it): once is
    enough while the file stays as it was. A refresh still reads what it writes."""
    oa_id = emulator.config.oa_id
    env = env_for(emulator, tmp_path / "unused.json", XDG_CONFIG_HOME=str(tmp_path))
    del env["ZALO_TOKEN_FILE"], env["ZALO_REFRESH_TOKEN"]
    name = f"zalo-token-{oa_id}.json" if which == "own" else "zalo-token.json"
    token_file = tmp_path / "publish" / name
    make_client(emulator, token_file).login()  # a live pair, no OA recorded
    opened: list[str] = []
    real_open = tokens_module.open_no_follow

    def counting(path: Path, flags: int, *mode: int) -> int:
        """Count the token file's opens for reading."""
        if Path(path) == token_file:
            opened.append(str(path))
        return real_open(path, flags, *mode)

    monkeypatch.setattr(tokens_module, "open_no_follow", counting)
    with ZaloClient.from_env(env, oa_id=oa_id, **FAST_SETTINGS) as client:
        assert client.tokens.token_file.path == token_file
        client.login()
        assert client.tokens.names_no_oa()
        assert client.getoa()["oa_id"] == oa_id
    assert len(opened) == 1
    emulator.expire_access_tokens()
    with ZaloClient.from_env(env, oa_id=oa_id, **FAST_SETTINGS) as client:
        client.getoa()  # -220: refreshed, the new pair saved, then read back
        assert client.tokens.current().refresh_token == emulator.refresh_token


def test_clients_share_one_tls_context_that_still_checks_certificates(
    emulator: ZaloEmulator, token_file: Path
) -> None:
    """Each client built its own TLS context, reading the whole CA bundle (~50 ms) per sync run
    and per token refresh; one per process now, and sharing it must not loosen the checks."""
    import ssl

    settings = ClientSettings(api_base=emulator.base_url, oauth_base=emulator.base_url)
    tokens = make_tokens(emulator, token_file)
    with ZaloClient(tokens, settings) as first, ZaloClient(tokens, settings) as second:
        contexts = [c._http._transport._pool._ssl_context for c in (first, second)]  # type: ignore[attr-defined]
    assert contexts[0] is contexts[1]
    assert contexts[0].verify_mode == ssl.CERT_REQUIRED
    assert contexts[0].check_hostname


def _token_endpoint(
    live: dict[str, str], used: list[str]
) -> Callable[[dict[str, str], dict[str, str]], httpx.Response]:
    """Zalo's token endpoint: each refresh token in `live` works once (giving the pair named
    there), any other is refused as spent (-14014); `used` lists what was presented."""

    def send(form: dict[str, str], headers: dict[str, str]) -> httpx.Response:
        """Answer one refresh grant."""
        token = form["refresh_token"]
        used.append(token)
        if token not in live:
            return httpx.Response(200, json={"error": -14014, "message": "Invalid refresh token"})
        new = live.pop(token)
        return httpx.Response(
            200, json={"access_token": f"at-{new}", "refresh_token": new, "expires_in": "90000"}
        )

    return send


def test_a_new_secret_works_even_when_the_old_token_file_was_left_in_the_cache(
    tmp_path: Path,
) -> None:
    """README «Xoay vòng token»: new ZALO_REFRESH_TOKEN, old token file (CI cache) forgotten.
    The spent file won over the secret and told to re-authorize again, for ever."""
    token_file = TokenFile(tmp_path / "zalo-token.json")
    token_file.save(TokenPair("spent-rt", "old-at", expires_at=1.0, oa_id="2463951837402251183"))
    tokens = TokenManager(
        AppCredentials("app", "secret"), token_file, initial=TokenPair(refresh_token="fresh-rt")
    )
    used: list[str] = []

    assert tokens.refresh(_token_endpoint({"fresh-rt": "rt-2"}, used), failed=None) == "at-rt-2"

    assert used == ["spent-rt", "fresh-rt"]
    saved = token_file.load()
    assert saved is not None and saved.refresh_token == "rt-2"
    assert saved.oa_id is None  # the secret's OA is checked with Zalo (getoa) before any post


def test_a_spent_token_file_and_a_spent_secret_still_ask_for_a_new_authorization(
    tmp_path: Path,
) -> None:
    token_file = TokenFile(tmp_path / "zalo-token.json")
    token_file.save(TokenPair("spent-rt", "old-at", expires_at=1.0))
    tokens = TokenManager(
        AppCredentials("app", "secret"), token_file, initial=TokenPair(refresh_token="first-rt")
    )
    used: list[str] = []
    with pytest.raises(ZaloError) as caught:
        tokens.refresh(_token_endpoint({}, used), failed=None)
    assert caught.value.code == -14014 and "cấp quyền lại" in str(caught.value)
    assert used == ["spent-rt", "first-rt"]
    assert token_file.load() == TokenPair("spent-rt", "old-at", expires_at=1.0)
