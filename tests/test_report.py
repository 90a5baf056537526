"""`publish report` against the emulator: followers and views appended, printed and charted."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from publish.cli import main
from publish.zalo import ZaloClient
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from tests.helpers import make_project
from tests.zalo_fixtures import FAST_SETTINGS, env_for, every_token, sample_body
from tests.zalo_project import FAST_ENV, OA_ID, site_toml


@pytest.fixture
def emulator() -> Iterator[ZaloEmulator]:
    """An OA with 120 followers and two articles with views."""
    with ZaloEmulator(EmulatorConfig(num_follower=120)) as emu:
        emu.seed_article(sample_body(title="Cảnh báo lừa đảo qua mạng"), views=57)
        emu.seed_article(sample_body(title="Cấp căn cước lưu động"), views=9)
        yield emu


@pytest.fixture
def root(tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose environment points at the emulator."""
    for name, value in env_for(emulator, tmp_path / "token.json", **FAST_ENV).items():
        monkeypatch.setenv(name, value)
    return make_project(tmp_path, {"site.toml": site_toml(oa=False)})


def report(root: Path, now: str) -> int:
    """Run `publish report` at a given time."""
    return main(["--root", str(root), "--now", now, "report"])


def test_report_appends_prints_and_charts_followers_over_time(
    root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    assert report(root, "2021-01-01T09:00") == 0
    first = capsys.readouterr().out
    assert "Người quan tâm OA: 120" in first
    assert re.search(r"Cảnh báo lừa đảo qua mạng\s+57\s+0", first)
    assert first.index("Cảnh báo lừa đảo") < first.index("Cấp căn cước")  # most viewed first
    emulator.set_followers(150)
    assert report(root, "2021-01-08T09:00") == 0
    assert "Người quan tâm OA: 150" in capsys.readouterr().out

    stats = root / "state" / "zalo-stats.csv"
    assert stats.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM once, for spreadsheets
    assert stats.read_bytes().count(b"\xef\xbb\xbf") == 1
    with open(stats, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["người quan tâm"] for r in rows if r["loại"] == "oa"] == ["120", "150"]
    views = {r["tiêu đề"]: r["lượt xem"] for r in rows if r["loại"] == "bai"}
    assert views == {"Cảnh báo lừa đảo qua mạng": "57", "Cấp căn cước lưu động": "9"}

    page = (root / "output" / "report" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in page and "<svg" in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    polyline = re.search(r'<polyline[^>]*points="([^"]+)"', page)
    assert polyline is not None
    points = polyline.group(1).split()
    assert len(points) == 2
    (x1, y1), (x2, y2) = (tuple(map(float, p.split(","))) for p in points)
    assert x2 > x1 and y2 < y1  # later and higher
    assert "Người quan tâm theo thời gian" in page and "Lượt xem" in page
    assert "01/01/2021" in page and "08/01/2021" in page


def test_report_without_credentials_explains_what_to_set(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.delenv("ZALO_APP_SECRET")
    assert report(root, "2021-01-01T09:00") == 1
    assert "ZALO_APP_SECRET" in capsys.readouterr().err
    assert not (root / "state" / "zalo-stats.csv").exists()


@pytest.fixture
def named_root(tmp_path: Path, emulator: ZaloEmulator, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project naming the emulator's OA in [zalo] oa_id, its environment pointing there."""
    for name, value in env_for(emulator, tmp_path / "token.json", **FAST_ENV).items():
        monkeypatch.setenv(name, value)
    return make_project(tmp_path / "du-an", {"site.toml": site_toml(f'oa_id = "{OA_ID}"')})


def unnamed_token_file(tmp_path: Path, emulator: ZaloEmulator) -> Path:
    """A token file as an older version wrote it: a live pair, no OA in it."""
    token_file = tmp_path / "token.json"
    with ZaloClient.from_env(env_for(emulator, token_file), **FAST_SETTINGS) as client:
        client.login()
    assert "oa_id" not in json.loads(token_file.read_text("utf-8"))
    return token_file


def test_report_from_a_token_file_naming_no_oa_waits_for_zalo_to_confirm_the_oa(
    tmp_path: Path, named_root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    """The token file may be another unit's (the shared file of older versions): its OA's
    follower counts went into this unit's history. Only once getoa names [zalo] oa_id."""
    token_file = unnamed_token_file(tmp_path, emulator)
    emulator.configure(oa_id_key="none")  # getoa cannot say whose token it is
    assert report(named_root, "2021-01-01T09:00") == 1
    told = capsys.readouterr().err
    assert f"tệp token Zalo {token_file} không ghi token thuộc OA nào" in told
    assert "không đọc số liệu nào, không ghi gì" in told
    assert "câu trả lời getoa không có mã OA" in told
    assert not (named_root / "state" / "zalo-stats.csv").exists()
    assert emulator.count_calls("/article/getslice") == 0

    emulator.configure(oa_id_key="oa_id")
    emulator.clear_calls()
    assert report(named_root, "2021-01-01T10:00") == 0
    assert "Người quan tâm OA: 120" in capsys.readouterr().out
    assert json.loads(token_file.read_text("utf-8"))["oa_id"] == OA_ID
    assert emulator.count_calls("/oa/getoa") == 1  # the check's answer gives the followers


def test_report_with_another_oa_s_token_records_nothing(
    named_root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    emulator.configure(oa_id="1111222233334444555", oa_name="OA thử của đơn vị")
    assert report(named_root, "2021-01-01T09:00") == 1
    told = capsys.readouterr().err
    assert "thuộc OA «OA thử của đơn vị» (mã 1111222233334444555)" in told
    assert f"không phải OA {OA_ID}" in told
    assert not (named_root / "state" / "zalo-stats.csv").exists()


def test_report_says_when_it_records_counts_zalo_did_not_confirm_as_the_oa_s(
    root: Path, named_root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    """A token from the environment (no token file yet) is used when getoa gives no OA id, as
    `publish sync` sends with it: the counts are recorded, and the editor is told they were
    not confirmed. The token file its refresh wrote names no OA: the next run asks Zalo."""
    emulator.configure(oa_id_key="none")
    assert report(named_root, "2021-01-01T09:00") == 0
    out = capsys.readouterr().out
    assert "Người quan tâm OA: 120" in out
    assert (
        "Lưu ý: câu trả lời getoa của Zalo không có mã OA nên chưa xác nhận được token là của "
        f"OA {OA_ID} ghi ở [zalo] oa_id; số liệu vẫn được ghi"
    ) in out
    assert len(follower_rows(named_root)) == 1
    emulator.configure(oa_id_key="oa_id")
    assert report(named_root, "2021-01-01T10:00") == 0
    assert "Lưu ý" not in capsys.readouterr().out  # getoa named [zalo] oa_id
    assert len(follower_rows(named_root)) == 2


def test_on_ci_the_oa_getoa_confirmed_is_kept_in_the_token_file_its_refresh_wrote(
    tmp_path: Path, named_root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    """CI's first run refreshes ZALO_REFRESH_TOKEN inside getoa, and getoa names [zalo] oa_id:
    the token file that refresh wrote records the OA. A later run whose getoa gives no OA id
    then goes on as with a file naming the OA, instead of refusing («OA chưa xác nhận») with
    the secret already spent."""
    token_file = tmp_path / "token.json"
    assert not token_file.exists()
    assert report(named_root, "2021-01-01T09:00") == 0
    assert "Lưu ý" not in capsys.readouterr().out
    assert json.loads(token_file.read_text("utf-8"))["oa_id"] == OA_ID

    emulator.configure(oa_id_key="none")
    assert report(named_root, "2021-01-08T09:00") == 0
    out = capsys.readouterr()
    assert "không ghi token thuộc OA nào" not in out.err
    assert "Lưu ý: câu trả lời getoa của Zalo không có mã OA" in out.out
    assert len(follower_rows(named_root)) == 2
    for secret in every_token(emulator):
        assert secret not in out.out + out.err


def test_an_oa_getoa_did_not_name_is_never_recorded_in_the_token_file(
    tmp_path: Path, named_root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    """Unconfirmed counts may be recorded from the environment's token, but the token file its
    refresh wrote must still name no OA: the next run asks Zalo again."""
    emulator.configure(oa_id_key="none")
    assert report(named_root, "2021-01-01T09:00") == 0
    assert "oa_id" not in json.loads((tmp_path / "token.json").read_text("utf-8"))
    assert report(named_root, "2021-01-08T09:00") == 1
    assert "không ghi token thuộc OA nào" in capsys.readouterr().err


def test_report_without_an_oa_id_in_the_settings_says_nothing_was_checked(
    root: Path, capsys: pytest.CaptureFixture
) -> None:
    assert report(root, "2021-01-01T10:00") == 0
    assert "Lưu ý: site.toml chưa ghi [zalo] oa_id" in capsys.readouterr().out
    assert len(follower_rows(root)) == 1


def follower_rows(project: Path) -> list[dict[str, str]]:
    """The follower rows of a project's state/zalo-stats.csv."""
    with open(project / "state" / "zalo-stats.csv", encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["loại"] == "oa"]


def test_report_never_writes_its_page_into_the_drafts_preview(
    root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    """`report --output .cache/preview` (however spelt, inside it, or report/ linked there) is
    refused as `sync --output .cache/preview` is: nothing read from Zalo, nothing written."""
    (root / ".cache" / "preview" / "web").mkdir(parents=True)
    (root / "xem").mkdir()
    (root / "xem" / "report").symlink_to(root / ".cache" / "preview" / "web")
    spellings = (".cache/preview", ".cache/preview/", "./.cache/preview/web", "xem")
    for output in (*spellings, str(root / ".cache" / "preview")):
        assert (
            main(["--root", str(root), "--now", "2021-01-01T09:00", "report", "--output", output])
            == 1
        )
        err = capsys.readouterr().err
        assert f"--output {output}: đây là thư mục bản xem trước (.cache/preview)" in err
        assert "Traceback" not in err and "Chưa đọc số liệu, chưa ghi gì." in err
    assert not (root / "state").exists()
    assert list((root / ".cache" / "preview" / "web").iterdir()) == []
    assert emulator.count_calls("/oa/getoa") == 0


@pytest.mark.parametrize("output", ["content", "state", "templates", "."])
def test_report_never_writes_its_page_among_the_projects_own_files(
    root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture, output: str
) -> None:
    """`report --output content` wrote content/report/index.html, a page among the bulletins;
    refused as `build --output content` is, before anything is read from Zalo."""
    code = main(["--root", str(root), "--now", "2021-01-01T09:00", "report", "--output", output])
    assert code == 1
    err = capsys.readouterr().err
    assert f"--output {output}: " in err and "Chưa ghi gì." in err and "Traceback" not in err
    assert not (root / output / "report").exists()
    assert emulator.count_calls("/oa/getoa") == 0


def test_withdrawn_articles_are_marked_and_their_titles_never_go_into_the_committed_csv(
    root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    """A bulletin withdrawn from Zalo (a draft again, unapproved, pulled as secret) was listed
    like a live one, and every run appended its title to state/zalo-stats.csv, which is
    committed. Its counts still matter to the unit: recorded under its article id, marked."""
    live = next(iter(emulator.state.articles))  # seeded by the fixture: «Cảnh báo lừa đảo…»
    hidden = emulator.seed_article(sample_body(title="Bắt đối tượng zzmat giấu tên"), views=30)
    emulator.edit_article(hidden, status="hide")
    # Hidden by the last sync, which Zalo has not confirmed yet: still listed as shown.
    hiding = emulator.seed_article(sample_body(title="Vụ án zzan đang điều tra"), views=4)
    state = root / "state"
    state.mkdir()
    records = {
        "ct-bat-doi-tuong": {"article_id": hidden, "status": "hidden", "title": "x"},
        "ct-vu-an": {"article_id": hiding, "status": "live", "hide_token": "t", "title": "x"},
        "ct-canh-bao": {"article_id": live, "status": "live", "title": "x"},
    }
    (state / "zalo.json").write_text(
        json.dumps({"version": 1, "channel": "zalo", "entries": records}), "utf-8"
    )
    for now in ("2021-01-01T09:00", "2021-01-08T09:00"):
        assert report(root, now) == 0
    out = capsys.readouterr().out
    assert re.search(r"Bắt đối tượng zzmat giấu tên\s+30\s+0  đã ẩn\n", out)
    assert re.search(r"Vụ án zzan đang điều tra\s+4\s+0  đã ẩn\n", out)
    assert re.search(r"Cảnh báo lừa đảo qua mạng\s+57\s+0\n", out)
    assert "«đã ẩn»: bài bị ẩn trên OA (bản tin đã rút)" in out

    text = (state / "zalo-stats.csv").read_text("utf-8-sig")
    assert "zzmat" not in text and "zzan" not in text
    assert "ct-bat-doi-tuong" not in text and "ct-vu-an" not in text
    with open(state / "zalo-stats.csv", encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["loại"] == "bai"]
    counted = {(r["mã bài"], r["bản tin"], r["tiêu đề"], r["lượt xem"]) for r in rows}
    assert counted == {
        (hidden, "", "(đã ẩn)", "30"),
        (hiding, "", "(đã ẩn)", "4"),
        (live, "ct-canh-bao", "Cảnh báo lừa đảo qua mạng", "57"),
        (
            next(a for a in emulator.state.articles if a not in (live, hidden, hiding)),
            "",
            "Cấp căn cước lưu động",
            "9",
        ),
    }
    assert len(rows) == 8  # two runs, four articles each

    page = (root / "output" / "report" / "index.html").read_text(encoding="utf-8")
    assert "Bắt đối tượng zzmat giấu tên <em>(đã ẩn)</em>" in page
    assert "Cảnh báo lừa đảo qua mạng</td>" in page
    assert "(4 bài, 2 bài đã ẩn)" in page


def test_an_article_removed_but_still_listed_by_zalo_is_marked_and_its_title_kept_out(
    root: Path, emulator: ZaloEmulator, capsys: pytest.CaptureFixture
) -> None:
    """Session 76 review: a removal records the article's id as `removed_id` (`article_id`
    None), so the removed state never marked anything; Zalo lists a removed article a while
    longer (or refused the removal, -201), and its title went into the committed CSV."""
    removed = emulator.seed_article(sample_body(title="Vụ án zzrm đã gỡ"), views=12)
    state = root / "state"
    state.mkdir()
    records = {"ct-da-go": {"article_id": None, "status": "removed", "removed_id": removed}}
    (state / "zalo.json").write_text(
        json.dumps({"version": 1, "channel": "zalo", "entries": records}), "utf-8"
    )
    assert report(root, "2021-01-01T09:00") == 0
    assert re.search(r"Vụ án zzrm đã gỡ\s+12\s+0  đã ẩn\n", capsys.readouterr().out)
    text = (state / "zalo-stats.csv").read_text("utf-8-sig")
    assert "zzrm" not in text and "ct-da-go" not in text and f"{removed},,(đã ẩn),,12,0" in text
