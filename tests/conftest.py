"""Shared pytest options: how many examples the property-based tests (test_fuzz.py) try."""

import os

import pytest
from hypothesis import HealthCheck, settings


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-examples", type=int, default=int(os.environ.get("FUZZ_EXAMPLES", "0")),
        help="examples per property-based test, drawn at random (default: a fixed set of 60; "
             "also FUZZ_EXAMPLES)")


def pytest_configure(config: pytest.Config) -> None:
    examples = config.getoption("--fuzz-examples")
    # `make test` draws the same examples every time; a longer run draws new ones.
    settings.register_profile(
        "fuzz", max_examples=examples or 60, derandomize=not examples, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
