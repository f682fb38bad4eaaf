"""Upload jobs: one at a time, in order, and a stopping server waits for them."""

from __future__ import annotations

import threading

from patron.web.jobs import Job, Jobs


def test_wait_returns_once_every_job_has_ended() -> None:
    jobs, go, order = Jobs(), threading.Event(), []

    def slow(job: Job) -> list[str]:
        go.wait(10)
        order.append(job.files[0])
        return ["done"]

    first = jobs.start("ana", "articles", ["a.txt"], slow)
    second = jobs.start("ana", "articles", ["b.txt"], slow)
    assert jobs.wait(0.05) is False  # both still waiting for the event
    go.set()
    assert jobs.wait(10) is True
    assert order == ["a.txt", "b.txt"]
    assert (first.state, second.state, second.lines) == ("done", "done", ["done"])


def test_a_failing_job_ends_failed_and_is_waited_for() -> None:
    jobs = Jobs()

    def broken(_job: Job) -> list[str]:
        raise RuntimeError("boom")

    job = jobs.start("ana", "acled", ["x.csv"], broken)
    assert jobs.wait(10) is True
    assert job.state == "failed" and "internal error" in (job.error or "")
