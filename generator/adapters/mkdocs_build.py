"""MkDocs adapter for `traction build`: one `mkdocs build --strict` in this process, with the
traction plugin's declared options set for that build, its log passed through to stderr."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.adapters.plugin import TractionPlugin
from generator.pipeline.site import Counts

OFFLINE_PLUGIN = "material/offline"  # Material's offline plugin, switched together with ours


@dataclass(frozen=True)
class Built:
    """What a good build reports back: the plugin's counts and the site's address."""

    counts: Counts
    site_url: str | None


class _Log(logging.Handler):
    """Prints MkDocs' log the way its command line does and collects the warnings."""

    def __init__(self, warnings: list[str]) -> None:
        super().__init__(logging.INFO)
        self.warnings = warnings
        self.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")
        if record.levelno == logging.WARNING:
            self.warnings.append(record.getMessage())


@contextmanager
def _logged(warnings: list[str], epoch: str) -> Iterator[None]:
    """MkDocs' logger at INFO through our handler, and the fixed build date MkDocs reads from
    SOURCE_DATE_EPOCH, for the length of one build."""
    logger, handler = logging.getLogger("mkdocs"), _Log(warnings)
    saved = logger.level, logger.propagate, os.environ.get("SOURCE_DATE_EPOCH")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        if saved[2] is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved[2]


def run_mkdocs(config_file: Path, site_dir: Path, options: dict[str, Any], epoch: str, warnings: list[str]) -> Built | None:
    """Build ``config_file`` into ``site_dir`` with --strict, the traction plugin's ``options``
    set in place of mkdocs.yml's. None when MkDocs aborts (its log has said why)."""
    with _logged(warnings, epoch):
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            plugin = config.plugins["traction"]
            assert isinstance(plugin, TractionPlugin)
            for name, value in options.items():
                plugin.config[name] = value
            if "offline" in options and OFFLINE_PLUGIN in config.plugins:
                config.plugins[OFFLINE_PLUGIN].config["enabled"] = options["offline"]
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except Abort as error:
            print(f"\n{error.format_message()}", file=sys.stderr)
            return None
    return Built(plugin.plan.counts, config.site_url)
