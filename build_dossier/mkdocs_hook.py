"""MkDocs hook (loaded by MkDocs through the staged config's `hooks:`, never imported by the core):
reuses the pages of the last good site whose Markdown, config, theme and nav are unchanged,
converts the other pages on all cores, and reports progress on stderr for `site.py` to relay.

The cache (JSON, written by `on_post_build`, renamed into place by `site_cache.commit`) holds per
page what a clean build would compute from its Markdown: title, table of contents, anchors, the
links it checks, its search entries, and the stat of the HTML file it wrote. A page is reused only
when its source bytes and the fingerprint match and `site/` still holds that very file; then its
old HTML is hard-linked into the new site instead of being converted and templated again.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import logging
import os
import posixpath
import re
import sys
import sysconfig
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import metadata
from multiprocessing import Queue, get_context
from pathlib import Path
from typing import Any

import orjson
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs import utils as mkdocs_utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import meta as front_matter

from build_dossier import mkdocs_blocks, mkdocs_inline, mkdocs_service

FORMAT = 1
"""Bumped whenever what the cache holds changes meaning: an older cache is then ignored."""
ENV_CACHE = "BUILD_DOSSIER_SITE_CACHE"
"""The last good build's cache file; absent means a full build."""
ENV_NEW_CACHE = "BUILD_DOSSIER_NEW_SITE_CACHE"
ENV_OLD_SITE = "BUILD_DOSSIER_OLD_SITE"
ENV_WORKERS = "BUILD_DOSSIER_WORKERS"
ENV_PROGRESS = "BUILD_DOSSIER_PROGRESS"
ENV_TEMPLATES = "BUILD_DOSSIER_TEMPLATE_CACHE"
ENV_NEW_TEMPLATES = "BUILD_DOSSIER_NEW_TEMPLATE_CACHE"
ENV_STAND_IN = "BUILD_DOSSIER_STAND_IN"
"""A file of docs/ that is there for links to resolve and never copied (`site.py`'s stand-in
for a PDF this build does not make)."""
ENV_MANIFEST = "BUILD_DOSSIER_MANIFEST"
"""Set by `serve`: write only what differs from the old site, and here the list of every file
the whole site holds, for `site.py` to move the new files into `site/` and delete the rest."""
ENV_SITE = "BUILD_DOSSIER_SITE"
"""Set by `serve` with the manifest: where `site/` is, or will be once this build is moved in.
With no site yet (the old site absent), the build is kept for the next all the same, as the
site that will be there, so that the first edit after `serve` starts on a fresh tree is quick."""
LISTING = "listing.json"
STAGED_CHANGES = ".build-dossier-changes.json"
"""In the staged docs: the files `serve` changed there since the last build (written by
`site_cache.note_staged`, which this module cannot import)."""
PROGRESS_MARK = "build-dossier-progress"
"""Lines on stderr that `site.py` reads as progress: `<mark> <stage> <done> <total>`."""
FIRST_MARK = "build-dossier-first"
"""A line on stderr, `<mark> <JSON>`, naming the pages of a quick build already written whole
(the staged site's folder, and each page's file in it) while the long lists are still being
built: `serve` shows those first. Must equal `site_cache.FIRST_MARK`."""
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2",
            "build-dossier")
CHUNKS = 16
"""Chunks of about equal Markdown bytes that the pages to convert are cut into: enough that the
main process and the workers meet close to the middle. A page larger than a chunk (the
chronology, the quotes) is a chunk of its own, converted alongside the rest."""
SHARED_BYTES = 256_000
"""Below this much Markdown to convert, forking a worker costs more than it saves."""
BUILD_AHEAD = 200
"""Below this many pages to template and write, forking a worker costs more than it saves."""
PAGE_COST = 8_000
"""What templating a page costs beside its HTML, counted in bytes of HTML: only to cut the
pages into chunks of about equal work (most pages' HTML is a few KB, the template the same
for all)."""
# Events through which other plugins could change a page between its source and its HTML: with
# any of them registered, a reused or elsewhere-converted page might differ from a clean build.
PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")
SEARCH_PLUGINS = ("material/search", "search")
INLINE_EXTENSION = "build_dossier.mkdocs_inline"
_HREF = re.compile(r'\b(?:href|src)="([^"]*)"')
_MATERIAL_STRIP = 'r"\\s?data-search-\\w+=\\"[^\\"]+\\""'
"""How Material's search plugin strips its attributes from a page, as its source spells it."""
_SEARCH_ATTRIBUTE = re.compile(r'data-search-\w+="[^"]+"')
_SPACE = re.compile(r"\s")

log = logging.getLogger("mkdocs.hooks.build_dossier")


@dataclass
class _State:
    """What this build knows, from `on_config` to `on_post_build`."""

    enabled: bool = False
    fingerprint: str = ""
    nav: str = ""
    addresses: str = ""
    """A digest of every file's source path and address: the last build's, then this one's."""
    old: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The last good build's pages by source path, when its fingerprint equals ours."""
    old_blocks: dict[str, dict[str, mkdocs_blocks.Block]] = field(default_factory=dict)
    """The last good build's blocks of long pages, by source path, kept when the nav changes:
    a block's HTML does not depend on the nav."""
    blocks_here: dict[str, dict[str, mkdocs_blocks.Block]] = field(default_factory=dict)
    """Blocks of the long pages this process converted."""
    block_parts: dict[str, list[mkdocs_blocks.Block]] = field(default_factory=dict)
    """The same, in page order, until their search entries are made."""
    old_meta: dict[str, str] = field(default_factory=dict)
    """Front matter the last good build parsed, as JSON, by the digest of its YAML."""
    meta: dict[str, str] = field(default_factory=dict)
    """Front matter this build parsed, the same way."""
    new: dict[str, dict[str, Any]] = field(default_factory=dict)
    reused: set[str] = field(default_factory=set)
    converted: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Pages a worker converted, content and search entries included, not yet used."""
    search_text: dict[str, str] = field(default_factory=dict)
    """Search entries (JSON text) of pages this process did not convert, by source path."""
    source_keys: dict[str, list[int] | None] = field(default_factory=dict)
    """The staged Markdown file of each page, as `_source_key` found it this build."""
    read_from_cache: set[str] = field(default_factory=set)
    """Reused pages whose front matter came from the cache, not from their file."""
    ahead: set[str] | None = None
    """Pages already built (templated and written) before MkDocs' loop reached them; None
    until the loop starts."""
    deferring: bool = False
    """Whether pages are being built ahead: the search index then keeps their entries aside,
    to add them in page order when MkDocs' loop reaches each page."""
    indexed: bool = False
    """Whether the search plugin's index is ours to feed."""
    index: _PageIndex | None = None
    """The search plugin's index, wrapped, when ours to feed."""
    in_place: bool = False
    """Whether this build writes only the files that differ from the old site (`serve`)."""
    urls: set[str] = field(default_factory=set)
    """Every file's address in the site, as links are resolved ("events/x/")."""
    files: Mapping[str, File] = field(default_factory=dict)
    structure: tuple[Files, Navigation, Any] | None = None
    """This build's files, nav and templates, for `serve`'s next build to start from."""
    total: int = 0
    populated: int = 0
    built: int = 0
    last_report: float = 0.0


STATE = _State()
_WORKER: tuple[MkDocsConfig, Files] | None = None
"""What forked workers convert with: inherited at the fork, never pickled."""
_BUILDING: tuple[MkDocsConfig, Any, Navigation, Any] | None = None
"""What forked workers build pages with (config, pages, nav, templates), the same way."""
_BUILT_NAV: Navigation | None = None
"""This build's nav, from `on_nav` to `on_env` (which MkDocs does not hand it)."""


def _report(stage: str, done: int, total: int, *, force: bool = False) -> None:
    """One progress line on stderr, at most a few a second."""
    if not os.environ.get(ENV_PROGRESS):
        return
    now = time.monotonic()
    if force or done == total or now - STATE.last_report > 0.2:
        STATE.last_report = now
        print(f"{PROGRESS_MARK} {stage} {done} {total}", file=sys.stderr, flush=True)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _versions() -> str:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}==none")
    return ";".join(found)


