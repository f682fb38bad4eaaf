"""ETags: a read carries one; sent back unchanged it gets a 304; any write changes it;
an answer kept for a tag is never sent once the store has changed."""

from __future__ import annotations

from tests.api.conftest import Api


def test_a_read_carries_an_etag_and_a_304_when_unchanged(api: Api) -> None:
    first = api.get("/api/claims?actor=Hamas")
    tag = first.headers["etag"]
    assert tag.startswith('"') and first.headers["cache-control"] == "private, no-cache"
    again = api.get("/api/claims?actor=Hamas", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    weak = api.get("/api/claims?actor=Hamas", headers={"If-None-Match": f'"x", W/{tag}'})
    assert weak.status_code == 304
    other = api.get("/api/claims?actor=Hamas", headers={"If-None-Match": '"stale"'})
    assert other.status_code == 200 and other.json() == first.json()


def test_the_tag_names_the_question_not_the_order_of_its_parameters(api: Api) -> None:
    a = api.get("/api/claims?type=funding&actor=Hamas").headers["etag"]
    b = api.get("/api/claims?actor=Hamas&type=funding").headers["etag"]
    c = api.get("/api/claims?actor=Iran&type=funding").headers["etag"]
    assert a == b != c


def test_the_tag_does_not_depend_on_who_asks(api: Api) -> None:
    tags = {api.get("/api/who-backs/Hamas", who=w).headers["etag"]
            for w in ("viewer", "analyst", "admin")}
    assert len(tags) == 1


def test_a_write_changes_the_tag_and_the_answer(api: Api) -> None:
    path = "/api/documents"
    before = api.get(path)
    assert before.json()["total"] == 2
    made = api.post("/api/documents", {"name": "new.txt", "text": "Qatar funds Hamas."})
    assert made.status_code == 201, made.text
    after = api.get(path, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    assert after.json()["total"] == 3


def test_a_kept_answer_is_sent_again_until_the_store_changes(api: Api) -> None:
    path = "/api/claims/{}/reviews"
    claim = api.kb.store.claims()[0].id
    first = api.get(path.format(claim))
    assert first.json()["reviews"] == []
    assert len(api.service.answers) >= 1
    assert api.get(path.format(claim)).content == first.content
    api.post(f"/api/claims/{claim}/comments", {"text": "one"})
    assert [c["comment"] for c in api.get(path.format(claim)).json()["reviews"]] == ["one"]


def test_another_process_writing_is_seen(api: Api) -> None:
    """A write that bypasses the API (``patron ingest`` elsewhere) moves the counter too."""
    before = api.get("/api/actors?query=Zorbland")
    assert before.json()["total"] == 0
    from patron.model import Actor

    api.kb.store.put_actors([Actor(id="zorbland", name="Zorbland", kind="state")])
    after = api.get("/api/actors?query=Zorbland", headers={"If-None-Match":
                                                            before.headers["etag"]})
    assert after.status_code == 200 and after.json()["total"] == 1
    assert api.get("/api/actors/Zorbland").status_code == 200  # the name index was rebuilt


def test_writes_and_errors_carry_no_etag(api: Api) -> None:
    claim = api.kb.store.claims()[0].id
    assert "etag" not in api.post(f"/api/claims/{claim}/comments", {"text": "x"}).headers
    assert "etag" not in api.get("/api/claims?type=nonsense").headers
