#!/usr/bin/env python3
"""Loopback servers for the probe tests (stdlib only).

Usage: probe_test_server.py WORKDIR
Makes a test CA and certificates in WORKDIR with the openssl CLI, starts one plain HTTP server and four HTTPS
servers (valid, expiring soon, expired, self-signed) on 127.0.0.1, reserves a port nobody listens on, prints one
JSON line with the ports and the CA path, then serves until stdin closes (the test process ended) or it is killed.
"""
import json
import os
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

STOP = threading.Event()
STATE_LOCK = threading.Lock()
FLAKY_SEEN = set()
STREAM_BYTES_SENT = {}
ARRIVALS = {}  # log name -> requests to /arrival so far

JSON_DOC = json.dumps({"status": "UP", "db": {"ok": True}, "count": 3,
                       "items": [{"ok": True}, {"ok": False}]}).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", content_type="text/plain", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        data = self.rfile.read(length)
        if self.path == "/flow/login":
            self.flow_login(data)
            return
        self.reply(200, b"method=POST body=" + data)

    # Flow and condition endpoints: a login issuing a token and a session cookie, an API requiring both.
    def flow_login(self, data):
        try:
            sent = json.loads(data or b"{}")
        except ValueError:
            sent = {}
        if sent.get("password") != "hunter22":
            self.reply(401, b'{"error": "bad password"}', "application/json")
            return
        self.reply(200, json.dumps({"token": "tok-4711", "user": {"id": 7}}).encode(), "application/json",
                   headers=[("Set-Cookie", "session=sess-abc; Path=/; HttpOnly"), ("X-Request-Id", "req-42")])

    def flow_get(self, path):
        if path == "/flow/orders":
            cookie = self.headers.get("Cookie", "")
            if self.headers.get("Authorization") != "Bearer tok-4711" or "session=sess-abc" not in cookie:
                self.reply(403, json.dumps({"auth": self.headers.get("Authorization"), "cookie": cookie}).encode(),
                           "application/json")
                return True
            self.reply(200, json.dumps({"items": [{"id": 1}], "user": 7}).encode(), "application/json")
        elif path == "/flow/user/7":
            self.reply(200, b'{"name": "probe"}', "application/json")
        elif path == "/conditions":
            document = {"workers": 3, "queue": {"depth": 1500}, "items": [], "version": "2.4.1", "ok": True,
                        "count": "12"}
            self.reply(200, json.dumps(document).encode(), "application/json",
                       headers=[("X-Workers", "3"), ("X-Version", "2.4.1")])
        else:
            return False
        return True

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        path = url.path
        if self.flow_get(path):
            return
        if path == "/ok":
            self.reply(200, b"all systems go")
        elif path == "/status/500":
            self.reply(500, b"internal error")
        elif path == "/slow":
            time.sleep(int(query.get("ms", ["300"])[0]) / 1000)
            self.reply(200, b"slow but fine")
        elif path == "/json":
            self.reply(200, JSON_DOC, "application/json")
        elif path == "/not-json":
            self.reply(200, b"<html>nope</html>", "text/html")
        elif path == "/loop":
            self.reply(302, headers=[("Location", "/loop")])
        elif path == "/redirect-ok":
            self.reply(302, headers=[("Location", "/ok")])
        elif path == "/hang":
            STOP.wait(120)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(100):
                if STOP.wait(1):
                    return
                self.wfile.write(b"x")
                self.wfile.flush()
        elif path == "/empty":
            self.close_connection = True
        elif path == "/big":
            self.send_big(query.get("key", ["big"])[0], with_length=True)
        elif path == "/big-stream":
            self.send_big(query.get("key", ["stream"])[0], with_length=False)
        elif path == "/sent":
            key = query.get("key", [""])[0]
            with STATE_LOCK:
                sent = STREAM_BYTES_SENT.get(key)
            # 503: the stream is still being written; 200: it stopped early (under 32 MiB); 500: it did not.
            status = 503 if sent is None else (200 if sent < 32 * 1024 * 1024 else 500)
            self.reply(status, json.dumps({"sent": sent}).encode(), "application/json")
        elif path == "/flaky":
            key = query.get("key", [""])[0]
            with STATE_LOCK:
                first = key not in FLAKY_SEEN
                FLAKY_SEEN.add(key)
            self.reply(500 if first else 200, b"first fails" if first else b"then works")
        elif path == "/arrival":
            # Answers 200 + how many requests of the same log came before (201, 202, ...: still 2xx), after
            # `ms` milliseconds: with concurrency 1 the status codes show the order the checks started in.
            log = query.get("log", [""])[0]
            with STATE_LOCK:
                before = ARRIVALS.get(log, 0)
                ARRIVALS[log] = before + 1
            time.sleep(int(query.get("ms", ["0"])[0]) / 1000)
            self.reply(200 + before, b"arrived")
        elif path == "/headers":
            self.reply(200, ("auth=" + self.headers.get("Authorization", "")).encode())
        else:
            self.reply(404, b"not found")

    def send_big(self, key, with_length):
        total = 200 * 1024 * 1024
        chunk = b"y" * 65536
        self.send_response(200)
        if with_length:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        sent = 0
        try:
            while sent < total:
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass
        finally:
            with STATE_LOCK:
                STREAM_BYTES_SENT[key] = sent


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        pass