def _theme_files(config: MkDocsConfig) -> list[str]:
    """Digests of the templates outside installed packages (custom_dir, overrides): the
    installed themes are covered by their versions."""
    installed = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}
    found = []
    for folder in config.theme.dirs:
        if any(Path(folder).resolve().is_relative_to(place) for place in installed):
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                found.append(f"{path.relative_to(folder).as_posix()}:"
                             f"{_digest(path.read_bytes())}")
    return found


def _config_files(config: MkDocsConfig) -> list[str]:
    """The staged config and every file it INHERITs, by content."""
    found = []
    path: Path | None = Path(config.config_file_path)
    while path is not None and path.is_file():
        text = path.read_bytes()
        found.append(_digest(text))
        inherit = re.search(rb"^INHERIT:\s*(\S+)", text, re.MULTILINE)
        path = (path.parent / inherit.group(1).decode()).resolve() if inherit else None
    return found


def _fingerprint(config: MkDocsConfig) -> str:
    parts = [str(FORMAT), _digest(Path(__file__).read_bytes()),
             _digest(Path(mkdocs_blocks.__file__).read_bytes()),
             _digest(Path(mkdocs_inline.__file__).read_bytes()), _versions(), sys.version,
             *_config_files(config), *_theme_files(config)]
    return _digest("\n".join(parts).encode())


def _search_plugin(config: MkDocsConfig) -> Any:
    for name in SEARCH_PLUGINS:
        if name in config.plugins:
            return config.plugins[name]
    return None


def _cacheable(config: MkDocsConfig) -> bool:
    """Whether reusing pages gives what a clean build gives: no plugin other than the search
    (whose index we feed) takes part in turning a page's Markdown into HTML."""
    ours = {on_pre_page, on_page_markdown, on_page_content}
    for event in PAGE_EVENTS:
        if any(getattr(method, "__func__", method) not in ours
               for method in config.plugins.events[event]):
            return False
    others = {name for name, plugin in config.plugins.items()
              if getattr(plugin, "__name__", None) != __name__}
    return others <= {"material/search"}


def _load_cache(fingerprint: str
                ) -> tuple[dict[str, dict[str, Any]], str, dict[str, str], str]:
    """The last good build's pages, nav digest, front matter and addresses digest, or nothing
    when the cache is missing, corrupt or stale."""
    path = os.environ.get(ENV_CACHE)
    if not path:
        return {}, "", {}, ""
    kept = _kept_cache(path)
    try:
        data = kept or orjson.loads(Path(path).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}, "", {}, ""
    if (not isinstance(data, dict) or data.get("format") != FORMAT
            or data.get("fingerprint") != fingerprint or not isinstance(data.get("pages"), dict)):
        return {}, "", {}, ""
    if kept is not None:  # what this process wrote itself: no entry to check
        return data["pages"], str(data["nav"]), data["meta"], str(data.get("addresses"))
    pages = {uri: entry for uri, entry in data["pages"].items() if _well_formed(entry)}
    meta = data.get("meta")
    known = ({digest: text for digest, text in meta.items() if isinstance(text, str)}
             if isinstance(meta, dict) else {})
    return pages, str(data.get("nav")), known, str(data.get("addresses"))


def _file_key(path: str) -> list[int]:
    stat = os.stat(path)
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def _kept_cache(path: str) -> Any:
    """The cache this process wrote last (`serve`'s MkDocs makes many builds), if `path` is
    still that very file: parsing it took a fifth of a second at 1,000 sources."""
    kept = mkdocs_service.KEPT.get("cache")
    if kept is None:
        return None
    key, data = kept
    return data if key == _file_key(path) else None


# `serve`'s MkDocs makes many builds in one process, and MkDocs may load this hook again for
# one (it caches hooks by path today, nothing promises it): the stand-in below must wrap
# MkDocs' own function, never an earlier load's stand-in.
_get_data = getattr(front_matter.get_data, "mkdocs_own", front_matter.get_data)


def _front_matter(doc: str) -> tuple[str, dict[str, Any]]:
    """Stands in for MkDocs' `meta.get_data`: YAML parsed by the last good build is taken back
    by its digest (parsing took 0.4 s a build at 1,000 sources). Only what JSON holds as it is
    is kept: a date, say, is parsed again each time."""
    found = front_matter.YAML_RE.match(doc)
    if found is None:
        return _get_data(doc)
    digest = _digest(found.group(1).encode())
    known = STATE.meta.get(digest) or STATE.old_meta.get(digest)
    if known is not None:
        STATE.meta[digest] = known
        return doc[found.end():].lstrip("\n"), orjson.loads(known)
    text, data = _get_data(doc)
    with contextlib.suppress(TypeError):
        encoded = orjson.dumps(data).decode()
        if orjson.loads(encoded) == data and text is not doc:
            STATE.meta[digest] = encoded
    return text, data


_ENTRY_TYPES = {"source": str, "dest": str, "toc": list, "anchors": list, "links": dict,
                "targets": list, "absent": list, "search": str, "output": list}


def _well_formed(entry: Any) -> bool:
    """Whether a cached page has every field a build reads, of the right type: anything else
    is converted again."""
    return (isinstance(entry, dict)
            and all(isinstance(entry.get(key), kind) for key, kind in _ENTRY_TYPES.items())
            and (entry.get("title") is None or isinstance(entry["title"], str)))


@event_priority(100)  # before the search plugin asks the theme for its translations
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global STATE
    STATE = _State()
    # Every page's Markdown, ours converted here or MkDocs' own, skips the inline patterns
    # its text cannot match: the same HTML, a fifth less conversion time.
    if INLINE_EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(INLINE_EXTENSION)
    kept, fresh = os.environ.get(ENV_TEMPLATES), os.environ.get(ENV_NEW_TEMPLATES)
    STATE.enabled = _cacheable(config)
    STATE.in_place = bool(os.environ.get(ENV_MANIFEST) and os.environ.get(ENV_OLD_SITE))
    _build_page.mkdocs_own = _mkdocs_build_page  # type: ignore[attr-defined]
    mkdocs_build._build_page = _build_page if STATE.enabled else _mkdocs_build_page
    if not STATE.enabled:
        log.info("build_dossier: other page plugins are configured; building every page")
        return config
    STATE.fingerprint = _fingerprint(config)
    _take_noted(config.docs_dir)  # a full build looks at every file itself
    STATE.old, STATE.nav, STATE.old_meta, STATE.addresses = _load_cache(STATE.fingerprint)
    STATE.old_blocks = {uri: entry["blocks"] for uri, entry in STATE.old.items()
                        if isinstance(entry.get("blocks"), dict)}
    _front_matter.mkdocs_own = _get_data  # type: ignore[attr-defined]
    front_matter.get_data = _front_matter
    if kept and fresh:
        _keep_templates(config, Path(kept), Path(fresh), STATE.fingerprint)
    return config


class _KeptTemplates(FileSystemBytecodeCache):
    """Compiled templates: read from those earlier good builds kept, new ones written beside
    this build (`site_cache.commit` keeps them once it succeeds)."""

    def __init__(self, kept: Path, fresh: Path) -> None:
        fresh.mkdir(parents=True, exist_ok=True)
        super().__init__(str(fresh))
        self.kept = kept

    def load_bytecode(self, bucket: Bucket) -> None:
        name = self.pattern % bucket.key
        for folder in (str(self.kept), self.directory):
            try:
                with open(os.path.join(folder, name), "rb") as compiled:
                    bucket.load_bytecode(compiled)
                return
            except OSError:
                continue


