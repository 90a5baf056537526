"""publish: one set of Markdown bulletins to website, Zalo OA articles and radio scripts."""

__version__ = "0.1.0"
