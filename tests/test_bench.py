"""The benchmark's synthetic dossiers: reproducible, valid, and shaped like the real one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from dossiers import dossier_of

from bench.__main__ import run
from bench.generate import write_dossier, write_extra_source
from build_dossier import build as pipeline
from build_dossier.link import link

N = 30


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "sources").iterdir())}


def write_in_another_process(root: Path, seed: int, hash_seed: str) -> None:
    """`write_dossier` in a process of its own: in one process, anything that hangs on the hash
    seed or on state left by an earlier call would come out the same twice."""
    subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from bench.generate import write_dossier; "
         "write_dossier(Path(sys.argv[1]), int(sys.argv[2]), seed=int(sys.argv[3]))",
         str(root), str(N), str(seed)],
        check=True, env={**os.environ, "PYTHONHASHSEED": hash_seed})


def test_same_seed_same_bytes_other_seed_other_dossier(tmp_path: Path) -> None:
    write_dossier(tmp_path / "a", N, seed=7)
    write_in_another_process(tmp_path / "b", 7, hash_seed="12345")
    write_dossier(tmp_path / "c", N, seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert len([name for name in _files(tmp_path / "a") if name.endswith(".md")]) == N
    # Written again over another seed's dossier, edited and with an extra file: the same.
    first = next((tmp_path / "c" / "sources").glob("*.md"))
    first.write_text("edited", encoding="utf-8")
    (tmp_path / "c" / "sources" / "extra.md").write_text("extra", encoding="utf-8")
    write_dossier(tmp_path / "c", N, seed=7)
    assert _files(tmp_path / "c") == _files(tmp_path / "a")


def test_generated_dossier_passes_check(tmp_path: Path) -> None:
    write_dossier(tmp_path, N)
    problems = pipeline.check(tmp_path)
    assert [p.format() for p in problems if p.severity == "error"] == []


def test_quotes_recur_across_sources_with_variant_wordings(tmp_path: Path) -> None:
    write_dossier(tmp_path, N)
    dossier = dossier_of(tmp_path)
    words = [s.word_count for s in dossier.sources.values()]
    assert 450 <= sum(words) / len(words) <= 750
    shared = [c for c in dossier.clusters if len(c.source_ids) > 1]
    varied = [c for c in shared if len(c.variants) > 1]
    assert len(shared) >= 5
    assert len(varied) >= 2
    reported = [ids for ids in dossier.reported_by.values() if len(ids) > 1]
    assert reported, "events should be reported by several sources"


def test_one_more_source_rewrites_few_pages(tmp_path: Path) -> None:
    world = write_dossier(tmp_path, N)
    first = pipeline.build(tmp_path, site=False)
    assert first.ok
    added = write_extra_source(tmp_path, world)
    result = pipeline.build(tmp_path, site=False)
    assert result.ok
    new_page = "sources/" + Path(added).name
    assert new_page in result.written
    # Not every page: the new source's own page, the indexes, and its events, people and peers.
    assert len(result.written) < len(first.written) / 2
    assert result.removed == []


def test_benchmark_reports_every_figure(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    figures = run(12, site=False, seed=1, out=tmp_path)
    # What a long `make bench` says it is doing, step by step, besides the builds' progress.
    steps = [line for line in capsys.readouterr().err.splitlines() if line.startswith("bench")]
    assert [line.partition(": ")[2].split(" in ")[0] for line in steps] == [
        "writing the synthetic dossier", "the full build (generation)",
        "one source added, the pages generated again"]
    for key in ("load_s", "link_s", "cluster_s", "render_s", "write_s", "generate_s",
                "peak_rss_mb", "files_written_after_one_added"):
        assert isinstance(figures[key], (int, float)), key
    for key in ("mkdocs_s", "pdf_s", "pdf_peak_rss_mb", "site_bytes", "search_index_bytes"):
        assert figures[key] is None, key
    assert figures["files_written_after_one_added"] >= 1


def test_worker_processes_give_the_same_dossier_and_pages(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from build_dossier import cluster
    from build_dossier.load import PARALLEL_MIN_FILES, load
    from build_dossier.parallel import forked_map
    from build_dossier.render import jobs, render, render_job

    write_dossier(tmp_path, PARALLEL_MIN_FILES + 20)
    alone, shared = load(tmp_path, workers=1), load(tmp_path, workers=2)
    assert alone == shared
    # Quotes are clustered on workers from fewer wordings than this dossier has: lower the
    # bar, and share the speakers out in many small jobs.
    monkeypatch.setattr(cluster, "PARALLEL_MIN_UNITS", 0)
    monkeypatch.setattr(cluster, "JOB_UNITS", 20)
    dossier = link(alone)
    assert link(alone, workers=2) == dossier
    forked = forked_map(lambda job: render_job(dossier, job), jobs(dossier), 2, ordered=False)
    assert render(dossier) == dict(sorted(page for pages in forked for page in pages))


def test_forked_workers_end_at_their_pools_sigterm_whatever_handler_the_parent_has():
    # serve's SIGTERM handler acts between Python steps only: a worker that got its pool's
    # SIGTERM just before blocking on the queue's lock never ended, and serve waited for it for
    # ever. Workers must take SIGTERM as the kernel does, at once.
    script = (
        "import signal\n"
        "from build_dossier.parallel import forked_map\n"
        "signal.signal(signal.SIGTERM, lambda *_: None)\n"
        "print(set(forked_map(lambda _: signal.getsignal(signal.SIGTERM) is signal.SIG_DFL,"
        " range(8), 2)))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["{True}"]
