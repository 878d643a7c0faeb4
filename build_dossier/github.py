"""Problems as GitHub workflow commands (`::error file=…,line=…::…`), so that `build-dossier
check --format github` on a pull request shows each one on the line of the diff it is about.
"""

from __future__ import annotations

from .model import Problem

TOOL = "build-dossier"


def escape_data(text: str) -> str:
    """A command's message as the runner reads it back: `%`, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: also `:` and `,`, which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """One problem as an `::error` or `::warning` annotation on its file and line."""
    command = "error" if problem.severity == "error" else "warning"
    properties = [f"file={escape_property(problem.path)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    title = f"{TOOL}: {problem.field}" if problem.field else TOOL
    properties.append(f"title={escape_property(title)}")
    return f"::{command} {','.join(properties)}::{escape_data(problem.message)}"
