"""The drafting tool, `build-dossier new`: a text in, a new source file with its front matter
drafted out. Apart from the build; it reads the registries through `load` and writes one file.

    inputs → titles, language, dates → textparts → kinds (turns, quotes ← marks, reported,
           speakers) → events → frontmatter; new ties them together
"""
