"""The explorer over a generated knowledge base of 2,000 actors stays responsive: the
page loads and draws, and a filter redraws it. The times are logged (printed and
written to tests/web/artifacts/timings.txt), not asserted: machines differ."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from patron.kb import KnowledgeBase
from patron.model import Actor, Claim, Document, Evidence, TimeSpan
from patron.vocab import VOCAB
from tests.web.conftest import ARTIFACTS, CHROMIUM, Site, open_tab, serve

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                "(apt-get install chromium; .ci/run installs it)")
ACTORS = 2_000
CLAIMS = 6_000


def generated(kb: KnowledgeBase, seed: int = 11) -> None:
    """``ACTORS`` actors and ``CLAIMS`` claims of every family between random pairs,
    a tenth of them machine-extracted and unreviewed."""
    rng = random.Random(seed)
    kinds = ("state", "armed_group", "political_org", "state_organ")
    actors = [Actor(id=f"gen-{i:04d}", name=f"Generated actor {i}", kind=kinds[i % 4])
              for i in range(ACTORS)]  # fmt: skip
    types = [t for f in ("support", "hostility", "alignment") for t in VOCAB.types_in(f)
             if t not in VOCAB.modifiers]  # fmt: skip
    claims = []
    for n in range(CLAIMS):
        a, b = rng.sample(range(ACTORS), 2)
        start = rng.randrange(1990, 2024)
        machine = n % 10 == 0
        claims.append(Claim(
            subject=f"gen-{a:04d}", type=rng.choice(types), object=f"gen-{b:04d}",
            time=TimeSpan(start=str(start), end=str(start + rng.randrange(0, 5))),
            evidence=Evidence(document="doc-generated", quote=f"claim {n}"),
            stance=rng.choice(("asserted", "reported", "alleged")), grade="B2",
            origin="extract:rules@gen" if machine else "curated", statement=f"claim {n}"))
    source = Document(id="doc-generated", title="Generated for the scale test", kind="dataset")
    kb.store.add([source], claims, actors, actor_origin="gazetteer")
    kb.refresh_names()


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('big')) / 'kb.db'}"
    kb = KnowledgeBase.open(url, create=True)
    generated(kb)
    yield from serve(kb, {})
    kb.close()


def test_explorer_draws_two_thousand_actors(browser: Any, big_site: Site) -> None:
    for tab in open_tab(browser, big_site, "viewer"):
        started = time.perf_counter()
        tab.go("/")
        tab.page.wait_for_function("() => document.getElementById('graph').dataset.loaded",
                                   timeout=120_000)  # fmt: skip
        first = time.perf_counter() - started
        nodes = int(tab.page.get_attribute("#graph", "data-nodes") or 0)
        edges = int(tab.page.get_attribute("#graph", "data-edges") or 0)
        assert nodes > 0.99 * ACTORS  # an actor with no claim is not drawn
        tab.shot("explore-2000")
        started = time.perf_counter()
        tab.page.check("input[name=stance][value=asserted]")
        tab.page.wait_for_function("() => document.getElementById('graph').dataset.loaded == '2'",
                                   timeout=120_000)  # fmt: skip
        redraw = time.perf_counter() - started
        # a frame while panning: how long sigma takes to draw the whole graph once
        frame = tab.page.evaluate("""() => new Promise(done => {
            const s = window.__patronSigma, cam = s.getCamera(), t = performance.now();
            s.once('afterRender', () => done(performance.now() - t));
            cam.setState({x: cam.x + 0.05}); })""")
        line = (f"explorer, {nodes} actors / {edges} ties: first load and draw {first:.2f} s "
                f"(server layout included), filter redraw {redraw:.2f} s, one pan frame "
                f"{frame:.0f} ms (headless chromium, SwiftShader)")  # fmt: skip
        print(line)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "timings.txt").write_text(line + "\n")
        assert tab.errors == []
