"""Argument types of the commands' numeric options, each refusing a value the command cannot
use with a message naming what it may be (argparse prints it and exits 2), before any work."""

from __future__ import annotations

import argparse
import math

__all__ = ["count", "fraction", "http_error_status", "port_number", "seconds", "wait_seconds"]


def _number(value: str, kind: type[int] | type[float]) -> int | float | None:
    """`value` read as an int or a float, None when it is no number."""
    try:
        return kind(value)
    except ValueError:
        return None


def port_number(value: str) -> int:
    """A TCP port number, 0 meaning any free port."""
    port = _number(value, int)
    if port is None or not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"cổng phải là số từ 0 đến 65535, không phải «{value}»")
    return int(port)


def count(value: str) -> int:
    """A whole number of things, 0 or more."""
    number = _number(value, int)
    if number is None or number < 0:
        raise argparse.ArgumentTypeError(f"cần số nguyên từ 0 trở lên, không phải «{value}»")
    return int(number)


def seconds(value: str) -> float:
    """A duration in seconds, 0 or more."""
    number = _number(value, float)
    if number is None or not math.isfinite(number) or number < 0:
        raise argparse.ArgumentTypeError(f"cần số giây từ 0 trở lên, không phải «{value}»")
    return float(number)


def wait_seconds(value: str) -> float:
    """How long to wait for something, in seconds: more than 0."""
    number = _number(value, float)
    if number is None or not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"cần số giây lớn hơn 0 (ví dụ 600), không phải «{value}»")
    return float(number)


def fraction(value: str) -> float:
    """A share of the calls, from 0 (none) to 1 (all)."""
    number = _number(value, float)
    if number is None or not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"cần tỉ lệ từ 0 đến 1 (ví dụ 0.2), không phải «{value}»")
    return float(number)


def http_error_status(value: str) -> int:
    """An HTTP error status (4xx or 5xx) a sandbox answers with."""
    number = _number(value, int)
    if number is None or not 400 <= number <= 599:
        raise argparse.ArgumentTypeError(
            f"cần mã lỗi HTTP từ 400 đến 599 (ví dụ 503, 429), không phải «{value}»"
        )
    return int(number)
