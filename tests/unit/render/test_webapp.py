"""The web app manifest and its icons: deterministic bytes, the site's own colours."""

from __future__ import annotations

import io
import json

from PIL import Image

from generator.render.webapp import BACKGROUND_COLOUR, THEME_COLOUR, icon_files, icon_png, manifest
from tests.conftest import REPO


def test_icons_are_deterministic_pngs_of_the_right_size():
    for path, (size, maskable) in icon_files().items():
        data = icon_png(size, maskable)
        assert data == icon_png(size, maskable), path
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG" and image.size == (size, size)
            corner = image.convert("RGBA").getpixel((0, 0))
            # a maskable icon fills its square (the phone cuts the shape); the other has round corners
            assert (corner[3] == 255) is maskable
            assert image.convert("RGB").getpixel((size // 2, size // 10)) == tuple(bytes.fromhex(THEME_COLOUR[1:]))
    assert {(s, m) for s, m in icon_files().values()} == {(192, False), (512, False), (512, True)}


def test_the_manifest_uses_the_sites_palette():
    data = json.loads(manifest("Ease your low back", "Low back", "en", "Seven parts."))
    assert data["short_name"] == "Low back" and data["start_url"] == "./" and data["display"] == "standalone"
    css = (REPO / "site_assets/css/traction.css").read_text(encoding="utf-8")
    assert f"--md-primary-fg-color: {THEME_COLOUR};" in css  # the header's teal
    assert data["theme_color"] == THEME_COLOUR and data["background_color"] == BACKGROUND_COLOUR
    assert [i["src"] for i in data["icons"]] == list(icon_files())
