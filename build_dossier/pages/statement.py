"""A statement's own page (`quotes/<anchor>.md`): its words in each wording, who said it, when
and where, every source carrying it, the lines it repeats, and a citation to copy.

Light on purpose: there is one per statement (17,000 at 10,000 sources), so no source text and
no list that grows with the dossier; the quote index and the source pages hold those.
"""

from __future__ import annotations

from markupsafe import Markup

from ..addresses import served_at, statement_page
from ..citation import Citation, cited_kind, statement_citation
from ..markup import esc, esc_block
from ..model import Dossier, FuzzyDate, QuoteCluster, QuoteKind
from .fragments import event_link, kind_of, person_link, source_link, speaker_name, statement_link
from .layout import page

SEARCH_BOOST = 10
"""How much search favours a statement's page over the pages quoting it (a person's is 5)."""
PEOPLE_LIMIT = 8
"""People of the statement's event listed on its page."""
LONG_WORDS = 60
"""A statement longer than this (a communiqué, not a line) has only its opening as heading."""
HEADING_WORDS = 40
"""The words of a long statement in its heading."""
TITLE_WORDS = 12
"""Words of the statement in the page's title."""


def render_statement(d: Dossier, cluster: QuoteCluster) -> str:
    """The page of one statement."""
    citation = statement_citation(d, cluster)
    here = statement_page(cluster.anchor)
    event = d.events.get(cluster.event or "")
    date = cluster.date or (event.date if event else None)
    people = [p for p in (event.participants if event else ()) if p != cluster.speaker]
    outlets = sorted({d.sources[s].outlet or "Outlet not recorded" for s in cluster.source_ids})
    words = cluster.text.split()
    long = len(words) > LONG_WORDS
    heading = " ".join(words[:HEADING_WORDS]) + " …" if long else cluster.text
    return page(d, "statement.md.j2", here, _title(d, cluster), boost=SEARCH_BOOST,
                description=_description(d, cluster),
                front={"citation": [list(pair) for pair in citation.meta]},
                c=cluster, shown=kind_of(cluster.variants[0].quotes), heading=heading,
                long=long, rest=" ".join(words[HEADING_WORDS:]),
                event=event, date=date, wordings=cluster.variants, people=people[:PEOPLE_LIMIT],
                more_people=len(people) - PEOPLE_LIMIT, kind=cited_kind(cluster),
                outlets=outlets, month=_month(date), recurring=recurring_lines(d, cluster, here),
                citation=citation, cite_block=cite_block)


def _month(date: FuzzyDate | None) -> str:
    """The month a statement was made in, as the search filter shows it: `January 2022`."""
    if date is None or date.month is None:
        return ""
    return FuzzyDate(date.year, date.month).human()


def _title(d: Dossier, cluster: QuoteCluster) -> str:
    words = cluster.text.split()
    head = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    speaker = speaker_name(d, cluster.speaker)
    if kind_of(cluster.variants[0].quotes) is QuoteKind.PARAPHRASE:
        return f"{speaker} (paraphrase): {head}"
    return f"{speaker}: “{head}”"


def _description(d: Dossier, cluster: QuoteCluster) -> str:
    kind = kind_of(cluster.variants[0].quotes)
    speaker = speaker_name(d, cluster.speaker)
    if kind is QuoteKind.PARAPHRASE:
        return f"{speaker}, paraphrased: {cluster.text}"
    return f"{speaker}, {kind.label.lower()}: “{cluster.text}”"


def recurring_lines(d: Dossier, cluster: QuoteCluster, here: str) -> list[Markup]:
    """`also said by X, at Y (statement)` for each statement repeating this one's line."""
    lines = []
    for anchor in d.recurring.get(cluster.anchor, ()):
        other = d.cluster(anchor)
        who = ("Also said by " + person_link(d, other.speaker, here)
               if other.speaker != cluster.speaker else "Also said")
        event = d.events.get(other.event or "")
        date = other.date or (event.date if event else None)
        at = [event_link(d, event.id, here)] if event else []
        at += [esc(date.human())] if date else []
        where = ", ".join(at) or "occasion not recorded"
        sources = "; ".join(source_link(d, s, here) for s in other.source_ids[:3])
        page_link = statement_link(anchor, here, "that statement")
        lines.append(Markup(f"{who}, {where}: {page_link}; in {sources}"))
    return lines


def cite_block(citation: Citation, name: str, here: str) -> Markup:
    """The citation in plain text, RIS and BibTeX, each with a copy button (shown by
    `assets/citation.js`, which works offline; without script the text can still be selected)."""
    # CSL-JSON is in dossier.json: on 17,000 pages it would weigh more than the other two.
    forms = (("Plain text", citation.text), ("RIS", citation.ris), ("BibTeX", citation.bibtex))
    path = served_at(here)
    root = "../" * path.count("/")
    out = ['<div class="dossier-cite" data-search-exclude="citation" '
           'data-pagefind-ignore="all">']
    for label, text in forms:
        slug = label.lower().replace(" ", "-")
        button = (f'<button type="button" class="md-button dossier-copy" hidden '
                  f'data-copy="cite-{slug}">Copy</button>')
        pre = (f'<pre class="dossier-cite__text" id="cite-{slug}" data-site-path="{path}" '
               f'data-root="{root}">{esc_block(text.rstrip())}</pre>')
        # Figure and details, not divs: Material's search stops excluding at an inner </div>.
        if label == "Plain text":
            out.append(f'<figure class="dossier-cite__form"><p class="dossier-cite__label">'
                       f'{esc(name)}, as text {button}</p>{pre}</figure>')
        else:
            out.append(f'<details class="dossier-cite__form"><summary>{label} (for reference '
                       f'managers)</summary><p class="dossier-cite__label">{button}</p>{pre}'
                       f'</details>')
    out.append("</div>")
    return Markup("\n".join(out))


def statement_moved(anchor: str) -> bytes:
    """The page left at a statement's former address: it sends the reader to the statement
    (highlighted), and search engines to its one address. Static HTML, a few hundred bytes."""
    target = f"../{anchor}/#{anchor}"
    return (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<title>Statement moved</title>\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="../{anchor}/">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n</head>\n<body>\n'
            f'<p>This statement is now at <a href="{target}">{anchor}</a>.</p>\n'
            f'</body>\n</html>\n').encode()
