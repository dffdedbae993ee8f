"""A tiny Web Push service on 127.0.0.1 for the tests: it takes what kring
posts, decrypts it with the subscription's private keys (RFC 8291 aes128gcm
or Mastodon's legacy aesgcm, written here from the specifications with
python3-cryptography, independently of kring's C) and checks the VAPID JWT
(RFC 8292, ES256).  Each path answers a status the test chooses."""
import base64
import hashlib
import hmac
import json
import queue
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def b64d(s):
    s = s.strip()
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def b64e(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def hkdf(salt, ikm, info, n):
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()[:n]


class Keys:
    """A user agent's key pair and auth secret, as a browser makes them."""

    def __init__(self):
        self.priv = ec.generate_private_key(ec.SECP256R1())
        self.pub = self.priv.public_key().public_bytes(serialization.Encoding.X962,
                                                       serialization.PublicFormat.UncompressedPoint)
        self.auth = __import__("os").urandom(16)

    @property
    def p256dh(self):
        return b64e(self.pub)

    @property
    def auth64(self):
        return b64e(self.auth)

    def _secret(self, as_pub):
        peer = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), as_pub)
        return self.priv.exchange(ec.ECDH(), peer)

    def decrypt(self, headers, body):
        enc = headers.get("Content-Encoding", "")
        if enc == "aes128gcm":
            salt, rs, idlen = body[:16], int.from_bytes(body[16:20], "big"), body[20]
            as_pub = body[21:21 + idlen]
            assert rs >= 18 and idlen == 65
            ikm = hkdf(self.auth, self._secret(as_pub), b"WebPush: info\x00" + self.pub + as_pub, 32)
            cek = hkdf(salt, ikm, b"Content-Encoding: aes128gcm\x00", 16)
            nonce = hkdf(salt, ikm, b"Content-Encoding: nonce\x00", 12)
            rec = AESGCM(cek).decrypt(nonce, body[21 + idlen:], None)
            rec = rec.rstrip(b"\x00")
            assert rec.endswith(b"\x02"), "not the last record"
            return json.loads(rec[:-1])
        assert enc == "aesgcm", enc
        salt = b64d(headers["Encryption"].split("salt=")[1].split(";")[0])
        as_pub = b64d(headers["Crypto-Key"].split("dh=")[1].split(";")[0])
        ikm = hkdf(self.auth, self._secret(as_pub), b"Content-Encoding: auth\x00", 32)
        ctx = b"P-256\x00" + len(self.pub).to_bytes(2, "big") + self.pub + len(as_pub).to_bytes(2, "big") + as_pub
        cek = hkdf(salt, ikm, b"Content-Encoding: aesgcm\x00" + ctx, 16)
        nonce = hkdf(salt, ikm, b"Content-Encoding: nonce\x00" + ctx, 12)
        rec = AESGCM(cek).decrypt(nonce, body, None)
        pad = int.from_bytes(rec[:2], "big")
        return json.loads(rec[2 + pad:])


def vapid_claims(headers, origin):
    """Check the VAPID JWT's ES256 signature and audience; return (claims, key)."""
    auth = headers["Authorization"]
    if auth.startswith("vapid "):
        parts = dict(p.strip().split("=", 1) for p in auth[6:].split(","))
        jwt, k = parts["t"], parts["k"]
    else:
        assert auth.startswith("WebPush "), auth
        jwt = auth[8:].strip()
        k = headers["Crypto-Key"].split("p256ecdsa=")[1].split(";")[0]
    h64, c64, s64 = jwt.split(".")
    header = json.loads(b64d(h64))
    assert header["alg"] == "ES256", header
    sig = b64d(s64)
    assert len(sig) == 64
    pub = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64d(k))
    der = encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big"))
    try:
        pub.verify(der, (h64 + "." + c64).encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise AssertionError("VAPID signature does not verify")
    claims = json.loads(b64d(c64))
    assert claims["aud"] == origin, (claims, origin)
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600, claims
    assert claims["sub"].startswith(("mailto:", "https://")), claims
    return claims, k


class Receiver:
    def __init__(self):
        self.got = queue.Queue()
        self.status = {}      # path -> list of statuses to answer in turn (last one repeats)
        self.hits = {}
        rec = self

        class H(BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n) if n <= 8192 else b""
                rec.hits[self.path] = rec.hits.get(self.path, 0) + 1
                todo = rec.status.get(self.path, [201])
                st = todo.pop(0) if len(todo) > 1 else todo[0]
                rec.got.put((self.path, dict(self.headers), body, st))
                self.send_response(st)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *a):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.port = self.httpd.server_address[1]
        self.origin = "http://127.0.0.1:%d" % self.port
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path):
        return self.origin + path

    def next(self, timeout=15):
        """The next push received (path, headers, body, status we answered), or None."""
        try:
            return self.got.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
