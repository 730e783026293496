"""A composed drawing as a small, byte-deterministic SVG that follows the reader's colour scheme.

Colours are CSS classes (``f-<key>`` fill, ``s-<key>`` stroke) so one file serves both palettes:
light by default, dark under ``@media (prefers-color-scheme: dark)``. Each part's outline is
defined once in ``<defs>`` and drawn by ``<use>`` for the contour pass and the fill pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import numpy as np

from generator.figures.compose import PALETTES, TEXT_HALO, Drawing, LineOp, ShapeOp, TextOp
from generator.figures.outline import CircleHull, Ellipse2D, Shape2D

_HATCH_ID = "h1"


def _n(x: float) -> str:
    """A number with at most one decimal, no trailing zeros, never ``-0``."""
    s = f"{round(float(x), 1) + 0.0:.1f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _pt(p) -> str:
    return f"{_n(p[0])} {_n(p[1])}"


def _shape_element(shape: Shape2D, attrs: str) -> str:
    """One element drawing the exact outline: a circle, an ellipse or a path."""
    if isinstance(shape, Ellipse2D):
        cx, cy = shape.centre
        if shape.rx == shape.ry:
            return f'<circle{attrs} cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(shape.rx)}"/>'
        rot = f' transform="rotate({_n(shape.angle_deg)} {_n(cx)} {_n(cy)})"' if _n(shape.angle_deg) != "0" else ""
        return f'<ellipse{attrs} cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(shape.rx)}" ry="{_n(shape.ry)}"{rot}/>'
    if isinstance(shape, CircleHull):
        single = shape.single()
        if single is not None:
            (cx, cy), r = single
            return f'<circle{attrs} cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}"/>'
        # Outer tangent normals n± = e·sin φ ± perp·cos φ; the path runs t1+ → (arc of circle 1
        # round the far end) → t1− → t2− → (arc of circle 2 round its far end) → t2+ → close.
        # Angles increase along both arcs: SVG sweep flag 1 (y down).
        e, perp, s, c = shape.tangents()
        c1, c2 = np.array(shape.c1), np.array(shape.c2)
        n_plus, n_minus = e * s + perp * c, e * s - perp * c
        t1p, t1m = c1 + shape.r1 * n_plus, c1 + shape.r1 * n_minus
        t2p, t2m = c2 + shape.r2 * n_plus, c2 + shape.r2 * n_minus
        large1 = int(shape.r1 > shape.r2)  # circle 1's arc spans π + 2φ
        large2 = int(shape.r2 > shape.r1)
        d = (
            f"M{_pt(t1p)}A{_n(shape.r1)} {_n(shape.r1)} 0 {large1} 1 {_pt(t1m)}"
            f"L{_pt(t2m)}A{_n(shape.r2)} {_n(shape.r2)} 0 {large2} 1 {_pt(t2p)}Z"
        )
        return f'<path{attrs} d="{d}"/>'
    pts = np.asarray(shape.points)
    d = "M" + _pt(pts[0]) + "L" + " ".join(_pt(p) for p in pts[1:]) + "Z"
    return f'<path{attrs} d="{d}"/>'


def _classes(fill: str | None, stroke: str | None) -> str:
    names = [f"f-{fill}" if fill else "fn"]
    if stroke:
        names.append(f"s-{stroke}")
    return " ".join(names)


def _css(palettes: Sequence[str], fills: set[str], strokes: set[str]) -> str:
    def rules(palette: dict[str, str]) -> str:
        out = [f".f-{k}{{fill:{palette[k]}}}" for k in sorted(fills)]
        out += [f".s-{k}{{stroke:{palette[k]}}}" for k in sorted(strokes)]
        return "".join(out)

    css = ".fn{fill:none}" + rules(PALETTES[palettes[0]])
    for name in palettes[1:]:
        if name == "dark":
            css += "@media (prefers-color-scheme:dark){" + rules(PALETTES[name]) + "}"
    return css


@dataclass
class _Used:
    """The colour classes and patterns a drawing's elements use: only those get CSS rules."""

    fills: set[str] = field(default_factory=lambda: {"background"})
    strokes: set[str] = field(default_factory=set)
    hatch: bool = False


