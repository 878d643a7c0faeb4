"""MkDocs adapter for `serve` (run as `python -m build_dossier.mkdocs_service`; the core never
imports it): one MkDocs process kept for every rebuild, so that an editor's save does not wait
for Python, MkDocs, Material and Markdown to start again (about half a second at 1,000 sources).

It reads one request a line on standard input, JSON: the staged config, the folder to build in,
and the environment the hook reads. For each it does what `mkdocs build --strict --clean -f
CONFIG` does, says everything on standard error as that command would, then one line
`build-dossier-built <status>`. It ends when its input ends (its `serve` stopped or died).
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import json
import logging
import os
import select
import signal
import sys
import traceback
import warnings
from typing import Any

from click import ClickException
from mkdocs import config as mkdocs_config
from mkdocs import utils
from mkdocs.__main__ import ColorFormatter, _showwarning
from mkdocs.commands import build

KEPT: dict[str, Any] = {}
"""What the hook keeps in this process from one build to the next (the last cache it wrote, as
parsed objects): here, in a module imported once, whether or not MkDocs loads the hook again."""
DONE_MARK = "build-dossier-built"
"""Must equal `site_cache.SERVICE_DONE` (this module is not importable from the core)."""
ENV_PREFIX = "BUILD_DOSSIER_"
PR_SET_PDEATHSIG = 1
IDLE_S = 1.0
"""How long no request must come before the hook's idle work is done."""


def _die_with_parent() -> None:
    """Linux ends this process when `serve` is killed outright (its input would end only once
    the build under way is done)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent went before the request above took effect
        sys.exit(0)


def _logging() -> None:
    """MkDocs' command-line logging: its own logger at INFO, its format, on standard error."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    stream = logging.StreamHandler(sys.stderr)
    stream.setFormatter(ColorFormatter())
    logger.addHandler(stream)
    if not sys.warnoptions:
        warnings.simplefilter("module", DeprecationWarning)
        warnings.showwarning = _showwarning


def _environment(wanted: dict[str, str]) -> None:
    """This request's variables for the hook, and none left from the one before."""
    for name in [name for name in os.environ if name.startswith(ENV_PREFIX)]:
        del os.environ[name]
    os.environ.update(wanted)


def _kept() -> dict[str, Any]:
    """`KEPT` as the hook sees it: run as `python -m`, this module is `__main__`, and the
    hook imports it again under its own name."""
    kept: dict[str, Any] = importlib.import_module("build_dossier.mkdocs_service").KEPT
    return kept


def build_once(config_file: str) -> int:
    """`mkdocs build --strict --clean -f config_file`, or the hook's quick build when the last
    build left one that applies; its exit status. Only a build that succeeds leaves the next
    its quick build and idle work."""
    kept = _kept()
    quick = kept.pop("quick", None)
    for name in ("pending", "idle"):
        kept.pop(name, None)
    status = _build(config_file, quick)
    if status == 0 and "pending" in kept:
        kept["quick"] = kept.pop("pending")
    elif status != 0:
        kept.pop("idle", None)
    return status


def _build(config_file: str, quick: Any) -> int:
    # The command line filters repeated messages for the one build a process makes: a fresh
    # filter each build, or a warning said last time would be dropped and not fail this one.
    repeated = utils.DuplicateFilter()
    build.log.addFilter(repeated)
    try:
        if quick is None or not quick(config_file):
            gc.unfreeze()  # what the last build kept may go once this one is done
            cfg = mkdocs_config.load_config(config_file=config_file, strict=True)
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build.build(cfg, dirty=False)
            finally:
                cfg.plugins.on_shutdown()
    except ClickException as error:  # MkDocs' Abort and configuration errors, said as it says
        error.show()
        return error.exit_code
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1
    except Exception:  # a plugin's fault: said as the command line says it
        traceback.print_exc()
        return 1
    finally:
        build.log.removeFilter(repeated)
    return 0


def _next_request() -> str:
    """The next request line ("" once `serve` is gone). While none comes for `IDLE_S`, the
    hook's idle work (writing the cache of its last quick build) is done first."""
    idle = _kept().pop("idle", None)
    if idle is not None and not select.select([sys.stdin], [], [], IDLE_S)[0]:
        try:
            idle()
        except OSError as error:  # the next full build writes it instead
            print(f"build_dossier: the site cache was not written: {error}", file=sys.stderr)
    return sys.stdin.readline()


def main() -> int:
    """Build once per request line until standard input ends.

    The cycle collector runs once after each build, while `serve` moves the new files in,
    never during one: this process keeps the last cache (3 GB at 10,000 sources), and each
    of the collector's passes over it, set off by a build's many small objects, cost seconds.
    What is kept after a build is then frozen out of later collections until a full build
    replaces it.
    """
    _die_with_parent()
    _logging()
    gc.disable()
    while line := _next_request():
        request = json.loads(line)
        os.chdir(request["cwd"])
        _environment(request["env"])
        status = build_once(request["config"])
        sys.stdout.flush()
        print(f"{DONE_MARK} {status}", file=sys.stderr, flush=True)
        gc.collect()  # the build's cycles: MkDocs' pages, files and nav point at each other
        gc.freeze()  # what is kept now is not walked again by the next builds' collections
    return 0


if __name__ == "__main__":
    sys.exit(main())
