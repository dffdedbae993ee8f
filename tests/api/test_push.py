"""Mastodon.py's own Web Push support against kring: push_subscription_set
with keys from push_subscription_generate_keys, update, fetch, delete, and
push_subscription_decrypt_push decrypting what kring pushed to a receiver on
loopback (Mastodon's legacy aesgcm, which is what Mastodon.py decrypts).

Mastodon.py decrypts through the http_ece package, which Debian does not
ship (and this machine cannot fetch): when it is missing, the test hands
Mastodon.py a small http_ece.decrypt written here from the aesgcm draft
(draft-ietf-webpush-encryption-04), independent of kring's C.  The header
parsing, key handling and JSON decoding stay Mastodon.py's own."""
import hashlib
import hmac
import os
import queue
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from mastodon import Mastodon, MastodonNotFoundError
import mastodon.push as mastodon_push

from conftest import PASSWORD

# The receiver is on http://127.0.0.1: test builds allow it, a release build
# with this (read when the server starts, after collection).
os.environ["KRING_PUSH_LOOPBACK"] = "1"


def _hkdf(salt, ikm, info, n):
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()[:n]


class _Ece:
    """http_ece.decrypt for version="aesgcm", the one call Mastodon.py makes."""

    @staticmethod
    def decrypt(data, salt, key, private_key, dh, auth_secret, keylabel="P-256", version="aesgcm"):
        assert version == "aesgcm" and keylabel == "P-256"
        ua = private_key.public_key().public_bytes(serialization.Encoding.X962,
                                                   serialization.PublicFormat.UncompressedPoint)
        secret = private_key.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), dh))
        ikm = _hkdf(auth_secret, secret, b"Content-Encoding: auth\x00", 32)
        ctx = b"P-256\x00" + len(ua).to_bytes(2, "big") + ua + len(dh).to_bytes(2, "big") + dh
        cek = _hkdf(salt, ikm, b"Content-Encoding: aesgcm\x00" + ctx, 16)
        nonce = _hkdf(salt, ikm, b"Content-Encoding: nonce\x00" + ctx, 12)
        rec = AESGCM(cek).decrypt(nonce, data, None)
        pad = int.from_bytes(rec[:2], "big")
        return rec[2 + pad:]


if not mastodon_push.IMPL_HAS_ECE:
    mastodon_push.http_ece = _Ece
    mastodon_push.IMPL_HAS_ECE = True


@pytest.fixture
def receiver():
    got = queue.Queue()

    class H(BaseHTTPRequestHandler):
        def do_POST(self):
            n = int(self.headers.get("Content-Length", "0"))
            got.put((self.path, dict(self.headers), self.rfile.read(min(n, 8192))))
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *a):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield "http://127.0.0.1:%d" % httpd.server_address[1], got
    httpd.shutdown()
    httpd.server_close()


def client(server, name, cid, secret):
    m = Mastodon(client_id=cid, client_secret=secret, api_base_url=server.base)
    m.log_in(name, PASSWORD, scopes=["read", "write", "push"])
    return m


def test_mastodon_py_push(server, receiver):
    base, got = receiver
    cid, secret = Mastodon.create_app("pushtest", scopes=["read", "write", "push"], api_base_url=server.base)
    carol = client(server, "carol", cid, secret)
    dave = client(server, "dave", cid, secret)
    priv, pub = carol.push_subscription_generate_keys()
    sub = carol.push_subscription_set(base + "/carol", pub, mention_events=True, follow_events=False,
                                      policy="all")
    assert sub["endpoint"] == base + "/carol"
    assert sub["alerts"]["mention"] is True and sub["alerts"]["follow"] is False
    inst = carol.instance_v2() if hasattr(carol, "instance_v2") else None
    if inst is not None:
        assert sub["server_key"] == inst["configuration"]["vapid"]["public_key"]
    sub = carol.push_subscription_update(mention_events=True, favourite_events=True)
    assert sub["alerts"]["favourite"] is True
    assert carol.push_subscription()["id"] == sub["id"]

    st = dave.status_post("@carol het rooster voor morgen staat online", visibility="public")
    path, headers, body = got.get(timeout=15)
    assert path == "/carol" and headers["Content-Encoding"] == "aesgcm"
    push = carol.push_subscription_decrypt_push(body, priv, headers["Encryption"], headers["Crypto-Key"])
    assert push["notification_type"] == "mention"
    assert "het rooster voor morgen" in push["body"] and "dave" in push["title"]
    assert push["access_token"] == carol.access_token
    note = carol.notifications(limit=1)[0]
    assert str(push["notification_id"]) == str(note["id"]) and str(note["status"]["id"]) == str(st["id"])

    carol.push_subscription_delete()
    with pytest.raises(MastodonNotFoundError):
        carol.push_subscription()
