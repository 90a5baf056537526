"""The Zalo OA emulator over real HTTP: envelope, validation, flows, OAuth rotation, faults."""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import hmac
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from publish.cli import main
from publish.commands import zalo_sandbox
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from publish.zalo.emulator_saving import SAVE_DELAY
from publish.zalo.emulator_state import (
    ApiFailure,
    OAState,
    StateFileError,
    read_state,
    validate_article,
)
from tests.helpers import OTHER_UNIT_TOML, SAMPLE_UNIT, make_project
from tests.zalo_fixtures import sample_body


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running emulator on an OS-chosen port."""
    with ZaloEmulator(EmulatorConfig(verify_processing_count=0)) as emu:
        yield emu


@pytest.fixture
def http(emulator: ZaloEmulator) -> Iterator[httpx.Client]:
    """A plain HTTP client aimed at the emulator."""
    with httpx.Client(base_url=emulator.base_url, timeout=5) as client:
        yield client


def refresh(http: httpx.Client, config: EmulatorConfig, refresh_token: str) -> httpx.Response:
    """POST the OAuth v4 refresh grant with the app credentials of `config`."""
    return http.post(
        "/v4/oa/access_token",
        data={
            "refresh_token": refresh_token,
            "app_id": config.app_id,
            "grant_type": "refresh_token",
        },
        headers={"secret_key": config.app_secret},
    )


@pytest.fixture
def token(http: httpx.Client, emulator: ZaloEmulator) -> str:
    """A valid access token from the refresh endpoint."""
    return refresh(http, emulator.config, emulator.refresh_token).json()["access_token"]


def post(http: httpx.Client, token: str, path: str, body: object) -> dict:
    """POST JSON with the access_token header and return the decoded reply."""
    response = http.post(path, json=body, headers={"access_token": token})
    assert response.status_code == 200
    return response.json()


def get(http: httpx.Client, token: str, path: str, **params: str | int) -> dict:
    """GET with the access_token header and return the decoded reply."""
    response = http.get(path, params=params, headers={"access_token": token})
    assert response.status_code == 200
    return response.json()


# --- envelope and routing ----------------------------------------------------------------------


def test_success_envelope_and_rate_limit_headers(http: httpx.Client, token: str) -> None:
    response = http.get("/v2.0/oa/getoa", headers={"access_token": token})
    assert response.json()["error"] == 0
    assert response.json()["message"] == "Success"
    assert response.json()["data"]["oa_id"] == EmulatorConfig().oa_id
    assert response.headers["X-RateLimit-Limit"] == "4000"
    assert int(response.headers["X-RateLimit-Remain"]) < 4000


def test_application_errors_are_http_200_without_data(http: httpx.Client) -> None:
    response = http.get("/v2.0/oa/getoa", headers={"access_token": "not-a-token"})
    assert response.status_code == 200
    assert response.json() == {"error": -216, "message": "Access token is invalid"}


def test_the_http_status_of_application_errors_is_a_setting(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    """No 4xx traffic was captured, so HTTP 200 for every application error is unconfirmed
    (contract §8): a setting, the envelope unchanged; success stays HTTP 200."""
    emulator.configure(error_http_status=400)
    response = http.get("/v2.0/oa/getoa", headers={"access_token": "not-a-token"})
    assert response.status_code == 400
    assert response.json() == {"error": -216, "message": "Access token is invalid"}
    refused = http.post(
        "/v2.0/article/create", headers={"access_token": token}, json=sample_body(title="")
    )
    assert refused.status_code == 400 and refused.json()["error"] == -201
    assert http.get("/v2.0/oa/getoa", headers={"access_token": token}).status_code == 200


@pytest.mark.parametrize(
    "path", ["/v3.0/article/getslice", "/v2.0/article/upload_image", "/v2.0/nothing"]
)
def test_unknown_paths_are_404_with_minus_209(http: httpx.Client, token: str, path: str) -> None:
    response = http.get(path, headers={"access_token": token})
    assert response.status_code == 404
    assert response.json()["error"] == -209


def test_legacy_query_access_token_is_a_setting(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    assert http.get("/v2.0/oa/getoa", params={"access_token": token}).json()["error"] == 0
    emulator.configure(accept_query_access_token=False)
    assert http.get("/v2.0/oa/getoa", params={"access_token": token}).json()["error"] == -216


# --- validation ----------------------------------------------------------------------------------


def nfd(text: str) -> str:
    """Decomposed form: more code points, same NFC length."""
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "ả" * 150}, "title allow 1 to 150 characters"),
        ({"title": ""}, "title allow 1 to 150 characters"),
        ({"description": "x" * 301}, "description allow 1 to 300 characters"),
        ({"author": "ư" * 51}, "author allow 1 to 50 characters"),
        ({"author": None}, "author allow 1 to 50 characters"),
        ({"cover": None}, "cover value is invalid"),
        (
            {"cover": {"cover_type": "photo", "photo_url": "https://a.vn/b.jpg"}},
            "status is invalid!",
        ),
        ({"cover": {"cover_type": "gif", "status": "show"}}, "cover_type is invalid!"),
        (
            {
                "cover": {
                    "cover_type": "photo",
                    "photo_url": "https://a.vn/ảnh bìa.jpg",
                    "status": "show",
                }
            },
            "photo_url is invalid!",
        ),
        ({"body": []}, "body is invalid!"),
        ({"body": [{"type": "text", "content": " "}]}, "body[0] content is invalid!"),
        ({"body": [{"type": "table"}]}, "body[0] type is invalid!"),
        ({"body": [{"type": "video", "url": "https://youtu.be/x"}]}, "body[0] thumb is invalid!"),
        ({"type": "article"}, "type accept only 2 value normal and video."),
        ({"status": "public"}, "status is invalid!"),
        ({"tracking_link": "ftp://x"}, "tracking_link is invalid!"),
    ],
)
def test_create_rejects_invalid_bodies(
    http: httpx.Client, emulator: ZaloEmulator, token: str, changes: dict, message: str
) -> None:
    body = {k: v for k, v in sample_body(**changes).items() if v is not None}
    reply = post(http, token, "/v2.0/article/create", body)
    assert reply == {"error": -201, "message": message}
    assert emulator.articles == {}


def test_limits_are_counted_after_nfc(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    body = sample_body(
        title=nfd("Tiêu đề ") + "ế" * 141,  # 149 characters after NFC, many more code points
        description=nfd("ộ" * 300),
        author=nfd("Ưng Hoàng Phúc ") + "x" * 35,
    )
    assert len(unicodedata.normalize("NFC", body["title"])) == 149
    assert len(body["title"]) > 149
    reply = post(http, token, "/v2.0/article/create", body)
    assert reply["error"] == 0, reply


def test_video_article_needs_video_id_and_avatar(http: httpx.Client, token: str) -> None:
    video = {"type": "video", "title": "Phóng sự", "description": "Mô tả"}
    assert post(http, token, "/v2.0/article/create", video)["message"] == "video_id is invalid!"
    video.update(video_id="abc", avatar="https://a.vn/v.jpg")
    assert post(http, token, "/v2.0/article/create", video)["error"] == 0


def test_text_block_limits_and_html_are_settings(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    body = sample_body(body=[{"type": "text", "content": "<b>Đậm</b> " + "x" * 20}])
    assert post(http, token, "/v2.0/article/create", body)["error"] == 0
    emulator.configure(text_block_max_len=10)
    assert post(http, token, "/v2.0/article/create", body)["error"] == -201
    emulator.configure(text_block_max_len=None, reject_html_in_text=True)
    assert post(http, token, "/v2.0/article/create", body)["error"] == -201


# --- article flows ------------------------------------------------------------------------------


def test_create_verify_detail_update_remove(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.configure(verify_processing_count=2)
    job = post(http, token, "/v2.0/article/create", sample_body())["data"]["token"]
    assert len(job) == 88 and job.endswith("==")
    verifies = [post(http, token, "/v2.0/article/verify", {"token": job}) for _ in range(3)]
    assert [v["error"] for v in verifies] == [-214, -214, 0]
    assert verifies[0]["message"] == "Article is being processed"
    article_id = verifies[2]["data"]["id"]

    detail = get(http, token, "/v2.0/article/getdetail", id=article_id)["data"]
    assert detail["title"] == sample_body()["title"]
    assert detail["body"] == sample_body()["body"]
    assert detail["id"] == article_id and detail["type"] == "normal"

    job2 = post(
        http, token, "/v2.0/article/update", {**sample_body(title="Tiêu đề mới"), "id": article_id}
    )["data"]["token"]
    assert job2 != job
    assert emulator.articles[article_id]["title"] == "Tiêu đề mới"

    assert post(http, token, "/v2.0/article/remove", {"id": article_id})["error"] == 0
    assert emulator.articles == {}
    again = get(http, token, "/v2.0/article/getdetail", id=article_id)
    assert again["error"] == -201


def test_getdetail_refuses_an_article_as_often_as_asked_then_reads_it(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    """A passing -201 for one id (a refused id, a fault: zalo_lookup.ArticleLookup.detail), for
    the tests of what the tool makes of a lone refusal; other ids read as ever."""
    job = post(http, token, "/v2.0/article/create", sample_body())["data"]["token"]
    article_id = post(http, token, "/v2.0/article/verify", {"token": job})["data"]["id"]
    emulator.configure(detail_refused_first={article_id: 1, "other": 5})
    replies = [get(http, token, "/v2.0/article/getdetail", id=article_id) for _ in range(2)]
    assert [r["error"] for r in replies] == [-201, 0]
    assert replies[0]["message"] == "article id is invalid!"
    assert replies[1]["data"]["title"] == sample_body()["title"]


def test_status_defaults_to_hide(http: httpx.Client, emulator: ZaloEmulator, token: str) -> None:
    body = sample_body()
    del body["status"]
    post(http, token, "/v2.0/article/create", body)
    assert [a["status"] for a in emulator.articles.values()] == ["hide"]


def test_update_of_unknown_article_is_rejected(http: httpx.Client, token: str) -> None:
    reply = post(http, token, "/v2.0/article/update", {**sample_body(), "id": "ffff"})
    assert reply["error"] == -201


def test_bad_image_fails_at_verify_not_create(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.configure(failing_image_substrings=("hong",))
    body = sample_body(body=[{"type": "image", "url": "https://a.vn/hong.jpg"}])
    created = post(http, token, "/v2.0/article/create", body)
    assert created["error"] == 0
    reply = post(http, token, "/v2.0/article/verify", {"token": created["data"]["token"]})
    assert reply == {"error": -200, "message": "Upload media failed"}
    assert emulator.articles == {}


def test_a_stuck_update_changes_the_article_only_when_it_finishes_however_late(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    """A job stuck at Zalo may still finish: a stuck update lands then, over a newer one."""
    job = post(http, token, "/v2.0/article/create", sample_body())["data"]["token"]
    article_id = post(http, token, "/v2.0/article/verify", {"token": job})["data"]["id"]
    emulator.configure(stuck_title_substrings=("kẹt",))
    stuck = post(
        http, token, "/v2.0/article/update", {**sample_body(title="Bản kẹt"), "id": article_id}
    )["data"]["token"]
    assert post(http, token, "/v2.0/article/verify", {"token": stuck})["error"] == -214
    assert emulator.articles[article_id]["title"] == sample_body()["title"]
    newer = {**sample_body(title="Bản mới hơn"), "id": article_id}
    post(http, token, "/v2.0/article/update", newer)
    assert emulator.articles[article_id]["title"] == "Bản mới hơn"
    assert emulator.finish_stuck_jobs() == 1
    assert emulator.articles[article_id]["title"] == "Bản kẹt"
    assert post(http, token, "/v2.0/article/verify", {"token": stuck})["data"]["id"] == article_id


def test_job_tokens_expire_after_a_setting_and_reads_can_wait_for_the_job(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    """Two [U] points of the contract: how long a create token verifies (NukeViet: 1 h), and
    whether getslice/getdetail show an article before its create job is done."""
    emulator.configure(
        verify_processing_count=0,
        verify_processing_seconds=30,
        list_while_processing=False,
        job_token_ttl=60,
    )
    job = post(http, token, "/v2.0/article/create", sample_body())["data"]["token"]
    listed = get(http, token, "/v2.0/article/getslice", offset=0, limit=10, type="normal")
    assert listed["data"]["total"] == 0
    emulator.advance(35)
    listed = get(http, token, "/v2.0/article/getslice", offset=0, limit=10, type="normal")
    assert listed["data"]["total"] == 1
    assert post(http, token, "/v2.0/article/verify", {"token": job})["error"] == 0
    emulator.advance(30)
    assert post(http, token, "/v2.0/article/verify", {"token": job})["error"] == -201


def test_getslice_pages_newest_first_and_limits(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    ids = [emulator.seed_article(sample_body(title=f"Bài {n}")) for n in range(12)]
    first = get(http, token, "/v2.0/article/getslice", offset=0, limit=10, type="normal")["data"]
    second = get(http, token, "/v2.0/article/getslice", offset=10, limit=10, type="normal")["data"]
    assert first["total"] == second["total"] == 12
    listed = [m["id"] for m in first["medias"] + second["medias"]]
    assert listed == list(reversed(ids))
    item = first["medias"][0]
    assert {"id", "type", "title", "status", "create_date", "update_date", "total_view"} <= set(
        item
    )
    too_many = get(http, token, "/v2.0/article/getslice", offset=0, limit=11, type="normal")
    assert too_many == {"error": -201, "message": "maximum limit is 10"}
    no_type = get(http, token, "/v2.0/article/getslice", offset=0, limit=5)
    assert no_type["message"] == "type accept only 2 value normal and video."
    videos = get(http, token, "/v2.0/article/getslice", offset=0, limit=5, type="video")["data"]
    assert videos == {"medias": [], "total": 0}


def test_followers_can_be_set_and_incremented(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.set_followers(120)
    emulator.add_followers(5)
    assert get(http, token, "/v2.0/oa/getoa")["data"]["num_follower"] == 125
    emulator.configure(oa_id_key="oaid")
    data = get(http, token, "/v2.0/oa/getoa")["data"]
    assert "oa_id" not in data and data["oaid"] == emulator.config.oa_id


def test_quota_and_permission_give_minus_223(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.configure(create_quota_per_day=1)
    assert post(http, token, "/v2.0/article/create", sample_body())["error"] == 0
    over = post(http, token, "/v2.0/article/create", sample_body())
    assert over == {"error": -223, "message": "Your OA has reach the limit quota create article"}
    emulator.configure(create_quota_per_day=None, oa_authorized=False)
    denied = post(http, token, "/v2.0/article/create", sample_body())
    assert denied["error"] == -223 and "not authorized" in denied["message"]


# --- OAuth ----------------------------------------------------------------------------------------


def test_refresh_rotates_and_old_refresh_token_is_rejected(
    http: httpx.Client, emulator: ZaloEmulator
) -> None:
    original = emulator.refresh_token
    first = refresh(http, emulator.config, original).json()
    assert set(first) == {"access_token", "refresh_token", "expires_in"}
    assert first["expires_in"] == "90000"
    assert first["refresh_token"] != original
    reused = refresh(http, emulator.config, original).json()
    assert reused["error"] == -14014
    assert "access_token" not in reused
    second = refresh(http, emulator.config, first["refresh_token"]).json()
    assert second["access_token"] != first["access_token"]
    old_access = http.get("/v2.0/oa/getoa", headers={"access_token": first["access_token"]})
    assert old_access.json()["error"] == -216  # the previous access token stops working


def test_reused_refresh_token_can_reply_with_an_empty_body(
    http: httpx.Client, emulator: ZaloEmulator
) -> None:
    emulator.configure(reused_refresh_reply="empty")
    original = emulator.refresh_token
    refresh(http, emulator.config, original)
    reused = refresh(http, emulator.config, original)
    assert reused.status_code == 200 and reused.content == b""


def test_refresh_checks_secret_key_and_app_id(http: httpx.Client, emulator: ZaloEmulator) -> None:
    response = http.post(
        "/v4/oa/access_token",
        data={
            "refresh_token": emulator.refresh_token,
            "app_id": "x",
            "grant_type": "refresh_token",
        },
        headers={"secret_key": emulator.config.app_secret},
    )
    assert response.json()["error"] == -14003
    response = http.post(
        "/v4/oa/access_token",
        data={"refresh_token": emulator.refresh_token, "app_id": emulator.config.app_id},
        headers={"secret_key": "wrong"},
    )
    assert response.json()["error"] == -14003
    assert emulator.used_refresh_tokens == []


def test_access_token_expiry_after_n_calls_and_on_demand(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.configure(expire_access_after_calls=2)
    codes = [get(http, token, "/v2.0/oa/getoa")["error"] for _ in range(3)]
    assert codes == [0, 0, -220]
    emulator.configure(expire_access_after_calls=None)
    fresh = refresh(http, emulator.config, emulator.refresh_token).json()["access_token"]
    assert get(http, fresh, "/v2.0/oa/getoa")["error"] == 0
    emulator.expire_access_tokens()
    assert get(http, fresh, "/v2.0/oa/getoa") == {
        "error": -220,
        "message": "access_token is expired or removed",
    }
    emulator.revoke_access_tokens()
    assert get(http, fresh, "/v2.0/oa/getoa")["error"] == -216


def test_appsecret_proof_when_required(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.configure(require_appsecret_proof=True)
    assert get(http, token, "/v2.0/oa/getoa")["error"] == -242
    proof = hmac.new(
        emulator.config.app_secret.encode(), token.encode(), hashlib.sha256
    ).hexdigest()
    reply = http.get("/v2.0/oa/getoa", headers={"access_token": token, "appsecret_proof": proof})
    assert reply.json()["error"] == 0


# --- faults ---------------------------------------------------------------------------------------


def test_rate_limit_is_a_real_window(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.configure(rate_limit_per_minute=3)
    codes = [get(http, token, "/v2.0/oa/getoa")["error"] for _ in range(5)]
    assert codes == [0, 0, 0, -32, -32]
    assert (
        get(http, token, "/v2.0/oa/getoa")["message"] == "Your application reached limit call api"
    )


def test_first_n_5xx_then_normal(http: httpx.Client, emulator: ZaloEmulator, token: str) -> None:
    emulator.configure(fail_first_5xx=2, fault_paths=("/v2.0/oa/",))
    statuses = [
        http.get("/v2.0/oa/getoa", headers={"access_token": token}).status_code for _ in "abc"
    ]
    assert statuses == [503, 503, 200]


def test_dropped_connection_gives_no_response(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.configure(drop_first=1)
    with pytest.raises(httpx.TransportError):
        http.get("/v2.0/oa/getoa", headers={"access_token": token})
    assert get(http, token, "/v2.0/oa/getoa")["error"] == 0
    assert emulator.calls[-2].http_status is None


def test_drop_after_processing_applies_the_write(
    http: httpx.Client, emulator: ZaloEmulator, token: str
) -> None:
    emulator.configure(drop_first=1, drop_after_processing=True)
    with pytest.raises(httpx.TransportError):
        http.post("/v2.0/article/create", json=sample_body(), headers={"access_token": token})
    assert len(emulator.articles) == 1


def test_call_log_counts_writes(http: httpx.Client, emulator: ZaloEmulator, token: str) -> None:
    job = post(http, token, "/v2.0/article/create", sample_body())["data"]["token"]
    post(http, token, "/v2.0/article/verify", {"token": job})
    get(http, token, "/v2.0/article/getslice", offset=0, limit=10, type="normal")
    writes = emulator.write_calls()
    assert [(m, p) for m, p, _ in writes] == [("POST", "/v2.0/article/create")]
    assert writes[0].body["title"] == sample_body()["title"]
    assert emulator.count_calls("/verify") == 1


def test_state_file_survives_restart(tmp_path: Path) -> None:
    state_file = tmp_path / "oa.json"
    with (
        ZaloEmulator(state_file=state_file) as first,
        httpx.Client(base_url=first.base_url) as http,
    ):
        access = refresh(http, first.config, first.refresh_token).json()
        post(http, access["access_token"], "/v2.0/article/create", sample_body())
        articles = first.articles
        rotated = first.refresh_token
    with (
        ZaloEmulator(state_file=state_file) as second,
        httpx.Client(base_url=second.base_url) as http,
    ):
        assert second.articles == articles
        assert second.refresh_token == rotated
        assert refresh(http, second.config, "sandbox-refresh-token").json()["error"] == -14014
        assert get(http, access["access_token"], "/v2.0/oa/getoa")["error"] == 0


def test_a_burst_of_calls_is_saved_together_and_survives_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--state-file wrote (and fsynced) the whole state again after every call, under the lock
    every request waits for: at 1,000 articles each call cost over a second, and a first sync
    ran for more than 20 minutes. A burst of calls is written together now; what its last call
    changed is in the file once the emulator stops."""
    state_file = tmp_path / "oa.json"
    writes: list[int] = []
    real_fsync = os.fsync

    def counted(fd: int) -> None:
        """fsync, counting the state file's writes (each is fsynced under a temporary name,
        `.oa.json.<random>.tmp`, then renamed)."""
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(tmp_path / f".{state_file.name}.")):
            writes.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", counted)
    started = time.monotonic()
    with (
        ZaloEmulator(state_file=state_file) as first,
        httpx.Client(base_url=first.base_url) as http,
    ):
        access = refresh(http, first.config, first.refresh_token).json()["access_token"]
        jobs = [
            post(http, access, "/v2.0/article/create", sample_body(title=f"Bài số {n}"))
            for n in range(10)
        ]
        for _ in range(7):
            for job in jobs:
                post(http, access, "/v2.0/article/verify", {"token": job["data"]["token"]})
        articles = first.articles
        rotated = first.refresh_token
        calls = len(first.calls)
    took = time.monotonic() - started
    assert calls == 81 and len(articles) == 10
    # The background writer waits SAVE_DELAY at least after a write: a handful of writes, not
    # 81 — bounded by the time the burst took, so a loaded machine (slow calls) cannot fail it.
    assert 1 <= len(writes) <= min(calls - 1, 2 + int(took / SAVE_DELAY)), (len(writes), took)
    with ZaloEmulator(state_file=state_file) as second:
        assert second.articles == articles and second.refresh_token == rotated
        assert {job.verifies for job in second.state.jobs.values()} == {7}


