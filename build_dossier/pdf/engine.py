"""Typst at the edge: the PDF's parts (from `content.split`) laid out by `chronology.typ`, each
in a child process of its own, two at a time, then joined into one tagged PDF.

A part's layout holds everything it prints (Typst keeps about 200 bytes per character), so the
memory of a child is bounded by the part's size, not the dossier's. Joining (`join`) keeps the
structure tree, bookmarks and metadata of the parts, and stamps "Page X of Y" once the pages are
counted. One part (any small dossier) is compiled straight to the target, page numbers included.

Children are `python -m build_dossier.pdf.engine compile OUT EPOCH` (the part's JSON on
standard input) and `... join OUT EPOCH N:PART...`; each prints one JSON line about itself
(BUILD_DOSSIER_PDF_TRACE=1 shows them on standard error, with their times).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..progress import Reporter

PDF = "Typesetting the PDF"
JOIN = "Joining the PDF"
"""The stages `typeset` reports, counting parts (named here: the children need no tqdm)."""
TEMPLATE = "chronology.typ"
STANDARD = "ua-1"
"""PDF/UA-1: tagged, with a title, alternative text for figures and every glyph printable."""
FOOTERS = b"""#set document(title: "page numbers")
#set page(paper: "a4", margin: (top: 22mm, bottom: 20mm, left: 20mm, right: 18mm),
  footer: context {
    set text(font: "Libertinus Serif", size: 8.5pt, fill: rgb("#546e7a"))
    align(center, [Page #counter(page).display("1 of 1", both: true)])
  })
#for i in range(int(sys.inputs.pages) - 1) { pagebreak() }
"""
"""Pages that carry only their numbers, laid over the joined parts' pages."""


class PdfError(Exception):
    """The PDF could not be made; the message says why."""


@dataclass(frozen=True)
class Typeset:
    """What the typesetter made."""

    standard: str
    """`PDF/UA-1`, or `tagged` when a glyph no font has kept the stricter profile out."""
    pages: int
    parts: int
    peak_rss_mb: float
    """Peak memory of the largest child process."""
    note: str = ""
    """Why the stricter profile was not met, when it was not."""


def _child(args: list[str], data: bytes = b"") -> dict[str, Any]:
    command = [sys.executable, "-m", "build_dossier.pdf.engine", *args]
    started = time.perf_counter()
    done = subprocess.run(command, input=data, capture_output=True, check=False)
    if os.environ.get("BUILD_DOSSIER_PDF_TRACE"):
        print(f"pdf child {args[0]}: {time.perf_counter() - started:.1f} s, "
              f"{done.stdout.decode().strip()}", file=sys.stderr)
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PdfError(lines[-1] if lines else f"the typesetter stopped ({done.returncode})")
    report: dict[str, Any] = json.loads(done.stdout.decode("utf-8").splitlines()[-1])
    return report


def typeset(parts: list[bytes], target: Path, epoch: int, workers: int = 2,
            carried: list[int] | None = None, progress: Reporter | None = None) -> Typeset:
    """Write the PDF of `parts` (JSON of `content.split`'s parts, in order) to `target`;
    `carried[i]` events open part i that belong to the month before it. `progress` hears
    how many parts are laid out, then of their join."""
    def report(stage: str, done: int) -> None:
        if progress is not None:
            progress(stage, done, len(parts))

    work = target.with_name(f".{target.name}.parts")
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.mkdir(parents=True)
    except OSError as error:
        raise PdfError(f"cannot write {target}: {error}") from error
    try:
        report(PDF, 0)
        if len(parts) == 1:
            reports = [_child(["compile", str(work / "whole.pdf"), str(epoch)], parts[0])]
            report(PDF, 1)
            joined = work / "whole.pdf"
        else:
            paths = [work / f"part-{i:04d}.pdf" for i in range(len(parts))]
            reports = _compile_parts(parts, paths, epoch, workers, report)
            joined = work / "joined.pdf"
            carried = carried or [0] * len(parts)
            report(JOIN, 0)
            reports.append(_child(["join", str(joined), str(epoch),
                                   *(f"{n}:{p}" for n, p in zip(carried, paths, strict=True))]))
            report(JOIN, len(parts))
        try:
            os.replace(joined, target)
        except OSError as error:
            raise PdfError(f"cannot write {target}: {error}") from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    notes = [r["note"] for r in reports if r.get("note")]
    return Typeset("tagged" if notes else "PDF/UA-1", reports[-1]["pages"], len(parts),
                   max(r["peak_rss_mb"] for r in reports), notes[0] if notes else "")


def _compile_parts(parts: list[bytes], paths: list[Path], epoch: int, workers: int,
                   report: Callable[[str, int], None]) -> list[dict[str, Any]]:
    """Lay out each part into its path, `workers` at a time; their reports, in order."""
    with ThreadPoolExecutor(max(1, workers)) as pool:
        running = [pool.submit(_child, ["compile", str(path), str(epoch)], part)
                   for part, path in zip(parts, paths, strict=True)]
        for done, _ in enumerate(as_completed(running), start=1):
            report(PDF, done)
    # In the parts' order: of two failed parts, the first one's error, whichever ended first.
    return [future.result() for future in running]


# In the child ---------------------------------------------------------------------------------


def _typst() -> Any:
    try:
        import typst
    except ImportError as error:
        raise PdfError(f"Typst cannot be loaded ({error}); run 'make setup', which installs "
                       "it, or build with --no-pdf") from error
    return typst


def compile_part(data: str, output: Path, epoch: int) -> str:
    """Lay out one part (its JSON) with the template; a note when PDF/UA-1 was not met."""
    typst = _typst()
    template = (resources.files("build_dossier.pdf") / TEMPLATE).read_bytes()
    inputs = {"data": data}
    stamp = dt.datetime.fromtimestamp(epoch, dt.UTC)
    try:
        typst.compile(template, output=str(output), sys_inputs=inputs,
                      pdf_standards=[STANDARD], timestamp=stamp)
        return ""
    except typst.TypstError as error:
        if "PDF/UA" not in error.message:
            raise PdfError(f"Typst: {error.message}") from error
        note = str(error.message)
    # PDF/UA refuses a glyph that no font can show (a rare script, say); the PDF is still
    # tagged, only without the profile's promise.
    try:
        typst.compile(template, output=str(output), sys_inputs=inputs, timestamp=stamp)
    except typst.TypstError as error:
        raise PdfError(f"Typst: {error.message}") from error
    return note


def join(paths: list[Path], output: Path, epoch: int, carried: list[int]) -> None:
    """One PDF of the parts' pages, with their structure trees, bookmarks and page numbers;
    the first `carried[i]` bookmarks of part i go under the last month of the part before."""
    import pikepdf

    out = pikepdf.new()
    document = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem,
                                                    S=pikepdf.Name.Document))
    kids, nums, roles = pikepdf.Array(), pikepdf.Array(), pikepdf.Dictionary()
    bookmarks: list[Any] = []
    next_key = 0
    first = None
    for path, carried_on in zip(paths, carried, strict=True):
        part = pikepdf.open(path)
        first = first or part
        start = len(out.pages)
        out.pages.extend(part.pages)
        tree = part.Root.StructTreeRoot
        # One copy per part, not one per element: each copy walks what it refers to.
        entries = _number_tree(tree.ParentTree)
        copied = _copy(out, part, pikepdf.Array([_elements(tree),
                                                 [value for _, value in entries]]))
        for kid in copied[0]:
            if isinstance(kid, pikepdf.Dictionary):
                kid.P = document
            kids.append(kid)
        for (key, _), value in zip(entries, copied[1], strict=True):
            nums.append(key + next_key)
            nums.append(value)
        for page in out.pages[start:]:
            _shift(page.obj, "/StructParents", next_key)
            for annotation in page.obj.get("/Annots", pikepdf.Array()):
                _shift(annotation, "/StructParent", next_key)
        next_key += int(tree.ParentTreeNextKey)
        for name, value in tree.get("/RoleMap", pikepdf.Dictionary()).items():
            roles[name] = value
        if "/Outlines" in part.Root and "/First" in part.Root.Outlines:
            item = _copy(out, part, part.Root.Outlines.First)
            top: list[Any] = []
            while item is not None:
                top.append(item)
                item = item.get("/Next")
            if carried_on and bookmarks:
                _append_children(bookmarks[-1], top[:carried_on])
                top = top[carried_on:]
            bookmarks.extend(top)
    assert first is not None
    document.K = kids
    out.Root.StructTreeRoot = out.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructTreeRoot, K=document, RoleMap=roles,
        ParentTree=out.make_indirect(pikepdf.Dictionary(Nums=nums)),
        ParentTreeNextKey=next_key))
    document.P = out.Root.StructTreeRoot
    _link_bookmarks(out, bookmarks)
    for entry in ("/MarkInfo", "/Lang", "/ViewerPreferences", "/Metadata"):
        if entry in first.Root:
            out.Root[entry] = _copy(out, first, first.Root[entry])
    out.docinfo = _copy(out, first, first.docinfo)
    _number_pages(out, epoch)
    out.save(output, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _copy(out: Any, part: Any, obj: Any) -> Any:
    """`obj` of `part` in `out`; the objects it refers to are copied once per part, so the
    pages already copied are the ones it points to."""
    import pikepdf

    if not isinstance(obj, pikepdf.Object):
        return obj  # a number, a boolean
    if not obj.is_indirect:
        if isinstance(obj, (pikepdf.Name, pikepdf.String)):
            return obj
        obj = part.make_indirect(obj)
    return out.copy_foreign(obj)


def _elements(tree: Any) -> list[Any]:
    """The top structure elements of a part, inside its Document element."""
    out = []
    for element in _items(tree.get("/K")):
        if element.get("/S") == "/Document":
            out.extend(_items(element.get("/K")))
        else:
            out.append(element)
    return out


def _items(value: Any) -> list[Any]:
    import pikepdf

    if value is None:
        return []
    return list(value) if isinstance(value, pikepdf.Array) else [value]


def _number_tree(node: Any) -> list[tuple[int, Any]]:
    """The (key, value) pairs of a PDF number tree, in order."""
    out: list[tuple[int, Any]] = []
    nums = node.get("/Nums")
    if nums is not None:
        out.extend((int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2))
    for kid in _items(node.get("/Kids")):
        out.extend(_number_tree(kid))
    return out


def _shift(obj: Any, key: str, by: int) -> None:
    if key in obj:
        obj[key] = int(obj[key]) + by


def _append_children(parent: Any, items: list[Any]) -> None:
    """Add `items` after `parent`'s own children (closed, as Typst leaves a month)."""
    children = []
    item = parent.get("/First")
    while item is not None:
        children.append(item)
        item = item.get("/Next")
    _chain(parent, children + items)
    parent.Count = -len(children + items)


def _chain(parent: Any, items: list[Any]) -> None:
    for i, item in enumerate(items):
        item.Parent = parent
        if i:
            item.Prev = items[i - 1]
        elif "/Prev" in item:
            del item.Prev
        if i + 1 < len(items):
            item.Next = items[i + 1]
        elif "/Next" in item:
            del item.Next
    parent.First, parent.Last = items[0], items[-1]


def _link_bookmarks(out: Any, items: list[Any]) -> None:
    """The parts' top-level bookmarks, in order, under one outline."""
    import pikepdf

    if not items:
        return
    outline = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines))
    _chain(outline, items)
    outline.Count = sum(1 + max(int(item.get("/Count", 0)), 0) for item in items)
    out.Root.Outlines = outline


