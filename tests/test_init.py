"""The public API: every name in ``patron.__all__`` imports, ``__version__`` is the
installed distribution's, and importing a light module loads nothing heavy."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tomllib

import pytest

import patron
from tests.factory import REPO


@pytest.mark.parametrize("name", patron.__all__)
def test_every_public_name_imports(name: str) -> None:
    assert getattr(patron, name) is not None
    assert name in dir(patron)


def test_public_names_are_the_modules_own_objects() -> None:
    from patron.kb import KnowledgeBase
    from patron.model import Claim
    from patron.store.filters import ClaimFilter
    from patron.vocab import VOCAB

    assert patron.KnowledgeBase is KnowledgeBase and patron.Claim is Claim
    assert patron.ClaimFilter is ClaimFilter and patron.VOCAB is VOCAB


def test_star_import_gives_every_public_name() -> None:
    space: dict[str, object] = {}
    exec("from patron import *", space)
    assert set(patron.__all__) <= set(space)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nonsense'"):
        patron.Nonsense  # noqa: B018 (the lookup under test)  # type: ignore[attr-defined]


def test_version_is_the_installed_metadata_and_the_pyproject_version() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert patron.__version__ == importlib.metadata.version("patron")
    assert patron.__version__ == pyproject["project"]["version"]


def test_importing_a_light_module_does_not_load_the_knowledge_base() -> None:
    code = "import sys, patron.vocab, patron.model; print('patron.kb' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert found.stdout.strip() == "False"
