"""Deleting through the API answers with the status and its source text, as
Mastodon does for "delete and redraft": one JSON object, written by the
entity writer (no surgery on rendered JSON)."""
import json

import requests

from conftest import uniq
from test_stream_audience import hdr, post, token


def test_delete_answers_with_the_text_for_redraft(server):
    name = server.add_user(uniq("redraft"))
    tok = token(server, name, "read write")
    text = 'Afspraak verzet naar "donderdag" \\ 10:00 — tot dan! %s' % uniq("d")
    pid = post(server, tok, text, spoiler_text="Agenda")
    r = requests.delete(server.base + "/api/v1/statuses/" + pid, headers=hdr(tok), timeout=10)
    assert r.status_code == 200, r.text
    body = json.loads(r.text)  # one well-formed object
    assert body["id"] == pid
    assert body["text"] == text
    assert body["spoiler_text"] == "Agenda"
    assert body["account"]["username"] == name
    assert requests.get(server.base + "/api/v1/statuses/" + pid, headers=hdr(tok), timeout=10).status_code == 404
