"""`python -m bench --sources N [--no-site] [--renderer NAME]`: build a synthetic dossier of N
sources (its site with MkDocs, ProperDocs or Zensical) and print one JSON object of timings,
sizes and memory.

The build runs in a child process (the same command with `--measure`), so its peak memory is
its own and not the generator's. With the site, `build-dossier serve` then runs on the dossier:
one source is edited and one added, each timed from the save to the served page showing it,
and the site serve leaves is compared with a clean build's. Without it, one source is added and
the pages are generated again, to count how many files one new source rewrites.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from build_dossier.renderers import DEFAULT_RENDERER, RENDERERS

from .generate import SEED, write_dossier, write_extra_source
from .rebuild import compare_with_clean, serve_rebuilds

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
STAGES = ("load_s", "link_s", "cluster_s", "render_s", "write_s")


def step(n: int, what: str) -> None:
    """Say on stderr what the benchmark is doing, so that a long `make bench` shows where it is
    (the builds add their own progress)."""
    print(f"bench, {n} sources: {what}", file=sys.stderr, flush=True)


def measure_build(root: Path, site: bool) -> dict[str, Any]:
    """Run one build in this process; its timings, pages written and peak memory."""
    from build_dossier import build as pipeline

    result = pipeline.build(root, site=site)
    if not result.ok:
        raise SystemExit("build failed:\n" + "\n".join(result.lines[-20:]))
    timings = dict(result.timings)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"timings": timings, "written": result.written, "removed": result.removed,
            "peak_rss_mb": own, "children_peak_rss_mb": children}


def _child(root: Path, site: bool) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench", "--measure", str(root)]
    if not site:
        command.append("--no-site")
    # Its stderr is this one's: the build's progress shows while it runs.
    done = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the measured build failed:\n{done.stdout}")
    data: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return data


def _tree_bytes(folder: Path) -> int:
    """Bytes of the files under `folder`, the site cache in docs/ left out."""
    return sum(p.stat().st_size for p in folder.rglob("*")
               if p.is_file() and ".build-dossier-cache" not in p.parts)


def search_index_bytes(site_dir: Path, renderer: str = DEFAULT_RENDERER) -> int | None:
    """Bytes the browser may fetch to search: the renderer's index, or Pagefind's bundle."""
    pagefind = site_dir / "pagefind"
    if pagefind.is_dir():
        return _tree_bytes(pagefind)
    index = site_dir / RENDERERS[renderer].search_index
    return index.stat().st_size if index.is_file() else None


def run(n: int, site: bool, seed: int, out: Path,
        renderer: str = DEFAULT_RENDERER) -> dict[str, Any]:
    """Generate, build, add one source, build again: the benchmark's figures for `n` sources."""
    root = out / (f"n{n}-seed{seed}" + ("" if renderer == DEFAULT_RENDERER else f"-{renderer}"))
    start = time.perf_counter()
    # A previous run's output would turn this build into an incremental one. It is moved
    # aside, and deleted once the figures are taken: on this kind of disk, creating 12,500
    # files right after deleting as many took up to five seconds more, and that is the file
    # system tidying up, not the build.
    trash = out / f".old-{n}-{seed}-{os.getpid()}"
    for leftover in ("docs", "site"):  # docs/ holds the site's cache too
        if (root / leftover).exists():
            trash.mkdir(parents=True, exist_ok=True)
            (root / leftover).rename(trash / leftover)
    step(n, f"writing the synthetic dossier in {root}")
    world = write_dossier(root, n, seed, mkdocs_yml=REPO / "mkdocs.yml")
    if renderer != DEFAULT_RENDERER:
        with (root / "sources" / "dossier.yml").open("a", encoding="utf-8") as settings:
            settings.write(f"renderer: {renderer}\n")
    synth_s = time.perf_counter() - start
    step(n, "the full build" + (" (generation, PDF, site)" if site else " (generation)"))
    first = _child(root, site)
    t = first["timings"]
    figures: dict[str, Any] = {"sources": n, "seed": seed, "site": site,
                               "renderer": renderer if site else None}
    figures.update({key: round(t.get(key, 0.0), 3) for key in STAGES})
    figures["generate_s"] = round(sum(figures[key] for key in STAGES), 3)
    # The renderer's full build, whichever renderer it is (the key keeps its first name).
    figures["mkdocs_s"] = round(t["mkdocs_s"], 3) if site else None
    # The renderer's build after one source is added, as serve timed it (below).
    figures["renderer_rebuild_s"] = None
    figures["pdf_s"] = round(t["pdf_s"], 3) if site and "pdf_s" in t else None
    # The PDF is laid out in child processes of its own; this is the largest of them.
    figures["pdf_peak_rss_mb"] = t.get("pdf_peak_rss_mb") if site else None
    site_dir = root / "site"
    figures["site_bytes"] = _tree_bytes(site_dir) if site else None
    figures["search_index_bytes"] = search_index_bytes(site_dir, renderer) if site else None
    figures["peak_rss_mb"] = round(first["peak_rss_mb"], 1)
    figures["mkdocs_peak_rss_mb"] = round(first["children_peak_rss_mb"], 1) if site else None
    docs = root / "docs"
    figures["docs_bytes"] = _tree_bytes(docs)
    figures["quotes_page_bytes"] = (docs / "quotes.md").stat().st_size
    figures["sources_index_bytes"] = (docs / "sources" / "index.md").stat().st_size
    figures["pages"] = len(first["written"])
    # The stages' seconds (link_s leaves cluster_s out); the timings also carry memory figures.
    figures["full_build_s"] = round(sum(v for k, v in t.items() if k.endswith("_s")), 3)
    figures["synthetic_dossier_s"] = round(synth_s, 3)
    if site:
        step(n, "serve: one source edited, then one added, each timed to its page served")
        figures.update(serve_rebuilds(root, world))
        rebuilt = figures["serve_rebuilds_s"]
        figures["renderer_rebuild_s"] = rebuilt[-1][2] if rebuilt else None
        step(n, "a clean build of the same sources, to compare with what serve left")
        figures.update(compare_with_clean(root, out / f".clean-{n}-{seed}-{os.getpid()}"))
    else:
        added = write_extra_source(root, world)
        step(n, "one source added, the pages generated again")
        second = _child(root, False)
        changed = second["written"] + second["removed"]
        figures["files_written_after_one_added"] = len(changed)
        figures["rebuild_generate_s"] = round(sum(second["timings"].get(k, 0.0)
                                                  for k in STAGES), 3)
        print(f"added {added}; rewritten: {', '.join(changed)}", file=sys.stderr)
    shutil.rmtree(trash, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m bench`."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sources", type=int, default=1000, help="how many sources (1000)")
    parser.add_argument("--no-site", action="store_true", help="skip MkDocs and the PDF")
    parser.add_argument("--seed", type=int, default=SEED, help=f"generator seed ({SEED})")
    parser.add_argument("--renderer", choices=sorted(RENDERERS), default=DEFAULT_RENDERER,
                        help=f"what builds the site ({DEFAULT_RENDERER})")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="where the dossier is built (bench/out/, which git ignores)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure is not None:
        print(json.dumps(measure_build(args.measure, site=not args.no_site)))
        return 0
    os.environ.setdefault("PYTHONHASHSEED", "0")
    # Started in the background (`make bench &`), Ctrl-C comes ignored and `serve` would
    # inherit that: the benchmark stops it with Ctrl-C, as an editor would.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    figures = run(args.sources, not args.no_site, args.seed, args.out.resolve(), args.renderer)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
