"""`publish zalo-sandbox`: run the local Zalo OA emulator so `publish sync` can be tried safely."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

from publish import config as config_module
from publish.cli import common_options
from publish.commands.arguments import count, fraction, http_error_status, port_number, seconds
from publish.errors import PublishError, os_reason
from publish.stop_signal import terminate_as_interrupt
from publish.zalo.emulator import EmulatorConfig, ZaloEmulator
from publish.zalo.emulator_state import (
    HIDDEN_IN_LIST,
    SANDBOX_APP_ID,
    SANDBOX_APP_SECRET,
    SANDBOX_REFRESH_TOKEN,
    StateFileError,
)

__all__ = ["add_parser", "config_from_args", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `zalo-sandbox` and its fault-injection flags."""
    parser = subparsers.add_parser(
        "zalo-sandbox",
        parents=[common_options()],
        help="chạy máy chủ Zalo OA giả lập trên máy này để thử đồng bộ",
        description=(
            "Chạy máy chủ giả lập API bài viết Zalo OA (v2.0) và OAuth v4 trên 127.0.0.1. "
            "Đặt ZALO_API_BASE và ZALO_OAUTH_BASE về địa chỉ in ra để publish dùng sandbox. "
            "Thông tin đăng nhập được chấp nhận lấy từ ZALO_APP_ID, ZALO_APP_SECRET, "
            "ZALO_REFRESH_TOKEN nếu đã đặt, nếu không thì dùng giá trị mẫu của sandbox."
        ),
    )
    add = parser.add_argument
    add(
        "--host",
        default="127.0.0.1",
        metavar="ĐỊA_CHỈ",
        help="địa chỉ lắng nghe (mặc định 127.0.0.1)",
    )
    add(
        "--port",
        type=port_number,
        default=8765,
        metavar="CỔNG",
        help="cổng (0 = để hệ điều hành chọn; mặc định 8765)",
    )
    add(
        "--state-file",
        type=Path,
        metavar="TỆP",
        help="lưu trạng thái vào tệp JSON này để giữ qua các lần chạy",
    )
    add("--followers", type=count, default=0, metavar="N", help="số người quan tâm OA ban đầu")
    add("--latency", type=seconds, default=0.0, metavar="GIÂY", help="độ trễ thêm cho mỗi lần gọi")
    add(
        "--fail-5xx-rate",
        type=fraction,
        default=0.0,
        metavar="TỈ_LỆ",
        help="tỉ lệ trả HTTP 5xx (0–1)",
    )
    add("--fail-first-5xx", type=count, default=0, metavar="N", help="N lần gọi đầu trả HTTP 5xx")
    add(
        "--fail-5xx-status",
        type=http_error_status,
        default=503,
        metavar="MÃ",
        help="mã HTTP 5xx dùng (503)",
    )
    add(
        "--retry-after",
        metavar="GIÂY",
        help="tiêu đề Retry-After của các phản hồi lỗi HTTP ở trên (ví dụ 30, kèm --fail-5xx-status 429)",
    )
    add("--drop-rate", type=fraction, default=0.0, metavar="TỈ_LỆ", help="tỉ lệ ngắt kết nối")
    add("--drop-first", type=count, default=0, metavar="N", help="ngắt kết nối N lần gọi đầu")
    add(
        "--drop-after-processing",
        action="store_true",
        help="ngắt kết nối sau khi đã xử lý yêu cầu (mất phản hồi)",
    )
    add("--fault-path", action="append", metavar="ĐOẠN", help="chỉ gây lỗi cho đường dẫn chứa ĐOẠN")
    add(
        "--rate-limit",
        type=count,
        default=4000,
        metavar="N",
        help="số lần gọi tối đa mỗi phút trước khi trả -32 (0 = không giới hạn; mặc định 4000)",
    )
    add("--verify-processing", type=count, default=1, metavar="N", help="N lần verify đầu trả -214")
    add(
        "--expire-access-after",
        type=count,
        metavar="N",
        help="access token hết hạn (-220) sau N lần gọi",
    )
    add(
        "--access-ttl", type=seconds, default=90_000.0, metavar="GIÂY", help="thời hạn access token"
    )
    add(
        "--fail-image",
        action="append",
        metavar="ĐOẠN",
        help="ảnh có URL chứa ĐOẠN → -200 khi verify",
    )
    add("--create-quota", type=count, metavar="N", help="hạn mức tạo bài mỗi ngày (vượt → -223)")
    add("--not-authorized", action="store_true", help="OA chưa cấp quyền quản lý bài viết (-223)")
    add("--require-appsecret-proof", action="store_true", help="bắt buộc header appsecret_proof")
    add(
        "--hidden-in-list",
        choices=HIDDEN_IN_LIST,
        default="listed",
        help=(
            "bài đã ẩn trong danh sách bài (getslice): listed = có trong danh sách và tổng số "
            "(mặc định), left_out = không có trong cả hai, counted = tính vào tổng mà không có "
            "trong danh sách (như vậy cần list_total_counts_hidden = true ở bảng [zalo])"
        ),
    )
    add("--seed", type=int, metavar="SỐ", help="hạt giống ngẫu nhiên cho lỗi theo tỉ lệ")
    parser.set_defaults(run=run)


