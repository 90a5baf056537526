"""Argument types of the commands' numeric options, each refusing a value the command cannot
use with a message naming what it may be (argparse prints it and exits 2), before any work."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TypeVar

from publish.radio.options import RATE_LEAST, RATE_MOST

__all__ = [
    "count",
    "fraction",
    "http_error_status",
    "port_number",
    "read_rate",
    "seconds",
    "wait_seconds",
]

_N = TypeVar("_N", int, float)


def _checked(value: str, kind: type[_N], fits: Callable[[_N], bool], told: str) -> _N:
    """`value` read as `kind` when it is one that `fits`, else the error saying what it may be."""
    try:
        number = kind(value)
    except ValueError:
        number = None
    if number is None or not fits(number):
        raise argparse.ArgumentTypeError(f"{told}, không phải «{value}»")
    return number


def port_number(value: str) -> int:
    """A TCP port number, 0 meaning any free port."""
    return _checked(value, int, lambda n: 0 <= n <= 65535, "cổng phải là số từ 0 đến 65535")


def count(value: str) -> int:
    """A whole number of things, 0 or more."""
    return _checked(value, int, lambda n: n >= 0, "cần số nguyên từ 0 trở lên")


def seconds(value: str) -> float:
    """A duration in seconds, 0 or more."""
    return _checked(value, float, lambda n: math.isfinite(n) and n >= 0, "cần số giây từ 0 trở lên")


def wait_seconds(value: str) -> float:
    """How long to wait for something, in seconds: more than 0."""
    return _checked(
        value, float, lambda n: math.isfinite(n) and n > 0, "cần số giây lớn hơn 0 (ví dụ 600)"
    )


def fraction(value: str) -> float:
    """A share of the calls, from 0 (none) to 1 (all)."""
    return _checked(value, float, lambda n: 0 <= n <= 1, "cần tỉ lệ từ 0 đến 1 (ví dụ 0.2)")


def http_error_status(value: str) -> int:
    """An HTTP error status (4xx or 5xx) a sandbox answers with."""
    return _checked(
        value, int, lambda n: 400 <= n <= 599, "cần mã lỗi HTTP từ 400 đến 599 (ví dụ 503, 429)"
    )


def read_rate(value: str) -> int:
    """A read rate in syllables a minute, as [radio] rate_spm allows."""
    return _checked(
        value,
        int,
        lambda n: RATE_LEAST <= n <= RATE_MOST,
        f"cần số nguyên âm tiết mỗi phút, từ {RATE_LEAST} đến {RATE_MOST} (thường là 210, 240 "
        "hoặc 270)",
    )
