"""One drawn figure to its outputs: the SVG master, page rasters in both palettes, the card SVG."""

from __future__ import annotations

from PIL import Image

from generator.figures.compose import CARD, PAGE, compose
from generator.figures.raster import to_image
from generator.figures.scene import camera_for, card_frame, frames
from generator.figures.solve import Solved
from generator.figures.svg import to_svg
from generator.model import Figure
from generator.model.pose import PoseDrawing

WEB_WIDTH = 400  # CSS pixels; the 2× files are twice as wide
ASPECTS = {"wide": 5 / 8, "square": 1.0}  # height / width of a page picture, by its drawing's shape
CARD_SIZE = (360, 200)  # px of the card picture's viewBox (9:5), printed 30–36 mm wide
PRINT_WIDTH = 1200


def draw_outputs(figure: Figure, solved: list[Solved] | None = None) -> dict[str, Image.Image | str]:
    """Every output of a pose figure, keyed like ``urls.FIGURE_FILES``. ``solved`` gives the
    frames' solutions when they are known already (else each frame is solved)."""
    assert figure.pose is not None
    drawing = figure.pose
    camera = camera_for(drawing)
    width, height = page_size(drawing)
    page = compose(frames(drawing, solved), camera, width, height, PAGE)
    card = compose(card_frame(drawing, solved), camera, *CARD_SIZE, CARD)
    outputs: dict[str, Image.Image | str] = {
        "svg": to_svg(page, figure.caption, figure.alt),
        "card": to_svg(card, figure.caption, figure.card_text, palettes=("light",)),
    }
    for palette, prefix in (("light", ""), ("dark", "dark-")):
        for scale in (1, 2):
            outputs[f"{prefix}{scale}x"] = to_image(page, palette, width * scale, height * scale, _supersample(width * scale))
    outputs["print"] = to_image(page, "light", PRINT_WIDTH, round(PRINT_WIDTH * height / width), _supersample(PRINT_WIDTH))
    return outputs


def page_size(drawing: PoseDrawing) -> tuple[int, int]:
    """Width and height (CSS pixels at 1×) of a drawing's page picture."""
    return WEB_WIDTH, round(WEB_WIDTH * ASPECTS[drawing.shape])


def _supersample(width: int) -> int:
    """Pillow draws without anti-aliasing: draw large and reduce, 4× for small images, less for
    large ones (their edges are already fine, and the time grows with the square)."""
    return max(2, -(-1600 // width))


def preview(figure: Figure, palette: str = "light", scale: int = 2) -> Image.Image:
    """The page picture of one figure, for authors checking a pose while they write it."""
    assert figure.pose is not None
    width, height = page_size(figure.pose)
    page = compose(frames(figure.pose), camera_for(figure.pose), width, height, PAGE)
    return to_image(page, palette, width * scale, height * scale)
