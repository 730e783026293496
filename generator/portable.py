"""`traction export`: the guide as plain Markdown, images and an mkdocs.yml that needs no plugins,
so any engine that reads mkdocs.yml (MkDocs itself, or Zensical) can build it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from .content import load_content
from .figures.store import FigureStore
from .navigation import navigation
from .problems import ContentError, Problem, shorten
from .render import theme_extra
from .site import plan_site

ASSETS_PREFIX = "assets/traction/"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, resolving `!ENV [NAME, default]` the way MkDocs does."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in names[:-1] if len(names) > 1 else names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return names[-1] if len(names) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)


def read_config(config_file: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """mkdocs.yml as data, and the traction plugin's settings in it."""
    file = str(config_file)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except UnicodeDecodeError:
        raise ContentError([Problem(file, 1, 1, "the MkDocs config is not UTF-8 text", "a UTF-8 mkdocs.yml", "other bytes")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ContentError([Problem(file, line, column, "the MkDocs config is not valid YAML", "valid YAML", str(getattr(error, "problem", "") or error))]) from None
    if not isinstance(config, dict) or not isinstance(config.get("site_name"), str) or not isinstance(config.get("plugins", []), list):
        raise ContentError([Problem(file, 1, 1, "not a MkDocs config", "a mapping with 'site_name:' and a 'plugins:' list", shorten(config))])
    if isinstance(config.get("theme"), str):  # `theme: material` is short for `theme: {name: material}`
        config["theme"] = {"name": config["theme"]}
    plugin = next((p["traction"] for p in config.get("plugins", []) if isinstance(p, dict) and "traction" in p), {}) or {}
    if not isinstance(plugin, dict) or not all(isinstance(plugin.get(k, ""), str) for k in ("content", "assets", "cache")):
        raise ContentError([Problem(file, 1, 1, "the traction plugin's settings are not valid", "content, assets and cache as folder names", shorten(plugin))])
    return config, plugin


def watched_folders(config_file: Path) -> list[Path]:
    """What a live preview watches: content, assets, theme overrides and our templates."""
    root = config_file.resolve().parent
    config, plugin = read_config(config_file)
    folders = [root / plugin.get("content", "content"), root / plugin.get("assets", "site_assets")]
    if config.get("theme", {}).get("custom_dir"):
        folders.append(root / config["theme"]["custom_dir"])
    return folders + [Path(__file__).parent / "templates"]


def export(config_file: Path, out: Path) -> list[str]:
    """Write the portable copy into ``out`` (docs/, overrides/, mkdocs.yml); returns the page sources."""
    root = config_file.resolve().parent
    config, plugin = read_config(config_file)
    content_dir = root / plugin.get("content", "content")
    assets_dir = root / plugin.get("assets", "site_assets")
    docs_in = root / config.get("docs_dir", "docs")
    content = load_content(content_dir, assets_dir, root / plugin.get("cache", ".cache/traction") / "poses")
    hand_pages = sorted(p.relative_to(docs_in).as_posix() for p in docs_in.rglob("*.md")) if docs_in.is_dir() else []
    plan = plan_site(content, config.get("site_url"), hand_pages)

    docs = out / "docs"
    shutil.rmtree(out, ignore_errors=True)
    docs.mkdir(parents=True)
    if docs_in.is_dir():
        shutil.copytree(docs_in, docs, dirs_exist_ok=True)
    for src, text in {**plan.pages, **plan.files}.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    for site_path, cached in FigureStore(root / plugin.get("cache", ".cache/traction") / "figures").add_all(content).items():
        (docs / site_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, docs / site_path)
    if assets_dir.is_dir():
        shutil.copytree(assets_dir, docs / ASSETS_PREFIX, dirs_exist_ok=True)
    theme = dict(config.get("theme", {}))
    if theme.get("custom_dir"):
        shutil.copytree(root / theme["custom_dir"], out / "overrides")
        theme["custom_dir"] = "overrides"
    portable = {
        "site_name": config["site_name"],
        "site_description": config.get("site_description", ""),
        "site_url": config.get("site_url"),
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": theme,
        "plugins": ["search"],  # nothing of ours: every page is already written out
        "nav": navigation(content, [p for p in hand_pages if p not in plan.pages]),
        "not_in_nav": config.get("not_in_nav", ""),
        "extra": {"traction": theme_extra(content)},
        "extra_css": config.get("extra_css", []),
        "extra_javascript": config.get("extra_javascript", []),
        "markdown_extensions": config.get("markdown_extensions", []),
    }
    header = "# Exported by `traction export`: plain Markdown and files, no plugins needed.\n"
    (out / "mkdocs.yml").write_text(header + yaml.safe_dump(portable, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return sorted(plan.pages)
