"""Paths: nothing in content, state or the station folder can make the tool read or write elsewhere.

Slugs, ids, reserved and long names are covered in test_hardening_loader.py; the writer's own path
checks in test_writer.py; tampered radio state entries in test_sync_radio.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from publish import config as config_module
from publish.cli import main
from publish.content import load_site
from publish.errors import ContentError
from tests.helpers import FIXTURES, NOW, TINY_JPEG, bulletin_md, make_project, publish_command

RADIO_NOW = "2024-12-12T12:00"


@pytest.mark.parametrize(
    "ref",
    [
        "../../site.toml",
        "images/../../site.toml",
        "/../site.toml",
        "/etc/passwd",
        "file:///etc/passwd",
        "\\\\\\\\server\\\\share\\\\anh.jpg",
        "C:\\\\Windows\\\\win.ini",
        "data:image/png;base64,iVBORw0KGgo=",
        "javascript:alert(1)",
        "images/%2e%2e/%2e%2e/site.toml",
    ],
)
def test_hostile_image_paths_are_errors_for_cover_and_body(tmp_path: Path, ref: str) -> None:
    files: dict[str, str | bytes] = {
        "content/images/anh.jpg": TINY_JPEG,
        "content/a.md": bulletin_md({"slug": "a", "cover": repr(ref), "cover_alt": '"Ảnh"'}),
        "content/b.md": bulletin_md({"slug": "b"}, body=f"![Ảnh]({ref})\n"),
    }
    root = make_project(tmp_path, files)
    with pytest.raises(ContentError) as info:
        load_site(config_module.load(root), now=NOW)
    assert {p.file for p in info.value.problems} == {"content/a.md", "content/b.md"}
    for problem in info.value.problems:
        assert "ảnh" in problem.message and problem.hint


def test_an_image_symlinked_out_of_content_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(TINY_JPEG)
    root = make_project(tmp_path, {"content/a.md": bulletin_md(body="![Ảnh](images/x.jpg)\n")})
    (root / "content/images").mkdir()
    (root / "content/images/x.jpg").symlink_to(secret)
    with pytest.raises(ContentError) as info:
        load_site(config_module.load(root), now=NOW)
    assert "nằm ngoài thư mục content/" in info.value.problems[0].message


@pytest.mark.parametrize("href", ["/tep/x.pdf", "../tep/x.pdf"])
def test_a_download_symlinked_out_of_content_is_refused_and_named_a_link(
    tmp_path: Path, href: str
) -> None:
    """It was told «không tìm thấy tệp» with the hint to copy it to content/tep/x.pdf, where the
    editor saw it (a /tep/… link was also tried as the website's own address of it)."""
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4\n%%EOF\n")
    root = make_project(
        tmp_path, {"content/bai-viet/a.md": bulletin_md(body=f"Tải [mẫu đơn]({href}).\n")}
    )
    (root / "content/tep").mkdir()
    (root / "content/tep/x.pdf").symlink_to(secret)
    with pytest.raises(ContentError) as info:
        load_site(config_module.load(root), now=NOW)
    [problem] = [p for p in info.value.problems if p.severity == "error"]
    assert problem.message == (
        f"liên kết tới tệp «{href}»: «content/tep/x.pdf» là liên kết tượng trưng (symlink) tới "
        "một tệp nằm ngoài thư mục content/"
    )
    assert "chép tệp vào chỗ đó" in (problem.hint or "")


@pytest.fixture
def radio_root(tmp_path: Path) -> Path:
    """A fresh copy of the radio fixture project."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "radio", target)
    return target


def test_a_station_subfolder_symlinked_elsewhere_is_never_written_through(
    radio_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    station = radio_root / "dai-phat-thanh"
    station.mkdir()
    (station / "items").symlink_to(outside, target_is_directory=True)
    assert main(["sync", "radio", "--root", str(radio_root), "--now", RADIO_NOW]) == 3
    out = capsys.readouterr().out
    assert "là liên kết (symlink)" in out and "2 thất bại" in out
    assert list(outside.iterdir()) == []
    assert (station / "2024-W50" / "script.txt").is_file()  # everything else still synced


def test_a_withdrawal_never_moves_a_file_through_a_symlinked_rut_lai(
    radio_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["sync", "radio", "--root", str(radio_root), "--now", RADIO_NOW]
    assert main(args) == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    station = radio_root / "dai-phat-thanh"
    (station / "_rut-lai").symlink_to(outside, target_is_directory=True)
    (radio_root / "content/bai-viet/2024-12-10-canh-bao-lua-dao-shipper.md").unlink()
    assert main(args) == 3
    assert list(outside.iterdir()) == []
    assert (station / "items/canh-bao-lua-dao-shipper.txt").is_file()  # left where it was


def test_publish_radio_dir_overrides_the_configured_folder(
    radio_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(share))
    assert main(["sync", "radio", "--root", str(radio_root), "--now", RADIO_NOW]) == 0
    assert (share / "items").is_dir() and not (radio_root / "dai-phat-thanh").exists()


def test_publish_radio_dir_naming_a_file_is_a_clear_error(
    radio_root: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x", "utf-8")
    monkeypatch.setenv("PUBLISH_RADIO_DIR", str(not_a_folder))
    assert main(["sync", "radio", "--root", str(radio_root), "--now", RADIO_NOW]) == 1
    assert "không phải là thư mục" in capsys.readouterr().out
    assert not_a_folder.read_text("utf-8") == "x"


def test_page_layout_never_names_a_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Templates are chosen by the tool, never by content: a path-like layout is refused, by name.
    page = '---\ntitle: "Giới thiệu"\nlayout: "../../../../etc/passwd"\n---\n\nNội dung.\n'
    root = make_project(tmp_path, {"content/pages/gioi-thieu.md": page})
    assert main(["build", "--root", str(root), "--channel", "web", "-q"]) == 1
    out = capsys.readouterr().err
    assert "content/pages/gioi-thieu.md:3" in out and "layout" in out
    assert "không có kiểu trang «../../../../etc/passwd»" in out and "contact" in out
    assert not (root / "output/web").exists()


def test_the_fast_resolve_agrees_with_pathlib_for_every_kind_of_path(tmp_path: Path) -> None:
    """The image check resolves paths by text for speed: for a present, missing, symlinked or
    dangling file, a missing folder, a file used as a folder and a symlinked folder it must give
    exactly what `Path.resolve()` gives, or a link could lead outside content/ unnoticed."""
    from publish.content_images import _resolved_text, forget_resolved

    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "bi-mat.jpg").write_bytes(TINY_JPEG)
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "ảnh bìa.jpg").write_bytes(TINY_JPEG)
    (content / "images" / "lien-ket.jpg").symlink_to(outside / "bi-mat.jpg")
    (content / "images" / "treo.jpg").symlink_to(tmp_path / "khong-co.jpg")
    (content / "thu-muc-ngoai").symlink_to(outside, target_is_directory=True)
    (content / "tep.txt").write_text("x")
    paths = [
        content / "images" / "ảnh bìa.jpg",
        content / "images" / "chua-co.jpg",
        content / "bai-viet" / "images" / "ảnh bìa.jpg",
        content / "tep.txt" / "anh.jpg",
        content / "images" / "lien-ket.jpg",
        content / "images" / "treo.jpg",
        content / "thu-muc-ngoai" / "bi-mat.jpg",
        content / "thu-muc-ngoai" / "chua-co.jpg",
        content / "thu-muc-ngoai" / "con" / "chua-co.jpg",
        content / "images" / ".." / ".." / "ngoai" / "bi-mat.jpg",
    ]
    images = str(content / "images")
    # Joined as text by the image check, so not tidied the way a Path is.
    texts = [str(path) for path in paths] + [
        images + "/./ảnh bìa.jpg",
        images + "//ảnh bìa.jpg",
        images + "/",
        images + "/.",
        images + "/..",
        images + "/lien-ket.jpg/",
        str(content) + "/thu-muc-ngoai/./bi-mat.jpg",
    ]
    forget_resolved()
    for path in paths:
        assert _resolved_text(path) == str(path.resolve()), path
    for text in texts:
        assert _resolved_text(text) == str(Path(text).resolve()), text
    forget_resolved()


def _odd_entries(content: Path) -> None:
    """Two symbolic links pointing at each other, one whose file is gone, a FIFO and a folder,
    each named like a bulletin."""
    folder = content / "bai-viet"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vong-1.md").symlink_to("vong-2.md")
    (folder / "vong-2.md").symlink_to("vong-1.md")
    (folder / "mat.md").symlink_to("da-xoa.md")
    os.mkfifo(folder / "ong.md")
    (folder / "thu-muc.md").mkdir()


def test_check_names_every_entry_that_is_no_file_and_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two links pointing at each other (a copy gone wrong) ended `publish check` in
    «Lỗi nội bộ (RuntimeError)»: Python 3.11's Path.resolve() raises on a symlink loop."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"draft": "true"})})
    _odd_entries(root / "content")
    assert main(["check", "--root", str(root), "--now", NOW.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "Lỗi nội bộ" not in err
    link = "tệp là liên kết (symlink) không trỏ tới tệp nào (tệp đích đã mất, hoặc các liên kết"
    for name in ("vong-1.md", "vong-2.md", "mat.md"):
        assert f"content/bai-viet/{name}: lỗi: {link}" in err, err
    assert "content/bai-viet/ong.md: lỗi: không phải là tệp thường (thiết bị hoặc ống dẫn)" in err
    assert "content/bai-viet/thu-muc.md: lỗi: đây là thư mục, không phải tệp" in err
    assert "Tìm thấy 5 lỗi" in err


@pytest.mark.parametrize(
    ("name", "told"),
    [
        ("vong-1.md", "tệp là liên kết (symlink) không trỏ tới tệp nào"),
        ("mat.md", "tệp là liên kết (symlink) không trỏ tới tệp nào"),
        ("ong.md", "không phải là tệp thường (thiết bị hoặc ống dẫn)"),
        ("thu-muc.md", "đây là thư mục, không phải tệp"),
        ("khong-co.md", "không có tệp bản tin (.md) này"),
    ],
)
def test_approve_tells_what_a_named_entry_is_instead_of_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, told: str
) -> None:
    """A symlink loop was an internal error; a folder or a FIFO «không có tệp», though the
    editor saw it in the folder."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md()})
    _odd_entries(root / "content")
    code = main(["approve", "--root", str(root), f"content/bai-viet/{name}", "--by", "Thượng tá A"])
    err = capsys.readouterr().err
    assert code == 1 and "Lỗi nội bộ" not in err, err
    assert f"content/bai-viet/{name}: lỗi: {told}" in err, err


def test_approve_does_not_wait_on_a_fifo_among_the_bulletins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """approve reads the approved_by of every bulletin in content/ (to note an approver never
    seen before): a FIFO named like one (ong.md) waited for a writer, and the command hung
    without a word, whether the file named was approved or refused."""
    root = make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md()})
    _odd_entries(root / "content")

    def stop(signum: int, frame: object) -> None:
        """Fail instead of hanging the test run."""
        raise TimeoutError("publish approve chờ mãi")

    before = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    try:
        for name, code in (("khong-co.md", 1), ("a.md", 0)):
            run = ["approve", "--root", str(root), "--now", NOW.isoformat()]
            assert main([*run, f"content/bai-viet/{name}", "--by", "Đại úy Lê Văn Tám"]) == code
            said = " ".join("".join(capsys.readouterr()).split())
            assert "«Đại úy Lê Văn Tám» chưa duyệt bản tin nào khác trong content/" in said
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def test_speak_refuses_a_fifo_instead_of_waiting_for_it(tmp_path: Path) -> None:
    """Opened, a FIFO waits for a writer: `publish speak ong.md` hung without a word."""
    root = make_project(tmp_path, {})
    _odd_entries(root / "content")
    done = publish_command("speak", "--root", root, "content/bai-viet/ong.md", cwd=root, timeout=60)
    assert done.returncode == 1, done.stderr
    told = "content/bai-viet/ong.md: không phải là tệp thường (thiết bị hoặc ống dẫn)"
    assert told in done.stderr