def _keep_templates(config: MkDocsConfig, kept: Path, fresh: Path, fingerprint: str) -> None:
    """Every Jinja environment the theme makes reuses compiled templates, and lists the theme's
    static files as last time: compiling took a third of a second a build, listing and
    filtering Material's 14,000 files another. Jinja checks each template's source against its
    compiled copy; the listing is kept for this fingerprint (theme versions, custom_dir and
    config, on which MkDocs' filter depends) only."""
    make_env = config.theme.get_env

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = _KeptTemplates(kept, fresh)
        list_templates = env.list_templates

        def kept_list(extensions: Any = None, filter_func: Any = None) -> list[str]:
            if extensions is not None or filter_func is None:
                return list(list_templates(extensions, filter_func))
            try:
                listing = orjson.loads((kept / LISTING).read_bytes())
                if listing.get("fingerprint") == fingerprint and isinstance(listing["names"], list):
                    return list(listing["names"])
            except (OSError, orjson.JSONDecodeError, KeyError, AttributeError):
                pass
            names = list(list_templates(extensions, filter_func))
            (fresh / LISTING).write_bytes(orjson.dumps({"fingerprint": fingerprint,
                                                        "names": names}))
            return names

        env.list_templates = kept_list  # type: ignore[method-assign]
        return env

    config.theme.get_env = get_env  # type: ignore[method-assign]


def on_pre_build(config: MkDocsConfig) -> None:
    if not STATE.enabled:
        return
    search = _search_plugin(config)
    if search is not None and search.config.enabled:
        search.search_index = STATE.index = _PageIndex(search.search_index)
        STATE.indexed = True
        events = config.plugins.events["page_context"]
        if search.on_page_context in events and _strips_as_expected(search.__class__):
            events[events.index(search.on_page_context)] = partial(_index_page, search)


@cache
def _strips_as_expected(plugin: Any) -> bool:
    """Whether the search plugin's `on_page_context` is the one `_index_page` stands in for:
    index the page, then strip its `data-search-*` attributes with `_MATERIAL_STRIP`."""
    try:
        source = inspect.getsource(plugin.on_page_context)
    except (OSError, TypeError):
        return False
    return source.count("re.sub(") == 1 and _MATERIAL_STRIP in source


def _index_page(search: Any, context: Any, *, page: Page, config: MkDocsConfig,
                nav: Navigation) -> None:
    """The search plugin's `on_page_context`: the page indexed, then its `data-search-*`
    attributes stripped as the plugin's pattern strips them. That pattern opens on an optional
    space, so it is tried at every position of the HTML: 0.7 s on each build of the 21 MB quote
    index at 10,000 sources, against 0.05 s for one that opens on its text."""
    search.search_index.add_entry_from_context(page)
    if page.content is not None:
        page.content = strip_search_attributes(page.content)


def strip_search_attributes(html: str) -> str:
    """`re.sub(r'\\s?data-search-\\w+="[^"]+"', "", html)`, found by the attribute's text: the
    space before one goes with it (it cannot end the attribute before, which ends on a quote)."""
    out, copied = [], 0
    for found in _SEARCH_ATTRIBUTE.finditer(html):
        start = found.start()
        if start > copied and _SPACE.match(html, start - 1):
            start -= 1
        out.append(html[copied:start])
        copied = found.end()
    out.append(html[copied:])
    return "".join(out)


def _nav_digest(nav: Navigation) -> str:
    """Every page's HTML shows the nav: its titles, order and links. A title not set in the
    nav comes from that page's Markdown, so that Markdown is part of the digest."""
    def walk(items: Iterable[Any]) -> Iterable[str]:
        for item in items:
            if isinstance(item, Section):
                yield f"section:{item.title}"
                yield from walk(item.children)
                yield "end"
            elif isinstance(item, Page):
                title = item.__dict__.get("title")
                yield f"page:{item.file.src_uri}:{title}"
                if title is None:
                    yield _digest(item.file.content_bytes)
            else:
                yield f"link:{getattr(item, 'title', '')}:{getattr(item, 'url', '')}"
    return _digest("\n".join(walk(nav.items)).encode())


def _site_path(base_url: str, href: str) -> str | None:
    """Where a link inside the site points, relative to the site's root ("events/x/"); None
    for links elsewhere or within the page. (urllib's urljoin took 10 ms a page.)"""
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path or path.startswith("//") or ":" in path.split("/", 1)[0]:
        return None
    if path.startswith("/"):
        joined = path[1:]
    else:
        base = base_url if base_url.endswith("/") else posixpath.dirname(base_url) + "/"
        joined = (base if base not in ("./", "/") else "") + path
    joined = posixpath.normpath(joined or ".")
    if joined == ".":
        return ""
    return joined + "/" if path.endswith("/") else joined


@cache
def _address(url: str) -> str:
    """A file's address in the site, as links are resolved ("events/x/"): the same for the
    same URL in every build of `serve`'s MkDocs (34,000 of them at 10,000 sources)."""
    return _site_path("", url) or ""


def _old_output_intact(entry: dict[str, Any], old_site: str | None) -> bool:
    """Whether `site/` still holds the very file this entry's build wrote."""
    if not old_site:
        return False
    try:
        stat = os.stat(os.path.join(old_site, entry["dest"]))
    except OSError:
        return False
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino] == entry.get("output")


@event_priority(-100)
def _source_key(file: File) -> list[int] | None:
    """The staged Markdown file as the disk knows it: `serve` keeps its staged docs, whose
    unchanged pages stay the very same files (inode, size, and modification and change time)."""
    if file.abs_src_path is None:
        return None
    try:
        stat = os.stat(file.abs_src_path)
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


def _same_source(entry: Mapping[str, Any], file: File) -> bool:
    """Whether `file` holds the Markdown the cached page was made from: the very same file,
    or else the same bytes (reading and hashing every page took a tenth of a second a build at
    1,000 sources)."""
    key = STATE.source_keys[file.src_uri] = _source_key(file)
    if key is not None and entry.get("stat") == key:
        return True
    return bool(entry["source"] == _digest(file.content_bytes))


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A reused page outside the nav is not read again: its HTML, title and search entries
    come from the cache, and its front matter too (MkDocs read and parsed every page)."""
    uri = page.file.src_uri
    outside_nav = _outside_nav(page.file)
    if (STATE.enabled and uri in STATE.reused and outside_nav
            and isinstance(STATE.old[uri].get("meta"), dict)):
        reader = partial(_read_from_cache, page, STATE.old[uri])
        page.read_source = reader  # type: ignore[method-assign]
        STATE.read_from_cache.add(uri)
    return page


def _read_from_cache(page: Page, entry: Mapping[str, Any], config: MkDocsConfig) -> None:
    """Stands in for `Page.read_source` on a reused page: the front matter it had, and no
    Markdown to convert (the page takes its converted HTML from the cache)."""
    page.markdown = ""
    page.meta = dict(entry["meta"])


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _BUILT_NAV
    if not STATE.enabled:
        return nav
    digest = _nav_digest(nav)
    if digest != STATE.nav:
        STATE.old = {}
    STATE.nav = digest
    _BUILT_NAV = nav
    pages = files.documentation_pages()
    STATE.total = len(pages)
    STATE.urls = {_address(file.url) for file in files}
    STATE.files = files.src_uris
    # With the same files at the same addresses as the last build, every cached page's links
    # are as they were when it was checked: no need to look each of them up again.
    addresses = _digest("\n".join([*sorted(STATE.urls), "", *sorted(STATE.files)]).encode())
    same_addresses, STATE.addresses = addresses == STATE.addresses, addresses
    old_site = os.environ.get(ENV_OLD_SITE)
    todo = []
    for file in pages:
        entry = STATE.old.get(file.src_uri)
        if (entry is not None and _same_source(entry, file)
                and entry["dest"] == file.dest_uri and (same_addresses or _reusable(entry))
                and _old_output_intact(entry, old_site)):
            STATE.reused.add(file.src_uri)
        else:
            todo.append(file)
    log.info(f"build_dossier: {len(STATE.reused)} pages reused, {len(todo)} to convert"
             + (f" ({', '.join(f.src_uri for f in todo[:5])}{', ...' if len(todo) > 5 else ''})"
                if todo else ""))
    _convert_all(todo, config, files)
    return nav


_Job = Callable[[list[str], "_Warnings | None"], list[Any]]
"""What a process does with a chunk of pages (by source path), with what it logs counted in a
worker; what it gives back is sent to the main process."""


class _Helpers:
    """Forked processes that take chunks of pages beside this one. Chunks are taken in order,
    the largest first, by whichever process is free, so that the chronology and the quotes page
    do not both fall to one of them."""

    def __init__(self, chunks: list[list[str]], workers: int, job: _Job) -> None:
        context = get_context("fork")
        self.chunks = chunks
        self.job = job
        self.lock = context.Lock()
        self.next = context.RawValue("i", 0)
        """The first chunk nobody took."""
        self.mine = 0
        """Chunks this process took."""
        self.results: Queue[list[Any]] = context.Queue()
        # Forked, the workers inherit the config, the files and the chunks: nothing is pickled
        # but what they give back.
        self.processes = [context.Process(target=self._work, daemon=True)
                          for _ in range(workers)]
        for process in self.processes:
            process.start()

    def claim(self) -> int | None:
        """The next chunk to convert, now this process's; None when all are taken."""
        with self.lock:
            taken: int = self.next.value
            if taken >= len(self.chunks):
                return None
            self.next.value = taken + 1
            return taken

    def taken_here(self) -> Iterable[int]:
        """The chunks this process takes, one after the other, while any is left."""
        while (chunk := self.claim()) is not None:
            self.mine += 1
            yield chunk

    def _work(self) -> None:
        warnings = _Warnings()
        logging.getLogger("mkdocs").handlers = [warnings]
        while (chunk := self.claim()) is not None:
            self.results.put(self.job(self.chunks[chunk], warnings))

    def received(self) -> Iterable[list[Any]]:
        """The workers' chunks, as each arrives; then the workers are done."""
        for _ in range(len(self.chunks) - self.mine):
            yield self.results.get()
        for process in self.processes:
            process.join()


