"""The SVG master: valid, byte-deterministic, small, escaped, exact outlines."""

from __future__ import annotations

import gzip
import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from generator.figures.camera import Camera
from generator.figures.compose import PAGE, Drawing, ShapeOp, TextOp, compose
from generator.figures.outline import CircleHull, Ellipse2D, Polygon2D, contains, polygon
from generator.figures.svg import to_svg
from tests.unit.figures.test_compose import drawing_of, sample_frames

NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def drawing() -> Drawing:
    return drawing_of("three-quarter")


def test_valid_xml_with_viewbox_title_and_desc(drawing):
    root = ET.fromstring(to_svg(drawing, "Forward bend", "Three steps."))
    assert root.tag == f"{NS}svg"
    assert root.get("viewBox") == "0 0 900 420"
    assert root.find(f"{NS}title").text == "Forward bend"
    assert root.find(f"{NS}desc").text == "Three steps."


def test_title_and_desc_are_escaped(drawing):
    title = 'Bend <script>alert("x")</script> & "rest"'
    desc = "a < b > c & d"
    root = ET.fromstring(to_svg(drawing, title, desc))
    assert root.find(f"{NS}title").text == title
    assert root.find(f"{NS}desc").text == desc
    assert not list(root.iter(f"{NS}script"))


def test_bytes_are_deterministic(drawing):
    again = compose(sample_frames(), Camera.named("three-quarter"), 900, 420, PAGE)
    assert to_svg(drawing, "t", "d").encode() == to_svg(again, "t", "d").encode()
    assert to_svg(drawing, "t", "d") == to_svg(drawing, "t", "d")


@pytest.mark.parametrize("view", ["side-left", "three-quarter", "front", "top"])
def test_gzip_size_budget(view):
    svg = to_svg(drawing_of(view), "title", "desc")
    assert len(gzip.compress(svg.encode(), 9, mtime=0)) <= 8 * 1024


def test_shapes_are_defined_once_and_used_for_both_passes(drawing):
    svg = to_svg(drawing, "t", "d")
    root = ET.fromstring(svg)
    ids = [el.get("id") for el in root.find(f"{NS}defs")]
    assert len(ids) == len(set(ids))
    uses = re.findall(r'<use href="#(f\d+p\d+)"', svg)
    # Every body and prop part: a contour and a fill; accents once more for the hatch.
    counts = {ref: uses.count(ref) for ref in set(uses)}
    assert set(counts.values()) <= {1, 2, 3} and 2 in counts.values() and 3 in counts.values()
    assert '<pattern id="h1"' in svg and 'fill="url(#h1)"' in svg


def test_palettes_follow_the_colour_scheme(drawing):
    both = to_svg(drawing, "t", "d")
    light = to_svg(drawing, "t", "d", palettes=("light",))
    assert "@media (prefers-color-scheme:dark)" in both and "#1e2129" in both
    assert "prefers-color-scheme" not in light and "#1e2129" not in light
    assert ".f-body{fill:#f3f1ee}" in light


def test_card_style_is_heavier():
    card = to_svg(drawing_of("side-left", card=True), "t", "d", ("light",))
    page = to_svg(drawing_of("side-left"), "t", "d", ("light",))
    widths = lambda s: max(float(w) for w in re.findall(r'stroke-width="([\d.]+)"', s))  # noqa: E731
    assert widths(card) > widths(page)


def _arc_centre(x1, y1, x2, y2, r, large, sweep):
    """SVG endpoint → centre parameterisation (SVG 1.1 F.6.5), rx = ry, no rotation."""
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    k = max(0.0, (r * r - dx * dx - dy * dy) / (dx * dx + dy * dy))
    sign = -1 if large == sweep else 1
    cx_, cy_ = sign * math.sqrt(k) * dy, -sign * math.sqrt(k) * dx
    return cx_ + (x1 + x2) / 2, cy_ + (y1 + y2) / 2


