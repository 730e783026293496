"""Let Markdown skip the HTML we rendered ourselves.

Our pages are mostly raw HTML blocks between a few Markdown headings. Python-Markdown would
re-parse every block with its HTML parser only to pass it through unchanged, which was a fifth of
a build's time. ``hold_back`` swaps each complete top-level HTML block for a one-word paragraph;
after conversion ``put_back`` swaps the paragraph for the block, byte for byte. The MkDocs plugin
uses it on generated pages only, and a test converts every page both ways and compares.
"""

from __future__ import annotations

import functools
import re

TOKEN = "tractionrawblock{}x"
_TOKEN_PARAGRAPH = re.compile(r"<p>tractionrawblock(\d+)x</p>")
_OPENER = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*?)?(/?)>")
# Tags Python-Markdown starts a raw block with (its block-level list, trimmed to what pages use).
BLOCK_TAGS = frozenset(
    "address article aside blockquote details dialog div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr "
    "main nav ol p pre section table template ul script style noscript".split()
)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_RAW_TEXT = frozenset(("script", "style", "template"))  # what is inside is not Markdown's business either


def _element_end(block: str, name: str, at: int) -> int:
    """Where the element opened just before ``at`` ends, or -1. Only tags of its own name are
    counted: the HTML our templates render is well formed (content is always escaped), and
    counting one name is what keeps this fast on a page of four megabytes."""
    if name in _RAW_TEXT:
        close = block.find(f"</{name}>", at)
        return -1 if close < 0 else close + len(name) + 3
    depth = 1
    for match in _tags_named(name).finditer(block, at):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return -1


@functools.cache
def _tags_named(name: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){name}(?=[\s>/])[^<>]*>")


def _is_raw_block(block: str) -> bool:
    """True when ``block`` is a run of complete block-level elements, each starting a line, with
    nothing but line breaks between them: exactly what Python-Markdown passes through untouched."""
    at = 0
    while True:
        opener = _OPENER.match(block, at)
        if opener is None or opener.group(1).lower() not in BLOCK_TAGS:
            return False
        name = opener.group(1).lower()
        end = opener.end() if name in _VOID or opener.group(2) else _element_end(block, opener.group(1), opener.end())
        if end < 0:
            return False
        if end == len(block):
            return True
        if not block.startswith("\n<", end):
            return False  # text after an element, or between two
        at = end + 1


def hold_back(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each raw HTML block replaced by a token paragraph, and the blocks."""
    blocks: list[str] = []
    parts = markdown.split("\n\n")
    for n, part in enumerate(parts):
        block = part.rstrip("\n")  # the page's last block ends with its line break
        if block.startswith("<") and block.endswith(">") and _is_raw_block(block):
            parts[n] = TOKEN.format(len(blocks)) + part[len(block) :]
            blocks.append(block)
    return "\n\n".join(parts), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The converted page with every token paragraph replaced by its block."""
    if not blocks:
        return html
    # Markdown ends a raw block with a blank line, except at the end of the page
    return _TOKEN_PARAGRAPH.sub(lambda m: blocks[int(m.group(1))] + "\n", html).rstrip("\n")
