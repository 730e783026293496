"""A contact sheet: every figure of the guide on one image, in both palettes, labelled, for review."""

from __future__ import annotations

from collections.abc import Iterable

from PIL import Image, ImageDraw, ImageFont

from generator.figures.photo import PhotoInfo, resized, upright
from generator.figures.picture import preview
from generator.model import Exercise

CELL = 400
LABEL = 40
BACKGROUNDS = {"light": (255, 255, 255), "dark": (30, 33, 41)}  # the page colours of Material's two schemes


def contact_sheet(exercises: Iterable[Exercise], photos: dict[str, PhotoInfo], only: str | None = None) -> Image.Image:
    """Every pose drawing (light and dark, side by side) and photo, in the order given, each
    labelled with its exercise and figure id. ``only`` keeps one exercise or ``exercise/figure``."""
    rows: list[tuple[str, list[Image.Image]]] = []
    for exercise in exercises:
        for figure in exercise.all_figures():
            name = f"{exercise.id}/{figure.id}"
            if only and only not in (exercise.id, name):
                continue
            if figure.kind == "pose":
                rows.append((name, [preview(figure, palette, 1) for palette in BACKGROUNDS]))
            elif figure.kind == "photo" and figure.src in photos:
                rows.append((name, [resized(upright(photos[figure.src]), CELL)]))
    heights = [LABEL + max(image.height for image in images) for _, images in rows]  # a square picture gets a taller row
    sheet = Image.new("RGB", (CELL * 2, max(1, sum(heights))), "white")
    canvas = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=16)
    y = 0
    for (label, images), height in zip(rows, heights, strict=True):
        for column, image in enumerate(images):
            sheet.paste(image, (column * CELL, y + LABEL))  # previews and photos are at most CELL wide
        canvas.text((8, y + 12), label, fill=(31, 41, 55), font=font)
        canvas.line([(0, y), (CELL * 2, y)], fill=(203, 213, 225))
        y += height
    return sheet
