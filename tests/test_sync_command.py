"""`publish sync` as CI runs it: channels, exit codes, --summary-json, --dry-run Markdown, progress."""

from __future__ import annotations

import gc
import io
import json
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from publish import timings
from publish.cli import main
from publish.commands.sync import SyncOptions
from publish.config import Config
from publish.errors import NeedsPerson, PublishError, RemoteError
from publish.model import Site
from publish.progress import Progress, is_interactive
from publish.sync.base import Action
from publish.sync.zalo_lookup import REFUSED
from publish.zalo.errors import ZaloError
from tests.helpers import (
    SITE_TOML,
    FakeClock,
    bulletin_md,
    install_fake_renderers,
    make_project,
    rows,
)

NOW = "2021-01-01T09:00"
CONFIGURED = SITE_TOML + '\n[zalo]\noa_id = "2463951837402251183"\n\n[radio]\nfolder = "dai"\n'
CONTENT = {
    "content/a.md": bulletin_md({"id": "a", "title": '"Bản tin đã đăng"'}),
    "content/b.md": bulletin_md({"id": "b", "title": '"Bản nháp"', "draft": "true"}),
    "content/c.md": bulletin_md(
        {"id": "c", "title": '"Bản tin hẹn giờ"', "date": "2021-01-02 08:00"}
    ),
    "content/d.md": bulletin_md({"id": "d", "title": '"Chưa duyệt"'}, drop=["approved_by"]),
}
SECRET = {
    "content/e.md": bulletin_md(
        {"id": "e", "title": '"Kế hoạch phá án chuyên đề"', "classification": '"mật"'}
    )
}


class FakeSyncer:
    """A syncer whose plan is given; apply records calls and fails for chosen keys."""

    concurrency = 1

    def __init__(
        self,
        name: str,
        actions: list[Action],
        fail: dict[str, Exception],
        log: list[tuple[str, str, str]],
    ) -> None:
        self.name = name
        self.actions = actions
        self.fail = fail
        self.log = log

    def observe(self) -> None:
        """Record that the channel was looked at."""
        self.log.append(("observe", self.name, ""))

    def plan(self, observed: object) -> list[Action]:
        """The given plan."""
        return list(self.actions)

    def apply(self, action: Action) -> str:
        """Record the call, or raise the configured error."""
        if action.key in self.fail:
            raise self.fail[action.key]
        self.log.append((action.kind, self.name, action.key))
        return "xong"


@dataclass
class Fakes:
    """What the fake syncers do (plans, failures, channel errors) and the calls they received."""

    log: list[tuple[str, str, str]] = field(default_factory=list)
    plans: dict[str, list[Action]] = field(default_factory=dict)
    fail: dict[str, dict[str, Exception]] = field(default_factory=dict)
    broken: dict[str, Exception] = field(default_factory=dict)


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> Fakes:
    """Fake renderers and fake zalo/radio syncers; returns a control object."""
    install_fake_renderers(monkeypatch)
    monkeypatch.delenv("ZALO_APP_ID", raising=False)
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)
    control = Fakes()
    import publish.commands.sync as sync_command

    for channel in ("zalo", "radio"):
        module = types.ModuleType(f"tests_fake_syncer_{channel}")

        def make_syncer(
            config: Config,
            *,
            site: Site,
            output: Path,
            options: SyncOptions,
            channel: str = channel,
        ) -> FakeSyncer:
            """Build the fake syncer, or raise the channel-level error the test asked for."""
            control.log.append(("make", channel, "dry" if options.dry_run else "real"))
            if channel in control.broken:
                raise control.broken[channel]
            return FakeSyncer(
                channel, control.plans.get(channel, []), control.fail.get(channel, {}), control.log
            )

        module.make_syncer = make_syncer  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, module.__name__, module)
        monkeypatch.setitem(sync_command.SYNCERS, channel, module.__name__)
    return control


def project(tmp_path: Path, site_toml: str = CONFIGURED, **extra: str) -> Path:
    """A project with four sample bulletins: published, draft, scheduled, unapproved."""
    return make_project(tmp_path, {"site.toml": site_toml, **CONTENT, **extra})


def sync(root: Path, *args: str) -> int:
    """Run `publish sync` on the project at the fixed clock."""
    return main(["--root", str(root), "--now", NOW, "sync", *args])