def _chunks(todo: list[File], sizes: list[int]) -> list[list[str]]:
    """The pages cut into runs of about equal bytes, the largest first."""
    limit = sum(sizes) / CHUNKS
    chunks: list[tuple[int, list[str]]] = [(0, [])]
    for file, size in zip(todo, sizes, strict=True):
        filled, chunk = chunks[-1]
        if chunk and filled + size > limit:
            chunks.append((0, []))
            filled, chunk = chunks[-1]
        chunk.append(file.src_uri)
        chunks[-1] = (filled + size, chunk)
    return [chunk for _, chunk in sorted(chunks, key=lambda c: -c[0])]


def _convert_all(todo: list[File], config: MkDocsConfig, files: Files) -> None:
    """Convert the pages to convert now, on every core, into `STATE.converted`: MkDocs' own
    loop then takes them as it takes reused pages. Below a few pages' worth, or on one core,
    MkDocs converts them itself as usual."""
    global _WORKER
    workers = int(os.environ.get(ENV_WORKERS) or 1) - 1
    sizes = [len(file.content_bytes) for file in todo]
    if workers < 1 or len(todo) < 2 or sum(sizes) < SHARED_BYTES:
        return
    _WORKER = (config, files)
    # Said before the first chunk, the largest, which can take seconds: the bar shows at once.
    _report("convert", 0, len(todo), force=True)
    chunks = _chunks(todo, sizes)
    helpers = _Helpers(chunks, workers, _convert_chunk)
    done = 0
    for chunk in helpers.taken_here():
        for entry in _convert_chunk(chunks[chunk], None):
            STATE.converted[entry["uri"]] = entry
        done += len(chunks[chunk])
        _report("convert", done, len(todo))
    for entries in helpers.received():
        for entry in entries:
            STATE.converted[entry["uri"]] = entry
        done += len(entries)
        _report("convert", done, len(todo))


class _Warnings(logging.Handler):
    """Counts what a worker's conversion logs at WARNING or above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _convert_chunk(uris: list[str], warnings: _Warnings | None) -> list[dict[str, Any]]:
    """What converting each page gives, content and search entries included. In a worker
    (`warnings` counting what it logs) a page that logs a warning is left out, for the main
    process to convert and say."""
    assert _WORKER is not None
    config, files = _WORKER
    search = _search_plugin(config)
    done = []
    for uri in uris:
        file = STATE.files[uri]
        page = file.page if file.page is not None else Page(None, file, config)
        before = warnings.count if warnings is not None else 0
        page.read_source(config)
        blocks = _render(page, config, files)
        entry = _content_entry(page, blocks)
        if blocks:
            entry["blocks"] = blocks
        entry["content"] = page.content
        if STATE.indexed:
            entry["search"] = search.search_index.entries_of(page)
        if warnings is None or warnings.count == before:
            done.append(entry)
    return done


def _toc_items(items: Iterable[AnchorLink]) -> list[dict[str, Any]]:
    return [{"title": a.title, "id": a.id, "level": a.level, "children": _toc_items(a.children)}
            for a in items]


def _anchor_links(items: list[dict[str, Any]]) -> list[AnchorLink]:
    links = []
    for item in items:
        link = AnchorLink(item["title"], item["id"], item["level"])
        link.children = _anchor_links(item["children"])
        links.append(link)
    return links


def _link_targets(url: str, html: str) -> tuple[list[str], list[str]]:
    """The site paths that `html`, at `url`, links to: in the site, and not (yet) in it."""
    targets = {path for href in set(_HREF.findall(html))
               if (path := _site_path(url, href)) is not None}
    # A link to what is not in the site (yet) is rendered otherwise once it is.
    absent = targets - STATE.urls
    return sorted(targets - absent), sorted(absent)


def _reusable(entry: Mapping[str, Any]) -> bool:
    """Whether what a page or block links to is as it was when it was converted."""
    return (all(target in STATE.urls for target in entry["targets"])
            and not any(target in STATE.urls for target in entry["absent"])
            and all(uri in STATE.files for uri in entry["links"]))


def _render(page: Page, config: MkDocsConfig, files: Files
            ) -> dict[str, mkdocs_blocks.Block] | None:
    """`Page.render`, a long page block by block; the blocks, for the next build's cache (and
    in page order, for its search entries)."""
    known = STATE.old_blocks.get(page.file.src_uri)
    cut = mkdocs_blocks.render(page, config, files,
                               known if isinstance(known, dict) else {}, _reusable,
                               partial(_link_targets, page.file.url))
    if cut is None:
        Page.render(page, config, files)
        return None
    STATE.block_parts[page.file.src_uri] = cut.parts
    return cut.blocks


def _render_here(page: Page, config: MkDocsConfig, files: Files) -> None:
    """`Page.render` for a page no worker converted: its blocks are kept for its entry."""
    blocks = _render(page, config, files)
    if blocks:
        STATE.blocks_here[page.file.src_uri] = blocks


def _content_entry(page: Page, blocks: Mapping[str, mkdocs_blocks.Block] | None = None
                   ) -> dict[str, Any]:
    """What rendering a page's Markdown gave, apart from the HTML itself. A page made of
    `blocks` links to what they link to (scanning the 22 MB quote index again for its links
    took a second at 10,000 sources)."""
    assert page.content is not None
    if blocks:
        targets = sorted({target for block in blocks.values() for target in block["targets"]})
        absent = sorted({target for block in blocks.values() for target in block["absent"]})
    else:
        targets, absent = _link_targets(page.file.url, page.content)
    return {
        "uri": page.file.src_uri,
        "source": _digest(page.file.content_bytes),
        "dest": page.file.dest_uri,
        "title": page._title_from_render,
        "toc": _toc_items(page.toc),
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()},
        "targets": targets,
        "absent": absent,
    }


def _restore(page: Page, entry: dict[str, Any], content: str,
             config: MkDocsConfig, files: Files) -> None:
    """Stands in for `Page.render`: what rendering gave, from the cache or a worker."""
    page.content = content
    page.toc = TableOfContents(_anchor_links(entry["toc"]))
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    page.links_to_anchors = {STATE.files[uri]: anchors for uri, anchors in entry["links"].items()}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not STATE.enabled:
        return markdown
    uri = page.file.src_uri
    STATE.populated += 1
    _report("pages", STATE.populated, STATE.total)
    if uri in STATE.reused:
        # Its HTML is the old one, linked in after the build: nothing to convert.
        entry = STATE.old[uri]
        content = ""
    else:
        found = STATE.converted.pop(uri, None)
        if found is None:  # MkDocs converts it, long pages a block at a time
            page.render = partial(_render_here, page)  # type: ignore[method-assign]
            return markdown
        entry = found
        content = entry.pop("content")
        if "search" in entry:
            STATE.search_text[uri] = entry.pop("search")
    # Instead of converting again, the page takes what converting gave.
    page.render = partial(_restore, page, entry, content)  # type: ignore[method-assign]
    STATE.new[uri] = entry
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STATE.enabled and page.file.src_uri not in STATE.new:
        blocks = STATE.blocks_here.pop(page.file.src_uri, None)
        entry = STATE.new[page.file.src_uri] = _content_entry(page, blocks)
        if blocks is not None:
            entry["blocks"] = blocks
    return html


def _same_bytes(file: File, old: str) -> bool:
    """Whether the old site's `old` holds exactly what `file` would be copied as."""
    try:
        if os.path.getsize(old) != (len(file.content_bytes) if file.abs_src_path is None
                                    else os.path.getsize(file.abs_src_path)):
            return False
        with open(old, "rb") as kept:
            return kept.read() == file.content_bytes
    except OSError:
        return False