def config_from_args(args: argparse.Namespace, env: dict[str, str] | None = None) -> EmulatorConfig:
    """Build the EmulatorConfig from parsed flags, the environment's credentials and, when run
    in a project, its unit's name and OA id."""
    env = dict(os.environ) if env is None else env
    config = EmulatorConfig(
        app_id=env.get("ZALO_APP_ID") or SANDBOX_APP_ID,
        app_secret=env.get("ZALO_APP_SECRET") or SANDBOX_APP_SECRET,
        refresh_token=env.get("ZALO_REFRESH_TOKEN") or SANDBOX_REFRESH_TOKEN,
        access_token=env.get("ZALO_ACCESS_TOKEN") or None,
        access_token_ttl=args.access_ttl,
        expire_access_after_calls=args.expire_access_after,
        require_appsecret_proof=args.require_appsecret_proof,
        oa_authorized=not args.not_authorized,
        verify_processing_count=args.verify_processing,
        failing_image_substrings=tuple(args.fail_image or ()),
        create_quota_per_day=args.create_quota,
        num_follower=args.followers,
        fault_paths=tuple(args.fault_path) if args.fault_path else None,
        latency=args.latency,
        fail_5xx_rate=args.fail_5xx_rate,
        fail_first_5xx=args.fail_first_5xx,
        fail_5xx_status=args.fail_5xx_status,
        retry_after=args.retry_after,
        drop_rate=args.drop_rate,
        drop_first=args.drop_first,
        drop_after_processing=args.drop_after_processing,
        rate_limit_per_minute=args.rate_limit or None,
        hidden_in_list=args.hidden_in_list,
        seed=args.seed,
    )
    return _as_project_oa(config, getattr(args, "root", None))


def _as_project_oa(config: EmulatorConfig, root: Path | None) -> EmulatorConfig:
    """The sandbox OA named as the project at `root`'s unit (with its OA id, when site.toml has
    one); as it is outside a project or when site.toml is broken (`publish sync` reports that)."""
    if root is None or not (root / config_module.CONFIG_NAME).is_file():
        return config
    try:
        project = config_module.load(root)
    except PublishError:
        return config
    oa_id = project.zalo.oa_id.strip() or config.oa_id
    return dataclasses.replace(config, oa_name=project.unit.name, oa_id=oa_id)


def _oa_note(config: EmulatorConfig, root: Path | None) -> str:
    """What a tester in a project whose [zalo] names no OA is told: the sample id the sandbox
    serves, and the line `publish sync` needs (it sends nothing without an oa_id); else ""."""
    if root is None or not (root / config_module.CONFIG_NAME).is_file():
        return ""
    try:
        project = config_module.load(root)
    except PublishError:
        return ""  # `publish sync` reports a broken site.toml itself
    if project.zalo.oa_id.strip():
        return ""
    # `publish init` without an OA leaves zalo out of default_channels: no bulletin would go.
    channels = (
        ""
        if "zalo" in project.site.default_channels
        else ' và thêm "zalo" vào default_channels ở bảng [site]'
    )
    return (
        f"Lưu ý: {config_module.CONFIG_NAME} chưa có oa_id trong bảng [zalo], nên sandbox dùng "
        f"mã OA mẫu {config.oa_id}; publish sync không gửi gì lên Zalo (kể cả sandbox) khi "
        f'chưa có oa_id. Để thử: ghi tạm oa_id = "{config.oa_id}" vào bảng [zalo]{channels} '
        f"của {config_module.CONFIG_NAME} (thử xong thì trả lại: git checkout -- "
        f"{config_module.CONFIG_NAME})."
    )


