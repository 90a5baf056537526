"""`publish serve`: preview the website locally; rebuild and reload open pages on every edit."""

from __future__ import annotations

import argparse
import time

from publish.cli import common_options
from publish.commands.arguments import port_number
from publish.serve import PreviewSession

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `serve`."""
    parser = subparsers.add_parser(
        "serve",
        parents=[common_options()],
        help="xem trước website trên máy này, tự dựng lại và tải lại trang khi sửa bài",
        description=(
            "Dựng website vào output/web (với --drafts thì vào .cache/preview/web: output/ chỉ "
            "chứa bản đăng được; chỉ kênh web cho nhanh; Zalo và phát thanh không dựng — "
            "dùng `publish build` trước khi đồng bộ), mở máy chủ xem trước tại 127.0.0.1 và theo dõi "
            "content/, templates/, site.toml. Mỗi lần lưu tệp, website được dựng lại và trang đang "
            "mở tự tải lại. Nếu bài có lỗi, trang hiện thông báo lỗi và bản dựng tốt gần nhất vẫn "
            "được giữ. Nhấn Ctrl-C để dừng."
        ),
    )
    parser.add_argument(
        "--port",
        type=port_number,
        default=8000,
        metavar="CỔNG",
        help="cổng máy chủ (mặc định 8000; 0 = tự chọn cổng trống)",
    )
    parser.add_argument(
        "--drafts",
        action="store_true",
        help="xem trước cả bản nháp và bài chưa duyệt (có dải «Bản nháp»); "
        "dựng vào .cache/preview/web, không bao giờ vào output/",
    )
    parser.add_argument(
        "--lan",
        action="store_true",
        help="cho điện thoại, máy khác cùng mạng Wi-Fi xem trước (lệnh in địa chỉ để mở); mọi "
        "người cùng mạng đều xem được, kể cả bản nháp với --drafts: chỉ dùng ở mạng của cơ quan, "
        "dừng bằng Ctrl-C khi xem xong (mặc định: chỉ máy này)",
    )
    parser.add_argument(
        "--confirm-withdrawal",
        action="store_true",
        help="xác nhận rút hàng loạt: cho dựng vào output/ cả khi content/ không còn bản tin "
        "nào mà state/ ghi đã đăng, hay đã mất nhiều bản tin đã đăng như publish build từ "
        "chối (mặc định: từ chối, output/ giữ nguyên)",
    )
    parser.set_defaults(run=run)


def lan_lines(url: str | None, port: int, *, drafts: bool) -> str:
    """What `--lan` tells: the address a phone opens (or how to find it) and who else can."""
    who = "kể cả bản nháp và bài chưa duyệt" if drafts else "những gì website sắp đăng"
    if url is None:
        where = (
            "Không tìm thấy địa chỉ của máy này trong mạng nội bộ (máy chưa nối Wi-Fi hay mạng "
            "dây?). Nối mạng rồi chạy lại lệnh; hoặc xem địa chỉ IPv4 bằng lệnh ipconfig "
            f"(Windows) hay ip addr (Linux) và mở http://ĐỊA_CHỈ:{port}/ trên điện thoại."
        )
    else:
        where = f"Trên điện thoại cùng mạng Wi-Fi, mở {url}"
    return (
        f"{where}\nMọi máy cùng mạng đều xem được bản xem trước này ({who}): chỉ dùng ở mạng "
        "của cơ quan. Chi tiết lỗi khi dựng và lý do bài bị giữ lại chỉ hiện trên máy này. "
        "Điện thoại không mở được thì tường lửa của máy đang chặn: cho phép Python "
        "nhận kết nối ở mạng riêng (Windows hỏi điều này lần đầu chạy --lan)."
    )


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C."""
    session = PreviewSession(
        args.root,
        port=args.port,
        drafts=args.drafts,
        confirmed=args.confirm_withdrawal,
        now=args.now,
        debug=args.debug,
        lan=args.lan,
    )
    try:
        url = session.start()
        print(f"Xem trước website tại {url} — nhấn Ctrl-C để dừng.", flush=True)
        if args.lan:
            print(
                lan_lines(
                    session.server.lan_url, session.server.server_address[1], drafts=args.drafts
                ),
                flush=True,
            )
        while True:
            # Short naps: Linux may deliver Ctrl-C's signal to a worker thread, and Python only
            # notices it when the main thread wakes up.
            time.sleep(0.25)
    except KeyboardInterrupt:
        print("\nĐang dừng máy chủ xem trước…", flush=True)
    finally:
        session.stop()
    print("Đã dừng máy chủ xem trước. Tạm biệt!", flush=True)
    return 0
