"""The `traction` command: check content and build the site. A thin adapter over the core."""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import dataclasses
import datetime as dt
import difflib
import errno
import fcntl
import gc
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from generator.adapters.portable import export, read_settings, watched_folders
from generator.authoring.scaffold import ScaffoldError, new_exercise, new_routine
from generator.authoring.schema import schema_files
from generator.cards.browser import BrowserMissing, find_chromium, print_cards
from generator.figures.parallel import write_atomic
from generator.figures.reader import key_path, reader_pack
from generator.figures.reader_score import report, score_folder, tally_report
from generator.figures.sheet import contact_sheet
from generator.load.content import Content, load_content, load_exercise
from generator.load.problems import ContentError
from generator.load.registry import REGISTRY_EXPORT, REGISTRY_NAME
from generator.model.urls import site_address_problem
from generator.pipeline import timings
from generator.pipeline.settings import DEFAULT_ASSETS, DEFAULT_CACHE, DEFAULT_CONTENT, Settings
from generator.pipeline.site import Counts

if TYPE_CHECKING:
    from generator.adapters.mkdocs_build import Built


def settings_for(config_file: Path, content: Path | None = None, assets: Path | None = None) -> Settings:
    """The folders mkdocs.yml's traction options declare (the defaults without a mkdocs.yml), with
    --content and --assets from the command line in their place; `traction build` passes the
    result on to the plugin, so the check and the build always read the same folders."""
    if config_file.is_file():
        settings = read_settings(config_file)[1]
    else:
        settings = Settings(Path(DEFAULT_CONTENT), Path(DEFAULT_ASSETS), Path(DEFAULT_CACHE))
    return dataclasses.replace(settings, content_dir=content or settings.content_dir, assets_dir=assets or settings.assets_dir)


def _check(settings: Settings, as_json: bool = False) -> Content | None:
    content_dir, assets_dir = settings.content_dir, settings.assets_dir
    try:
        content = load_content(content_dir, assets_dir if assets_dir.is_dir() else None, settings.pose_cache, settings.parse_cache)
    except ContentError as error:
        if as_json:
            print(json.dumps([p.as_dict() for p in error.problems], indent=2, ensure_ascii=False))
        else:
            print(error.report(), file=sys.stderr)
        return None
    if as_json:
        print(json.dumps([p.as_dict() | {"warning": True} for p in content.warnings], indent=2, ensure_ascii=False))
        return content
    for warning in content.warnings:
        print(f"warning: {warning}", file=sys.stderr)
        if shown := warning.excerpt():
            print(shown, file=sys.stderr)
    print(
        f"{content_dir}: OK: {len(content.exercises)} exercises in {len(content.guide.stages)} stages, "
        f"{len(content.routines)} routines"
    )
    return content


