"""Shared pytest set-up: the `new_dossier` fixture, an honest `slow` mark, and how many examples
the property-based tests (test_fuzz.py) try."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from dossiers import Content, make_dossier
from hypothesis import HealthCheck, settings

SLOW_GUARD = Path(__file__).resolve().parent / "slow_guard"
"""A stand-in `mkdocs` module that fails any site build in a test not marked `slow`."""
_PYTHONPATH = os.environ.get("PYTHONPATH")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-examples", type=int, default=int(os.environ.get("FUZZ_EXAMPLES", "0")),
        help="examples per property-based test, drawn at random (default: a fixed set of 60; "
             "also FUZZ_EXAMPLES)")


def pytest_configure(config: pytest.Config) -> None:
    # A suite started in the background without job control (`make test &` in a script)
    # inherits Ctrl-C ignored, and so would every build and server it starts: the tests that
    # press Ctrl-C stand for an editor at a terminal, whose commands take it.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    examples = config.getoption("--fuzz-examples")
    # `make test` draws the same examples every time; a longer run draws new ones.
    settings.register_profile(
        "fuzz", max_examples=examples or 60, derandomize=not examples, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    unmarked = [item.nodeid for item in items
                if item.get_closest_marker("browser") and not item.get_closest_marker("slow")]
    if unmarked:
        raise pytest.UsageError("browser tests must also be marked slow: " + ", ".join(unmarked))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before a test and the fixtures it sets up: MkDocs runs in its child processes only when
    the test is marked `slow`, so that `-m "not slow"` never builds a site unawares."""
    if item.get_closest_marker("slow"):
        paths = [_PYTHONPATH] if _PYTHONPATH else []
    else:
        paths = [str(SLOW_GUARD), *([_PYTHONPATH] if _PYTHONPATH else [])]
    if paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    else:
        os.environ.pop("PYTHONPATH", None)


@pytest.fixture
def new_dossier(tmp_path: Path) -> Callable[..., Path]:
    """Lay out a dossier under tmp_path and return its root (see `dossiers.make_dossier`):
    `new_dossier("small")`, `new_dossier("seeds", {"a.md": text}, at="other")`,
    `new_dossier(sources={**REGISTRIES, "a.md": text}, site_files=False)`."""

    def new(base: str | Path | None = None, sources: Mapping[str, Content] | None = None, *,
            site_files: bool = True, docs: Mapping[str, Content] | None = None,
            at: str = "dossier") -> Path:
        return make_dossier(tmp_path / at, base, sources, site_files=site_files, docs=docs)

    return new