def _copy_nothing(dirty: bool = False) -> None:
    """Stands in for `File.copy_file` when the old site already holds the file."""


def _keep_static_files(files: Files, old_site: str) -> None:
    """In place, a static file (the theme's scripts, the dossier's assets) already in the old
    site as it would be copied is left there, not copied again."""
    for file in files:
        if (not file.is_documentation_page()
                and _same_bytes(file, os.path.join(old_site, file.dest_uri))):
            file.copy_file = _copy_nothing  # type: ignore[method-assign]


_mkdocs_build_page = getattr(mkdocs_build._build_page, "mkdocs_own", mkdocs_build._build_page)
"""MkDocs' own `_build_page`, even when this hook is loaded again in the same process."""


def _build_page(page: Page, config: MkDocsConfig, doc_files: Any, nav: Navigation, env: Any,
                dirty: bool = False, excluded: bool = False) -> None:
    """Stands in for MkDocs' `_build_page`: a reused page's HTML is the old one (left in
    place, or linked in after the build), so it is only indexed for search and counted, with
    no context made, no template rendered and nothing written; any other page is built as
    MkDocs builds it. Reuse is on only when no other plugin takes part in a page (see
    `_cacheable`); the search plugin's own step here is adding the page to its index."""
    if STATE.ahead is None:
        STATE.ahead = _build_ahead(config, doc_files, nav, env)
    uri = page.file.src_uri
    if uri in STATE.ahead:  # written already: its search entries go in, in page order
        if STATE.index is not None:
            STATE.index.add_entry_from_context(page)
        return
    if uri not in STATE.reused or excluded:
        _mkdocs_build_page(page, config, doc_files, nav, env, dirty, excluded)
        return
    if STATE.index is not None:
        STATE.index.add_entry_from_context(page)
    on_post_page("", page, config)


def _build_ahead(config: MkDocsConfig, doc_files: Any, nav: Navigation, env: Any) -> set[str]:
    """Build the pages to build (neither reused nor excluded) on every core before MkDocs'
    loop reaches them: the theme's template and writing the file are a fifth of a full build,
    and would run on one core. Their search entries are kept aside, for the loop to add in
    page order. Below a few hundred pages, or on one core, MkDocs' loop builds them itself."""
    workers = int(os.environ.get(ENV_WORKERS) or 1) - 1
    todo = [file for file in doc_files
            if file.src_uri not in STATE.reused and not file.inclusion.is_excluded()]
    if workers < 1 or len(todo) < BUILD_AHEAD:
        return set()
    global _BUILDING
    _BUILDING = (config, doc_files, nav, env)
    sizes = [PAGE_COST + len(file.page.content or "") for file in todo]
    chunks = _chunks(todo, sizes)
    STATE.deferring = True
    helpers = _Helpers(chunks, workers, _build_chunk)
    ahead: set[str] = set()
    for chunk in helpers.taken_here():
        ahead.update(_build_chunk(chunks[chunk], None))
        _report("writing", STATE.built + len(ahead), STATE.total)
    for built in helpers.received():
        for uri, search in built:
            ahead.add(uri)
            if search is not None:
                STATE.search_text[uri] = search
        _report("writing", STATE.built + len(ahead), STATE.total)
    STATE.deferring = False
    STATE.built += len(ahead)
    _BUILDING = None
    return ahead


def _build_chunk(uris: list[str], warnings: _Warnings | None) -> list[Any]:
    """Build each page as MkDocs' loop would. In this process: the pages built. In a worker
    (`warnings` counting what it logs): each page built without a warning or an error, with
    its search entries; the others are left for MkDocs' loop to build again and say."""
    assert _BUILDING is not None
    config, doc_files, nav, env = _BUILDING
    done: list[Any] = []
    for uri in uris:
        page = STATE.files[uri].page
        assert page is not None
        if warnings is None:
            _mkdocs_build_page(page, config, doc_files, nav, env)
            done.append(uri)
            continue
        before = warnings.count
        try:
            _mkdocs_build_page(page, config, doc_files, nav, env)
        except Exception:  # MkDocs' loop builds it again, and says what failed
            continue
        if warnings.count == before:
            done.append((uri, STATE.search_text.get(uri)))
    return done


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if STATE.enabled and _BUILT_NAV is not None:
        STATE.structure = (files, _BUILT_NAV, env)
    stand_in = files.src_uris.get(os.environ.get(ENV_STAND_IN) or "")
    if stand_in is not None:
        stand_in.copy_file = _copy_nothing  # type: ignore[method-assign]
    old_site = os.environ.get(ENV_OLD_SITE)
    if STATE.enabled and STATE.in_place and old_site:
        _keep_static_files(files, old_site)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    STATE.built += 1
    _report("writing", STATE.built, STATE.total)
    return output


class _PageIndex:
    """Wraps the search plugin's index: a page's entries come from the cache or a worker when
    known, and the index is written from each page's entries in page order, as a clean build
    writes it."""

    def __init__(self, index: Any) -> None:
        self.index = index
        self.parts: list[str] = []

    def entries_of(self, page: Page) -> str:
        """The page's entries as JSON text, computed by the wrapped index (a long page's a run
        of its blocks at a time)."""
        parts = STATE.block_parts.pop(page.file.src_uri, None)
        if parts is not None:
            text = mkdocs_blocks.search_entries(page, parts, self.index)
            if text is not None:
                return text
        before = len(self.index.entries)
        self.index.add_entry_from_context(page)
        added = self.index.entries[before:]
        del self.index.entries[before:]
        return ",".join(json.dumps(e, separators=(",", ":"), default=str) for e in added)

    def add_entry_from_context(self, page: Page) -> None:
        uri = page.file.src_uri
        if STATE.deferring:  # built ahead: the entries wait for the page's turn
            if uri not in STATE.search_text:
                STATE.search_text[uri] = self.entries_of(page)
            return
        if uri in STATE.reused:
            text = STATE.old[uri]["search"]
        elif uri in STATE.search_text:
            text = STATE.search_text.pop(uri)
        else:
            text = self.entries_of(page)
        if uri in STATE.new:
            STATE.new[uri]["search"] = text
        if text:
            self.parts.append(text)

    def generate_search_index(self, prev: Any) -> str:
        empty: str = self.index.generate_search_index(None)
        if not empty.endswith("[]}"):
            raise RuntimeError("Material's search index is not laid out as build-dossier expects")
        return empty[:-2] + ",".join(self.parts) + "]}"

    def __getattr__(self, name: str) -> Any:
        return getattr(self.index, name)


