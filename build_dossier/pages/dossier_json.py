"""`dossier.json`: the whole model for other tools."""

from __future__ import annotations

from typing import Any

import orjson

from ..citation import Citation, cited_kind, source_citation, statement_citation
from ..model import Dossier, FuzzyDate


def dossier_json(d: Dossier) -> bytes:
    """The whole model for other tools, as UTF-8 JSON: ids in lists refer to the records,
    dates are ISO."""

    def date(value: FuzzyDate | None) -> dict[str, Any] | None:
        if value is None:
            return None
        return {"iso": value.iso(), "precision": value.precision,
                "approximate": value.approximate}

    model = {
        "title": d.title,
        "sources": [{
            "id": s.id, "title": s.title, "outlet": s.outlet, "published": s.published.iso(),
            "published_precision": s.published.precision,
            "published_approximate": s.published.approximate,
            "url": s.url, "credit": s.credit, "author": s.author, "language": s.language,
            "summary": s.summary, "citation": _citation(source_citation(d, s)),
            "tags": list(s.tags), "text": s.body,
            "events_reported": list(s.reports), "events_announced": list(s.announces),
            "quotes": [{"index": q.index, "anchor": q.anchor, "cluster": d.cluster_of.get(
                (s.id, q.index)), "text": q.text, "speaker": q.speaker, "kind": q.kind.value,
                "event": q.event, "date": q.date.iso() if q.date else None,
                "span": list(q.span)} for q in s.quotes],
        } for s in d.sources.values()],
        "events": [{
            "id": e.id, "date": e.date.iso(), "date_detail": date(e.date), "title": e.title,
            "place": e.place, "description": e.description,
            "participants": list(e.participants),
            "reported_by": list(d.reported_by.get(e.id, ())),
            "announced_by": list(d.announced_by.get(e.id, ())),
        } for e in d.events.values()],
        "people": [{
            "id": p.id, "name": p.name, "kind": p.kind, "aliases": list(p.aliases),
            "role": p.role,
        } for p in d.people.values()],
        "quotes": [{
            "id": c.anchor, "aliases": list(c.aliases), "speaker": c.speaker, "event": c.event,
            "date": c.date.iso() if c.date else None, "text": c.text,
            "variants": [{"text": v.text, "sources": list(dict.fromkeys(
                q.source_id for q in v.quotes))} for v in c.variants],
            "sources": list(c.source_ids),
            "kind": cited_kind(c).value,
            "kinds": list(dict.fromkeys(q.kind.value for q in c.quotes)),
            "citation": _citation(statement_citation(d, c)),
        } for c in d.clusters],
    }
    # Compact UTF-8, the bytes json.dumps(model, ensure_ascii=False, separators=(",", ":"))
    # would give, five times faster: 70 MB at 10,000 sources took json a second of CPU.
    return orjson.dumps(model) + b"\n"


def _citation(citation: Citation) -> dict[str, Any]:
    """A citation for other tools: the text to paste and the CSL-JSON item."""
    return {"text": citation.text, "csl": citation.csl}
