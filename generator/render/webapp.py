"""The web app manifest and its icons, so a phone can keep the guide on its home screen.

The icon is a simple mark on the guide's primary colour: five rounded vertebrae in a gentle
curve. It is drawn with Pillow at build time, supersampled and scaled down, so the same build
gives the same bytes."""

from __future__ import annotations

import functools
import io
import json
import math

from PIL import Image, ImageDraw

from generator.model import urls

MANIFEST_SRC = "manifest.webmanifest"
# The palette of site_assets/css/traction.css: the header teal and the light background.
THEME_COLOUR = "#00695c"
BACKGROUND_COLOUR = "#ffffff"
ICON_SIZES = (192, 512)
SUPERSAMPLE = 4


def icon_file(size: int, maskable: bool = False) -> str:
    """Site path of an icon: 'assets/traction/icons/icon-192.png', '…/icon-maskable-512.png'."""
    return urls.asset(f"icons/icon-{'maskable-' if maskable else ''}{size}.png")


def icon_files() -> dict[str, tuple[int, bool]]:
    """Every icon the manifest lists: site path → (size, maskable)."""
    files = {icon_file(size): (size, False) for size in ICON_SIZES}
    files[icon_file(512, maskable=True)] = (512, True)
    return files


def _vertebrae(draw: ImageDraw.ImageDraw, size: int, scale: float) -> None:
    """Five white rounded blocks stacked in a gentle S: the mark, ``scale`` of the icon high."""
    centre, height = size / 2, size * scale
    block_h, gap = height / 5 * 0.78, height / 5 * 0.22
    top = centre - height / 2 + gap / 2
    for index in range(5):
        width = size * scale * (0.42 + 0.04 * index)  # lower vertebrae are wider, as in a real spine
        shift = math.sin((index + 0.5) / 5 * math.pi * 2) * size * scale * 0.06
        y = top + index * (block_h + gap)
        box = (centre - width / 2 + shift, y, centre + width / 2 + shift, y + block_h)
        draw.rounded_rectangle(box, radius=block_h * 0.45, fill="#ffffff")


@functools.cache  # the same bytes every time; a live preview builds again after every save
def icon_png(size: int, maskable: bool = False) -> bytes:
    """The icon as PNG bytes. A maskable icon fills its square (the phone cuts its own shape) and
    keeps the mark inside the central safe circle; the plain one is a rounded square."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=THEME_COLOUR)
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.22, fill=THEME_COLOUR)
    _vertebrae(draw, big, 0.5 if maskable else 0.62)
    image = image.resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def manifest(name: str, short_name: str, language: str, description: str) -> str:
    """The manifest's JSON. Addresses are relative to the manifest, which sits at the site root."""
    icons = [
        {"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "maskable" if maskable else "any"}
        for path, (size, maskable) in icon_files().items()
    ]
    data = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