def _make_folder(folder: str, made: set[str]) -> None:
    """`os.makedirs`, without asking the disk again about the folders it made or saw."""
    parent = os.path.dirname(folder)
    if folder in made or parent == folder:
        return
    _make_folder(parent, made)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder)
    made.add(folder)


@event_priority(-100)  # after the search index is written
def on_post_build(config: MkDocsConfig) -> None:
    if not STATE.enabled:
        return
    old_site = os.environ.get(ENV_OLD_SITE)
    pages: dict[str, dict[str, Any]] = {}
    made: set[str] = set()
    for uri, entry in STATE.new.items():
        target = os.path.join(config.site_dir, entry["dest"])
        if uri in STATE.reused:
            assert old_site is not None
            if not STATE.in_place:  # else it stays where it is
                _make_folder(os.path.dirname(target), made)
                os.link(os.path.join(old_site, entry["dest"]), target)
            # The very file `on_nav` found intact (a link to it has its size, time and inode):
            # its entry stands as it is, but for the staged file it came from.
            _note_source(entry, STATE.files[uri])
            pages[uri] = entry
            continue
        try:
            stat = os.stat(target)
        except FileNotFoundError:  # the theme rendered it empty: nothing to reuse
            continue
        if not STATE.indexed:
            entry["search"] = ""
        elif "search" not in entry:  # excluded from search or never indexed: convert again
            continue
        entry["output"] = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        _note_source(entry, STATE.files[uri])
        pages[uri] = entry
    new_cache = os.environ.get(ENV_NEW_CACHE)
    if new_cache:
        data = {"format": FORMAT, "fingerprint": STATE.fingerprint, "nav": STATE.nav,
                "addresses": STATE.addresses,
                "pages": pages, "meta": STATE.meta}
        # orjson: the cache is 19 MB at 1,000 sources, and json took half a second to write it.
        Path(new_cache).write_bytes(orjson.dumps(data))
        mkdocs_service.KEPT["cache"] = (_file_key(new_cache), data)
    manifest = os.environ.get(ENV_MANIFEST)
    if manifest:  # serve's build, first or not (`ENV_SITE` comes with it)
        names = _write_manifest(Path(manifest), config)
        _keep_for_next(config, pages, names)
    _report("done", STATE.total, STATE.total, force=True)
    _let_go()


def _let_go() -> None:
    """Drop this build's pages and files: `serve`'s MkDocs process keeps this module between
    builds, and would hold a whole build (a gigabyte at 10,000 sources) until the next."""
    global STATE, _WORKER, _BUILT_NAV
    STATE = _State()
    _WORKER = None
    _BUILT_NAV = None


def _note_source(entry: dict[str, Any], file: File) -> None:
    """Keep in the page's entry the staged file it was made from and its front matter, for
    the next build to know the page unchanged without reading it (when the front matter is
    plain JSON: a date, say, is not)."""
    uri = file.src_uri
    entry["stat"] = STATE.source_keys[uri] if uri in STATE.source_keys else _source_key(file)
    if uri in STATE.read_from_cache:  # its front matter is the entry's own
        return
    meta = file.page.meta if file.page is not None else None
    try:
        same = isinstance(meta, dict) and orjson.loads(orjson.dumps(meta)) == meta
    except TypeError:
        same = False
    if same:
        entry["meta"] = meta
    else:
        entry.pop("meta", None)


def _write_manifest(path: Path, config: MkDocsConfig) -> list[str]:
    """Every file of the whole site: the pages and static files MkDocs knows, reused or not,
    and whatever else this build wrote (the search index, the sitemap, the 404 page)."""
    site_dir = Path(config.site_dir)
    names = {file.dest_uri for file in STATE.files.values()
             if file.inclusion.is_included()}  # type: ignore[no-untyped-call]
    names.update(written.relative_to(site_dir).as_posix()
                 for written in site_dir.rglob("*") if written.is_file())
    listed = sorted(names)
    path.write_bytes(orjson.dumps(listed))
    return listed


# The quick build: `serve`'s MkDocs keeps its last good build in place (files, nav, templates and
# each page's entry) and, when the next request changes only pages' Markdown, or adds or
# removes pages outside the nav, builds just those pages and the search index, as a clean build
# would (at 10,000 sources MkDocs' own loop took 9 s over 30,000 unchanged pages).


@dataclass
class _Kept:
    """What a build in place leaves for the next in the same process."""

    config: MkDocsConfig
    config_file: str
    sources: list[str]
    """`_config_files` and `_theme_files`: a change means a full build."""
    epoch: str | None
    old_site: str
    files: Files
    nav: Navigation
    env: Any
    index: Any
    """The search plugin's wrapped index (None without search)."""
    pages: dict[str, dict[str, Any]]
    meta: dict[str, str]
    docs: dict[str, list[int]]
    """Every staged file under docs/, as `_docs_now` found it."""
    statics: dict[str, str]
    """The digest of each staged file that is not a page."""
    others: dict[str, list[int] | None]
    """Every file of the site that is not a page, as `_output_key` finds it in `site/`."""
    names: set[str]
    """Every file of the whole site (the manifest)."""
    fingerprint: str
    nav_digest: str
    cache: str | None
    """Where the cache the next process reads is (`ENV_CACHE`)."""
    written: list[int] | None = None
    """That cache file as this process last wrote it (a full build's is renamed into place by
    `site_cache.commit`): rewritten while this process is idle only if nobody else replaced it
    since."""


def _cache_key(path: str | None) -> list[int] | None:
    try:
        return _file_key(path) if path else None
    except OSError:
        return None


def _outside_nav(file: File) -> bool:
    return bool(file.inclusion.is_not_in_nav())  # type: ignore[no-untyped-call]


