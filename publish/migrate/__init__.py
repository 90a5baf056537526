"""Converters from other site generators' files to this tool's bulletins (no disk access)."""
