"""Decide whether decoded text is HTML or a text dump, from content not file names."""

from __future__ import annotations

import re

_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]|<article[\s>]|<script[\s>]",
    re.I,
)


def sniff_kind(text: str) -> str:
    """Return ``html`` when the start of the text carries HTML markup, else ``text``."""
    head = text[:5000]
    signs = len(_HTML_SIGNS.findall(head))
    if signs >= 2 or head.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return "html"
    if signs == 1 and head.count("<") > 5:
        return "html"
    return "text"