def _output_key(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def _docs_now(docs_dir: str) -> dict[str, list[int]]:
    """Every file under `docs_dir` (as `get_files` walks it) with its `_source_key`."""
    found: dict[str, list[int]] = {}
    for here, _, names in os.walk(docs_dir, followlinks=True):
        relative = os.path.relpath(here, docs_dir).replace(os.sep, "/")
        for name in names:
            uri = name if relative == "." else f"{relative}/{name}"
            if uri != STAGED_CHANGES and (key := _stat_key(os.path.join(here, name))):
                found[uri] = key
    return found


def _stat_key(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]


def _take_noted(docs_dir: str) -> list[str] | None:
    """The files `serve` says it changed in the staged docs since the last build, the list
    emptied for the next; None when it says nothing (then every file is looked at)."""
    path = os.path.join(docs_dir, STAGED_CHANGES)
    try:
        with open(path, "rb") as noted:
            listed = orjson.loads(noted.read())
        os.unlink(path)
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(listed, list) or not all(isinstance(uri, str) for uri in listed):
        return None
    return listed


def _docs_after(kept: _Kept) -> dict[str, list[int]]:
    """The staged docs now: the kept state of each file, looked at again where `serve` says
    it changed something, and for every file that is not a page (the PDF and its stand-in
    are written beside the staging)."""
    docs_dir = kept.config.docs_dir
    noted = _take_noted(docs_dir)
    if noted is None:
        return _docs_now(docs_dir)
    docs = dict(kept.docs)
    for uri in {*noted, *(uri for uri in kept.docs if not uri.endswith(".md"))}:
        key = _stat_key(os.path.join(docs_dir, uri))
        if key is None:
            docs.pop(uri, None)
        else:
            docs[uri] = key
    return docs


def _walk_key(uri: str) -> tuple[tuple[str, ...], bool, str]:
    """Where `get_files` puts a file: folders walked in name order, a folder's own files
    before its subfolders', an index first."""
    *folders, name = uri.split("/")
    return (tuple(folders), os.path.splitext(name)[0] not in ("index", "README"), name)


def _keep_for_next(config: MkDocsConfig, pages: dict[str, dict[str, Any]],
                   names: list[str]) -> None:
    """Leave this build for the next one in this process, when a quick build can start from
    it: its pages in the order a quick build would give them, and nothing else taking part."""
    mkdocs_service.KEPT.pop("pending", None)
    # Where site/ is, or, without one yet, where this build's staged site is renamed whole:
    # its files are then the site's, with the same sizes, times and inodes.
    old_site = os.environ.get(ENV_SITE)
    if STATE.structure is None or config.extra_templates or not old_site:
        return
    files, nav, env = STATE.structure
    docs_dir = config.docs_dir
    doc_uris = [file.src_uri for file in files if file.src_dir == docs_dir]
    if doc_uris != sorted(doc_uris, key=_walk_key):
        return
    for file in files.documentation_pages():
        if file.page is not None:  # kept for its title, address, anchors and links only
            file.page.markdown, file.page.content = "", ""
    site_dir = config.site_dir
    others = {}
    for name in set(names) - {entry["dest"] for entry in pages.values()}:
        written = _output_key(os.path.join(site_dir, name))
        others[name] = written if written is not None else _output_key(
            os.path.join(old_site, name))
    docs = _docs_now(docs_dir)
    statics = {uri: _digest(files.src_uris[uri].content_bytes) for uri in docs
               if uri in files.src_uris and not files.src_uris[uri].is_documentation_page()}
    mkdocs_service.KEPT["pending"] = partial(quick_build, _Kept(
        config=config, config_file=config.config_file_path,
        sources=[*_config_files(config), *_theme_files(config)],
        epoch=os.environ.get("SOURCE_DATE_EPOCH"), old_site=old_site, files=files, nav=nav,
        env=env, index=STATE.index, pages=pages, meta=dict(STATE.meta), docs=docs,
        statics=statics, others=others, names=set(names), fingerprint=STATE.fingerprint,
        nav_digest=STATE.nav, cache=os.environ.get(ENV_CACHE),
        written=_cache_key(os.environ.get(ENV_NEW_CACHE))))


@dataclass
class _Changes:
    """What changed in the staged docs since the kept build."""

    pages: list[str]
    added: list[str]
    removed: list[str]
    docs: dict[str, list[int]]
    copies: dict[str, str]
    """Files that are not pages, changed, with their digests now: copied as they are. (Read
    and hashed once: `dossier.json` is 100 MB at 10,000 sources.)"""


def _changes(kept: _Kept) -> _Changes | None:
    """The pages changed, added and removed; None when anything else changed (a static file,
    a page in the nav added or removed, a name two files would share), for a full build."""
    docs = _docs_after(kept)
    added = sorted(docs.keys() - kept.docs.keys())
    removed = sorted(kept.docs.keys() - docs.keys())
    changed: list[str] = []
    copies: dict[str, str] = {}
    for uri in docs.keys() & kept.docs.keys():
        if docs[uri] == kept.docs[uri]:
            continue
        file = kept.files.src_uris.get(uri)
        if file is None:
            return None
        digest = _digest(file.content_bytes)
        if not file.is_documentation_page():
            if kept.statics.get(uri) != digest:
                copies[uri] = digest
        elif uri not in kept.pages:
            return None
        elif kept.pages[uri]["source"] != digest:
            changed.append(uri)
    for uri in removed:
        file = kept.files.src_uris.get(uri)
        if file is None or not _outside_nav(file) or uri not in kept.pages:
            return None
    return _Changes(sorted(changed), added, removed, docs, dict(sorted(copies.items())))


def _site_as_kept(kept: _Kept) -> bool:
    """Whether `site/` holds every file as the kept build left it (and so whether that build
    was moved in at all): as `_old_output_intact` asks of each reused page in a full build."""
    site = kept.old_site
    return (all(_output_key(os.path.join(site, entry["dest"])) == entry["output"]
                for entry in kept.pages.values())
            and all(_output_key(os.path.join(site, name)) == key
                    for name, key in kept.others.items()))


def _new_files(kept: _Kept, changes: _Changes) -> Files | None:
    """The kept files with the removed pages gone and the added ones in `get_files`' order;
    None if an added file is not a page outside the nav, or takes another's address."""
    config = kept.config
    if not changes.added and not changes.removed:
        return kept.files
    added = [File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)
             for uri in changes.added]
    set_exclusions(added, config)
    dests = {file.dest_uri for file in kept.files}
    if any(not file.is_documentation_page() or not _outside_nav(file)
           or file.dest_uri in dests for file in added):
        return None
    gone = set(changes.removed)
    docs = [file for file in kept.files if file.src_dir == config.docs_dir
            and file.src_uri not in gone] + added
    docs.sort(key=lambda file: _walk_key(file.src_uri))
    return Files(docs + [file for file in kept.files if file.src_dir != config.docs_dir])


def _quick_plan(kept: _Kept, config_file: str) -> tuple[_Changes, Files] | None:
    """What a quick build would do, or None when only a full build gives a clean build's
    site. Nothing is changed here."""
    if (config_file != kept.config_file or os.environ.get(ENV_OLD_SITE) != kept.old_site
            or not os.environ.get(ENV_MANIFEST)
            or kept.sources != [*_config_files(kept.config), *_theme_files(kept.config)]):
        return None
    changes = _changes(kept)
    if changes is None or not _site_as_kept(kept):
        return None
    files = _new_files(kept, changes)
    if files is None:
        return None
    in_nav = {page.file.src_uri: page for page in kept.nav.pages}
    if any(uri in in_nav for uri in [*changes.added, *changes.removed]):
        return None
    # A nav page titled by its Markdown changes every page's nav.
    if any(uri in in_nav and in_nav[uri].__dict__.get("title") is None for uri in changes.pages):
        return None
    return changes, files


def quick_build(kept: _Kept, config_file: str) -> bool:
    """Build only what changed since the kept build, into the staged site, as `serve`'s
    MkDocs would in full; False (nothing done) when a full build is needed. Warnings fail it
    as in strict mode."""
    plan = _quick_plan(kept, config_file)
    if plan is None:
        return False
    changes, files = plan
    started = time.monotonic()
    counter = mkdocs_utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        built, pages = _build_changed(kept, changes, files)
        if counts := counter.get_counts():
            said = ", ".join(f"{count} {level.lower()}s" for level, count in counts)
            raise Abort(f"Aborted with {said} in strict mode!")
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    log.info(f"build_dossier: {built} pages built again, the other pages kept "
             f"({len(changes.added)} added, {len(changes.removed)} removed)")
    print(f"{PROGRESS_MARK} quick {built} {pages}", file=sys.stderr, flush=True)
    log.info(f"Documentation built in {time.monotonic() - started:.2f} seconds")
    return True


def _to_build(kept: _Kept, changes: _Changes, doc_files: Sequence[File]) -> list[File]:
    """The pages to build: those changed or added, and with files added or removed, those
    whose links now lead elsewhere."""
    todo = {*changes.pages, *changes.added}
    if changes.added or changes.removed:
        todo.update(uri for uri, entry in kept.pages.items()
                    if uri not in changes.removed and not _reusable(entry))
    return [file for file in doc_files if file.src_uri in todo]


def _fresh_page(file: File, config: MkDocsConfig, nav: Navigation) -> Page:
    """A page to read and convert again: a new one, or for a page in the nav the nav's own,
    emptied (the nav's titles, order and neighbours stay)."""
    page = file.page
    if page is None or not any(page is listed for listed in nav.pages):
        return Page(None, file, config)
    page.markdown, page.content, page.toc, page.meta = None, None, [], {}  # type: ignore[assignment]
    page._title_from_render = None
    for stand_in in ("read_source", "render"):  # the last build's, from its cache
        page.__dict__.pop(stand_in, None)
    page.present_anchor_ids, page.links_to_anchors = None, None
    return page


