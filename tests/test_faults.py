"""Nothing lost, nothing half-done: builds killed while writing, failed builds, hand-written
files in the way, and the same bytes under another locale, time zone and hash seed.

What the design guarantees, and what these tests hold it to: a build killed at any moment leaves
`docs/` as the old generation, the new one, or a journal that the next command's `recover`
completes into the new one; `site/` is the old or the new build once `site.recover` has run.
"""

import builtins
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dossiers import copy_hand_written_docs

from build_dossier import build as pipeline
from build_dossier import site, write
from build_dossier.render import render

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "sources").glob("*.md"))
TIMEOUT = 120


def make_repo(root: Path, copies: int = 0) -> Path:
    """A tmp repository with the seeds, plus `copies` of each under new ids."""
    (root / "sources").mkdir(parents=True)
    for name in ("people.yml", "events.yml", "dossier.yml"):
        shutil.copyfile(REPO / "sources" / name, root / "sources" / name)
    for seed in SEEDS:
        shutil.copyfile(seed, root / "sources" / seed.name)
        for i in range(copies):
            shutil.copyfile(seed, root / "sources" / f"{seed.stem}-copy-{i}.md")
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    copy_hand_written_docs(root)
    return root


def revise(root: Path) -> None:
    """Edit every source so the next generation differs: a new tag, one source fewer."""
    paths = sorted((root / "sources").glob("*.md"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ntags: [", "\ntags: [revised, ", 1), encoding="utf-8")
    if len(paths) > len(SEEDS):
        paths[-1].unlink()


def killed_at_call(kill_at: int):
    """A decorator for file operations: the process kills itself on the kill_at-th call among
    all the functions it wraps, as a power cut or `kill -9` would stop it. `wrap.calls[0]`
    counts the calls so far."""
    calls = [0]

    def wrap(function):
        def wrapper(*args, **kwargs):
            calls[0] += 1
            if calls[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return function(*args, **kwargs)
        return wrapper
    wrap.calls = calls
    return wrap



def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path; empty when it does not exist."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(root: Path, *args: str,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "build_dossier", *(args or ("build", "--no-site")),
         "--root", str(root)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False, env=env)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def build_ok(root: Path, *args: str) -> None:
    result = run(root, *args)
    assert result.returncode == 0, result.stdout + result.stderr


# Killed while writing ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def generations(tmp_path_factory):
    """A 100-source repository built once (old), its revised sources, and both generations."""
    base = tmp_path_factory.mktemp("generations")
    old_root = make_repo(base / "old", copies=19)
    build_ok(old_root)
    new_root = base / "new"
    shutil.copytree(old_root, new_root, symlinks=True)
    revise(new_root)
    build_ok(new_root)
    checked = pipeline.load_and_check(new_root)
    pages = render(pipeline.link(checked.loaded, checked.title))
    return old_root, tree(old_root / "docs"), tree(new_root / "docs"), pages


def _fresh(generations, dest: Path) -> Path:
    old_root = generations[0]
    shutil.copytree(old_root, dest, symlinks=True)
    revise(dest)
    return dest


def _killed_apply(docs: Path, pages: dict[str, bytes], kill_at: int) -> int:
    """Apply the new generation in a child process that SIGKILLs itself at its `kill_at`-th
    change to the file system; returns how many changes it made when not killed."""
    plan = write.plan_write(docs, pages)
    assert not plan.conflicts
    read, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read)
        counted = killed_at_call(kill_at)
        os.replace = counted(os.replace)
        os.makedirs = counted(os.makedirs)
        builtins.open = counted(builtins.open)
        shutil.rmtree = counted(shutil.rmtree)
        for name in ("write_bytes", "unlink", "rmdir", "mkdir"):
            setattr(Path, name, counted(getattr(Path, name)))
        write.apply(plan)
        os.write(write_end, str(counted.calls[0]).encode())
        os._exit(0)
    os.close(write_end)
    _, status = os.waitpid(pid, 0)
    made = os.read(read, 100)
    os.close(read)
    if kill_at:
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        return 0
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    return int(made)


def test_kill_at_every_kind_of_moment_leaves_old_or_new_after_recovery(generations, tmp_path):
    old_root, old, new, pages = generations
    shutil.copytree(old_root / "docs", tmp_path / "count")
    steps = _killed_apply(tmp_path / "count", pages, 0)
    assert steps > 100
    points = sorted({1, 2, 3, steps - 2, steps - 1, steps,
                     *random.Random(8).sample(range(4, steps - 2), 12)})
    pages_of = [{k: v for k, v in g.items() if not k.startswith(".build")} for g in (old, new)]
    mixed = 0
    for kill_at in points:
        docs = tmp_path / f"kill-{kill_at}"
        shutil.copytree(old_root / "docs", docs)
        _killed_apply(docs, pages, kill_at)
        visible = {k: v for k, v in tree(docs).items() if not k.startswith(".build-dossier")}
        journal = (docs / write.JOURNAL).exists()
        if not journal:
            # Without a journal, the pages are one whole generation (staging aside).
            assert visible in pages_of, f"killed at step {kill_at} of {steps}"
        mixed += visible not in pages_of
        write.recover(docs)
        after = tree(docs)
        assert after in (old, new), f"killed at step {kill_at} of {steps}"
        if journal:
            assert after == new
    # Killing in the middle of the renames does leave a mix until recovery: say so, not hide it.
    assert mixed > 0


def test_build_command_killed_while_writing_is_repaired_by_the_next_one(generations, tmp_path):
    _, old, new, _ = generations
    rng = random.Random(80)
    for attempt in range(3):
        root = _fresh(generations, tmp_path / f"attempt-{attempt}")
        process = subprocess.Popen(
            [sys.executable, "-m", "build_dossier", "build", "--no-site", "--root", str(root)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        staging = root / "docs" / write.STAGING
        deadline = time.monotonic() + TIMEOUT
        while not staging.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.15))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=TIMEOUT)
        recovered = root / "recovered"
        shutil.copytree(root / "docs", recovered)
        write.recover(recovered)
        assert tree(recovered) in (old, new)
        build_ok(root)
        assert tree(root / "docs") == new


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """The seeds built with their site (old), and the revised seeds' site staged, not swapped."""
    root = make_repo(tmp_path_factory.mktemp("small") / "repo")
    build_ok(root, "build", "--no-pdf")
    old_site = tree(root / "site")
    revise(root)
    checked = pipeline.load_and_check(root)
    dossier = pipeline.link(checked.loaded, checked.title)
    plan = write.plan_write(root / "docs", render(dossier))
    site.stage_docs(root, root / "docs", plan.files())
    staged = site.run_mkdocs(root, dossier.title, None)
    shutil.rmtree(root / "docs" / write.STAGING)  # this generation is never applied
    keep = root.parent / "staged-site"
    shutil.copytree(staged, keep)
    shutil.rmtree(site.stage_dir(root))
    return root, old_site, keep


@pytest.mark.parametrize("kill_at", [1, 2, 3])
def test_kill_while_swapping_site_leaves_old_or_new_after_recovery(small_site, tmp_path,
                                                                   kill_at):
    source, old_site, staged = small_site
    root = tmp_path / "repo"
    shutil.copytree(source, root, symlinks=True)
    shutil.copytree(staged, site.stage_dir(root) / "site")
    new_site = tree(staged)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        die_at = killed_at_call(kill_at)
        os.replace, shutil.rmtree = die_at(os.replace), die_at(shutil.rmtree)
        site.swap_in(root, site.stage_dir(root) / "site")
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    site.recover(root)
    assert tree(root / "site") in (old_site, new_site)
    assert not site.stage_dir(root).exists()


# Failed builds change nothing ---------------------------------------------------------------

def test_failed_builds_leave_docs_and_site_byte_identical(tmp_path):
    root = make_repo(tmp_path / "repo")
    build_ok(root, "build", "--no-pdf")
    before = tree(root)
    assert any(k.startswith("site/") for k in before)
    # A source error: the build stops before writing.
    first = SEEDS[0].name
    text = (root / "sources" / first).read_text(encoding="utf-8")
    (root / "sources" / first).write_text(text.replace("published:", "published: 2022-02-30\nx:",
                                                       1), encoding="utf-8")
    result = run(root, "build", "--no-pdf")
    assert result.returncode == 1 and "2022-02-30" in result.stdout
    after = tree(root)
    assert {k: v for k, v in after.items() if not k.startswith("sources/")} == {
        k: v for k, v in before.items() if not k.startswith("sources/")}
    # MkDocs fails (strict: a hand-written page left out of the nav): docs/ and site/ unchanged.
    (root / "sources" / first).write_text(text.replace("\ntags: [", "\ntags: [new, ", 1),
                                          encoding="utf-8")
    (root / "docs/stray.md").write_text("# Stray\n\n[nowhere](missing.md)\n")
    before = tree(root)
    result = run(root, "build", "--no-pdf")
    assert result.returncode == 1, result.stdout
    assert result.stdout.splitlines()[-1] == "Aborted: docs/ and site/ are unchanged."
    assert tree(root) == before


def test_a_failed_first_build_leaves_no_docs_folder_behind(tmp_path):
    # Pages are staged inside docs/ while they render: a failure must take that away too.
    root = make_repo(tmp_path / "repo")
    shutil.rmtree(root / "docs")  # no hand-written pages either
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("\nnav:\n  - Missing: missing.md\n")  # strict MkDocs refuses this
    before = tree(root)
    assert not (root / "docs").exists()
    result = run(root, "build", "--no-pdf")
    assert result.returncode == 1, result.stdout
    assert result.stdout.splitlines()[-1] == "Aborted: docs/ and site/ are unchanged."
    assert not (root / "docs").exists()
    assert tree(root) == before


def without_unrecorded(out: str) -> list[str]:
    """The lines a build printed, less the seeds' warnings that their outlets, addresses and
    authors are not recorded."""
    return [line for line in out.splitlines() if ": not recorded;" not in line]


def test_hand_written_file_at_a_generated_address_is_a_conflict_and_untouched(tmp_path):
    root = make_repo(tmp_path / "repo")
    page = root / "docs/events/2022-01-12-nato-russia-council.md"
    page.parent.mkdir(parents=True)
    page.write_bytes(b"# My own notes\r\n")
    before = tree(root)
    result = run(root)
    assert result.returncode == 1
    assert without_unrecorded(result.stdout) == [
        "docs/events/2022-01-12-nato-russia-council.md: error: a hand-written file is at the "
        "address of a generated page; rename or move it (build-dossier never overwrites it)",
        "Aborted: 1 error, 0 warnings in 1 file.",
    ]
    assert tree(root) == before


def test_generated_page_edited_by_hand_is_a_conflict_and_untouched(tmp_path):
    root = make_repo(tmp_path / "repo")
    build_ok(root)
    page = root / "docs/quotes.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy note.\n", encoding="utf-8")
    revise(root)
    before = tree(root / "docs")
    result = run(root)
    assert result.returncode == 1
    assert without_unrecorded(result.stdout)[0] == (
        "docs/quotes.md: error: this generated page was edited by hand since the last build; "
        "move the changes into sources/ (or delete the file) and build again")
    assert tree(root / "docs") == before


def test_docs_linked_out_of_the_repository_is_refused(tmp_path):
    root = make_repo(tmp_path / "repo")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if (root / "docs").exists():
        shutil.rmtree(root / "docs")
    (root / "docs").symlink_to(elsewhere)
    result = run(root)
    assert without_unrecorded(result.stdout) == [
        "docs: error: is a symbolic link; build-dossier writes only into real folders",
        "Aborted: 1 error, 0 warnings in 1 file.",
    ]
    assert list(elsewhere.iterdir()) == []


# Same bytes everywhere ----------------------------------------------------------------------

ENVIRONMENTS = [
    {"LC_ALL": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "0"},
    {"LC_ALL": "C", "LANGUAGE": "fr", "TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "4242"},
    {"LC_ALL": "POSIX", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
     "TZ": "America/St_Johns", "PYTHONHASHSEED": "random"},
]


def _env(extra: dict[str, str]) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items()
            if not k.startswith(("LC_", "LANG", "TZ", "PYTHONHASHSEED", "PYTHONUTF8"))}
    return {**keep, **extra}


def test_output_is_identical_under_another_locale_time_zone_and_hash_seed(tmp_path):
    trees, outputs = [], []
    for i, extra in enumerate(ENVIRONMENTS):
        root = make_repo(tmp_path / f"env-{i}", copies=1)
        bad = root / "sources" / "zz-bad.md"
        bad.write_text("---\ntitle: Café\npublished: 2022-02-30\ncatégorie: «x»\n---\nTexte.\n",
                       encoding="utf-8")
        check = run(root, "check", env=_env(extra))
        outputs.append((check.returncode, check.stdout))
        bad.unlink()
        result = run(root, "build", "--no-site", env=_env(extra))
        assert result.returncode == 0, result.stdout
        trees.append(tree(root / "docs"))
    assert trees[1] == trees[0]
    assert trees[2] == trees[0]
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]