def _credentials_note(config: EmulatorConfig) -> str:
    """Say where the accepted credentials come from; print only the public sandbox samples."""
    if (config.app_id, config.app_secret, config.refresh_token) == (
        SANDBOX_APP_ID,
        SANDBOX_APP_SECRET,
        SANDBOX_REFRESH_TOKEN,
    ):
        return (
            "Thông tin đăng nhập mẫu của sandbox (công khai, không phải bí mật):\n"
            # `export`, as on the line above: pasted without it, `publish sync` sees none.
            f"  export ZALO_APP_ID={SANDBOX_APP_ID} ZALO_APP_SECRET={SANDBOX_APP_SECRET} "
            f"ZALO_REFRESH_TOKEN={SANDBOX_REFRESH_TOKEN}"
        )
    return (
        "Sandbox chấp nhận thông tin đăng nhập trong biến môi trường ZALO_* hiện tại (không in ra)."
    )


def _ignored_note(state_file: Path, ignored: tuple[str, ...]) -> str:
    """What the tester is told of the fields a later publish wrote that this one left out."""
    return (
        f"Lưu ý: {state_file} có trường do phiên bản publish mới hơn ghi mà bản này không biết "
        f"({', '.join(ignored)}): sandbox bỏ qua chúng, chạy với các bài, token và người quan "
        "tâm đã lưu, và không ghi lại chúng khi lưu trạng thái."
    )


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C."""
    config = config_from_args(args)
    try:
        emulator = ZaloEmulator(config, host=args.host, port=args.port, state_file=args.state_file)
    except StateFileError as exc:
        raise PublishError(
            f"--state-file {args.state_file}: tệp này không phải trạng thái sandbox Zalo: "
            f"{exc}. Chưa chạy sandbox. Cách sửa: chọn tệp khác, hoặc đổi tên (hay xóa) tệp "
            "này để sandbox bắt đầu lại với một OA trống."
        ) from None
    except OSError as exc:
        raise PublishError(
            f"--state-file {args.state_file}: không đọc được tệp ({os_reason(exc)}). Chưa chạy "
            "sandbox. Cách sửa: chọn tệp đọc được, hoặc bỏ --state-file."
        ) from None
    try:
        emulator.start()
    except OSError as exc:
        raise PublishError(
            f"Không mở được cổng {args.port} trên {args.host}: {os_reason(exc)}. "
            "Cách sửa: chọn cổng khác bằng --port (hoặc --port 0 để tự chọn)."
        ) from None
    # From here on a Ctrl+C, however early (a tester reads the prompt below and presses it at
    # once), stops the sandbox and saves its state: one arriving before the `try` escaped as an
    # interrupt, with the state unsaved. SIGTERM (`kill`, a script restarting the sandbox) does
    # the same: the state file is written a moment after each change, the last ones on stop,
    # inside the `with` too: a second SIGTERM while they are written (over a second for a big
    # OA) is ignored, where it killed the sandbox mid-write.
    with terminate_as_interrupt():
        try:
            print(f"Sandbox Zalo OA đang chạy tại {emulator.base_url}")
            print(f"  export ZALO_API_BASE={emulator.base_url} ZALO_OAUTH_BASE={emulator.base_url}")
            print(_credentials_note(config))
            if note := _oa_note(config, getattr(args, "root", None)):
                print(note)
            if args.state_file:
                print(
                    f"Trạng thái được lưu vào {args.state_file} (sau mỗi thay đổi một lát, và khi "
                    "dừng bằng Ctrl+C hay kill; kill -9 có thể làm mất các thay đổi của lúc cuối)."
                )
            if emulator.ignored_state_fields:
                print(_ignored_note(args.state_file, emulator.ignored_state_fields))
            print("Nhấn Ctrl+C để dừng.", flush=True)
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("Đã dừng sandbox Zalo OA.", file=sys.stderr)
        finally:
            emulator.stop()
    return 0
