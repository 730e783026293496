"""A contact sheet: every figure of the guide on one image, labelled, for review."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from ..content import Content
from .draw import ASPECT, draw
from .photo import resized, upright

CELL = 400
LABEL = 44
COLUMNS = 3


def contact_sheet(content: Content) -> Image.Image:
    """All pose drawings and photos, in sequence order, each labelled with exercise and figure id."""
    cells = []
    for exercise in content.exercises.values():
        for figure in exercise.figures:
            if figure.kind == "pose" and figure.pose is not None:
                cells.append((f"{exercise.title} · {figure.id}", draw(figure.pose, CELL)))
            elif figure.kind == "photo" and figure.src in content.photos:
                cells.append((f"{exercise.title} · {figure.id}", resized(upright(content.photos[figure.src]), CELL)))
    height = round(CELL * ASPECT) + LABEL
    rows = max(1, -(-len(cells) // COLUMNS))
    sheet = Image.new("RGB", (CELL * COLUMNS, height * rows), "white")
    canvas = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=16)
    for index, (label, image) in enumerate(cells):
        x, y = (index % COLUMNS) * CELL, (index // COLUMNS) * height
        sheet.paste(image.crop((0, 0, CELL, min(image.height, height - LABEL))), (x, y + LABEL))
        canvas.text((x + 8, y + 12), label, fill=(31, 41, 55), font=font)
        canvas.rectangle([x, y, x + CELL - 1, y + height - 1], outline=(203, 213, 225))
    return sheet