def applied(control: Fakes) -> list[tuple[str, str, str]]:
    """The write calls the fake syncers received."""
    return [entry for entry in control.log if entry[0] not in ("observe", "make")]


def test_success_writes_summary_json_with_counts_and_next_bulletin(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("create", "a", "bản tin mới", "Bản tin đã đăng")]
    fakes.plans["radio"] = [
        Action("noop", "items/a.txt", "không đổi"),
        Action("update", "x", "đổi"),
    ]
    summary = tmp_path / "ci" / "summary.json"

    assert sync(root, "--summary-json", str(summary)) == 0

    document = json.loads(summary.read_text("utf-8"))
    channels = {c["channel"]: c for c in document["channels"]}
    assert list(channels) == ["web", "zalo", "radio"]
    assert channels["zalo"]["created"] == 1 and channels["zalo"]["status"] == "ok"
    assert channels["radio"]["updated"] == 1 and channels["radio"]["unchanged"] == 1
    assert channels["web"]["created"] > 0 and (root / "output/web/index.txt").exists()
    assert document["exit_code"] == 0 and document["dry_run"] is False
    upcoming = document["next_scheduled"]
    assert upcoming["key"] == "c" and upcoming["at"].startswith("2021-01-02T08:00:00+07:00")
    assert upcoming["in_text"] == "còn 23 giờ"
    out = capsys.readouterr().out
    assert "zalo: 1 tạo mới, 0 cập nhật" in out
    # The website's counts are its files (a bulletin is a page, images, feed entries…), said
    # as files: «web: 461 tạo mới» was read as 461 new bulletins.
    web = next(line for line in out.splitlines() if line.startswith("  web: "))
    created = channels["web"]["created"]
    assert web.startswith(f"  web: {created} tệp tạo mới, 0 cập nhật, 0 gỡ bỏ, ")
    assert web.count("tệp") == 1  # said once, not at every count and again in the note
    assert "không phải số bản tin" in web
    assert (
        "Bản tin hẹn giờ kế tiếp: «Bản tin hẹn giờ»" in out and "08:00, Thứ Bảy, 02/01/2021" in out
    )


def test_excluded_bulletins_are_listed_in_json(tmp_path: Path, fakes: Fakes) -> None:
    root = project(tmp_path)
    summary = tmp_path / "summary.json"
    assert sync(root, "--summary-json", str(summary)) == 0
    excluded = {e["code"]: e for e in json.loads(summary.read_text("utf-8"))["excluded"]}
    assert set(excluded) == {"draft", "scheduled", "unapproved"}
    assert excluded["draft"] == {
        "source": "content/b.md",
        "title": "Bản nháp",
        "code": "draft",
        "reason": "bản nháp (draft: true)",
    }


def test_secret_bulletin_stops_everything_and_the_comment_says_so(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, **SECRET)
    summary = tmp_path / "summary.json"

    code = sync(root, "--dry-run", "--format", "markdown", "--summary-json", str(summary))

    assert code == 1 and fakes.log == []
    out = capsys.readouterr().out
    assert out.startswith("## Không dựng được: lỗi nội dung")
    assert "`content/e.md:" in out and "tài liệu mật" in out and "phá án" not in out
    assert json.loads(summary.read_text("utf-8"))["error"] == "content"


