"""A held bulletin's page address shown as text with no host before it that the check let go:
after «:», «—», «,», «.», a no-break space, a port, in code, or spelt with «&#47;». Each goes out
on the page, the feeds, Zalo and the index, slug and all: told unless another site's host is
written right before it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_held_links import run, with_b
from tests.test_held_links_mend3 import HELD_PAGE, SITE

SPELT = "&#47;2020&#47;12&#47;nan-nhan-nguyen-van-a&#47;"
SHOWN = {
    "after a colon": (f"Xem:{HELD_PAGE} sau.", HELD_PAGE),
    "after a dash": (f"Xem—{HELD_PAGE} sau.", HELD_PAGE),
    "after a comma": (f"a,{HELD_PAGE} sau.", HELD_PAGE),
    "after a dot": (f"Xem .{HELD_PAGE} sau.", HELD_PAGE),
    "after a no-break space": (f"Xem\u00a0{HELD_PAGE} sau.", HELD_PAGE),
    "after this site with a port": (f"Xem {SITE}:443{HELD_PAGE} sau.", HELD_PAGE),
    "in code": (f"Xem `{HELD_PAGE}` sau.", HELD_PAGE),
    "its first «/» as &#47;": (f"Xem &#47;{HELD_PAGE[1:]} sau.", f"&#47;{HELD_PAGE[1:]}"),
    "each «/» as &#47;": (f"Xem {SPELT} sau.", SPELT),
}


@pytest.mark.parametrize(("body", "typed"), SHOWN.values(), ids=SHOWN.keys())
def test_a_held_page_address_shown_with_no_host_before_it_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, typed: str
) -> None:
    """The warning quotes it as typed, at its line, and says it goes out as it is."""
    root = with_b(tmp_path, f"Công an.\n\n{body}\n")
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert (
        f"content/bai-viet/2021-01-01-b.md:12: cảnh báo: nội dung bài nêu địa chỉ trang "
        f"«{typed}» của bản tin không được đăng lúc này"
    ) in err, err
    assert "địa chỉ ấy hiện nguyên văn trên website" in err
