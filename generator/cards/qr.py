"""QR codes as inline SVG (segno), so printed cards point at the hosted guide."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(url: str, label: str) -> Markup:
    """An accessible inline SVG QR code for ``url``. The URL is data from the link scheme, and
    segno escapes what it writes, so the markup is safe to insert."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=4, border=2, dark="#000", light="#fff", omitsize=True, title=label, svgclass="traction-qr")
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