def _build_epoch(content: Content) -> str:
    """A fixed build date so two builds of the same content are byte-identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    reviewed = content.guide.review.last_reviewed
    return str(int(dt.datetime(reviewed.year, reviewed.month, reviewed.day, tzinfo=dt.UTC).timestamp()))


def _record_links(built: Path, committed: Path, read_at_start: bytes | None) -> None:
    """Links only grow: after a good build, the registry the build published becomes the committed
    one, written whole or not at all. Builds of the same content into different folders may run
    at once, so the file is replaced only if nobody changed it since this build read it."""
    if not built.is_file():
        return
    new = built.read_bytes()
    with _held(committed.resolve().parent.parent / ".cache" / "traction" / "links.lock", wait=True):
        now = committed.read_bytes() if committed.is_file() else None
        if now == new:
            return
        if now != read_at_start:
            print(f"{committed} changed while this build ran; build again to record its new links.", file=sys.stderr)
            return
        write_atomic(committed, new)
    print(f"New links recorded in {committed}: commit it with the content.")


class BuildLocked(Exception):
    """Another build of the same content is running."""


@contextmanager
def _few_collections() -> Iterator[None]:
    """A build keeps almost everything it loads and makes until it ends, so Python's collector
    walking those objects again and again is wasted: it runs on every 50,000 new objects instead
    of every 700, and what is loaded can be frozen out of its reach (together a sixth of a big
    build's time)."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@contextmanager
def _held(path: Path, wait: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (the kernel drops it even when the process is killed,
    so a lock is never stale); raises BuildLocked, naming the holder, if it is taken and not ``wait``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(handle, 32, 0).decode(errors="replace").strip() or "unknown"
            raise BuildLocked(f"another traction build is running (pid {holder}) into the same folder; "
                              f"wait for it to finish, then build again (lock file: {path})") from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(handle)


def _site_lock(content_dir: Path, site_dir: Path) -> Path:
    """One build at a time per output folder (builds of the same content into other folders, as
    the tests do, may run side by side)."""
    return _beside(content_dir, site_dir, "build-{}.lock")


def _spare(content_dir: Path, site_dir: Path) -> Path:
    """Where the site before last waits for the next build, which updates it in place
    (adapters/in_place.py) instead of making every file anew."""
    return _beside(content_dir, site_dir, "site-before-last-{}")


def _beside(content_dir: Path, site_dir: Path, pattern: str) -> Path:
    digest = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]
    return content_dir.resolve().parent / ".cache" / "traction" / pattern.format(digest)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # a file system (or kernel) without it: fall back to two renames
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def _recover(site_dir: Path) -> None:
    """Finish a swap a killed build left half done (two-rename fallback): the last good site is
    back in place."""
    old = site_dir.with_name(site_dir.name + ".old")
    if old.is_dir() and not site_dir.exists():
        old.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    for stale in site_dir.parent.glob(f".traction-build-{site_dir.name}.*"):
        shutil.rmtree(stale, ignore_errors=True)  # staging of a killed build (we hold the lock)


def swap_in(new: Path, site_dir: Path, keep: Path | None = None) -> None:
    """Put the freshly built ``new`` folder at ``site_dir``. At every moment ``site_dir`` holds
    the old site or the new one, whole: the folders are exchanged in one step where the system
    can; elsewhere the old one is set aside first and `_recover` restores it after a kill. The
    old site is moved to ``keep`` if given, else deleted."""
    if not site_dir.exists():
        new.rename(site_dir)
        return
    if _exchange(new, site_dir):
        _set_aside(new, keep)  # now the old site
        return
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    site_dir.rename(old)
    new.rename(site_dir)
    _set_aside(old, keep)


def _set_aside(folder: Path, keep: Path | None) -> None:
    """Move ``folder`` to ``keep`` (for the next build to update in place), else delete it."""
    if keep is not None:
        shutil.rmtree(keep, ignore_errors=True)  # normally gone: the build took it
        try:
            folder.rename(keep)
            return
        except OSError:  # another file system: deleting it is all that is left
            pass
    shutil.rmtree(folder, ignore_errors=True)


def _take(spare: Path, target: Path) -> None:
    """Start ``target`` from the spare site where there is one (see `_spare`)."""
    try:
        spare.rename(target)
    except FileNotFoundError:
        pass
    except OSError:  # another file system: of no use
        shutil.rmtree(spare, ignore_errors=True)


def _summary(counts: Counts, warnings: int, seconds: float) -> str:
    """The one line every build ends with."""
    drawn, cached = counts.figures_drawn, counts.figures_cached
    return (
        f"Built {counts.pages} pages · {counts.exercises} exercises · "
        f"{drawn + cached} figures ({drawn} drawn, {cached} cached) · {counts.cards} cards · "
        f"{warnings} warning{'' if warnings == 1 else 's'} · {seconds:.1f} s"
    )


def zip_folder(folder: Path, target: Path, epoch: int) -> None:
    """A byte-reproducible zip: entries sorted, one fixed timestamp, fixed permissions."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip cannot store dates before 1980
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


SITE_ADDRESS_HELP = """\
Every QR code, short link and printed address on the cards would point there, so none of them
would work for a patient. Set the public address when you build, for example:
    TRACTION_SITE_URL=https://clinic.example/back/ bash scripts/build.sh
(`traction build --strict` refuses to publish a site without one.)"""


def _site_address_warning(problem: str) -> str:
    bar = "!" * 78
    return f"{bar}\nWARNING: {problem}.\n{SITE_ADDRESS_HELP}\n{bar}"


@dataclasses.dataclass(frozen=True)
class BuildOptions:
    """How `traction build` builds.

    ``card_pdfs``: every card is also printed to PDF (A4 and Letter) and linked from its page.
    ``offline``: a copy that works from file:// is built first, zipped, and published with the
    site (linked from the home and About pages). ``strict``: an unset or loopback site address
    fails the build (it is always warned about loudly). ``engine``: ``mkdocs`` (the plugin, in
    this process) or ``zensical`` (the portable export, built by Zensical).
    """

    card_pdfs: bool = False
    offline: bool = False
    strict: bool = False
    engine: str = "mkdocs"


def build(config_file: Path, settings: Settings, site_dir: Path, options: BuildOptions | None = None) -> int:
    """Check, then build into a fresh folder; replace site_dir only on success."""
    options = options or BuildOptions()
    started = time.perf_counter()
    if options.engine == "zensical" and options.offline:
        print("traction build: --offline needs the MkDocs engine (Zensical has no offline plugin here)", file=sys.stderr)
        return 1
    if not settings.content_dir.is_dir():  # nothing to lock (or to create beside it): the check says what is wrong
        _check(settings)
        return 1
    try:
        with _held(_site_lock(settings.content_dir, site_dir)):
            return _build_locked(config_file, settings, site_dir, options, started)
    except BuildLocked as error:
        print(f"traction build: {error}", file=sys.stderr)
        return 1


def _build_locked(config_file: Path, settings: Settings, site_dir: Path, options: BuildOptions, started: float) -> int:
    registry = settings.content_dir / REGISTRY_NAME
    registry_at_start = registry.read_bytes() if registry.is_file() else None
    with _few_collections():
        with timings.timed("check"):
            content = _check(settings)
        if content is None:
            return 1
        gc.freeze()  # the content lives until the build ends
        return _build_checked(config_file, settings, site_dir, options, started, content, registry, registry_at_start)


def _build_checked(config_file: Path, settings: Settings, site_dir: Path, options: BuildOptions, started: float,
                   content: Content, registry: Path, registry_at_start: bytes | None) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _recover(site_dir)
    for stale in settings.content_dir.glob(f".{REGISTRY_NAME}.tmp-*"):
        stale.unlink(missing_ok=True)  # from a build killed while writing the registry
    staging = Path(tempfile.mkdtemp(prefix=f".traction-build-{site_dir.name}.", dir=site_dir.parent))
    # MkDocs updates the site before last in place (Zensical makes its folder anew)
    spare = _spare(settings.content_dir, site_dir) if options.engine == "mkdocs" else None
    if spare is not None:
        _take(spare, staging / "site")
    try:
        warnings: list[str] = []
        built = _build_into(staging, config_file, settings, _build_epoch(content), options, warnings)
        if built is None:
            print(f"Build failed; {site_dir} was left as it was.", file=sys.stderr)
            return 1
        address_problem = site_address_problem(built.site_url)
        if address_problem:
            print(_site_address_warning(address_problem), file=sys.stderr)
            if options.strict:
                print(f"Build failed (--strict); {site_dir} was left as it was.", file=sys.stderr)
                return 1
        with timings.timed("plan"):
            _record_links(staging / "site" / REGISTRY_EXPORT, registry, registry_at_start)
        summary = _summary(built.counts, len(warnings) + bool(address_problem), time.perf_counter() - started)
        with timings.timed("swap"):
            swap_in(staging / "site", site_dir, spare)
    finally:
        if spare is not None and (staging / "site").is_dir():  # a failed build's folder serves the next one
            _set_aside(staging / "site", spare)
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Site written to {site_dir}")
    print(summary)
    return 0


def _build_into(staging: Path, config_file: Path, settings: Settings, epoch: str, options: BuildOptions, warnings: list[str]) -> Built | None:
    """Build into ``staging``/site with the chosen engine (MkDocs after the offline copy, zipped,
    when ``offline``), then print the cards; None if any step failed."""
    from generator.adapters.mkdocs_build import run_mkdocs  # imports MkDocs; only a build needs it
    from generator.adapters.zensical_build import run_zensical

    card_pdfs, offline = options.card_pdfs, options.offline

    # The plugin reads exactly the folders the check read, whatever the command line said.
    plugin_options: dict[str, object] = {
        "content": str(settings.content_dir.resolve()), "assets": str(settings.assets_dir.resolve()),
        "card_pdfs": card_pdfs, "offline": False,
    }
    if offline:
        copy = staging / "offline"
        if run_mkdocs(config_file, copy, plugin_options | {"offline": True}, epoch, warnings) is None:
            return None
        zip_folder(copy, staging / "offline.zip", int(epoch))
        plugin_options["offline_zip"] = str(staging / "offline.zip")
    site = staging / "site"
    if options.engine == "zensical":
        built = run_zensical(config_file, settings, site, epoch, warnings)
    else:
        built = run_mkdocs(config_file, site, plugin_options, epoch, warnings)
    if built is not None and card_pdfs:
        try:
            print(f"Printed {len(print_cards(site, into_site=True))} card PDFs")
        except Exception as error:  # any failure to print must keep the old site
            print(f"Printing the cards failed: {error}", file=sys.stderr)
            return None
    return built


def figure_sheet(settings: Settings, sheet: Path, only: str | None = None) -> int:
    """Write a contact sheet of every figure in both palettes, for reviewing that each position
    reads clearly. With ``only`` (an exercise id, or ``exercise/figure``) just that exercise file
    is checked and drawn, so a pose can be previewed while the rest of the guide is mid-edit."""
    if sheet.suffix.lower() not in SHEET_FORMATS:
        print(f"traction figures: cannot write a contact sheet to {sheet} (expected a file name ending in "
              f"{', '.join(SHEET_FORMATS)}; found '{sheet.suffix or 'no extension'}')", file=sys.stderr)
        return 1
    content_dir = settings.content_dir
    if only is None:
        content = _check(settings)
        if content is None:
            return 1
        contact_sheet(content.exercises.values(), content.photos).save(sheet)
        print(f"Contact sheet written to {sheet}")
        return 0
    exercise_id = only.split("/", 1)[0]
    path = content_dir / "exercises" / f"{exercise_id}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in (content_dir / "exercises").glob("*.yaml"))
        close = difflib.get_close_matches(exercise_id, known, n=1)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        print(f"traction figures: no exercise '{exercise_id}' in {content_dir / 'exercises'}{hint}", file=sys.stderr)
        return 1
    try:
        exercise, warnings = load_exercise(path, settings.pose_cache)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if "/" in only and only not in {f"{exercise.id}/{f.id}" for f in exercise.all_figures()}:
        print(f"traction figures: exercise '{exercise.id}' has no figure '{only.split('/', 1)[1]}'", file=sys.stderr)
        return 1
    contact_sheet([exercise], {}, only).save(sheet)
    print(f"Contact sheet written to {sheet}")
    return 0


def reader_test(settings: Settings, folder: Path, seed: int) -> int:
    """Write a blind reader test of every pose picture (see generator.figures.reader)."""
    content = _check(settings)
    if content is None:
        return 1
    count = reader_pack(content.exercises.values(), folder, seed)
    print(f"Reader test written to {folder}: {count} pictures, names.txt and README.md; the key is {key_path(folder)}")
    return 0


def reader_score(settings: Settings, folders: list[Path]) -> int:
    """Score reader tests' answers against their keys (see generator.figures.reader_score): each
    folder's report, then, over more than one reader, every doubted picture counted over them all."""
    problems = []
    for folder in folders:
        if not key_path(folder).is_file():
            problems.append(f"no reader test key at {key_path(folder)} (expected the folder that `traction figures --reader` wrote; "
                            f"found {'no such folder' if not folder.is_dir() else 'no key beside it'})")
        elif not any(folder.glob("answers*.md")):
            problems.append(f"no answers in {folder} (expected files named answers*.md; found none)")
    if problems:
        for problem in problems:
            print(f"traction figures: {problem}", file=sys.stderr)
        return 1
    content = _check(settings)
    if content is None:
        return 1
    rounds = [score_folder(list(content.exercises.values()), folder) for folder in folders]
    many = len(folders) > 1
    for folder, scored in zip(folders, rounds, strict=True):
        print((f"# {folder}\n" if many else "") + report(scored), end="\n" if many else "")
    if sum(len(scored) for scored in rounds) > 1:
        print(("" if many else "\n") + tally_report(rounds), end="")
    return 0


def _new(settings: Settings, kind: str, new_id: str, stage: int | None) -> int:
    content_dir = settings.content_dir
    try:
        if kind == "exercise":
            path, number = new_exercise(content_dir, new_id, stage)
            print(f"Wrote {path} and listed it under stage {number} in {content_dir / 'guide.yaml'}.")
        else:
            first = load_content(content_dir, cache_dir=settings.pose_cache).exercises
            if not first:
                raise ScaffoldError(f"{content_dir} has no exercises yet: add one first with `traction new exercise ID`")
            path = new_routine(content_dir, new_id, next(iter(first)))
            print(f"Wrote {path}.")
    except (ScaffoldError, ContentError) as error:
        print(f"traction new: {error}", file=sys.stderr)
        return 1
    print("Edit it, then run `traction check`.")
    return 0


SHEET_FORMATS = (".png", ".webp", ".jpg", ".jpeg")
EXPORT_HEADER = "# Exported by `traction export`"


def _path(text: str) -> Path:
    """A path argument; argparse turns the ValueError into a usage message."""
    if not text or "\x00" in text:
        raise argparse.ArgumentTypeError(f"expected a file or folder name; found {text!r}")
    return Path(text)


def _export_target_problem(out: Path, config_file: Path) -> str | None:
    """`traction export` replaces its --out folder, so it refuses one that holds anything else."""
    out, root = out.resolve(), config_file.resolve().parent
    if out == root or out in root.parents:
        return f"{out} holds the project itself; choose a new folder for the export"
    if out.exists() and not out.is_dir():
        return f"{out} is a file; choose a new folder for the export"
    if out.is_dir() and any(out.iterdir()):
        marker = out / "mkdocs.yml"
        if not (marker.is_file() and marker.read_text(encoding="utf-8", errors="replace").startswith(EXPORT_HEADER)):
            return f"{out} already holds other files, which the export would delete; choose a new or empty folder (or a previous export)"
    return None


def _cards(site_dir: Path, out_dir: Path) -> int:
    """`traction cards --pdf OUTDIR`: every card of a built site to PDF."""
    try:
        guide = json.loads((site_dir / "api" / "guide.json").read_text(encoding="utf-8"))
        if not all(isinstance(r["id"], str) for r in guide["routines"]):
            raise TypeError("a routine without an id")
    except (OSError, ValueError, KeyError, TypeError):
        print(f"traction cards: {site_dir} is not a built guide (no readable api/guide.json); run `traction build` first", file=sys.stderr)
        return 1
    try:
        find_chromium()
        written = print_cards(site_dir, out_dir=out_dir)
    except BrowserMissing as error:
        print(f"traction cards: {error}", file=sys.stderr)
        return 1
    except OSError:
        raise  # reported by main with the file it concerns
    except Exception as error:  # the browser can fail in many ways; say so and stop
        print(f"traction cards: printing the cards failed: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of `traction` and `python -m generator`: every command ends with a message and
    an exit code (0 done, 1 problems, 2 a mistyped command line), never a traceback."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print(f"traction {args.command}: interrupted", file=sys.stderr)
        return 130
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        print(f"traction {args.command}: {error.strerror or error}{where}", file=sys.stderr)
        return 1
    except Exception as error:  # last resort: a bug must still end in a message
        print(f"traction {args.command}: internal error ({type(error).__name__}: {error}); "
              "please report it with the command you ran", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="traction", description="Build exercise guides from YAML content.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate the content and list every problem")
    check.add_argument("--format", choices=["text", "json"], default="text", help="json: the problems as a JSON list, for editors and CI")
    build_cmd = sub.add_parser("build", help="check, then build the site with mkdocs --strict")
    figures = sub.add_parser("figures", help="draw every figure: a contact sheet for review, or a blind reader test")
    output = figures.add_mutually_exclusive_group(required=True)
    output.add_argument("--sheet", type=Path, help="PNG file to write the contact sheet to")
    output.add_argument("--reader", type=Path, metavar="FOLDER",
                        help="write every pose picture without its caption, shuffled, with the names and the instructions "
                             "for a reader who has not seen the guide; the key goes beside the folder")
    output.add_argument("--score", type=Path, nargs="+", metavar="FOLDER",
                        help="score the answers*.md files in a reader test's folder against its key: each reader's totals, "
                             "then every picture not matched right and sure, with the reader's reason; given several folders "
                             "(or one with several readers), also count each doubted picture over every reader")
    figures.add_argument("--seed", type=int, default=1, help="with --reader: the order of the pictures (default: 1)")
    figures.add_argument("--only", metavar="EXERCISE[/FIGURE]", help="draw one exercise's figures, or one figure, e.g. childs-pose/childs-pose-hold")
    for command in (check, build_cmd, figures):
        command.add_argument("--assets", type=Path, help="assets folder (default: the traction plugin's `assets` in mkdocs.yml)")
    build_cmd.add_argument("--card-pdfs", action="store_true", help="also print every card to PDF (needs chromium) and link them")
    build_cmd.add_argument("--offline", action="store_true", help="also build a copy that works from file:// and publish it as a zip")
    build_cmd.add_argument("--engine", choices=["mkdocs", "zensical"], default="mkdocs",
                           help="mkdocs (default), or zensical: the plain export built by Zensical (pip install -e .[zensical])")
    build_cmd.add_argument("--strict", action="store_true", help="fail when the site's address is unset or a loopback address (for publishing)")
    new = sub.add_parser("new", help="write a starting file for a new exercise or routine")
    new.add_argument("kind", choices=["exercise", "routine"])
    new.add_argument("id", help="the new id, e.g. neck-turn")
    new.add_argument("--stage", type=int, help="for an exercise: the stage to list it under (default: the last)")
    for command in (check, build_cmd, figures, new):  # the folders mkdocs.yml declares, unless given here
        command.add_argument("--content", type=Path, help="content folder (default: the traction plugin's `content` in mkdocs.yml)")
        command.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    serve_cmd = sub.add_parser("serve", help="live preview: rebuild on every change, keep the last good site on errors")
    serve_cmd.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address to serve on (default: 127.0.0.1)")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    export_cmd = sub.add_parser("export", help="write plain Markdown, images and an mkdocs.yml that needs no plugins")
    export_cmd.add_argument("--out", type=Path, required=True, help="folder to write the portable copy to (replaced)")
    export_cmd.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    schema_cmd = sub.add_parser("schema", help="write the JSON Schemas of the content files (for editor completion)")
    schema_cmd.add_argument("--out", type=Path, default=Path("schema"), help="folder to write to (default: schema)")
    cards = sub.add_parser("cards", help="print every card of a built site to PDF (A4 and US Letter)")
    cards.add_argument("--pdf", type=Path, required=True, metavar="OUTDIR", help="folder to write the PDFs to")
    cards.add_argument("--site-dir", "-d", type=Path, default=Path("site"), help="the built site (default: site)")
    build_cmd.add_argument("--site-dir", "-d", type=Path, default=Path("site"), help="output folder (default: site)")
    for action in (a for command in sub.choices.values() for a in command._actions):
        if action.type is Path:
            action.type = _path
    return parser


def _run(args: argparse.Namespace) -> int:
    if args.command in ("check", "figures", "new", "build"):
        settings = settings_for(args.config_file, args.content, getattr(args, "assets", None))
    if args.command == "check":
        return 0 if _check(settings, args.format == "json") else 1
    if args.command == "figures":
        if args.only and args.sheet is None:
            print("traction figures: --only works with --sheet (a reader test holds every picture, "
                  "so the pictures around it give nothing away)", file=sys.stderr)
            return 1
        if args.score is not None:
            return reader_score(settings, args.score)
        if args.reader is not None:
            return reader_test(settings, args.reader, args.seed)
        return figure_sheet(settings, args.sheet, args.only)
    if args.command == "new":
        return _new(settings, args.kind, args.id, args.stage)
    if args.command == "serve":
        from generator.adapters.serve import serve  # imports MkDocs; only this command needs it in-process

        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        return serve(args.config_file, watched_folders(args.config_file), args.host, args.port)
    if args.command == "export":
        if problem := _export_target_problem(args.out, args.config_file):
            print(f"traction export: {problem}", file=sys.stderr)
            return 1
        try:
            pages = sorted(export(args.config_file, args.out).pages)
        except ContentError as error:
            print(error.report(), file=sys.stderr)
            return 1
        print(f"Exported {len(pages)} generated pages to {args.out}; build it with `mkdocs build -f {args.out / 'mkdocs.yml'}`")
        return 0
    if args.command == "schema":
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in schema_files().items():
            (args.out / name).write_text(text, encoding="utf-8")
            print(args.out / name)
        return 0
    if args.command == "cards":
        return _cards(args.site_dir, args.pdf)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice is for the mkdocs command
    code = build(args.config_file, settings, args.site_dir, BuildOptions(args.card_pdfs, args.offline, args.strict, args.engine))
    timings.write()
    return code
