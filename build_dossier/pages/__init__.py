"""Stage 3's page functions, Dossier → Markdown text, one module per kind of page; `render`
schedules them. Shared links and fragments are in `fragments`, the templates' set-up in `layout`.
"""
