"""Markdown skips the HTML we rendered, and the converted pages stay byte for byte the same."""

from __future__ import annotations

import markdown
import pytest
import yaml

from generator.load.content import load_content
from generator.render.pages import render_pages
from generator.render.raw_html import _is_raw_block, hold_back, put_back
from tests.conftest import REPO, edit

_CONFIG = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
# MkDocs' own extensions, then the ones mkdocs.yml adds
EXTENSIONS = ["toc", "tables", "fenced_code"] + [next(iter(e)) if isinstance(e, dict) else e for e in _CONFIG["markdown_extensions"]]
CONFIGS = {k: v for e in _CONFIG["markdown_extensions"] if isinstance(e, dict) for k, v in e.items()}


def _body(page: str) -> str:
    """The page without its front matter, as MkDocs hands it to Markdown."""
    return page.split("\n---\n", 1)[1] if page.startswith("---\n") else page


def _both_ways(page: str) -> tuple[str, str, float]:
    body = _body(page)
    plain = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(body)
    held, blocks = hold_back(body)
    fast = put_back(markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(held), blocks)
    return plain, fast, sum(map(len, blocks)) / max(len(body), 1)


@pytest.mark.parametrize("which", ["fixture", "guide"])
def test_every_page_converts_the_same_either_way(content_dir, which):
    content = load_content(content_dir if which == "fixture" else REPO / "content", REPO / "site_assets")
    pages = render_pages(content, "https://example.org/guide/", codes={})
    shares = []
    for src, page in pages.items():
        plain, fast, share = _both_ways(page)
        assert fast == plain, src
        shares.append(share)
    assert sum(shares) / len(shares) > 0.6  # most of each page never reaches Markdown's HTML parser


def test_hostile_content_converts_the_same_either_way(content_dir):
    path = content_dir / "exercises" / "childs-pose.yaml"
    edit(path, "title: Child's pose", "title: '<script>alert(1)</script> *a* <p>b</p>\\n\\n</div>'")
    pages = render_pages(load_content(content_dir))
    for src, page in pages.items():
        plain, fast, _ = _both_ways(page)
        assert fast == plain, src


@pytest.mark.parametrize(
    ("block", "raw"),
    [
        ('<p class="a">one <a href="#">two</a></p>', True),
        ("<div>\n<p>a</p>\n<ul>\n<li>b</li>\n</ul>\n</div>", True),
        ('<script type="application/json">{"a": "<p>", "b": "</div>"}</script>\n<p>after</p>', True),
        ('<img src="a.png" alt="">', False),  # an image starts a paragraph in Markdown
        ("<p>a</p>\n*emphasis*\n<p>b</p>", False),  # Markdown between elements
        ("<p>a</p> trailing text", False),
        ("<span>inline</span>", False),
        ("<section>\n<p>opened here, closed in a later block</p>", False),
        ("</section>", False),
        ("<p>a</div>", False),
    ],
)
def test_only_complete_block_elements_are_held_back(block, raw):
    assert _is_raw_block(block) is raw


def test_a_block_that_is_not_raw_reaches_markdown():
    text = "# Title\n\n<p>a</p>\n*emphasis*\n\n<p>kept</p>\n"
    held, blocks = hold_back(text)
    assert blocks == ["<p>kept</p>"]
    assert "*emphasis*" in held
    assert put_back(markdown.markdown(held), blocks) == markdown.markdown(text)
