"""``/upload``: drop articles or dataset files; they are ingested (or imported) in a
background job (:mod:`patron.web.jobs`) whose progress the page polls."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile

from patron.api.errors import NotFound, TooLarge
from patron.api.service import Service, service
from patron.errors import InputError
from patron.importers.batch import ActorBook, ImportBatch, store_batch
from patron.kb import IngestReport, KnowledgeBase
from patron.readers.documents import SUFFIXES
from patron.store.accounts import Accounts
from patron.web.jobs import Job, Jobs
from patron.web.render import page
from patron.web.route import WebRoute
from patron.web.session import PageAnalyst, Written

__all__ = ["KINDS", "MAX_UPLOAD", "router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)
Svc = Annotated[Service, Depends(service)]

#: What an upload may be: articles (any reader's suffix) or one of the importers' datasets.
KINDS = {
    "articles": "Articles and reports (.txt, .md, .html, .jsonl, RSS): extract claims",
    "ucdp-esd": "UCDP External Support Dataset (.csv)",
    "acled": "ACLED export (.csv)",
    "gdelt": "GDELT event files (.csv, .zip)",
    "ftm": "FollowTheMoney entities (.json, .jsonl)",
}
#: Most bytes one request may upload, all files together.
MAX_UPLOAD = 200 * 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\- ]+")
_CHUNK = 1 << 20


def _name(raw: str | None, n: int) -> str:
    base = _UNSAFE.sub("_", Path((raw or "").replace("\\", "/")).name).strip(" .")
    return base or f"upload-{n}"


@router.get("/upload")
def upload_form(request: Request, _user: PageAnalyst) -> Response:
    return page(request, "upload.html", kinds=KINDS)


def _save(files: list[UploadFile], folder: Path) -> list[Path]:
    saved, size = [], 0
    for n, item in enumerate(files):
        path = folder / f"{n:03d}-{_name(item.filename, n)}"
        with path.open("wb") as out:
            while chunk := item.file.read(_CHUNK):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise TooLarge(f"uploads are limited to {MAX_UPLOAD // 2**20} MB a request; "
                                   "larger files: patron ingest or patron import")
                out.write(chunk)
        saved.append(path)
    return saved


def _ingest(kb: KnowledgeBase, accounts: Accounts, by: str, paths: list[Path],
            job: Job) -> list[str]:  # fmt: skip
    total = IngestReport()
    job.progress(0, len(paths))
    for i, path in enumerate(paths, 1):
        report = kb.ingest([path])
        for key in ("documents_read", "documents_new", "documents_known", "claims_new",
                    "actors_new"):  # fmt: skip
            setattr(total, key, getattr(total, key) + getattr(report, key))
        total.skipped += report.skipped
        accounts.log(by, "ingest", path.name.split("-", 1)[1], {
            "documents_new": report.documents_new, "claims_new": report.claims_new,
            "skipped": [s.reason for s in report.skipped], "via": "upload"})  # fmt: skip
        job.progress(i, len(paths))
    lines = [f"read {total.documents_read} documents: {total.documents_new} new, "
             f"{total.documents_known} already stored; {total.claims_new} new claims, "
             f"{total.actors_new} new actors"]  # fmt: skip
    lines += [f"skipped: {s.reason}" for s in total.skipped]
    return lines


def _import(kb: KnowledgeBase, accounts: Accounts, by: str, kind: str, paths: list[Path],
            job: Job) -> list[str]:  # fmt: skip
    from patron.importers import acled, ftm, gdelt, ucdp_esd

    job.unit = "rows"
    book = ActorBook.of(kb)
    batches: list[ImportBatch] = []
    if kind == "gdelt":
        batches.append(gdelt.read(paths, book, job.progress))
    else:
        reader = {"ucdp-esd": ucdp_esd.read, "acled": acled.read, "ftm": ftm.read}[kind]
        batches += [reader(p, book, job.progress) for p in paths]
    lines: list[str] = []
    for batch in batches:
        report = store_batch(kb, batch)
        lines += report.lines()
        accounts.log(by, "import", kind, {"claims_new": report.claims_new,
                                          "rows_read": report.rows_read, "via": "upload"})
    return lines


@router.post("/upload")
def upload(request: Request, svc: Svc, user: PageAnalyst, _w: Written,
           files: Annotated[list[UploadFile], File()],
           kind: Annotated[str, Form()] = "articles") -> Response:  # fmt: skip
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}", field="kind")
    named = [f for f in files if f.filename]
    if not named:
        raise InputError("choose or drop at least one file", field="files")
    if kind == "articles":
        wrong = [f.filename for f in named if Path(f.filename or "").suffix.lower() not in SUFFIXES]
        if wrong:
            raise InputError(f"{wrong[0]}: articles must end in one of "
                             f"{', '.join(sorted(SUFFIXES))}", field="files")  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="patron-upload-"))
    try:
        paths = _save(named, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    kb, accounts, by = svc.kb, svc.accounts, user.name

    def work(job: Job) -> list[str]:
        try:
            if kind == "articles":
                return _ingest(kb, accounts, by, paths, job)
            return _import(kb, accounts, by, kind, paths, job)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    jobs: Jobs = request.app.state.jobs
    job = jobs.start(by, kind, [_name(f.filename, i) for i, f in enumerate(named)], work)
    return page(request, "job.html", job=job)


@router.get("/upload/jobs/{job_id}")
def job_status(request: Request, _user: PageAnalyst, job_id: str) -> Response:
    jobs: Jobs = request.app.state.jobs
    job = jobs.get(job_id)
    if job is None:
        raise NotFound(f"no job {job_id!r} (the server keeps its recent jobs only)")
    return page(request, "job.html", job=job)
