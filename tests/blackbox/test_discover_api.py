"""/api/v1/directory (core_directory's rule: organisations and care
professionals, never clients), /api/v1/accounts/familiar_followers (only
where the target's lists are the viewer's to see) and
/api/v1/instance/translation_languages (issue 14, part 3)."""
import requests

from conftest import uniq
from test_graph import profile_settings
from test_stream_audience import hdr, token


def api(s, tok, path, **kw):
    return requests.get(s.base + path, headers=hdr(tok) if tok else {}, timeout=10, **kw)


def test_directory_familiar_followers_translation_languages(server):
    pro = server.new_user(prefix="pro")
    profile_settings(pro, person_type="professional", profession="Wijkverpleegkundige")
    client = server.new_user(prefix="cli")  # a client: hidden lists, not in the directory
    friend = server.new_user(prefix="vri")
    viewer = server.new_user(prefix="kij")
    tv, tf = token(server, viewer.name), token(server, friend.name)
    ids = {c.name: api(server, token(server, c.name), "/api/v1/accounts/verify_credentials").json()["id"]
           for c in (pro, client, friend)}
    d = api(server, tv, "/api/v1/directory", params={"limit": 80}).json()
    names = [a["username"] for a in d]
    assert pro.name in names and client.name not in names and viewer.name not in names
    assert api(server, None, "/api/v1/directory").status_code == 200
    assert len(api(server, tv, "/api/v1/directory", params={"limit": 1}).json()) == 1
    # friend shows whom they follow (a client's default hides it, and then
    # they are no one's follower in common either: see below).
    assert requests.patch(server.base + "/api/v1/accounts/update_credentials", headers=hdr(tf),
                          data={"hide_collections": "false"}, timeout=10).status_code == 200
    # viewer follows friend; friend follows the professional and the client.
    requests.post(server.base + "/api/v1/accounts/%s/follow" % ids[friend.name], headers=hdr(tv), timeout=10)
    for who in (pro.name, client.name):
        requests.post(server.base + "/api/v1/accounts/%s/follow" % ids[who], headers=hdr(tf), timeout=10)
    r = api(server, tv, "/api/v1/accounts/familiar_followers", params={"id[]": [ids[pro.name], ids[client.name]]})
    assert r.status_code == 200, r.text
    got = {x["id"]: [a["id"] for a in x["accounts"]] for x in r.json()}
    assert got[ids[pro.name]] == [ids[friend.name]]
    # A client's followers are nobody's business: not even "familiar" ones.
    assert got[ids[client.name]] == []
    # friend hides whom they follow again: no longer "familiar" anywhere.
    assert requests.patch(server.base + "/api/v1/accounts/update_credentials", headers=hdr(tf),
                          data={"hide_collections": "true"}, timeout=10).status_code == 200
    r = api(server, tv, "/api/v1/accounts/familiar_followers", params={"id[]": [ids[pro.name]]})
    assert [x["accounts"] for x in r.json()] == [[]]
    assert api(server, tv, "/api/v1/accounts/familiar_followers", params={"id[]": ["1"] * 41}).status_code == 422
    assert api(server, None, "/api/v1/instance/translation_languages").json() == {}