def test_speak_reads_a_pipe_the_shell_opened_for_it(tmp_path: Path) -> None:
    """`publish speak <(cat a.md)` hands it /dev/fd/N, a pipe with its writer: refused by the
    FIFO guard, though reading it cannot hang."""
    root = make_project(tmp_path, {})
    reader, writer = os.pipe()
    os.write(writer, bulletin_md({}, "Công an xã nhắc bà con cảnh giác.\n").encode())
    os.close(writer)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "publish", "speak", "--root", str(root), f"/dev/fd/{reader}"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            pass_fds=(reader,),
            timeout=60,
        )
    finally:
        os.close(reader)
    assert done.returncode == 0, done.stderr
    assert "cảnh giác" in done.stdout


def test_import_hugo_names_a_fifo_in_the_hugo_site_instead_of_waiting_for_it(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path, {})
    hugo = tmp_path / "hugo"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('baseURL = "https://congan.example.vn/"\n', encoding="utf-8")
    os.mkfifo(hugo / "content" / "posts" / "ong.md")
    done = publish_command("import-hugo", "--root", root, hugo, "--dry-run", cwd=root, timeout=60)
    assert done.returncode == 1 and "Lỗi nội bộ" not in done.stderr, done.stderr
    out = done.stdout + done.stderr
    assert "content/posts/ong.md: lỗi: không phải là tệp thường (thiết bị hoặc ống dẫn)" in out


def test_import_hugo_from_a_symlink_loop_is_told_not_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    _odd_entries(root / "content")
    loop = root / "content/bai-viet/vong-1.md"
    assert main(["import-hugo", "--root", str(root), str(loop), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert "Lỗi nội bộ" not in err and "không phải thư mục website Hugo" in err, err


def test_build_names_a_fifo_named_like_a_bulletin_instead_of_waiting_for_a_writer(
    tmp_path: Path,
) -> None:
    """The build hashes its inputs for its stamp before loading them: opening a FIFO to hash
    it waited forever for a writer (the load, which refuses it, was never reached)."""
    root = make_project(tmp_path, {"content/a.md": bulletin_md({"draft": "true"})})
    (root / "content" / "bai-viet").mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / "content" / "bai-viet" / "ong.md")
    for command in ("build", "check"):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "publish",
                command,
                "--root",
                str(root),
                "--now",
                NOW.isoformat(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        assert "content/bai-viet/ong.md: lỗi: không phải là tệp thường" in done.stderr
