"""The TCP port argument of the commands that listen (`serve`, `zalo-sandbox`)."""

from __future__ import annotations

import argparse

__all__ = ["port_number"]


def port_number(value: str) -> int:
    """A TCP port number, 0 meaning any free port; anything else is the caller's typo."""
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"cổng phải là số từ 0 đến 65535, không phải «{value}»")
    return port
