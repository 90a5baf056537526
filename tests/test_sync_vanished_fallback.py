"""A state/ without published.json: what the channels show published now stands in for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publish import url_history
from publish.cli import main
from tests.helpers import FIXTURES, add_toml, snapshot
from tests.zalo_project import NOW, zalo_project

RADIO_NOW = "2024-12-12T12:00"
AIRED = "2024-12-16T12:00"  # after the fixture's episode 2024-W50 aired


def test_bulletins_withdrawn_earlier_do_not_count_as_lost_without_published_json(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """state/web-urls.json keeps the addresses of bulletins withdrawn long ago: every unit
    upgrading from a state/ without published.json was refused as if it had lost them."""
    root = zalo_project(tmp_path, 20)
    run = ["--root", str(root), "--now", NOW, "sync", "web"]
    folder = root / "content" / "bai-viet"
    assert main(run) == 0
    for index in range(10):
        (folder / f"ban-tin-{index:03d}.md").unlink()
    assert main([*run, "--confirm-withdrawal"]) == 0  # withdrawn on purpose, months ago
    (root / "state" / "published.json").unlink()
    capsys.readouterr()
    assert main(run) == 0, capsys.readouterr().err
    # A mass loss is still refused: the pages of the last output/web say what is published.
    (root / "state" / "published.json").unlink()
    web = snapshot(root / "output" / "web")
    for index in range(10, 15):
        (folder / f"ban-tin-{index:03d}.md").unlink()
    capsys.readouterr()
    assert main(run) == 1
    told = capsys.readouterr().err
    # Named as said by the one file that said it (not zalo.json nor radio.json: never synced).
    assert "5 trong 10 bản tin lần đồng bộ trước đã đăng (state/web-urls.json) không còn" in told
    assert "(bt-010, bt-011, bt-012, bt-013, bt-014)" in told
    assert snapshot(root / "output" / "web") == web
    # And so is a content/ left without any bulletin.
    for index in range(15, 20):
        (folder / f"ban-tin-{index:03d}.md").unlink()
    assert main(run) == 1
    assert "content/ không có bản tin nào, trong khi state/ ghi 10 bản tin" in (
        capsys.readouterr().err
    )
    assert snapshot(root / "output" / "web") == web


def test_bulletins_of_an_aired_episode_withdrawn_since_do_not_count_as_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """An aired episode keeps its records in state/radio.json of bulletins withdrawn since:
    they are not published, and a state/ without published.json must not count them."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", root)
    toml = root / "site.toml"
    toml.write_text(add_toml(toml.read_text("utf-8"), "\n[policy]\nconfirm_withdrawal_from = 2\n"))
    monkeypatch.delenv("PUBLISH_RADIO_DIR", raising=False)
    run = ["--root", str(root), "sync", "radio"]
    assert main(["--now", RADIO_NOW, *run]) == 0
    for path in sorted((root / "content" / "bai-viet").glob("*.md"))[:2]:
        path.unlink()
    assert main(["--now", AIRED, *run, "--confirm-withdrawal"]) == 0
    (root / "state" / "published.json").unlink()
    capsys.readouterr()
    assert main(["--now", AIRED, *run]) == 0, capsys.readouterr().err


def test_a_fresh_checkout_without_published_json_or_output_still_refuses_a_mass_loss(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """A CI checkout has no output/web: with state/published.json missing too, no page said
    what was published, and 15 of 20 bulletins lost went through to every channel."""
    root = zalo_project(tmp_path, 20)
    run = ["--root", str(root), "--now", NOW, "sync", "web"]
    assert main(run) == 0
    (root / "state" / "published.json").unlink()  # a state/ from before published.json
    shutil.rmtree(root / "output")  # output/ is not committed
    folder = root / "content" / "bai-viet"
    for index in range(15):
        (folder / f"ban-tin-{index:03d}.md").unlink()
    capsys.readouterr()
    assert main(run) == 1
    told = capsys.readouterr().err
    assert "15 trong 20 bản tin" in told and "(state/web-urls.json" in told
    assert "output/web" in told  # why every address web-urls.json recorded is counted
    assert "--confirm-withdrawal" in told
    assert not (root / "output").exists()
    # Confirmed, it is done, and the next sync reads state/published.json again.
    assert main([*run, "--confirm-withdrawal"]) == 0
    assert main(run) == 0


def test_web_urls_json_is_read_once_by_check_and_its_guards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """Without published.json, the guard against a lost content/ reads which bulletins the
    website shows from web-urls.json, as the site's redirects and the withdrawal notes do:
    one parse of the file's addresses (~15 ms at 10,000 bulletins), not one of its own
    besides, and the same answer (a draft is told leaving the website it is on)."""
    root = zalo_project(tmp_path, 3)
    assert main(["--root", str(root), "--now", NOW, "sync", "web"]) == 0
    (root / "state" / "published.json").unlink()
    path = root / "content/bai-viet/ban-tin-000.md"
    path.write_text(path.read_text("utf-8").replace("---\n\n", "draft: true\n---\n\n", 1), "utf-8")
    parsed: list[bytes] = []
    history_of = url_history.history_of

    def counted(data: bytes, name: str = url_history.HISTORY_NAME) -> dict[str, tuple[str, ...]]:
        """url_history.history_of, noting each parse."""
        parsed.append(data)
        return history_of(data, name)

    monkeypatch.setattr(url_history, "history_of", counted)
    capsys.readouterr()
    assert main(["--root", str(root), "--now", NOW, "check"]) == 0
    told = capsys.readouterr()
    assert "Sẽ rút bài đang đăng: content/bai-viet/ban-tin-000.md đang đăng trên website" in (
        told.out + told.err
    )
    assert len(parsed) == 1
