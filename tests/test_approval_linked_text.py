"""A linked text file (.csv, .txt) is bound to an approval by its text, not its line endings:
git converts them between the approver's Windows machine and CI (core.autocrlf), and the same
list checked out with CRLF must not withdraw the bulletin. An approval taken before, on the
bytes as found, holds while the files are as they were."""

from __future__ import annotations

import re
from pathlib import Path

from publish import approval, attachments
from publish import config as config_module
from publish.content import load_site
from tests.helpers import NOW
from tests.test_approval import FILE
from tests.test_approval_linked import approve, linking
from tests.test_name_only_approvals import LEGACY, project, shown
from tests.test_name_only_record import LEGACY_FILE, sync

LIST = "Xã,Số vụ\nTân Lập,3\nTân Hòa,5\n".encode()


def published(root: Path) -> bool:
    """Whether the loaded site publishes the bulletin FILE."""
    site = load_site(config_module.load(root), now=NOW)
    return any(b.source == FILE for b in site.bulletins)


def test_an_approved_list_checked_out_with_crlf_stays_approved(tmp_path: Path) -> None:
    root = linking(tmp_path, "ds.csv", LIST)
    assert approve(root) == 0 and published(root)
    (root / "content/tep/ds.csv").write_bytes(LIST.replace(b"\n", b"\r\n"))
    assert published(root)
    (root / "content/tep/ds.csv").write_bytes(LIST.replace(b"3", b"4").replace(b"\n", b"\r\n"))
    assert not published(root)


def test_an_approval_taken_on_the_bytes_as_found_still_holds(tmp_path: Path) -> None:
    """Written by a version that hashed the list's bytes: it matches the files as they were,
    not an edit, nor (unavoidably) the same list with other line endings."""
    root = linking(tmp_path, "ds.txt", LIST.replace(b"\n", b"\r\n"))
    assert approve(root) == 0
    f = root / FILE
    text = f.read_text("utf-8")
    version = re.search(r'approved_version: "?([0-9a-f-]+)', text)[1]  # type: ignore[index]
    site = load_site(config_module.load(root), now=NOW)
    [bulletin] = site.bulletins
    linked = attachments.linked_paths(bulletin, site.config)
    images = approval.ImageDigests(root / "content")
    old = approval.linked_digest(linked, images, earlier=True)
    assert old != version.split("-")[2]
    f.write_text(text.replace(version, f"{version.rsplit('-', 1)[0]}-{old}"), "utf-8")
    assert published(root)
    (root / "content/tep/ds.txt").write_bytes(LIST.replace(b"3", b"4").replace(b"\n", b"\r\n"))
    assert not published(root)


def test_a_legacy_name_only_list_checked_out_with_crlf_stays_published(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "content/tep").mkdir()
    (root / "content/tep/ds.csv").write_bytes(LIST)
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8") + "\nXem [bảng](../tep/ds.csv).\n", "utf-8")
    sync(root)
    (root / "content/tep/ds.csv").write_bytes(LIST.replace(b"\n", b"\r\n"))
    assert LEGACY in shown(root)
    (root / "content/tep/ds.csv").write_bytes(LIST.replace(b"3", b"4"))
    assert LEGACY not in shown(root)


def test_a_name_only_record_taken_on_the_bytes_as_found_still_counts(tmp_path: Path) -> None:
    import json

    root = project(tmp_path)
    (root / "content/tep").mkdir()
    (root / "content/tep/ds.csv").write_bytes(LIST)
    f = root / LEGACY_FILE
    f.write_text(f.read_text("utf-8") + "\nXem [bảng](../tep/ds.csv).\n", "utf-8")
    sync(root)
    path = root / "state/published.json"
    document = json.loads(path.read_text("utf-8"))
    old = approval.linked_digest(
        {"tep/ds.csv": "tep/ds.csv"}, approval.ImageDigests(root / "content"), earlier=True
    )
    content, file, new = document["name_only"][LEGACY].split("-")
    assert old != new
    document["name_only"][LEGACY] = f"{content}-{file}-{old}"
    path.write_text(json.dumps(document), "utf-8")
    assert LEGACY in shown(root)
    (root / "content/tep/ds.csv").write_bytes(LIST.replace(b"3", b"4"))
    assert LEGACY not in shown(root)
