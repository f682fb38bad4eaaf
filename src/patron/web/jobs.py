"""Background jobs for uploads: ingest or import in a thread, their progress polled.

Invariant: a job's fields are written by its own thread only (and read by requests);
jobs run one at a time, in the order they were started, since every one of them
writes to the knowledge base and writers take turns anyway. The registry keeps the
last :data:`KEPT` jobs, in memory: a restarted server forgets them, not their work.
"""

from __future__ import annotations

import itertools
import logging
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from patron.errors import PatronError

__all__ = ["KEPT", "Job", "Jobs"]

KEPT = 200
_log = logging.getLogger("patron.web")


@dataclass
class Job:
    id: str
    by: str
    kind: str
    files: list[str]
    state: str = "queued"  # → running → done | failed
    done: int = 0
    total: int | None = None
    unit: str = "files"
    lines: list[str] = field(default_factory=list)
    error: str | None = None
    started: float = field(default_factory=time.time)
    finished: float | None = None

    def progress(self, done: int, total: int | None) -> None:
        self.done, self.total = done, total

    @property
    def over(self) -> bool:
        return self.state in ("done", "failed")

    @property
    def share(self) -> float | None:
        return self.done / self.total if self.total else None


class Jobs:
    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._turn = threading.Lock()
        self._count = itertools.count(1)
        self._threads: list[threading.Thread] = []

    def start(self, job_by: str, kind: str, files: list[str],
              work: Callable[[Job], list[str]]) -> Job:  # fmt: skip
        """Queue ``work`` (it returns the job's summary lines) in a thread of its own."""
        job = Job(f"job-{next(self._count)}-{secrets.token_hex(4)}", job_by, kind, files)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT:
                self._jobs.popitem(last=False)
        thread = threading.Thread(target=self._run, args=(job, work), name=job.id, daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return job

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for every job started so far to end (at most ``timeout`` seconds in all);
        True when none is left running. The app waits so before it closes the knowledge
        base, so a stopping server does not cut an upload's write short."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            thread.join(left)
        return not any(t.is_alive() for t in threads)

    def _run(self, job: Job, work: Callable[[Job], list[str]]) -> None:
        with self._turn:
            job.state = "running"
            try:
                job.lines = work(job)
                job.state = "done"
            except PatronError as exc:
                job.error, job.state = str(exc), "failed"
            except Exception as exc:  # a job must end, and say so, whatever happens
                _log.exception("upload job %s failed", job.id, exc_info=exc)
                job.error, job.state = "internal error; see the server's log", "failed"
            finally:
                job.finished = time.time()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)
