"""Briefing-dossier site generator: annotated sources in, Markdown pages out."""