def test_strict_sync_sends_nothing_while_personal_data_awaits_review(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    pii = bulletin_md(
        {"id": "p", "title": '"Tìm người thân"'}, body="Bà A, CCCD số 087123456789.\n"
    )
    root = project(tmp_path, **{"content/p.md": pii})
    fakes.plans["zalo"] = [Action("create", "a", "bản tin mới")]

    assert sync(root, "--strict") == 1
    assert fakes.log == [] and not (root / "output").exists()
    err = capsys.readouterr().err
    assert "content/p.md:" in err and "lỗi:" in err and "087*******89" in err

    assert sync(root) == 0  # without --strict it is a warning, as for publish build
    assert ("create", "zalo", "a") in fakes.log
    assert "cảnh báo" in capsys.readouterr().err


def test_content_error_exits_1_before_any_channel_and_still_writes_json(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, **{"content/bad.md": bulletin_md({"category": "khong-co"})})
    summary = tmp_path / "summary.json"

    assert sync(root, "--summary-json", str(summary)) == 1

    assert fakes.log == []
    document = json.loads(summary.read_text("utf-8"))
    assert document["exit_code"] == 1 and document["error"] == "content"
    [problem] = document["problems"]
    assert (problem["file"], problem["line"], problem["field"]) == ("content/bad.md", 4, "category")
    assert problem["severity"] == "error" and "chuyên mục không tồn tại" in problem["message"]
    assert "an-ninh-trat-tu" in problem["hint"]  # how to fix it, as the editor reads it
    assert "content/bad.md" in capsys.readouterr().err


def test_failed_action_exits_3_after_every_other_action_and_channel(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("create", "a", "mới"), Action("create", "f", "mới")]
    fakes.fail["zalo"] = {"a": RemoteError("Zalo trả lỗi -32: vượt giới hạn")}
    fakes.plans["radio"] = [Action("create", "items/a.txt", "mới")]
    summary = tmp_path / "summary.json"

    assert sync(root, "--summary-json", str(summary)) == 3

    assert ("create", "zalo", "f") in applied(fakes)
    assert ("create", "radio", "items/a.txt") in applied(fakes)
    zalo = json.loads(summary.read_text("utf-8"))["channels"][1]
    assert zalo["status"] == "failed" and zalo["failed"] == 1 and zalo["created"] == 1
    assert zalo["failures"][0]["key"] == "a" and "-32" in zalo["failures"][0]["error"]
    captured = capsys.readouterr()
    assert "✗ tạo mới a: Zalo trả lỗi -32" in captured.out
    assert "chạy lại để tiếp tục" in captured.err


def test_an_action_refused_until_a_person_decides_exits_1_after_the_others(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rerun changes nothing for it (a Zalo article edited by hand): 1, not "run again" (3)."""
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("update", "a", "sửa"), Action("create", "f", "mới")]
    fakes.fail["zalo"] = {
        "a": NeedsPerson("không cập nhật bài Zalo 123: bài trên Zalo đã bị sửa tay"),
    }
    fakes.fail["radio"] = {"items/a.txt": RemoteError("mạng lỗi")}
    fakes.plans["radio"] = [Action("create", "items/a.txt", "mới")]
    summary = tmp_path / "summary.json"

    assert sync(root, "--summary-json", str(summary)) == 1

    assert ("create", "zalo", "f") in applied(fakes)
    document = json.loads(summary.read_text("utf-8"))
    zalo = document["channels"][1]
    assert document["exit_code"] == 1 and zalo["needs_person"] == 1 and zalo["failed"] == 1
    captured = capsys.readouterr()
    assert "✗ cập nhật a: không cập nhật bài Zalo 123" in captured.out
    assert "cần sửa" in captured.err


def test_a_person_needed_and_a_remote_failure_say_both_fix_and_run_again(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1 outranks 3, but the radio step that failed on the network still needs a rerun: the
    closing message said only "fix", and the operator left it undone."""
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("update", "a", "sửa")]
    fakes.fail["zalo"] = {"a": NeedsPerson("bài trên Zalo đã bị sửa tay")}
    fakes.plans["radio"] = [Action("create", "items/a.txt", "mới")]
    fakes.fail["radio"] = {"items/a.txt": RemoteError("mạng lỗi")}

    assert sync(root) == 1

    err = capsys.readouterr().err
    assert "cần sửa" in err
    assert "Phần đã xong đã được lưu trong state/; chạy lại để tiếp tục." in err


def test_a_channel_down_beside_a_fix_needed_says_run_again_too(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    fakes.broken["zalo"] = RemoteError("không kết nối được openapi.zalo.me")
    fakes.broken["radio"] = PublishError("thư mục của đài chỉ cho đọc")

    assert sync(root) == 1

    err = capsys.readouterr().err
    assert "cần sửa" in err and "chạy lại để tiếp tục" in err


STEP = f"{REFUSED}tìm bài cùng tiêu đề trong trang quản trị OA rồi chạy lại publish sync zalo."
"""A failure's own next step (ZaloError.closing), opening as the lost-create lookup's do."""


def test_a_failure_that_says_what_to_check_closes_with_it_not_a_bare_rerun(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lost create the lookup refused (a list read short at every run) ended «chạy lại để
    tiếp tục»: a rerun meets the same refusal. The last lines give its own step; a plain
    failure beside it is still told to run again."""
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("create", "a", "mới"), Action("create", "b", "mới")]
    fakes.fail["zalo"] = {"a": ZaloError("chưa đọc trọn danh sách", closing=STEP)}
    assert sync(root) == 3
    err = " ".join(capsys.readouterr().err.split())
    assert f"Một số thao tác đồng bộ thất bại (xem ở trên). a: {STEP}" in err
    assert "chạy lại để tiếp tục" not in err

    fakes.fail["zalo"] = {
        "a": ZaloError("chưa đọc trọn danh sách", closing=STEP),
        "b": ZaloError("Zalo trả lỗi -32"),
    }
    assert sync(root) == 3
    err = " ".join(capsys.readouterr().err.split())
    assert f"a: {STEP}" in err
    assert "Các thao tác thất bại khác: phần đã xong đã được lưu trong state/; chạy lại" in err


def test_a_person_needed_beside_a_failure_with_its_own_step_tells_both(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 1 («cần sửa») added «thất bại do lỗi phía kênh … không cần sửa gì cho chúng» for a
    refusal whose own step is to check the OA first."""
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("update", "a", "sửa"), Action("create", "b", "mới")]
    fakes.fail["zalo"] = {
        "a": NeedsPerson("bài trên Zalo đã bị sửa tay"),
        "b": ZaloError("chưa đọc trọn danh sách", closing=STEP),
    }
    assert sync(root) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "cần sửa" in err and f"b: {STEP}" in err
    assert "không cần sửa gì cho chúng" not in err and "chạy lại để tiếp tục" not in err


def test_only_a_person_needed_does_not_say_run_again(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rerun changes nothing for an article edited by hand: no advice that it would."""
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("update", "a", "sửa"), Action("create", "f", "mới")]
    fakes.fail["zalo"] = {"a": NeedsPerson("bài trên Zalo đã bị sửa tay")}

    assert sync(root) == 1

    err = capsys.readouterr().err
    assert "cần sửa" in err and "chạy lại" not in err


def test_channel_that_cannot_start_stops_only_itself(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    fakes.broken["zalo"] = PublishError("thiếu biến môi trường ZALO_APP_ID")
    fakes.plans["radio"] = [Action("create", "items/a.txt", "mới")]
    summary = tmp_path / "summary.json"

    assert sync(root, "--summary-json", str(summary)) == 1

    assert applied(fakes) == [("create", "radio", "items/a.txt")]
    zalo = json.loads(summary.read_text("utf-8"))["channels"][1]
    assert zalo["status"] == "error" and "ZALO_APP_ID" in zalo["error"]
    assert "zalo: LỖI — thiếu biến môi trường ZALO_APP_ID" in capsys.readouterr().out


@pytest.mark.parametrize("option", ["--zalo-overwrite", "--zalo-create-anyway"])
def test_zalo_overwrite_without_syncing_zalo_is_an_error_not_ignored(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    root = project(tmp_path)
    assert sync(root, "radio", option, "a") == 1
    err = capsys.readouterr().err
    assert f"{option} chỉ có tác dụng khi đồng bộ Zalo" in err
    assert f"publish sync zalo {option} a" in err
    assert applied(fakes) == []


def test_zalo_forget_without_syncing_zalo_is_an_error_naming_the_command_with_reconcile(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    """--zalo-forget works only with --reconcile: the command given keeps it."""
    root = project(tmp_path)
    assert sync(root, "radio", "--zalo-forget", "a") == 1
    err = capsys.readouterr().err
    assert "--zalo-forget chỉ có tác dụng khi đồng bộ Zalo" in err
    assert "publish sync zalo --reconcile --zalo-forget a" in err
    assert applied(fakes) == []


def test_unreachable_remote_is_exit_3_not_1(tmp_path: Path, fakes: Fakes) -> None:
    root = project(tmp_path)
    fakes.broken["zalo"] = RemoteError("không kết nối được openapi.zalo.me")
    assert sync(root) == 3


def test_a_fix_needed_outranks_a_remote_failure(tmp_path: Path, fakes: Fakes) -> None:
    root = project(tmp_path)
    fakes.broken["zalo"] = RemoteError("mạng lỗi")
    fakes.broken["radio"] = PublishError("thư mục của đài chỉ cho đọc")
    assert sync(root) == 1


def test_no_target_skips_channels_that_are_not_configured(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, site_toml=SITE_TOML)
    summary = tmp_path / "summary.json"

    assert sync(root, "--summary-json", str(summary)) == 0

    assert fakes.log == []
    statuses = {c["channel"]: c["status"] for c in json.loads(summary.read_text())["channels"]}
    assert statuses == {"web": "ok", "zalo": "skipped", "radio": "skipped"}
    out = capsys.readouterr().out
    assert "zalo: bỏ qua — chưa cấu hình: đặt oa_id trong bảng [zalo]" in out
    assert "PUBLISH_RADIO_DIR" in out


def test_zalo_credentials_without_an_oa_id_do_not_turn_zalo_on(
    tmp_path: Path,
    fakes: Fakes,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """README: Zalo is synced when site.toml has [zalo] oa_id; ZALO_APP_ID alone (a CI secret
    set for every job) planned '3 tạo mới' for a unit that has not set up its OA."""
    monkeypatch.setenv("ZALO_APP_ID", "123")
    root = project(tmp_path, site_toml=SITE_TOML)
    assert sync(root, "--dry-run") == 0
    assert not [entry for entry in fakes.log if entry[1] == "zalo"]
    out = capsys.readouterr().out
    assert (
        "zalo: bỏ qua — chưa cấu hình: có biến môi trường ZALO_APP_ID nhưng site.toml chưa có oa_id"
        in out
    )


def test_named_target_runs_even_when_not_configured_and_alone(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, site_toml=SITE_TOML)
    assert sync(root, "radio") == 0
    assert [entry[1] for entry in fakes.log] == ["radio", "radio"]
    out = capsys.readouterr().out.splitlines()
    summary = [line for line in out if line.startswith(("  web:", "  zalo:", "  radio:"))]
    assert summary and all(line.startswith("  radio:") for line in summary), summary


def test_unknown_target_is_a_user_error(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert sync(root, "facebook") == 1
    assert "kênh đồng bộ không tồn tại: facebook" in capsys.readouterr().err


def test_dry_run_sends_nothing_and_leaves_output_and_state_alone(
    tmp_path: Path, fakes: Fakes
) -> None:
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("create", "a", "mới"), Action("withdraw", "old", "hết hạn")]
    summary = tmp_path / "summary.json"

    assert sync(root, "--dry-run", "--summary-json", str(summary)) == 0

    assert applied(fakes) == []
    assert ("make", "zalo", "dry") in fakes.log
    assert not (root / "output").exists() and not (root / "state").exists()
    zalo = json.loads(summary.read_text("utf-8"))["channels"][1]
    assert (zalo["created"], zalo["hidden"]) == (1, 1)


def test_dry_run_markdown_plan_for_a_pull_request(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    (root / "output/web").mkdir(parents=True)
    (root / "output/web/index.txt").write_text("cũ\n", encoding="utf-8")
    (root / "output/web/old.txt").write_text("bỏ\n", encoding="utf-8")
    fakes.plans["zalo"] = [
        Action("create", "a", "bản tin mới, chưa có trên Zalo", "Bản tin đã đăng"),
        Action("update", "g", "nội dung | đã sửa", "Tin cũ"),
        Action("withdraw", "h", "bản tin h: đã hết hạn", "Tin hết hạn"),
        Action("noop", "i", "không đổi"),
    ]
    fakes.plans["radio"] = [Action("refuse", "items/x.txt", "đài đã sửa tệp này và cả tệp .moi")]

    assert sync(root, "--dry-run", "--format", "markdown") == 0

    out = capsys.readouterr().out
    assert out.startswith("## Kế hoạch đồng bộ (chạy thử, chưa gửi gì)")
    assert "| tạo mới | Bản tin đã đăng (`a`) | bản tin mới, chưa có trên Zalo |" in out
    assert "| cập nhật | Tin cũ (`g`) | nội dung &#124; đã sửa |" in out
    assert "| rút lại | Tin hết hạn (`h`) | bản tin h: đã hết hạn |" in out
    assert "| từ chối | `items/x.txt` | đài đã sửa tệp này và cả tệp .moi |" in out
    assert "`i`" not in out
    assert "state/zalo.json, không hỏi Zalo" in out
    # Files of output/web/, said as files: «1 tạo mới» was read as one new bulletin.
    assert "web (dự kiến): 1 tệp tạo mới, 1 cập nhật, 1 gỡ bỏ, 0 không đổi" in out
    excluded = out.split("### Không xuất bản", 1)[1]
    assert "| Bản nháp | `content/b.md` | bản nháp &#40;draft: true&#41; |" in excluded
    assert "sẽ xuất bản lúc 08:00, Thứ Bảy, 02/01/2021 &#40;còn 23 giờ&#41;" in excluded
    assert "chưa được duyệt" in excluded
    assert "Bỏ qua content/" not in out  # the text-mode exclusion lines stay off the comment


def test_markdown_plan_makes_titles_reasons_and_file_names_inert(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title must not become a link, an @mention, or an HTML comment hiding the rest."""
    root = project(tmp_path)
    title = "Tin [bấm để duyệt](https://evil.example/login) @org/admins <!-- ẩn"
    fakes.plans["zalo"] = [Action("update", "g", "lý do *đậm* `mã`\n| ô", title)]
    fakes.plans["radio"] = [Action("refuse", "items/x`@a|b.txt", "_nghiêng_")]

    assert sync(root, "--dry-run", "--format", "markdown") == 0

    out = capsys.readouterr().out
    assert "<!--" not in out and "](" not in out and "@org" not in out
    assert "https://evil" not in out
    assert (
        "| cập nhật | Tin &#91;bấm để duyệt&#93;&#40;https:\u200d//evil.example/login&#41; "
        "@\u200dorg/admins &#60;&#33;-- ẩn (`g`) | lý do &#42;đậm&#42; &#96;mã&#96; &#124; ô |"
    ) in out
    assert "| từ chối | <code>items/x&#96;@\u200da&#124;b.txt</code> | &#95;nghiêng&#95; |" in out
    assert "(content/c.md) lúc" in out  # the tool's own words are left as they are


def test_markdown_lists_what_needs_a_person_first_and_caps_rows(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    creates = [Action("create", f"k{n:03d}", "mới") for n in range(100)]
    fakes.plans["zalo"] = [*creates, Action("conflict", "z", "đã bị sửa trên Zalo")]

    assert sync(root, "--dry-run", "--format", "markdown") == 0

    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| tạo mới")]
    assert len(rows) == 59
    assert out.index("| xung đột | `z`") < out.index("| tạo mới")
    assert "| … | và 41 thao tác khác | |" in out


def test_channel_error_shows_in_markdown(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    fakes.broken["radio"] = PublishError("không tìm thấy thư mục của đài /mnt/dai")
    assert sync(root, "--dry-run", "--format", "markdown") == 1
    section = capsys.readouterr().out.split("### Phát thanh", 1)[1]
    assert "Không lập được kế hoạch" in section and "/mnt/dai" in section


def test_progress_in_ci_is_plain_lines_every_tenth() -> None:
    stream = io.StringIO()
    progress = Progress("zalo", stream=stream, interactive=False)
    for done in range(1, 21):
        progress(done, 20)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "zalo: 2/20 (10%)" and lines[-1] == "zalo: 20/20 (100%)"
    assert len(lines) == 10 and "\r" not in stream.getvalue()


def test_progress_on_a_terminal_redraws_one_line_and_echo_does_not_tear_it() -> None:
    stream, out = io.StringIO(), io.StringIO()
    progress = Progress("radio", stream=stream, interactive=True, clock=iter(range(100)).__next__)
    progress(3, 24)
    progress.echo("  ✓ tạo mới items/a.txt", file=out)
    progress(24, 24)
    progress.close()
    assert out.getvalue() == "  ✓ tạo mới items/a.txt\n"
    assert "\n" not in stream.getvalue()
    assert (
        "radio [###---------------------] 3/24 12%\r\x1b[K\r\x1b[Kradio [###" in stream.getvalue()
    )
    assert stream.getvalue().endswith("radio [########################] 24/24 100%\r\x1b[K")


def test_small_runs_show_no_progress() -> None:
    stream = io.StringIO()
    progress = Progress("zalo", stream=stream, interactive=False)
    for done in range(1, 20):
        progress(done, 19)
    assert stream.getvalue() == ""


class FakeTTY(io.StringIO):
    """A stream that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, True), ({"CI": "true"}, False), ({"CI": "1"}, False), ({"CI": "false"}, True)],
)
def test_bar_only_on_a_terminal_outside_ci(env: dict[str, str], expected: bool) -> None:
    assert is_interactive(FakeTTY(), env) is expected
    assert is_interactive(io.StringIO(), {}) is False


def test_timings_show_each_channel_step_after_the_build(
    tmp_path: Path,
    fakes: Fakes,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`--timings` tells an operator whether a slow sync is the build or a channel, and in a
    channel whether looking at it, planning or carrying out the plan (the network) took long."""
    clock = FakeClock()
    monkeypatch.setattr(timings, "_clock", clock)
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("create", "a", "bản tin mới"), Action("update", "b", "đổi")]
    fakes.plans["radio"] = [Action("noop", "items/a.txt", "không đổi")]
    observe, apply = FakeSyncer.observe, FakeSyncer.apply

    def slow_observe(self: FakeSyncer) -> None:
        clock.advance(0.5)
        observe(self)

    def slow_apply(self: FakeSyncer, action: Action) -> str:
        clock.advance(1.25)
        return apply(self, action)

    monkeypatch.setattr(FakeSyncer, "observe", slow_observe)
    monkeypatch.setattr(FakeSyncer, "apply", slow_apply)

    assert sync(root, "--timings") == 0

    out = capsys.readouterr().out.splitlines()
    table = out[out.index("Thời gian từng giai đoạn (giây, theo đồng hồ):") :]
    found = rows(table)
    assert found["zalo: quan sát"] == "0,50" and found["zalo: thực hiện kế hoạch"] == "2,50"
    assert found["radio: quan sát"] == "0,50" and "radio: thực hiện kế hoạch" not in found
    assert "nạp và kiểm tra bản tin" in found and "so với lần dựng trước" in found
    assert found["tổng"] == "3,50"
    labels = list(found)
    assert labels.index("nạp và kiểm tra bản tin") < labels.index("zalo: quan sát")


def test_timings_go_to_stderr_when_stdout_is_the_markdown_comment(
    tmp_path: Path, fakes: Fakes, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert sync(root, "--dry-run", "--format", "markdown", "--timings") == 0
    captured = capsys.readouterr()
    assert "Thời gian từng giai đoạn" not in captured.out
    assert "Thời gian từng giai đoạn" in captured.err and "zalo: lập kế hoạch" in captured.err


def test_a_sync_leaves_the_collector_as_it_found_it(tmp_path: Path, fakes: Fakes) -> None:
    """A sync loads what it keeps to its end without the cycle collector (publish.long_lived):
    a process running many commands, like this test suite, must find it running afterwards,
    with nothing left frozen out of its reach."""
    root = project(tmp_path)
    fakes.plans["zalo"] = [Action("noop", "a", "không đổi", "Bản tin đã đăng")]
    assert sync(root) == 0
    assert sync(root) == 0  # replays the build: the stamp and the site are loaded so
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_next_bulletin_the_radio_will_not_read_is_told_without_it(
    tmp_path: Path,
    fakes: Fakes,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`publish approve` says «radio: không phát» of a bulletin with an abbreviation the
    dictionary lacks (R14.6); the sync's line of the next scheduled bulletin still said
    «kênh: web, zalo, radio». Same verdict in the log and in --summary-json."""
    urgent = bulletin_md(
        {"id": "f", "title": '"Tin hẹn tối nay"', "date": "2021-01-01 20:00"},
        body="Đội ANXH đã làm việc với người dân tại ấp 3.\n",
    )
    root = project(tmp_path, **{"content/f.md": urgent})
    monkeypatch.chdir(root)  # CI runs it in the project: the file as it spells it, no --root
    summary = tmp_path / "summary.json"
    assert sync(root, "--summary-json", str(summary)) == 0
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if x.startswith("Bản tin hẹn giờ kế tiếp")]
    assert "«Tin hẹn tối nay» (content/f.md)" in line
    assert (
        "; kênh: web, zalo (radio: không phát — Chữ viết tắt «ANXH» chưa có trong từ điển"
    ) in line
    assert line.endswith("xem từng chỗ: publish speak content/f.md --flags).")
    upcoming = json.loads(summary.read_text("utf-8"))["next_scheduled"]
    assert upcoming["key"] == "f" and upcoming["channels"] == ["web", "zalo"]
    assert upcoming["radio_off"].startswith("radio: không phát — Chữ viết tắt «ANXH»")
    # The one after it is read on the radio: listed there, without a note.
    capsys.readouterr()
    assert main(["--root", str(root), "--now", "2021-01-01T20:30", "sync"]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if "hẹn giờ kế tiếp" in x]
    assert "«Bản tin hẹn giờ»" in line and line.endswith("kênh: web, zalo, radio.")
