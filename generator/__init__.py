"""Traction: turn structured exercise data into a patient guide.

The core (everything but ``plugin`` and ``cli``) imports no MkDocs.
"""

from .content import Content, load_content
from .export import guide_data, guide_json
from .problems import ContentError, Problem
from .render import render_pages

__all__ = ["Content", "ContentError", "Problem", "guide_data", "guide_json", "load_content", "render_pages"]
__version__ = "0.1.0"
