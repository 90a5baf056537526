"""A Zalo sync with nothing to send opens no payload, yet notices every payload that changed:
what the last sync read of each is kept by its stat (size, mtime, ctime, inode)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from publish import replay
from publish.cli import main
from publish.errors import PublishError
from publish.sync import zalo_payloads
from publish.sync.zalo_payloads import MEMO_NAME, PayloadMemo
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from tests.zalo_fixtures import env_for
from tests.zalo_project import FAST_ENV, NOW, zalo_bulletin, zalo_project

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running emulator."""
    with ZaloEmulator(EmulatorConfig()) as emu:
        yield emu


@pytest.fixture
def zalo_env(emulator: ZaloEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    """Point publish at the emulator through the environment, as a user would."""
    env = env_for(emulator, tmp_path / "secrets" / "zalo-token.json", **FAST_ENV)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PUBLISH_ZALO_CRASH_AT", raising=False)
    return env


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Take every payload's stat as settled at once: a test need not wait a second after the
    build wrote them (see test_a_payload_read_just_after_it_was_written_is_read_again)."""
    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)  # the memo trusts stats as builds do


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the payload files in output/zalo/ read from now on."""
    seen: list[str] = []
    read_bytes = Path.read_bytes

    def counted(self: Path) -> bytes:
        """Path.read_bytes, noting the payloads."""
        if self.parent.name == "zalo" and self.parent.parent.name == "output":
            seen.append(self.name)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    return seen


def sync(root: Path, *extra: str) -> int:
    """Run `publish sync zalo` in this process."""
    return main(["--root", str(root), "--now", NOW, "sync", "zalo", *extra])


def damage(path: Path, text: bytes) -> None:
    """Overwrite a file in place keeping its size, inode and mtime (the ledger of the build, which
    compares those three, then keeps it; only its ctime tells)."""
    st = path.stat()
    with open(path, "r+b") as handle:
        handle.write(text.ljust(st.st_size, b" ")[: st.st_size])
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def told(capsys: pytest.CaptureFixture) -> str:
    """Everything printed, both streams."""
    out = capsys.readouterr()
    return out.out + out.err


def test_a_sync_with_nothing_to_send_opens_no_payload(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    settled: None,
    reads: list[str],
    capsys: pytest.CaptureFixture,
) -> None:
    """At 10,000 bulletins reading every payload was ~0.35 s of a no-op sync's ~1 s."""
    root = zalo_project(tmp_path, 3)
    assert sync(root) == 0
    reads.clear()
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    assert reads == []
    assert emulator.calls == []
    assert "zalo: không có thay đổi nào (3 mục giữ nguyên)" in told(capsys)


@pytest.mark.parametrize(
    ("text", "told_or_sent"),
    [
        (b'{"title": 7}', "tiêu đề không phải chuỗi"),
        (b"{broken", "dòng 1, cột 2: tên mục phải trong ngoặc kép"),
        (None, "/v2.0/article/update"),
    ],
    ids=["damaged", "not-json", "other-title"],
)
def test_a_payload_rewritten_keeping_its_size_and_mtime_is_read_again(
    tmp_path: Path,
    emulator: ZaloEmulator,
    zalo_env: dict,
    settled: None,
    reads: list[str],
    capsys: pytest.CaptureFixture,
    text: bytes | None,
    told_or_sent: str,
) -> None:
    """The build's replay keeps such a file (its ledger compares size, mtime and inode); the
    sync, which sends what the file holds, sees its new ctime and reads it."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    payload = root / "output" / "zalo" / "bt-001.json"
    if text is None:  # still a payload, another title of the same size: sent as it is
        text = _same_size_title(payload.read_bytes())
    damage(payload, text)
    reads.clear()
    emulator.clear_calls()
    capsys.readouterr()
    if told_or_sent.startswith("/v2.0/"):
        assert sync(root) == 0
        assert [c.path for c in emulator.write_calls()] == [told_or_sent]
        [article] = [a for a in emulator.articles.values() if a["title"].startswith("XXX")]
        assert article["status"] == "show"
    else:
        assert sync(root) == 1
        out = told(capsys)
        assert f"{payload}: tệp bài Zalo dựng từ content/bai-viet/ban-tin-001.md bị hỏng" in out
        assert told_or_sent in out
        assert emulator.calls == []
    assert set(reads) == {"bt-001.json"}  # the other payload is taken on the memo's word


def _same_size_title(built: bytes) -> bytes:
    """The payload with the first word of its title replaced by as many bytes of X."""
    word = json.loads(built)["title"].split()[0].encode()
    text = built.replace(b'"title": "' + word, b'"title": "' + b"X" * len(word), 1)
    assert text != built and len(text) == len(built)
    return text


def test_a_record_edited_by_hand_still_gets_its_payload_sent(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, settled: None, reads: list[str]
) -> None:
    """The memo stands in for the payload's bytes only: the plan still compares the digest the
    record holds with the payload's."""
    root = zalo_project(tmp_path, 2)
    assert sync(root) == 0
    path = root / "state" / "zalo.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"]["bt-000"]["digest"] = "0" * 64
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    emulator.clear_calls()
    reads.clear()
    assert sync(root) == 0
    assert [c.path for c in emulator.write_calls()] == ["/v2.0/article/update"]
    assert reads == ["bt-000.json"]  # the payload sent, read when it is sent
    built = hashlib.sha256((root / "output" / "zalo" / "bt-000.json").read_bytes()).hexdigest()
    assert json.loads(path.read_text(encoding="utf-8"))["entries"]["bt-000"]["digest"] == built