def _shape(op: ShapeOp, defs: dict[str, str], used: _Used) -> list[str]:
    """A filled shape (and its hatch); a shape drawn twice is defined once and used by reference."""
    stroke = op.stroke if op.width > 0 else None
    if op.fill:
        used.fills.add(op.fill)
    if stroke:
        used.strokes.add(stroke)
    sw = f' stroke-width="{_n(op.width)}"' if stroke else ""
    hatched = bool(op.hatch and op.fill)
    if hatched:
        used.hatch = True
        used.strokes.add("hatch")
    if not op.ref:
        out = [_shape_element(op.shape, f' class="{_classes(op.fill, stroke)}"{sw}')]
        return out + ([_shape_element(op.shape, f' fill="url(#{_HATCH_ID})"')] if hatched else [])
    if op.ref not in defs:
        defs[op.ref] = _shape_element(op.shape, f' id="{op.ref}"')
    href = f'<use href="#{op.ref}"'
    if not hatched:
        return [f'{href} class="{_classes(op.fill, stroke)}"{sw}/>']
    hatch_cls = f' class="s-{stroke}"' if stroke else ""
    return [f'{href} class="f-{op.fill}"/>', f'{href} fill="url(#{_HATCH_ID})"{hatch_cls}{sw}/>']


def _line(op: LineOp, used: _Used) -> str:
    used.strokes.add(op.stroke)
    if op.arc is not None:
        r, large, sweep = op.arc
        d = f"M{_pt(op.points[0])}A{_n(r)} {_n(r)} 0 {large} {sweep} {_pt(op.points[-1])}"
    else:
        d = "M" + _pt(op.points[0]) + "L" + " ".join(_pt(p) for p in op.points[1:])
    return f'<path class="fn s-{op.stroke}" stroke-width="{_n(op.width)}" d="{d}"/>'


def _text(op: TextOp, used: _Used) -> str:
    used.fills.add(op.fill)
    paint = f'class="f-{op.fill}"'
    if op.halo:  # a stroke painted under the letters, as the raster's stroke_width
        used.strokes.add(op.halo)
        paint = f'class="f-{op.fill} s-{op.halo}" stroke-width="{_n(2 * TEXT_HALO * op.size)}" paint-order="stroke"'
    return (
        f'<text {paint} x="{_n(op.x)}" y="{_n(op.y)}" font-size="{_n(op.size)}"'
        f' text-anchor="middle" dominant-baseline="central">{escape(op.text)}</text>'
    )


def _hatch_pattern(drawing: Drawing) -> str:
    s = drawing.hatch_spacing
    return (
        f'<pattern id="{_HATCH_ID}" width="{_n(s)}" height="{_n(s)}" patternUnits="userSpaceOnUse"'
        f' patternTransform="rotate(45)"><path class="s-hatch" stroke-width="{_n(drawing.hatch_width)}"'
        f' d="M{_n(s / 2)} -1V{_n(s + 1)}"/></pattern>'
    )


def to_svg(drawing: Drawing, title: str, desc: str, palettes: Sequence[str] = ("light", "dark")) -> str:
    """The drawing as SVG text. ``palettes``: the first is the default; ``dark`` after it adds a
    ``prefers-color-scheme: dark`` rule (pass ``("light",)`` for print cards)."""
    used = _Used()
    defs: dict[str, str] = {}
    body: list[str] = []
    for op in drawing.ops:
        if isinstance(op, ShapeOp):
            body += _shape(op, defs, used)
        elif isinstance(op, LineOp):
            body.append(_line(op, used))
        elif isinstance(op, TextOp):
            body.append(_text(op, used))
    pattern = _hatch_pattern(drawing) if used.hatch else ""
    fills, strokes = used.fills, used.strokes
    w, h = drawing.width, drawing.height
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}"'
        f' role="img" aria-labelledby="t d" stroke-linejoin="round" stroke-linecap="round"'
        f' font-family="sans-serif" font-weight="bold">'
    )
    parts = [
        head,
        f'<title id="t">{escape(title)}</title>',
        f'<desc id="d">{escape(desc)}</desc>',
        f"<style>{_css(palettes, fills, strokes)}</style>",
        "<defs>" + pattern + "".join(defs.values()) + "</defs>",
        f'<rect class="f-background" width="{w}" height="{h}"/>',
        *body,
        "</svg>",
    ]
    return "\n".join(parts) + "\n"

