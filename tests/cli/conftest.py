"""The simulate tests' fixed-parameter file, for ``patron simulate`` runs here too."""

from tests.simulate.conftest import params_file  # noqa: F401 (a fixture, found by name)