def _number_pages(out: Any, epoch: int) -> None:
    """Stamp `Page X of Y` on every page, from a Typst document of numbered empty pages (its
    footer is an artifact, as the parts' own headers are)."""
    import pikepdf

    typst = _typst()
    stamp = dt.datetime.fromtimestamp(epoch, dt.UTC)
    numbers = pikepdf.open(io.BytesIO(typst.compile(
        FOOTERS, sys_inputs={"pages": str(len(out.pages))}, timestamp=stamp)))
    before, after = pikepdf.Stream(out, b"q\n"), pikepdf.Stream(out, b"Q\nq /PageNumber Do Q\n")
    for page, numbered in zip(out.pages, numbers.pages, strict=True):
        # pikepdf's own overlay names the form at random; a fixed name keeps the bytes the same
        form = out.copy_foreign(numbered.as_form_xobject())
        page.add_resource(form, pikepdf.Name.XObject, pikepdf.Name("/PageNumber"))
        page.contents_add(before, prepend=True)
        page.contents_add(after)


def _count_pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def peak_rss_mb() -> float:
    """This process's peak memory. Linux keeps `ru_maxrss` across exec, so a child started
    from a large build would report the build's; the kernel's high-water mark is its own."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    """The child's entry point: `compile OUT EPOCH` or `join OUT EPOCH PART...`."""
    command, output, epoch = argv[0], Path(argv[1]), int(argv[2])
    note: str = ""
    try:
        if command == "compile":
            note = compile_part(sys.stdin.buffer.read().decode("utf-8"), output, epoch)
        else:
            pairs = [arg.split(":", 1) for arg in argv[3:]]
            join([Path(p) for _, p in pairs], output, epoch, [int(n) for n, _ in pairs])
        pages = _count_pages(output)
    except PdfError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"cannot write {output}: {error}", file=sys.stderr)
        return 1
    print(json.dumps({"peak_rss_mb": round(peak_rss_mb(), 1), "note": note, "pages": pages}))
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    # The joined document is hundreds of thousands of objects: freeing them one by one took
    # over a second at 10,000 sources, and the system frees the process's memory at once.
    os._exit(code)
