"""Photos made safe to publish: inside site_assets/, really an image, not a decompression bomb,
turned upright from EXIF and then stripped of every piece of metadata (GPS included)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 40_000_000  # a 40-megapixel photo is plenty; anything bigger is refused unread
ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
ORIENTATION_TAG = 0x0112


@dataclass(frozen=True)
class PhotoInfo:
    """A checked photo: where it is and its upright size."""

    path: Path
    width: int
    height: int


class PhotoError(ValueError):
    """A photo that cannot be published; the message says why."""


def inspect_photo(assets_dir: Path, src: str) -> PhotoInfo:
    """Check a photo from its header alone (no pixels are decoded). Raises PhotoError."""
    root = assets_dir.resolve()
    path = (root / src).resolve()
    if not path.is_relative_to(root):
        raise PhotoError(f"the path leaves {assets_dir.name}/")
    if not path.is_file():
        raise PhotoError(f"no such file in {assets_dir.name}/")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                orientation = image.getexif().get(ORIENTATION_TAG, 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError(f"the image is too large (over {MAX_PIXELS:,} pixels)") from None
    except (UnidentifiedImageError, OSError):
        raise PhotoError("the file is not an image Pillow can read") from None
    if width * height > MAX_PIXELS:
        raise PhotoError(f"the image is too large: {width}×{height} is over {MAX_PIXELS:,} pixels")
    if orientation in ROTATED:
        width, height = height, width
    return PhotoInfo(path, width, height)


def upright(info: PhotoInfo) -> Image.Image:
    """The photo's pixels, turned upright, in RGB, with no metadata attached."""
    with Image.open(info.path) as original:
        turned = ImageOps.exif_transpose(original).convert("RGB")
    clean = Image.new("RGB", turned.size)
    clean.paste(turned)  # a fresh image carries no EXIF, ICC or XMP from the original
    return clean


def resized(image: Image.Image, width: int) -> Image.Image:
    """The image scaled to ``width`` pixels wide (never enlarged), keeping its proportions."""
    width = min(width, image.width)
    return image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
