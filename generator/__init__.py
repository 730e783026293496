"""Traction: turn structured exercise data into a patient guide.

The code is in layer folders (see README, "Architecture"); only ``adapters`` imports MkDocs.
"""

from generator.load.content import Content, load_content
from generator.load.problems import ContentError, Problem
from generator.render.export import guide_data, guide_json
from generator.render.pages import render_pages

__all__ = ["Content", "ContentError", "Problem", "guide_data", "guide_json", "load_content", "render_pages"]
__version__ = "0.1.0"