class TLSServer(QuietServer):
    def __init__(self, address, handler, context):
        super().__init__(address, handler)
        self.context = context

    def get_request(self):
        sock, address = self.socket.accept()
        return self.context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), address


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_certificates(work):
    san = "subjectAltName=IP:127.0.0.1,DNS:localhost"
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "30", "-subj", "/CN=sitrep test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            cwd=work)
    open(os.path.join(work, "index.txt"), "w").close()
    with open(os.path.join(work, "serial"), "w") as f:
        f.write("1000\n")
    with open(os.path.join(work, "ca.cnf"), "w") as f:
        f.write("[ca]\ndefault_ca = test\n[test]\ndir = .\ndatabase = index.txt\nnew_certs_dir = .\n"
                "serial = serial\ndefault_md = sha256\npolicy = anything\nunique_subject = no\n"
                "copy_extensions = none\n[anything]\ncommonName = supplied\n")
    with open(os.path.join(work, "leaf.ext"), "w") as f:
        f.write("[leaf]\nbasicConstraints = CA:FALSE\n" + san.replace("=", " = ", 1) + "\n")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
            "-subj", "/CN=localhost", cwd=work)
    leaves = {"valid": ["-days", "60"], "expiring": ["-days", "5"],
              "expired": ["-startdate", "20200101000000Z", "-enddate", "20200201000000Z"]}
    for name, validity in leaves.items():
        openssl("ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key",
                "-in", "leaf.csr", "-out", name + ".pem", "-extfile", "leaf.ext", "-extensions", "leaf",
                *validity, cwd=work)
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "selfsigned.key", "-out", "selfsigned.pem",
            "-days", "60", "-subj", "/CN=localhost", "-addext", san, cwd=work)


def serve(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def tls_server(work, cert, key):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(work, cert), os.path.join(work, key))
    return serve(TLSServer(("127.0.0.1", 0), Handler, context))


def main():
    work = sys.argv[1]
    make_certificates(work)
    refused = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    refused.bind(("127.0.0.1", 0))  # bound but never listening: connections are refused
    ports = {
        "http": serve(QuietServer(("127.0.0.1", 0), Handler)),
        "tls_valid": tls_server(work, "valid.pem", "leaf.key"),
        "tls_expiring": tls_server(work, "expiring.pem", "leaf.key"),
        "tls_expired": tls_server(work, "expired.pem", "leaf.key"),
        "tls_selfsigned": tls_server(work, "selfsigned.pem", "selfsigned.key"),
        "refused": refused.getsockname()[1],
        "ca_file": os.path.join(work, "ca.pem"),
    }
    print(json.dumps(ports), flush=True)
    sys.stdin.read()  # returns when the parent closes the pipe or exits
    STOP.set()


if __name__ == "__main__":
    main()