def test_a_sync_with_nothing_to_send_loads_no_client_loader_or_renderer(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """httpx, the content loader and the renderers (the radio's with its Word writer) cost a
    no-op sync at 10,000 bulletins ~0.3 s of module loading: a replayed build with a kept site,
    no call to Zalo and nothing for the station uses none."""
    (tmp_path / "dai").mkdir()
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(tmp_path / "dai"))
    root = zalo_project(tmp_path, 2)
    every = ["--root", str(root), "--now", NOW, "sync"]  # every channel: web, Zalo, radio
    # Builds, records the addresses in state/web-urls.json, and its stamp takes that file.
    assert main(every) == 0
    assert main(every) == 0  # replays that build, loads the content and keeps it in .cache/
    assert main(every) == 0  # replays it with the content kept
    # --timings: on failure, the output says why the build was not replayed (a run of the
    # whole suite on a loaded machine once built here, and the report did not tell why).
    timed = [*every, "--timings"]
    script = f"import sys; from publish.cli import main; code = main({timed!r}); " + (
        "print(code, *sorted(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    code, *modules = done.stdout.split("\n")[-2].split()
    assert code == "0" and "zalo: không có thay đổi nào" in done.stdout
    loaded = set(modules)
    assert {"publish.sync.zalo", "publish.sync.radio", "publish.replay"} <= loaded
    unwanted = ["httpx", "publish.zalo.client", "publish.content", "publish.pipeline"]
    unwanted += ["publish.render.web", "publish.render.zalo", "jinja2", "markdown"]
    unwanted += ["publish.render.radio", "docx"]
    # On failure, the sync's report says whether it replayed the build or built again.
    assert [name for name in unwanted if name in loaded] == [], done.stdout


def test_a_record_keeps_the_body_of_the_payload_last_sent_for_a_rename(
    tmp_path: Path, emulator: ZaloEmulator, zalo_env: dict, capsys: pytest.CaptureFixture
) -> None:
    """A record of the very payload built keeps its body digest (a no-op sync hashes no body);
    one whose payload changed takes the new body's, by which a later change of slug and title
    is still found to be the same bulletin."""
    bulletin = zalo_bulletin(0).replace("id: bt-000\n", "")
    root = zalo_project(tmp_path, 0, files={"content/bai-viet/canh-bao.md": bulletin})
    path = root / "content" / "bai-viet" / "canh-bao.md"
    assert sync(root) == 0
    article_id = json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"][
        "canh-bao"
    ]["article_id"]
    path.write_text(bulletin.replace("thủ đoạn mới", "thủ đoạn mới nhất"), encoding="utf-8")
    assert sync(root) == 0  # the body changed: its article is updated
    renamed = path.with_name("canh-bao-moi.md")
    path.rename(renamed)
    renamed.write_text(
        renamed.read_text("utf-8").replace("lừa đảo (0)", "lừa đảo qua mạng"), encoding="utf-8"
    )
    emulator.clear_calls()
    capsys.readouterr()
    assert sync(root) == 0
    assert "đổi tên từ canh-bao" in told(capsys)
    assert [(c.path, c.body["id"]) for c in emulator.write_calls()] == [
        ("/v2.0/article/update", article_id)
    ]


