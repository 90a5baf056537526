"""A small project whose bulletins go to the website and Zalo, and helpers to sync it."""

from __future__ import annotations

import html
import io
import json
import re
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from PIL import Image

from publish.cli import main
from publish.zalo.emulator import ZaloEmulator
from tests.helpers import SITE_TOML, bulletin_md, make_project
from tests.zalo_fixtures import env_for

__all__ = [
    "FAST_ENV",
    "NOW",
    "OA_ID",
    "TITLES",
    "emulator",
    "jpeg",
    "plan_section",
    "records",
    "report_section",
    "site_toml",
    "sync",
    "sync_report",
    "told",
    "zalo_bulletin",
    "zalo_env",
    "zalo_project",
]

NOW = "2021-01-01T09:00"
OA_ID = "2463951837402251183"
"""The OA every zalo_project names: Zalo is synced only for an OA site.toml names."""
FAST_ENV = {
    "ZALO_VERIFY_FIRST_DELAY": "0",
    "ZALO_VERIFY_INTERVAL": "0.01",
    # Long, not short: a verify Zalo ends at its second poll must not time out on a loaded
    # machine; a test wanting a job stuck sets its own short wait.
    "ZALO_VERIFY_TIMEOUT": "30",
    "ZALO_BACKOFF_BASE": "0.001",
    "ZALO_RATE_LIMIT_BACKOFF": "0.02",
}
"""Short client waits so sync tests stay fast."""

TITLES = [
    "Cảnh báo thủ đoạn giả danh Công an gọi điện lừa đảo",
    "Cấp căn cước công dân lưu động tại xã An Nhơn",
    "Ra quân cao điểm tấn công trấn áp tội phạm dịp Tết",
    "Kết quả tiếp nhận phản ánh của người dân qua Zalo",
    "Hướng dẫn đăng ký xe biển số định danh",
    "Mô hình camera an ninh ở xã Tân Bình",
]


def jpeg(width: int = 64, height: int = 40, color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small real JPEG."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG")
    return out.getvalue()


def site_toml(zalo: str = "", site_extra: str = "", *, oa: bool = True) -> str:
    """The helpers' site.toml, sending bulletins to web and Zalo, with a default cover; `zalo`
    lines go into [zalo], which names the OA (OA_ID) unless they do or `oa` is false."""
    extra = 'default_channels = ["web", "zalo"]\ndefault_cover = "images/bia.jpg"\n' + site_extra
    text = SITE_TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"\n',
        'base_url = "https://congan-chauthanh.example.vn/"\n' + extra,
    )
    if oa and not re.search(r"(?m)^[ \t]*oa_id[ \t]*=", zalo):
        zalo = "\n".join(filter(None, (zalo, f'oa_id = "{OA_ID}"')))
    return text + (f"\n[zalo]\n{zalo}\n" if zalo else "")


BODY = """\
Sáng nay, Công an huyện cảnh báo người dân về thủ đoạn mới.

## Dấu hiệu nhận biết

- Gọi điện tự xưng cán bộ Công an;
- Yêu cầu chuyển tiền vào tài khoản lạ.

> Công an không bao giờ yêu cầu chuyển tiền qua điện thoại.

![Cán bộ hướng dẫn người dân](../images/anh-1.jpg "Cán bộ hướng dẫn người dân cài ứng dụng")

Xem thêm tại [Cổng thông tin Bộ Công an](https://bocongan.gov.vn).
"""


def zalo_bulletin(index: int, *, body: str = BODY, **fields: str) -> str:
    """Bulletin number `index` with its own id and title."""
    front = {
        "id": f"bt-{index:03d}",
        "title": f'"{TITLES[index % len(TITLES)]} ({index})"',
        "date": f"2020-12-{1 + index % 28:02d} 08:00",
    }
    front.update(fields)
    return bulletin_md(front, body)


def zalo_project(
    tmp_path: Path,
    count: int = 4,
    *,
    zalo: str = "",
    files: Mapping[str, str | bytes] | None = None,
    lost_create_wait: int | None = 0,
) -> Path:
    """A project with `count` approved bulletins for web and Zalo, images included, naming its
    OA (`zalo` adds lines to [zalo]). A lost create is sent again at once (the emulator lists
    an article as soon as it is created), unless `lost_create_wait` says otherwise (None: the
    default)."""
    wait = f"lost_create_wait = {lost_create_wait}" if lost_create_wait is not None else ""
    wanted: dict[str, str | bytes] = {
        "site.toml": site_toml("\n".join(filter(None, (zalo, wait, f'oa_id = "{OA_ID}"')))),
        "content/images/bia.jpg": jpeg(color=(20, 60, 160)),
        "content/images/anh-1.jpg": jpeg(),
    }
    for index in range(count):
        wanted[f"content/bai-viet/ban-tin-{index:03d}.md"] = zalo_bulletin(index)
    wanted.update(files or {})
    return make_project(tmp_path, wanted)


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """A running Zalo emulator (tests/conftest.py offers it, and zalo_env, to every test)."""
    with ZaloEmulator() as emu:
        yield emu


@pytest.fixture
def zalo_env(emulator: ZaloEmulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point publish at the emulator through the environment, as a user would."""
    for name, value in env_for(emulator, tmp_path / "secrets" / "token.json", **FAST_ENV).items():
        monkeypatch.setenv(name, value)


def sync(root: Path, *extra: str) -> int:
    """Run `publish sync zalo` in this process."""
    return main(["--root", str(root), "--now", NOW, "sync", "zalo", *extra])


def sync_report(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    """The lines of the Markdown report `publish sync ARGS --format markdown` prints (the plan
    CI posts on a pull request with --dry-run), its HTML entities read back as text."""
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "sync", *args, "--format", "markdown"]) == 0
    return html.unescape(capsys.readouterr().out).splitlines()


def report_section(lines: list[str], heading: str) -> list[str]:
    """The `### heading` section of a report's `lines`, up to the next heading."""
    assert f"### {heading}" in lines, lines
    start = lines.index(f"### {heading}")
    heads = (n for n in range(start + 1, len(lines)) if lines[n].startswith("### "))
    return lines[start : next(heads, len(lines))]


def plan_section(
    root: Path, capsys: pytest.CaptureFixture[str], heading: str, *args: str
) -> list[str]:
    """The `### heading` section of sync_report(root, capsys, *args)."""
    return report_section(sync_report(root, capsys, *args), heading)


def told(capsys: pytest.CaptureFixture[str]) -> str:
    """Everything printed since the last look."""
    out = capsys.readouterr()
    return out.out + out.err


def records(root: Path) -> dict:
    """The entries of state/zalo.json."""
    return json.loads((root / "state" / "zalo.json").read_text("utf-8"))["entries"]


def expire_access_token(token: Path) -> None:
    """The token file as it is a day after the last refresh: its access token expired, so the
    next sync renews it (and checks for articles deleted by hand)."""
    pair = json.loads(token.read_text("utf-8"))
    pair["expires_at"] = time.time() - 60
    token.write_text(json.dumps(pair), "utf-8")
