"""The federation benchmark's other servers (bench/fed.sh): PEERS small
ActivityPub servers on 127.0.0.1 (one port each, so each is its own host),
FOLLOWERS actors spread over them.  Every actor follows one kring account
with a signed Follow (as Mastodon signs), sent from its server's own
loopback address 127.0.0.(2+i) (kring limits key fetches per address).
Then one post is made and the time until every server has it is measured,
with kring's peak RSS over that delivery (VmHWM after clear_refs).

A receiver counts and checks only what is cheap: a Signature header is
there and the Digest matches the body.  All loops are bounded.

  python3 bench/fed_peers.py KRING_BASE KRING_PID USER PASSWORD PEERS FOLLOWERS SHARED(0|1)
"""
import base64
import email.utils
import hashlib
import http.client
import http.server
import json
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

AP = "application/activity+json"
base, pid, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
npeers, nfollowers, shared = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7] == "1"
target = "%s/users/%s" % (base, user)

key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # one key for all: making 1,000 is slow
pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                    serialization.PublicFormat.SubjectPublicKeyInfo).decode()
lock = threading.Lock()
got = {"Accept": 0, "Create": 0, "bad": 0}
create_hosts = set()
word = "fedbench%d" % int(time.time())


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, code, body=b""):
        self.send_response(code)
        self.send_header("Content-Type", AP)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        base_ = "http://127.0.0.1:%d" % self.server.server_port
        name = self.path.rsplit("/", 1)[-1]
        if not self.path.startswith("/users/u"):
            return self.reply(404)
        me = base_ + "/users/" + name
        doc = {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
               "id": me, "type": "Person", "preferredUsername": name, "inbox": me + "/inbox",
               "publicKey": {"id": me + "#main-key", "owner": me, "publicKeyPem": pem}}
        if shared:
            doc["endpoints"] = {"sharedInbox": base_ + "/inbox"}
        self.reply(200, json.dumps(doc).encode())

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(min(n, 1 << 20))
        digest = "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
        ok = "Signature" in self.headers and self.headers.get("Digest") == digest
        try:
            kind = json.loads(body).get("type")
        except ValueError:
            kind = None
        with lock:
            if not ok:
                got["bad"] += 1
            elif kind == "Accept":
                got["Accept"] += 1
            elif kind == "Create" and word.encode() in body:
                got["Create"] += 1
                create_hosts.add(self.server.server_port)
        self.reply(202)


servers = []
for i in range(npeers):
    s = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    s.daemon_threads = True
    threading.Thread(target=s.serve_forever, daemon=True).start()
    servers.append(s)


def signed_post(url, activity, source):
    body = json.dumps(activity).encode()
    u = urllib.parse.urlsplit(url)
    date = email.utils.formatdate(usegmt=True)
    digest = "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
    signed = "(request-target): post %s\nhost: %s\ndate: %s\ndigest: %s" % (u.path, u.netloc, date, digest)
    sig = base64.b64encode(key.sign(signed.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()
    hdr = 'keyId="%s#main-key",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="%s"' % (
        activity["actor"], sig)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60, source_address=(source, 0))
    c.request("POST", u.path, body=body, headers={"Host": u.netloc, "Date": date, "Digest": digest,
                                                  "Signature": hdr, "Content-Type": AP})
    r = c.getresponse()
    r.read()
    c.close()
    return r.status


def follow(i):
    peer = i % npeers
    s = servers[peer]
    actor = "http://127.0.0.1:%d/users/u%d" % (s.server_port, i)
    return signed_post(target + "/inbox", {"@context": "https://www.w3.org/ns/activitystreams",
                                           "id": actor + "/follow", "type": "Follow", "actor": actor,
                                           "object": target}, "127.0.0.%d" % (2 + peer))


def wait(what, n, limit):
    deadline = time.time() + limit
    while time.time() < deadline:
        with lock:
            if got[what] >= n:
                return True
        time.sleep(0.01)
    return False


t = time.time()
with ThreadPoolExecutor(8) as ex:
    codes = list(ex.map(follow, range(nfollowers)))
bad = [c for c in codes if c != 202]
if bad:
    sys.exit("follows refused: %d (first %s)" % (len(bad), bad[0]))
if not wait("Accept", nfollowers, 600):
    sys.exit("only %d of %d Accepts came back" % (got["Accept"], nfollowers))
follow_s = time.time() - t

# The post, by the API (password grant), timed until every server has it.
def form(url, data, headers=None):
    req = urllib.request.Request(base + url, data=urllib.parse.urlencode(data).encode(), headers=headers or {})
    return json.loads(urllib.request.urlopen(req, timeout=60).read())

app = form("/api/v1/apps", {"client_name": "bench", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                            "scopes": "read write"})
tok = form("/oauth/token", {"grant_type": "password", "username": user, "password": password,
                            "client_id": app["client_id"], "client_secret": app["client_secret"],
                            "scope": "read write"})["access_token"]
with open("/proc/%d/clear_refs" % pid, "w") as f:
    f.write("5")  # reset the peak RSS: measure the delivery, not the follows
want = nfollowers if not shared else npeers
t = time.time()
form("/api/v1/statuses", {"status": "Nieuws voor iedereen " + word, "visibility": "public"},
     {"Authorization": "Bearer " + tok})
done = wait("Create", want, 600)
deliver_s = time.time() - t
hwm = 0
with open("/proc/%d/status" % pid) as f:
    for line in f:
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1])
if not done:
    sys.exit("only %d of %d deliveries arrived" % (got["Create"], want))
print("fed: 1 post to %d followers on %d servers (%s): %d deliveries in %.2f s, %d servers reached, "
      "peak RSS %.1f MB; %d follows (signed, verified, accepted) took %.1f s; %d bad signatures/digests"
      % (nfollowers, npeers, "shared inboxes" if shared else "personal inboxes", got["Create"], deliver_s,
         len(create_hosts), hwm / 1024, nfollowers, follow_s, got["bad"]))
for s in servers:
    s.shutdown()
