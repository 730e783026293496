"""Let Markdown skip the HTML we rendered ourselves.

Our pages are mostly raw HTML blocks between a few Markdown headings. Python-Markdown would
re-parse every block with its HTML parser only to pass it through unchanged, which was a fifth of
a build's time. ``hold_back`` swaps each complete top-level HTML block for a one-word paragraph;
after conversion ``put_back`` swaps the paragraph for the block, byte for byte. The MkDocs plugin
uses it on generated pages only, and a test converts every page both ways and compares.
"""

from __future__ import annotations

import re

TOKEN = "tractionrawblock{}x"
_TOKEN_PARAGRAPH = re.compile(r"<p>tractionrawblock(\d+)x</p>")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?(/?)>|<!--.*?-->", re.DOTALL)
# Tags Python-Markdown starts a raw block with (its block-level list, trimmed to what pages use).
BLOCK_TAGS = frozenset(
    "address article aside blockquote details dialog div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 header hr "
    "main nav ol p pre section table template ul script style noscript".split()
)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_RAW_TEXT = frozenset(("script", "style", "template"))  # what is inside is not Markdown's business either


def _is_raw_block(block: str) -> bool:
    """True when ``block`` is a run of complete block-level elements, each starting a line, with
    nothing but line breaks between them: exactly what Python-Markdown passes through untouched."""
    depth, end, at, opener = 0, 0, 0, ""
    while (match := _TAG.search(block, at)) is not None:
        at = match.end()
        closing, name, self_closing = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if depth == 0:
            if block[end : match.start()] != ("\n" if end else ""):
                return False  # text between elements, or before the first one
            if not name or closing or name not in BLOCK_TAGS:
                return False
            opener = name
        if not name or name in _VOID or self_closing:  # comments and empty elements leave the depth as it is
            end = at if depth == 0 else end
            continue
        if name in _RAW_TEXT and not closing:
            close = block.find(f"</{name}>", at)
            if close < 0:
                return False
            at = close  # its closing tag is read next
        depth += -1 if closing else 1
        if depth < 0:
            return False
        if depth == 0:
            if name != opener:
                return False
            end = at
    return depth == 0 and end == len(block) and opener != ""


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
