"""Kring instances behind TLS for federation tests (issue 21).

kring does not terminate TLS (in production nginx does); here each instance
gets an nginx in front of it on its own loopback address 127.0.0.x, with a
certificate for that address from a certificate authority made with openssl
for this run only.  The instances trust that CA through KRING_FED_CA_FILE
and still verify certificates and host names; KRING_FED_LOOPBACK=1 lets
them reach loopback addresses at all.  Everything lives in one temporary
directory, every wait is bounded, and close() stops what was started.

    with TlsNet() as net:
        a, b = net.instance(), net.instance()
        a.base, a.tls_base  # https://127.0.0.x:PORT, through nginx (clients too)
        a.listen            # 127.0.0.1:PORT, kring itself
"""
import os
import random
import shutil
import subprocess
import tempfile
import time

import requests

from conftest import Server, free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"

NGINX_CONF = """daemon off;
master_process off;
worker_processes 1;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path %(dir)s/body;
    proxy_temp_path %(dir)s/proxy;
    fastcgi_temp_path %(dir)s/fastcgi;
    uwsgi_temp_path %(dir)s/uwsgi;
    scgi_temp_path %(dir)s/scgi;
    client_max_body_size 2m;
    server {
        listen %(ip)s:%(port)d ssl;
        server_name %(ip)s;
        ssl_certificate %(dir)s/cert.pem;
        ssl_certificate_key %(dir)s/key.pem;
        location / {
            proxy_pass http://127.0.0.1:%(kport)d;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto https;
            proxy_read_timeout 30s;
        }
    }
}
"""


def _run(*args, cwd=None):
    r = subprocess.run([OPENSSL] + list(args), cwd=cwd, capture_output=True, text=True, timeout=30)
    assert r.returncode == 0, "openssl %s: %s" % (" ".join(args[:2]), r.stderr)


class TlsServer(Server):
    """A kring instance reached through its nginx: base is the https address
    (kring checks a form's origin against it), listen kring's own."""

    tls_base = None

    @property
    def base(self):
        return self.tls_base or Server.base.fget(self)


class TlsNet:
    """A per-run CA and the instances (kring + nginx) made under it."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="kring-tls-")
        self.ca = os.path.join(self.dir, "ca.pem")
        self.instances = []
        # Test clients (requests) trust this run's CA while it lives.
        self._old_bundle = os.environ.get("REQUESTS_CA_BUNDLE")
        os.environ["REQUESTS_CA_BUNDLE"] = self.ca
        self._ips = random.Random().sample(range(2, 250), 20)
        _run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=kring test CA (this run only)",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             cwd=self.dir)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def cert_for(self, ip, where):
        """A certificate for ip (a SAN of type IP, as host names are checked) signed by the CA."""
        os.makedirs(where, exist_ok=True)
        with open(os.path.join(where, "ext.cnf"), "w") as f:
            f.write("subjectAltName=IP:%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n" % ip)
        _run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem",
             "-out", "req.csr", "-subj", "/CN=%s" % ip, cwd=where)
        _run("x509", "-req", "-in", "req.csr", "-CA", os.path.join(self.dir, "ca.pem"), "-CAkey",
             os.path.join(self.dir, "ca.key"), "-CAcreateserial", "-out", "cert.pem", "-days", "2",
             "-extfile", "ext.cnf", cwd=where)

    def instance(self, env=None, cert_ip=None, trust=True):
        """A kring instance behind nginx on its own 127.0.0.x, started and healthy.
        cert_ip: its certificate names another address (a host name check must
        refuse it); trust=False: it does not trust this run's CA."""
        ip = "127.0.0.%d" % self._ips[len(self.instances)]
        where = os.path.join(self.dir, "i%d" % len(self.instances))
        self.cert_for(cert_ip or ip, where)
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(where, sub), exist_ok=True)
        kport, port = free_port(), free_port()
        with open(os.path.join(where, "nginx.conf"), "w") as f:
            f.write(NGINX_CONF % {"dir": where, "ip": ip, "port": port, "kport": kport})
        tls_base = "https://%s:%d" % (ip, port)
        e = {"KRING_FED_LOOPBACK": "1", "KRING_BASE_URL": tls_base}
        if trust:
            e["KRING_FED_CA_FILE"] = self.ca
        e.update(env or {})
        s = TlsServer(env=e)
        s.tls_host = "%s:%d" % (ip, port)
        s.nginx_log = os.path.join(where, "error.log")
        s.nginx = subprocess.Popen([NGINX, "-p", where, "-c", os.path.join(where, "nginx.conf"), "-e",
                                    s.nginx_log], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        self.instances.append(s)
        s.start(port=kport)
        s.tls_base = tls_base
        # nginx answers over TLS with kring behind it (bounded wait).
        deadline = time.time() + 15
        while True:
            try:
                if requests.get(tls_base + "/healthz", timeout=2, verify=self.ca if not cert_ip else False
                                ).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if s.nginx.poll() is not None or time.time() > deadline:
                raise RuntimeError("nginx in front of %s did not answer: %s" % (tls_base, self.nginx_errors(s)))
            time.sleep(0.1)
        return s

    @staticmethod
    def nginx_errors(s):
        try:
            with open(s.nginx_log) as f:
                return f.read()[-2000:]
        except OSError:
            return ""

    def get(self, url, **kw):
        """A GET over TLS that trusts this run's CA."""
        kw.setdefault("timeout", 20)
        return requests.get(url, verify=self.ca, **kw)

    def close(self, check=True):
        errors = []
        for s in self.instances:
            if s.nginx.poll() is None:
                s.nginx.terminate()
                try:
                    s.nginx.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    s.nginx.kill()
                    s.nginx.wait(timeout=10)
            try:
                if check:
                    s.assert_clean_stop()
                else:
                    s.stop()
            except AssertionError as e:
                errors.append(str(e))
            s.cleanup()
        self.instances = []
        if self._old_bundle is None:
            os.environ.pop("REQUESTS_CA_BUNDLE", None)
        else:
            os.environ["REQUESTS_CA_BUNDLE"] = self._old_bundle
        shutil.rmtree(self.dir, ignore_errors=True)
        assert not errors, errors
