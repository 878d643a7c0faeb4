"""The drafting tool, `build-dossier new`: a plain text in, a source file with its front matter
pre-filled and every guess marked for the editor to confirm. It reads the registries, never the
build's output, and never overwrites a file."""