# --- the memo itself ----------------------------------------------------------------------------


def payloads(tmp_path: Path) -> Path:
    """An output/zalo/ folder with one payload."""
    folder = tmp_path / "output" / "zalo"
    folder.mkdir(parents=True)
    (folder / "bt-000.json").write_text('{"title": "Tiêu đề  bài\\n một"}', encoding="utf-8")
    return folder


def looked_up(cache: Path, folder: Path, shift: float = 0.0) -> PayloadMemo:
    """A new sync's memo, after reading bt-000.json through it, `shift` seconds from now."""
    memo = PayloadMemo(cache, folder)
    memo._started += int(shift * 1e9)
    memo.payload("bt-000.json", "content/bai-viet/ban-tin-000.md")
    memo.save()
    return memo


def test_a_payload_read_just_after_it_was_written_is_read_again(tmp_path: Path) -> None:
    """A change within the same timestamp tick as the stat taken would not show in it: a file
    changed less than RACY_SECONDS before it was read is read by every sync, until it settles."""
    folder, cache = payloads(tmp_path), tmp_path / ".cache"
    assert looked_up(cache, folder).read == 1
    assert looked_up(cache, folder).read == 1  # written just now: not trusted yet
    assert looked_up(cache, folder, shift=2).read == 1  # settled: its stat is recorded
    assert looked_up(cache, folder, shift=2).read == 0
    memo = PayloadMemo(cache, folder)
    assert memo.payload("bt-000.json", "x")[1] == "Tiêu đề bài một"  # as compared with Zalo's


def test_a_missing_payload_is_told_even_when_the_memo_knows_it(tmp_path: Path) -> None:
    folder, cache = payloads(tmp_path), tmp_path / ".cache"
    looked_up(cache, folder, shift=2)
    (folder / "bt-000.json").unlink()
    with pytest.raises(PublishError, match=r"thiếu tệp .*bt-000\.json của bản tin nguồn"):
        PayloadMemo(cache, folder).payload("bt-000.json", "nguồn")


@pytest.mark.parametrize("how", ["damaged", "deleted", "another-tool"])
def test_a_memo_that_cannot_be_trusted_costs_one_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Damaged, deleted, or written by another version of the tool (which may read a title
    differently): the payloads are read again, and the memo written anew."""
    folder, cache = payloads(tmp_path), tmp_path / ".cache"
    looked_up(cache, folder, shift=2)
    memo_file = cache / MEMO_NAME
    if how == "damaged":
        memo_file.write_bytes(memo_file.read_bytes()[:40])
    elif how == "deleted":
        memo_file.unlink()
    else:
        monkeypatch.setattr(zalo_payloads, "tool_digest", lambda: "phiên bản khác")
    assert looked_up(cache, folder, shift=2).read == 1
    assert looked_up(cache, folder, shift=2).read == 0
