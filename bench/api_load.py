"""REST API latency under load: 50 concurrent clients on the read endpoints (loopback).

Target (DESIGN.md): p99 < 100 ms at 50 concurrent clients on read endpoints, no errors.
Baseline in the same run: the same clients on ``/api/health`` (no token, no knowledge
base work), so the ratio shows what the read endpoints cost above the server itself.

The server is ``patron serve`` on 127.0.0.1 and a free port, over the demo knowledge
base (``make demo``: ``patron init`` and ``patron ingest examples/documents``, built
once into bench/out/). Each client keeps one connection and sends one request after
another with no pause, the run taking the read endpoints in turn, until it has sent
``--requests`` in all. Before timing, every endpoint is asked once (the first answer
of an analysis builds the network view); those first answers are reported too.

Repeated reads are mostly answered from the answers the server keeps by ETag (the
store does not change during the run). A third run asks listings no kept answer can
serve (each offset once), so the figure for work done afresh is there too.

    python bench/api_load.py [--clients 50] [--requests 5000] [--workers 1]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
READS = [
    "/api/actors?limit=50",
    "/api/actors?kind=state&limit=20",
    "/api/actors/Hamas",
    "/api/claims?actor=Hamas&limit=50",
    "/api/claims?type=funding&since=2017&limit=50",
    "/api/claims?subject=Iran&min_grade=B&limit=20&offset=20",
    "/api/who-backs/Hamas",
    "/api/who-backs/Hezbollah?type=arms",
    "/api/backed-by/Qatar",
    "/api/documents?limit=50",
    "/api/analyses/patrons?actor=Hamas",
    "/api/analyses/dependence?actor=Hamas&as_of=2020",
    "/api/exports/csv?actor=Houthis",
]


def _demo(path: Path) -> str:
    url = f"sqlite:///{path}"
    if path.exists():
        return url
    path.parent.mkdir(parents=True, exist_ok=True)
    patron = [sys.executable, "-m", "patron"]
    t0 = time.perf_counter()
    subprocess.run([*patron, "init", "--db", url], check=True, capture_output=True)
    subprocess.run([*patron, "ingest", str(REPO / "examples" / "documents"), "--db", url],
                   check=True, capture_output=True)  # fmt: skip
    print(f"built the demo knowledge base in {time.perf_counter() - t0:.0f} s: {path}")
    return url


def _token(url: str) -> str:
    from patron.api.service import open_service

    svc = open_service(url)
    accounts = svc.accounts
    if accounts.user("bench") is None:
        accounts.add_user("bench", "viewer", by="bench")
    issued = accounts.issue("bench", by="bench", label="api_load")
    assert issued is not None
    svc.kb.close()
    return issued.secret


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "patron", "serve", "--port", str(port), "--workers",
           str(workers), "--db", url]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
        if server.poll() is not None:
            said = server.stderr.read().decode() if server.stderr else ""
            raise SystemExit(f"patron serve exited: {said}")
    server.terminate()
    raise SystemExit("patron serve did not answer within 60 s")


def _pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _line(label: str, samples: list[float], errors: int, seconds: float) -> str:
    return (f"{label:<28} {len(samples):>6} req  p50 {_pct(samples, 0.50):6.1f} ms  "
            f"p95 {_pct(samples, 0.95):6.1f} ms  p99 {_pct(samples, 0.99):6.1f} ms  "
            f"max {max(samples) * 1000:6.1f} ms  {len(samples) / seconds:6.0f} req/s  "
            f"errors {errors}")  # fmt: skip


class _Connection:
    """One keep-alive HTTP/1.1 connection, as light as a client can be, so that the
    clients cost the machine little next to the server they measure."""

    def __init__(self, port: int, token: str | None) -> None:
        self.port = port
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        self.head = f"Host: 127.0.0.1:{port}\r\n{auth}Connection: keep-alive\r\n\r\n"
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\n{self.head}".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next((int(line.split(":", 1)[1]) for line in lines
                       if line.lower().startswith("content-length:")), 0)  # fmt: skip
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


Pick = Callable[[int], tuple[str, str]]  # request number → (label, path)


def _cycle(paths: list[str]) -> Pick:
    return lambda n: (paths[n % len(paths)],) * 2


def _unkept(n: int) -> tuple[str, str]:
    """Listings no kept answer can serve: each (offset, limit) is asked once."""
    if n % 2:
        return "/api/claims?offset=N&limit=20", f"/api/claims?offset={n}&limit=20"
    return ("/api/actors?offset=N&limit=L",
            f"/api/actors?offset={n % 900}&limit={10 + n // 900}")


async def _load(port: int, pick: Pick, token: str | None, clients: int,
                total: int) -> tuple[dict[str, list[float]], int, float]:
    times: dict[str, list[float]] = defaultdict(list)
    errors = 0
    sent = 0

    async def client() -> None:
        nonlocal errors, sent
        conn = _Connection(port, token)
        try:
            while sent < total:
                label, path = pick(sent)
                sent += 1
                t0 = time.perf_counter()
                try:
                    status, _ = await conn.get(path)
                    ok = status == 200
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    conn.close()
                    conn = _Connection(port, token)
                times[label].append(time.perf_counter() - t0)
                errors += not ok
        finally:
            conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return times, errors, time.perf_counter() - t0


async def _first(port: int, paths: list[str], token: str) -> list[tuple[str, int, float]]:
    conn = _Connection(port, token)
    out = []
    for path in paths:
        t0 = time.perf_counter()
        status, _ = await conn.get(path)
        out.append((path, status, time.perf_counter() - t0))
    conn.close()
    return out


async def _warm(port: int, token: str, connections: int) -> None:
    await asyncio.gather(*(_first(port, READS, token) for _ in range(connections)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=1, help="patron serve --workers")
    parser.add_argument("--db", type=Path, default=REPO / "bench" / "out" / "api_demo.db")
    args = parser.parse_args()
    url = _demo(args.db)
    token = _token(url)
    port = _free_port()
    server = _serve(url, port, args.workers)
    try:
        first = asyncio.run(_first(port, READS, token))
        if args.workers > 1:  # warm the other processes too (each builds its own views)
            asyncio.run(_warm(port, token, 4 * args.workers))
        runs = [(label, asyncio.run(_load(port, pick, key, args.clients, args.requests)))
                for label, pick, key in (("baseline /api/health", _cycle(["/api/health"]), None),
                                         ("read endpoints", _cycle(READS), token),
                                         ("reads no kept answer serves", _unkept, token))]
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"patron serve --workers {args.workers} on 127.0.0.1, {args.clients} concurrent "
          "clients, "
          f"{args.requests:,} requests each run, {os.cpu_count()} CPUs")
    print("first answer of each read endpoint (cold):")
    for path, status, seconds in first:
        print(f"  {status} {seconds * 1000:8.1f} ms  {path}")
    baseline = runs[0][1][0]["/api/health"]
    for label, (times, errors, seconds) in runs:
        every = [t for ts in times.values() for t in ts]
        print(_line(label, every, errors, seconds))
        if label == "baseline /api/health":
            continue
        for path, ts in times.items():
            print(f"  p50 {_pct(ts, 0.5):6.1f}  p99 {_pct(ts, 0.99):6.1f} ms  {path}")
        verdict = "meets" if _pct(every, 0.99) < 100 and errors == 0 else "misses"
        print(f"  p99 / p99 baseline: {_pct(every, 0.99) / _pct(baseline, 0.99):.2f}; "
              f"target p99 < 100 ms, 0 errors: {verdict}")
    if any(status != 200 for _, status, _ in first):
        raise SystemExit("a read endpoint did not answer 200")


if __name__ == "__main__":
    main()