def _arc_midpoint(x1, y1, x2, y2, r, large, sweep):
    cx, cy = _arc_centre(x1, y1, x2, y2, r, large, sweep)
    a1, a2 = math.atan2(y1 - cy, x1 - cx), math.atan2(y2 - cy, x2 - cx)
    delta = (a2 - a1) % (2 * math.pi) if sweep else -((a1 - a2) % (2 * math.pi))
    mid = a1 + delta / 2
    return cx + r * math.cos(mid), cy + r * math.sin(mid)


@pytest.mark.parametrize(
    "hull",
    [
        CircleHull((100.0, 100.0), 30.0, (220.0, 160.0), 12.0),
        CircleHull((100.0, 100.0), 10.0, (60.0, 240.0), 25.0),
        CircleHull((50.0, 50.0), 20.0, (50.0, 150.0), 20.0),
    ],
    ids=["shrinking", "growing", "even"],
)
def test_circle_hull_path_is_two_lines_and_two_exact_arcs(hull):
    svg = to_svg(Drawing(300, 300, [ShapeOp(hull, "body", "outline", 2.0, ref="a")]), "t", "d")
    d = re.search(r'<path id="a" d="([^"]+)"', svg).group(1)
    assert d.count("A") == 2 and d.count("L") == 1 and d.endswith("Z")
    nums = [float(v) for v in re.findall(r"-?[\d.]+", d)]
    start = nums[0:2]
    r1, _, _, large1, sweep1, *end1 = nums[2:9]
    line_to = nums[9:11]
    r2, _, _, large2, sweep2, *end2 = nums[11:18]
    # Each arc has its circle's centre and bulges away from the other circle.
    for (p, q, r, large, sweep, centre, other) in (
        (start, end1, r1, large1, sweep1, hull.c1, hull.c2),
        (line_to, end2, r2, large2, sweep2, hull.c2, hull.c1),
    ):
        cx, cy = _arc_centre(*p, *q, r, int(large), int(sweep))
        assert math.dist((cx, cy), centre) < 0.5  # end points are rounded to 0.1 px
        mid = _arc_midpoint(*p, *q, r, int(large), int(sweep))
        assert math.dist(mid, other) > math.dist(centre, other)
    # The path's points all lie on the exact outline.
    pts = np.array([start, end1, line_to, end2])
    fine = Polygon2D(polygon(hull, 0.01))
    assert contains(Polygon2D(polygon(CircleHull(hull.c1, hull.r1 + 0.2, hull.c2, hull.r2 + 0.2), 0.01)), pts).all()
    assert not contains(Polygon2D(polygon(CircleHull(hull.c1, hull.r1 - 0.2, hull.c2, hull.r2 - 0.2), 0.01)), pts).any()
    assert fine.points.shape[0] > 10


def test_a_text_halo_is_a_stroke_painted_under_the_letters():
    plain = Drawing(100, 100, [TextOp(50, 50, "1", 14, "label_text")])
    haloed = Drawing(100, 100, [TextOp(50, 50, "30°", 14, "arrow", halo="arrow_halo")])
    [t1] = ET.fromstring(to_svg(plain, "t", "d")).iter(f"{NS}text")
    [t2] = ET.fromstring(to_svg(haloed, "t", "d")).iter(f"{NS}text")
    assert t1.get("class") == "f-label_text" and t1.get("stroke-width") is None
    assert t2.get("class") == "f-arrow s-arrow_halo" and t2.get("paint-order") == "stroke" and t2.text == "30°"
    assert float(t2.get("stroke-width")) == pytest.approx(2 * 0.15 * 14)


def test_ellipse_and_polygon_elements():
    ops = [
        ShapeOp(Ellipse2D((50.0, 60.0), 20.0, 10.0, 30.0), "body", "outline", 1.5, ref="e"),
        ShapeOp(Polygon2D(np.array([[0.0, 0], [10, 0], [10, 5.5]])), "prop", None, 0.0),
    ]
    svg = to_svg(Drawing(100, 100, ops), "t", "d")
    assert '<ellipse id="e" cx="50" cy="60" rx="20" ry="10" transform="rotate(30 50 60)"/>' in svg
    assert 'd="M0 0L10 0 10 5.5Z"' in svg
