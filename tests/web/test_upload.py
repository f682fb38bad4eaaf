"""Uploads: files in, a background job, its progress polled, claims stored."""

from __future__ import annotations

import time

from tests.web.conftest import Pages

ARTICLE = b"Iran funds Hamas with millions of dollars a year, US officials said in 2021.\n"


def _wait(pages: Pages, job_id: str) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        html = pages.get(f"/upload/jobs/{job_id}", "analyst").text
        if 'data-state="done"' in html or 'data-state="failed"' in html:
            return html
        time.sleep(0.2)
    raise AssertionError("the job did not end")


def _job_id(html: str) -> str:
    return html.split('id="')[1].split('"')[0]


def test_upload_form_has_a_drop_zone_and_kinds(pages: Pages) -> None:
    html = pages.get("/upload", "analyst").text
    assert 'id="drop"' in html and 'name="files"' in html and 'value="ucdp-esd"' in html


def test_uploaded_article_is_ingested_in_the_background(pages: Pages) -> None:
    before = pages.kb.store.count()
    answer = pages.post("/upload", {"kind": "articles"}, files=[
        ("files", ("report.txt", ARTICLE, "text/plain"))])
    assert answer.status_code == 200, answer.text
    assert "hx-trigger=\"every" in answer.text  # the page polls it
    html = _wait(pages, _job_id(answer.text))
    assert 'data-state="done"' in html, html
    assert "1 new" in html
    assert "hx-trigger" not in html  # polling stops
    assert pages.kb.store.count() > before
    assert any(e.action == "ingest" for e in pages.service.accounts.entries(limit=5))


def test_upload_of_a_bad_dataset_fails_with_its_message(pages: Pages) -> None:
    answer = pages.post("/upload", {"kind": "ucdp-esd"}, files=[
        ("files", ("esd.csv", b"not,a,ucdp\nfile,at,all\n", "text/csv"))])
    assert answer.status_code == 200
    html = _wait(pages, _job_id(answer.text))
    assert 'data-state="failed"' in html and "error-message" in html


def test_upload_refuses_wrong_files_and_viewers(pages: Pages) -> None:
    files = [("files", ("a.exe", b"MZ", "application/octet-stream"))]
    assert pages.post("/upload", {"kind": "articles"}, files=files).status_code == 400
    assert pages.post("/upload", {"kind": "nonsense"}, files=files).status_code == 400
    viewer = pages.post("/upload", {"kind": "articles"}, "viewer",
                        files=[("files", ("r.txt", ARTICLE, "text/plain"))])  # fmt: skip
    assert viewer.status_code == 403
    assert pages.post("/upload", {"kind": "articles"}, csrf=False,
                      files=[("files", ("r.txt", ARTICLE, "text/plain"))]).status_code == 403


def test_unknown_job_is_a_404(pages: Pages) -> None:
    assert pages.get("/upload/jobs/job-0-none", "analyst").status_code == 404
