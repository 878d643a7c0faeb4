"""Stands in for MkDocs in tests not marked `slow` (tests/conftest.py puts this folder first on
the PYTHONPATH of their child processes): a site build there fails and says why."""

import sys

if __name__ == "__main__":
    sys.exit("Error: this test runs MkDocs, so it must be marked @pytest.mark.slow "
             "(tests/conftest.py keeps `pytest -m 'not slow'` free of site builds)")