def test_a_change_is_saved_soon_while_the_sandbox_runs(tmp_path: Path) -> None:
    """Written in the background, not only when the emulator stops: a script reading the state
    file of a running sandbox sees a change a moment after it."""
    state_file = tmp_path / "oa.json"
    with ZaloEmulator(state_file=state_file) as emulator:
        emulator.seed_article(sample_body(title="Bài đăng tay"))
        deadline = time.monotonic() + 30
        while not state_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        saved = json.loads(state_file.read_text("utf-8"))
        assert [a["title"] for a in saved["articles"].values()] == ["Bài đăng tay"]


def test_a_sandbox_stopped_by_sigterm_saves_its_state(tmp_path: Path) -> None:
    """`kill` (a script restarting the sandbox) stops it as Ctrl+C does, its last changes
    saved: the state file is no longer written after every call."""
    state_file = tmp_path / "sandbox.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZALO_")}
    command = [sys.executable, "-m", "publish", "zalo-sandbox", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--state-file", str(state_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        said = ""
        while "Nhấn Ctrl+C" not in said and process.poll() is None:
            said += process.stdout.readline()  # type: ignore[union-attr]
        assert f"Trạng thái được lưu vào {state_file}" in said
        base_url = said.split("đang chạy tại ", 1)[1].split()[0]
        with httpx.Client(base_url=base_url, timeout=5) as http:
            reply = refresh(http, EmulatorConfig(), "sandbox-refresh-token").json()
            access = reply["access_token"]
            created = post(http, access, "/v2.0/article/create", sample_body())
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert "Đã dừng sandbox Zalo OA." in process.stderr.read()  # type: ignore[union-attr]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    state, _ = read_state(state_file.read_bytes())
    assert state.refresh_tokens == [reply["refresh_token"]]
    assert [job for job in state.jobs] == [created["data"]["token"]]
    assert len(state.articles) == 1


def test_sandbox_flags_map_to_config() -> None:
    parser = argparse.ArgumentParser()
    zalo_sandbox.add_parser(parser.add_subparsers())
    args = parser.parse_args(
        ["zalo-sandbox", "--port", "0", "--fail-first-5xx", "2", "--drop-rate", "0.1",
         "--rate-limit", "0", "--verify-processing", "3", "--expire-access-after", "5",
         "--fail-image", "hong", "--create-quota", "7", "--followers", "9"]
    )  # fmt: skip
    config = zalo_sandbox.config_from_args(args, env={"ZALO_APP_ID": "app-1"})
    assert config.app_id == "app-1" and config.app_secret == "sandbox-app-secret"
    assert config.fail_first_5xx == 2 and config.drop_rate == 0.1
    assert config.rate_limit_per_minute is None
    assert config.verify_processing_count == 3 and config.expire_access_after_calls == 5
    assert config.failing_image_substrings == ("hong",)
    assert config.create_quota_per_day == 7 and config.num_follower == 9
    assert "sandbox-app-secret" not in repr(config)


def test_the_sandbox_oa_is_the_projects_unit_or_a_neutral_one(tmp_path: Path) -> None:
    """It was always "Công an huyện Châu Thành", whichever unit tried it."""
    from publish.cli import make_parser

    def config_in(root: Path) -> EmulatorConfig:
        words = ["--root", str(root), "zalo-sandbox", "--port", "0"]
        return zalo_sandbox.config_from_args(make_parser(words).parse_args(words), env={})

    project = make_project(
        tmp_path / "du-an", {"site.toml": OTHER_UNIT_TOML + '\n[zalo]\noa_id = "1112223334"\n'}
    )
    config = config_in(project)
    assert config.oa_name == "Công an phường Hòa Khánh, thành phố Đà Nẵng"
    assert config.oa_id == "1112223334"
    outside = config_in(tmp_path / "khong-phai-du-an")
    assert outside.oa_name == "OA thử nghiệm" and outside.oa_id == EmulatorConfig().oa_id
    assert not SAMPLE_UNIT.search(EmulatorConfig().oa_name)


def test_sandbox_command_serves_until_interrupted(tmp_path: Path) -> None:
    state_file = tmp_path / "sandbox.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZALO_")}
    command = [sys.executable, "-m", "publish", "zalo-sandbox", "--port", "0", "--followers", "42"]
    process = subprocess.Popen(
        [*command, "--state-file", str(state_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        first_line = process.stdout.readline()  # type: ignore[union-attr]
        base_url = first_line.rsplit(" ", 1)[-1].strip()
        assert base_url.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=base_url, timeout=5) as http:
            access = refresh(http, EmulatorConfig(), "sandbox-refresh-token").json()["access_token"]
            assert get(http, access, "/v2.0/oa/getoa")["data"]["num_follower"] == 42
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "Đã dừng" in process.stderr.read()  # type: ignore[union-attr]
        assert state_file.exists()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_sandbox_whose_clock_never_moved_saves_a_state_an_older_publish_reads(
    tmp_path: Path,
) -> None:
    """An older publish's loader refuses a field it does not know: "skew": 0.0 in every saved
    sandbox made the state unreadable there. Written only once a test moves the OA's clock."""
    state_file = tmp_path / "oa.json"
    with ZaloEmulator(state_file=state_file) as emulator:
        emulator.seed_article(sample_body())
    first_fields = {f.name for f in dataclasses.fields(OAState)} - {"skew"}  # added later
    assert set(json.loads(state_file.read_text("utf-8"))) <= first_fields
    with ZaloEmulator(state_file=state_file) as emulator:
        emulator.advance(90)
    assert json.loads(state_file.read_text("utf-8"))["skew"] == 90
    with ZaloEmulator(state_file=state_file) as emulator:
        assert emulator.state.skew == 90


def later_state(tmp_path: Path) -> tuple[Path, dict]:
    """A state file as a later publish might write it: a field, and a job's field, unknown here."""
    state_file = tmp_path / "oa.json"
    with ZaloEmulator(state_file=state_file) as emulator:
        emulator.seed_article(sample_body(title="Bài đã có"))
        articles = emulator.articles
    raw = json.loads(state_file.read_text("utf-8"))
    raw["comments"] = {"1": ["ý kiến"]}
    raw["jobs"] = {"job-1": {"article_id": "1", "created_at": 0.0, "priority": 2}}
    state_file.write_text(json.dumps(raw), "utf-8")
    return state_file, articles


def test_a_state_a_later_publish_wrote_is_loaded_without_the_fields_it_added(
    tmp_path: Path,
) -> None:
    state_file, articles = later_state(tmp_path)
    with ZaloEmulator(state_file=state_file) as emulator:
        assert emulator.ignored_state_fields == ("comments", "jobs.job-1.priority")
        assert emulator.articles == articles
        assert emulator.state.jobs["job-1"].article_id == "1"


def test_the_sandbox_says_which_fields_of_a_later_state_it_left_out(tmp_path: Path) -> None:
    state_file, _ = later_state(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZALO_")}
    command = [sys.executable, "-m", "publish", "zalo-sandbox", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--state-file", str(state_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        said = ""
        while "Nhấn Ctrl+C" not in said and process.poll() is None:
            said += process.stdout.readline()  # type: ignore[union-attr]
        assert f"Lưu ý: {state_file} có trường do phiên bản publish mới hơn ghi" in said
        assert "(comments, jobs.job-1.priority)" in said
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_state_field_of_the_wrong_type_is_refused_naming_each_field() -> None:
    """A state file of the right shape with a value of the wrong type loaded and crashed the
    sandbox later with a traceback: each such field is named, with what it must hold."""
    with pytest.raises(StateFileError) as caught:
        read_state(
            '{"skew": "x", "num_follower": "5", "refresh_tokens": 5, '
            '"jobs": {"t": {"article_id": "a", "created_at": 1, "verifies": true}}}'
        )
    assert str(caught.value) == (
        'trường skew cần một số, nhận được "x"; trường num_follower cần một số nguyên, nhận '
        'được "5"; trường refresh_tokens cần một danh sách mà mỗi phần tử là một chuỗi, nhận '
        "được 5; trường jobs.t.verifies cần một số nguyên, nhận được true"
    )
    state, _ = read_state(
        '{"skew": 2, "ready_at": {"a": 1e18}, "jobs": {"t": {"article_id": '
        '"a", "created_at": 1.5, "body": null}}}'
    )
    assert state.skew == 2 and state.jobs["t"].body is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"articles": {', "không phải JSON (lỗi ở dòng 1, cột 15)"),
        (b"\xff\xfe\x00", "không phải văn bản UTF-8"),
        (b"[]", "không phải một đối tượng JSON"),
        (b'{"jobs": {"t": {"created_at": 1}}}', "bản ghi jobs.t thiếu trường article_id"),
        (b'{"jobs": []}', "mục jobs không phải một đối tượng JSON"),
        (b'{"skew": "x"}', 'trường skew cần một số, nhận được "x"'),
    ],
)
def test_a_state_file_that_is_not_one_is_refused_in_vietnamese(
    tmp_path: Path, content: bytes, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    state_file = tmp_path / "oa.json"
    state_file.write_bytes(content)
    assert main(["zalo-sandbox", "--port", "0", "--state-file", str(state_file)]) == 1
    err = capsys.readouterr().err
    assert f"--state-file {state_file}: tệp này không phải trạng thái sandbox Zalo: {reason}" in err
    assert "Traceback" not in err and "Chưa chạy sandbox." in err
    assert state_file.read_bytes() == content


def test_ctrl_c_pressed_as_the_prompt_appears_stops_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A tester who presses Ctrl+C as soon as «Nhấn Ctrl+C để dừng» shows gets the sandbox
    stopped (its port closed) and exit 0, not an interrupt escaping before the wait began
    with the server left running."""
    state_file = tmp_path / "sandbox.json"
    real_print = print

    def interrupted_at_the_prompt(*args: object, **kwargs: object) -> None:
        real_print(*args, **kwargs)  # type: ignore[call-overload]
        if any("Nhấn Ctrl+C" in str(arg) for arg in args):
            raise KeyboardInterrupt

    monkeypatch.setattr(zalo_sandbox, "print", interrupted_at_the_prompt, raising=False)
    monkeypatch.delenv("ZALO_APP_ID", raising=False)
    code = main(["zalo-sandbox", "--port", "0", "--state-file", str(state_file)])
    said = capsys.readouterr()
    assert code == 0
    assert "Đã dừng sandbox Zalo OA." in said.err
    base_url = said.out.split("đang chạy tại ", 1)[1].split()[0]
    with pytest.raises(httpx.ConnectError):
        httpx.get(base_url, timeout=5)


def test_the_emulator_counts_lengths_in_the_unit_it_is_told() -> None:
    """length_unit «utf16» counts an emoji twice, as a Java or JavaScript server would; a unit
    it does not know is refused rather than counted as code points."""
    title = "🚨" + "x" * 148
    body = {**sample_body(), "title": title}
    validate_article(body, EmulatorConfig())
    with pytest.raises(ApiFailure) as caught:
        validate_article(body, EmulatorConfig(length_unit="utf16"))
    assert caught.value.code == -201 and "title" in caught.value.message
    with pytest.raises(ValueError):
        EmulatorConfig(length_unit="utf-16")
    with pytest.raises(ValueError):
        ZaloEmulator().configure(length_unit="bytes")


def test_a_client_gone_before_its_answer_leaves_no_traceback_in_the_log(
    emulator: ZaloEmulator, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A client that timed out (here: reset its connection) while the emulator was still
    answering made the server thread print a BrokenPipe/ConnectionReset traceback into test
    logs and the trial mode's terminal; one line in the emulator's log at most now."""
    hold = emulator.hold("/oa/getoa", 1)
    # Only this connection's handler: another test's kept-alive connection has one waiting for
    # its next request, which joining waited out (30 s each).
    before = set(threading.enumerate())
    client = socket.create_connection(("127.0.0.1", emulator.port))
    client.sendall(b"GET /v2.0/oa/getoa HTTP/1.1\r\nHost: 127.0.0.1\r\naccess_token: x\r\n\r\n")
    assert hold.reached.wait(30)
    handlers = [t for t in threading.enumerate() if "process_request" in t.name and t not in before]
    assert handlers
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()  # a reset, as a client giving up mid-request may send
    with caplog.at_level("DEBUG", logger="publish.zalo.emulator"):
        hold.release()
        for thread in handlers:
            thread.join(30)
    printed = capfd.readouterr()
    assert "Traceback" not in printed.err + printed.out
    assert "Exception occurred during processing" not in printed.err
    gone = [r for r in caplog.records if "ngắt kết nối" in r.getMessage()]
    assert len(gone) <= 1 and "\n" not in "".join(r.getMessage() for r in gone)


def test_a_request_whose_first_line_cannot_be_read_gets_400_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """https (a TLS hello) sent to the sandbox's http port: a 400 reply, and no «AttributeError:
    '_Handler' object has no attribute 'path'» traceback in the sandbox window."""
    with ZaloEmulator() as emulator, socket.create_connection(("127.0.0.1", emulator.port)) as s:
        s.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage\r\n\r\n")
        reply = s.recv(4096)
    # No status line: a first line it cannot read is answered as HTTP/0.9, the body alone.
    assert b"Error code explanation: 400" in reply, reply[:200]
    err = capsys.readouterr().err
    assert "Traceback" not in err and "AttributeError" not in err, err
