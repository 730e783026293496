"""`traction export`: the guide as plain Markdown, images and an mkdocs.yml that needs no plugins,
so any engine that reads mkdocs.yml (MkDocs itself, or Zensical) can build it."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.load.problems import ContentError, Problem, shorten
from generator.pipeline.settings import DEFAULT_ASSETS, DEFAULT_CACHE, DEFAULT_CONTENT, Settings
from generator.pipeline.site import SitePlan, build_site


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, resolving `!ENV [NAME, default]` the way MkDocs does."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    elif isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    else:
        return None
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
        found = str(getattr(error, "problem", "") or error)
        raise ContentError([Problem(file, line, column, "the MkDocs config is not valid YAML", "valid YAML", found)]) from None
    if not isinstance(config, dict) or not isinstance(config.get("site_name"), str) or not isinstance(config.get("plugins", []), list):
        raise ContentError([Problem(file, 1, 1, "not a MkDocs config", "a mapping with 'site_name:' and a 'plugins:' list", shorten(config))])
    if isinstance(config.get("theme"), str):  # `theme: material` is short for `theme: {name: material}`
        config["theme"] = {"name": config["theme"]}
    plugin: Any = next((p["traction"] for p in config.get("plugins", []) if isinstance(p, dict) and "traction" in p), {}) or {}
    if not isinstance(plugin, dict) or not all(isinstance(plugin.get(k, ""), str) for k in ("content", "assets", "cache")):
        raise ContentError([Problem(file, 1, 1, "the traction plugin's settings are not valid", "content, assets and cache as folder names", shorten(plugin))])
    return config, plugin


def read_settings(config_file: Path) -> tuple[dict[str, Any], Settings]:
    """mkdocs.yml as data, and the build settings its traction plugin options declare. Folders
    are joined to mkdocs.yml's folder as given, so they stay relative when ``config_file`` is."""
    root = config_file.parent
    config, plugin = read_config(config_file)
    settings = Settings(
        content_dir=root / plugin.get("content", DEFAULT_CONTENT),
        assets_dir=root / plugin.get("assets", DEFAULT_ASSETS),
        cache_dir=root / plugin.get("cache", DEFAULT_CACHE),
        site_url=config.get("site_url"),
        docs_dir=root / config.get("docs_dir", "docs"),
    )
    return config, settings


def watched_folders(config_file: Path) -> list[Path]:
    """What a live preview watches: content, assets, theme overrides and our templates."""
    config, settings = read_settings(config_file)
    folders = [settings.content_dir, settings.assets_dir]
    if config.get("theme", {}).get("custom_dir"):
        folders.append(config_file.resolve().parent / config["theme"]["custom_dir"])
    return folders + [Path(__file__).parents[1] / "render" / "templates"]


def export(config_file: Path, out: Path, settings: Settings | None = None) -> SitePlan:
    """Write the portable copy into ``out`` (docs/, overrides/, mkdocs.yml); returns the plan it
    wrote. ``settings`` replace the ones mkdocs.yml declares (as `traction build --content` does)."""
    config, declared = read_settings(config_file)
    # An engine that runs no plugins gets no sw.js (only our plugin writes it after a build), so
    # no page may register one; the manifest stays.
    settings = dataclasses.replace(settings or declared, service_worker=False)
    plan = build_site(settings)
    docs = out / "docs"
    shutil.rmtree(out, ignore_errors=True)
    docs.mkdir(parents=True)
    if settings.docs_dir is not None and settings.docs_dir.is_dir():
        shutil.copytree(settings.docs_dir, docs, dirs_exist_ok=True)
    for src, text in {**plan.pages, **plan.files}.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    for site_path, source in {**plan.figures, **plan.static}.items():
        (docs / site_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, docs / site_path)
    theme = dict(config.get("theme", {}))
    if theme.get("custom_dir"):
        shutil.copytree(config_file.resolve().parent / theme["custom_dir"], out / "overrides")
        theme["custom_dir"] = "overrides"
    header = "# Exported by `traction export`: plain Markdown and files, no plugins needed.\n"
    text = yaml.safe_dump(_portable_config(config, theme, plan), sort_keys=False, allow_unicode=True)
    (out / "mkdocs.yml").write_text(header + text, encoding="utf-8")
    return plan


def _portable_config(config: dict[str, Any], theme: dict[str, Any], plan: SitePlan) -> dict[str, Any]:
    """The exported mkdocs.yml: the original's settings, the planned navigation, no plugins of ours."""
    return {
        "site_name": config["site_name"],
        "site_description": config.get("site_description", ""),
        "site_url": config.get("site_url"),
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": theme,
        "plugins": ["search"],  # nothing of ours: every page is already written out
        "nav": plan.nav,
        "not_in_nav": config.get("not_in_nav", ""),
        "extra": {"traction": plan.theme_extra},
        "extra_css": config.get("extra_css", []),
        "extra_javascript": config.get("extra_javascript", []),
        "markdown_extensions": config.get("markdown_extensions", []),
    }

