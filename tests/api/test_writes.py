"""Writes: ingest and comments (analyst), users and tokens (admin). Every write leaves
one audit row saying who did what, to what, when; a refused write leaves none."""

from __future__ import annotations

from sqlalchemy import select

from patron.store.schema import tokens
from tests.api.conftest import Api

TEXT = ("Iran has provided funding to Hamas since 2017, US officials said. "
        "Qatar hosts the group's political office in Doha.")


def test_ingest_stores_the_document_and_its_claims(api: Api) -> None:
    answer = api.post("/api/documents", {"name": "brief.txt", "text": TEXT})
    assert answer.status_code == 201, answer.text
    report = answer.json()
    assert report["documents_new"] == 1 and report["claims_new"] >= 1
    (doc_id,) = report["documents"]
    stored = api.get(f"/api/documents/{doc_id}").json()
    assert stored["document"]["title"] == "brief" and stored["total"] == report["claims_new"]
    assert api.get(f"/api/documents/{doc_id}/text").text == TEXT
    again = api.post("/api/documents", {"name": "brief.txt", "text": TEXT}).json()
    assert again["documents_known"] == 1 and again["claims_new"] == 0


def test_ingest_is_audited(api: Api) -> None:
    api.post("/api/documents", {"name": "brief.txt", "text": TEXT})
    entry = api.audit()[-1]
    assert (entry["who"], entry["action"], entry["target"]) == ("the-analyst", "ingest",
                                                                 "brief.txt")
    assert entry["detail"]["documents_new"] == 1 and entry["at"].endswith("+00:00")


def test_ingest_refuses_names_without_a_reader(api: Api) -> None:
    before = len(api.audit())
    for name in ("notes.exe", "../../etc/passwd", "..."):
        answer = api.post("/api/documents", {"name": name, "text": TEXT})
        assert answer.status_code == 400 and answer.json()["error"]["field"] == "name"
    assert len(api.audit()) == before


def test_a_path_in_the_name_stays_in_the_upload_folder(api: Api) -> None:
    answer = api.post("/api/documents", {"name": "../../x/report.md", "text": "# Report\n\n"
                                         + TEXT})
    assert answer.status_code == 201 and answer.json()["name"] == "report.md"


def test_comment_keeps_the_claim_and_its_status(api: Api) -> None:
    claim = api.kb.store.claims()[0]
    answer = api.post(f"/api/claims/{claim.id}/comments", {"text": "Source checked."})
    assert answer.status_code == 201
    made = answer.json()
    assert (made["by"], made["comment"], made["status"]) == ("the-analyst", "Source checked.",
                                                             claim.review)
    assert api.get(f"/api/claims/{claim.id}").json()["review"] == claim.review
    listed = api.get(f"/api/claims/{claim.id}/reviews").json()["reviews"]
    assert [c["id"] for c in listed] == [made["id"]]
    entry = api.audit()[-1]
    assert (entry["action"], entry["target"], entry["detail"]["review"]) == (
        "comment", claim.id, made["id"])


def test_a_refused_write_is_not_audited(api: Api) -> None:
    claim = api.kb.store.claims()[0]
    before = len(api.audit())
    assert api.post(f"/api/claims/{claim.id}/comments", {"text": "x"},
                    who="viewer").status_code == 403
    assert api.post(f"/api/claims/{claim.id}/comments", {"text": ""}).status_code == 422
    assert api.post("/api/claims/clm-none/comments", {"text": "x"}).status_code == 404
    assert len(api.audit()) == before


def test_markup_comes_back_as_json_strings(api: Api) -> None:
    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    claim = api.kb.store.claims()[0]
    made = api.post(f"/api/claims/{claim.id}/comments", {"text": script})
    assert made.headers["content-type"] == "application/json"
    assert made.json()["comment"] == script
    listed = api.get(f"/api/claims/{claim.id}/reviews")
    assert listed.headers["content-type"] == "application/json"
    assert listed.json()["reviews"][0]["comment"] == script
    page = f"<html><head><title>{script}</title></head><body><p>{TEXT}</p></body></html>"
    report = api.post("/api/documents", {"name": "page.html", "text": page}).json()
    (doc_id,) = report["documents"]
    doc = api.get(f"/api/documents/{doc_id}")
    assert doc.headers["content-type"] == "application/json"
    assert "<script>" in doc.json()["document"]["title"]
    assert api.get(f"/api/documents/{doc_id}/text").headers["content-type"].startswith(
        "text/plain")


def test_admin_adds_a_user_whose_token_works_once_shown(api: Api) -> None:
    made = api.post("/api/users", {"name": "rana", "role": "analyst"}, who="admin")
    assert made.status_code == 201
    body = made.json()
    assert body["user"]["role"] == "analyst"
    secret = body["token"]["token"]
    assert secret.startswith("patron_") and len(secret) > 40
    assert api.client.get("/api/claims", headers={"Authorization": f"Bearer {secret}"}
                          ).status_code == 200
    listed = api.get("/api/users/rana/tokens", who="admin").json()["tokens"]
    assert [t["id"] for t in listed] == [body["token"]["id"]] and "token" not in listed[0]
    assert secret not in api.get("/api/audit?limit=500", who="admin").text


def test_tokens_are_stored_as_digests_only(api: Api) -> None:
    secret = api.post("/api/users/the-viewer/tokens", {"label": "x"}, who="admin").json()["token"]
    with api.kb.store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(tokens))]
    assert rows and not any(secret in str(cell) for row in rows for cell in row)
    assert all(len(row[1]) == 64 for row in rows)


def test_a_revoked_token_or_removed_user_is_refused(api: Api) -> None:
    issued = api.post("/api/users/the-viewer/tokens", {"label": "spare"}, who="admin").json()
    headers = {"Authorization": f"Bearer {issued['token']}"}
    assert api.client.get("/api/actors", headers=headers).status_code == 200
    assert api.delete(f"/api/tokens/{issued['id']}").status_code == 204
    assert api.client.get("/api/actors", headers=headers).status_code == 401
    assert api.get("/api/actors", who="viewer").status_code == 200  # the first one still works
    assert api.delete("/api/users/the-viewer").status_code == 204
    assert api.get("/api/actors", who="viewer").status_code == 401


def test_account_writes_are_audited(api: Api) -> None:
    api.post("/api/users", {"name": "omar", "role": "viewer", "token": False}, who="admin")
    token = api.post("/api/users/omar/tokens", {"label": "cli"}, who="admin").json()["id"]
    api.delete(f"/api/tokens/{token}")
    api.delete("/api/users/omar")
    log = api.audit()[-4:]
    assert [(e["who"], e["action"], e["target"]) for e in log] == [
        ("the-admin", "user.add", "omar"), ("the-admin", "token.issue", "omar"),
        ("the-admin", "token.revoke", "omar"), ("the-admin", "user.remove", "omar")]
    assert log[1]["detail"] == {"token": token, "label": "cli"}
    shown = api.get("/api/audit?limit=4", who="admin").json()["items"]
    assert [e["action"] for e in shown] == ["user.remove", "token.revoke", "token.issue",
                                            "user.add"]


def test_bad_accounts_are_refused(api: Api) -> None:
    assert api.post("/api/users", {"name": "the-viewer", "role": "viewer"},
                    who="admin").json()["error"]["field"] == "name"
    assert api.post("/api/users", {"name": "zed", "role": "root"},
                    who="admin").json()["error"]["field"] == "role"
    assert api.post("/api/users", {"name": "two words", "role": "viewer"},
                    who="admin").status_code == 400
    assert api.post("/api/users/nobody/tokens", {}, who="admin").status_code == 404