def _build_changed(kept: _Kept, changes: _Changes, files: Files) -> tuple[int, int]:
    """Convert, check, template and write the pages to build; the search index, sitemap and
    manifest as a clean build would have them; then keep this build for the next. How many
    pages it built, of how many. (Listing the pages took 0.15 s at 10,000 sources: once.)"""
    global STATE, _WORKER
    config = kept.config
    STATE = _State(enabled=True, in_place=True, old=kept.pages, old_meta=kept.meta,
                   files=files.src_uris)
    STATE.old_blocks = {uri: entry["blocks"] for uri, entry in kept.pages.items()
                        if isinstance(entry.get("blocks"), dict)}
    STATE.urls = {_address(file.url) for file in files}
    doc_files = files.documentation_pages()
    todo = _to_build(kept, changes, doc_files)
    STATE.reused = {file.src_uri for file in doc_files} - {file.src_uri for file in todo}
    STATE.total = len(todo)
    search = _search_plugin(config)
    if kept.index is not None:
        STATE.index = search.search_index = _PageIndex(type(kept.index.index)(**search.config))
        STATE.indexed = True
    for file in todo:
        _fresh_page(file, config, kept.nav)
    first, rest = _first_and_rest(todo)
    for group in (first, rest):
        if group is rest:
            _convert_all(rest, config, files)
        for file in group:
            assert file.page is not None
            mkdocs_build._populate_page(file.page, config, files)
        if group is rest:
            _check_anchors(kept, files, doc_files, todo, config)
        for file in group:
            assert file.page is not None
            _mkdocs_build_page(file.page, config, doc_files, kept.nav, kept.env)
        if group is first and first:
            _say_first(config.site_dir, first)
    for uri, digest in changes.copies.items():
        File.copy_file(files.src_uris[uri])  # the class's own: the full build may set it aside
        kept.statics[uri] = digest
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch != kept.epoch:  # the build date: the sitemap's, not the pages' (see `_fingerprint`)
        for file in doc_files:
            if file.page is not None:
                file.page.update_date = mkdocs_utils.get_build_date()
    if changes.added or changes.removed or epoch != kept.epoch:
        kept.epoch = epoch
        for template in sorted(config.theme.static_templates):
            mkdocs_build._build_theme_template(template, kept.env, files, config, kept.nav)
    pages = _entries_after(kept, changes, todo)
    _write_index(kept, pages, doc_files, todo)
    _keep_quick(kept, changes, files, pages, todo)
    _report("done", STATE.total, STATE.total, force=True)
    STATE, _WORKER = _State(), None
    return len(todo), len(doc_files)


def _first_and_rest(todo: list[File]) -> tuple[list[File], list[File]]:
    """The pages to build first, and the others: with long pages to build (the quote index,
    the chronology, which take seconds), the short ones go first, for `serve` to show the
    edited source's page while the long ones are built. (Their links to anchors are checked
    with the others': a warning still fails the build, and `serve` then shows the last good
    pages again.)"""
    long = {file.src_uri for file in todo
            if len(file.content_bytes) >= mkdocs_blocks.BLOCKS_MIN}
    if not long or len(long) == len(todo):
        return [], todo
    return ([file for file in todo if file.src_uri not in long],
            [file for file in todo if file.src_uri in long])


def _say_first(site_dir: str, first: list[File]) -> None:
    """Name the pages built first, written whole in the staged site."""
    said = {"site": site_dir, "files": sorted(file.dest_uri for file in first)}
    print(f"{FIRST_MARK} {json.dumps(said)}", file=sys.stderr, flush=True)


def _check_anchors(kept: _Kept, files: Files, doc_files: Sequence[File], built: list[File],
                   config: MkDocsConfig) -> None:
    """MkDocs' check of links to anchors, for the pages built, and for the pages linking to an
    anchor one of them no longer has (the others passed the last build's check)."""
    level = config.validation.links.anchors
    for file in built:
        if file.page is not None:
            file.page.validate_anchor_links(files=files, log_level=level)
    gone = {}
    for file in built:
        before = kept.pages.get(file.src_uri, {}).get("anchors", [])
        now = file.page.present_anchor_ids if file.page is not None else None
        if now is not None and not now.issuperset(before):
            gone[file] = set(before) - now
    if not gone:
        return
    left_alone = set(doc_files) - set(built)
    for file in doc_files:
        page = file.page
        if file in left_alone and page is not None and page.links_to_anchors and any(
                target in gone and not gone[target].isdisjoint(anchors)
                for target, anchors in page.links_to_anchors.items()):
            page.validate_anchor_links(files=files, log_level=level)


def _entries_after(kept: _Kept, changes: _Changes,
                   todo: list[File]) -> dict[str, dict[str, Any]]:
    """Every page's entry after this build, in the order of the site's pages."""
    pages = {uri: entry for uri, entry in kept.pages.items() if uri not in changes.removed}
    for file in todo:
        uri = file.src_uri
        entry = STATE.new.get(uri)
        output = _output_key(os.path.join(kept.config.site_dir, file.dest_uri))
        if entry is None or output is None or (STATE.indexed and "search" not in entry):
            pages.pop(uri, None)  # never built whole: the next build takes it as changed
            continue
        entry.setdefault("search", "")
        entry["output"] = output
        _note_source(entry, file)
        pages[uri] = entry
    return pages


def _write_index(kept: _Kept, pages: dict[str, dict[str, Any]], doc_files: Iterable[File],
                 todo: list[File]) -> None:
    """The search index, written when a page's entries changed: every page's in page order."""
    if STATE.index is None:
        return
    same = len(pages) == len(kept.pages) and all(
        pages.get(file.src_uri, {}).get("search") == kept.pages.get(file.src_uri, {}).get("search")
        for file in todo)
    if same:
        return
    STATE.index.parts = [text for file in doc_files
                         if (text := pages.get(file.src_uri, {}).get("search"))]
    path = os.path.join(kept.config.site_dir, "search", "search_index.json")
    mkdocs_utils.write_file(STATE.index.generate_search_index(None).encode("utf-8"), path)


def _keep_quick(kept: _Kept, changes: _Changes, files: Files,
                pages: dict[str, dict[str, Any]], built: list[File]) -> None:
    """The manifest of the whole site, and this build kept for the next."""
    site_dir = kept.config.site_dir
    names = (kept.names - {kept.pages[uri]["dest"] for uri in changes.removed}
             | {files.src_uris[uri].dest_uri for uri in changes.added})
    manifest = os.environ.get(ENV_MANIFEST)
    assert manifest is not None
    Path(manifest).write_bytes(orjson.dumps(sorted(names)))
    for name in kept.others:
        written = _output_key(os.path.join(site_dir, name))
        if written is not None:
            kept.others[name] = written
    for file in built:  # the others were emptied when they were kept
        if file.page is not None:
            file.page.markdown, file.page.content = "", ""
    kept.files, kept.pages, kept.docs, kept.names = files, pages, changes.docs, names
    kept.meta.update(STATE.meta)
    mkdocs_service.KEPT["pending"] = partial(quick_build, kept)
    mkdocs_service.KEPT["idle"] = partial(_write_cache, kept)


def _write_cache(kept: _Kept) -> None:
    """Write the cache of the last quick build where the next process reads it, while `serve`
    waits for a save: a quick build writes none (0.5 GB at 10,000 sources), and `make site`
    after `serve` would convert again every page `serve` built. Written beside it and renamed,
    and only while that file is still the one the last full build here committed."""
    if kept.cache is None or kept.written is None or _cache_key(kept.cache) != kept.written:
        return
    urls = sorted(_address(file.url) for file in kept.files)
    data = {"format": FORMAT, "fingerprint": kept.fingerprint, "nav": kept.nav_digest,
            "addresses": _digest("\n".join([*urls, "", *sorted(kept.files.src_uris)]).encode()),
            "pages": kept.pages, "meta": kept.meta}
    fresh = f"{kept.cache}.{os.getpid()}.tmp"
    Path(fresh).write_bytes(orjson.dumps(data))
    os.replace(fresh, kept.cache)
    kept.written = _file_key(kept.cache)
    mkdocs_service.KEPT["cache"] = (kept.written, data)
