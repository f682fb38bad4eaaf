from __future__ import annotations

import pytest

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(load_dir(settings.get().data_dir / "actors"))
