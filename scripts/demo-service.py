#!/usr/bin/env python3
"""The loopback service that the sample sitrep.yml probes, so `make run` shows a real page offline.

    demo-service.py [--http-port N] [--tcp-port N] [-- COMMAND ARG...]

With a COMMAND, the service runs only while the command runs: it listens, runs the command, stops, and exits
with the command's exit code (also when the command fails or is interrupted). Without one it serves until
Ctrl-C. Ports default to $SITREP_DEMO_HTTP_PORT and $SITREP_DEMO_TCP_PORT, else 47801 and 47802, the ports
the sample sitrep.yml names. Everything listens on 127.0.0.1 only. Standard library only.

HTTP endpoints (what each sample check sees):
    /api/health   200, {"status": "ok"}                 Public API: up
    /auth/login   200, a page containing "Sign in"     Login & accounts: up
    /www/         200, the marketing home page         Marketing website: up
    /docs/        200 after 1.2 s                      Documentation: degraded (its check allows 500 ms)
    /api/queue    200, worker count and queue depth    Public API: up (its conditions hold)
    POST /auth/session  with {"password": "demo-password"}: a token (JSON) and a session cookie
    /api/orders   200 only with that token (Authorization: Bearer) and that cookie: the sign-in flow
TCP: the second port accepts connections and closes them (Primary database: up).
"""

import argparse
import json
import os
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SLOW_SECONDS = 1.2

PAGES = {
    "/api/health": ("application/json", json.dumps({"status": "ok", "version": "demo"})),
    "/auth/login": ("text/html; charset=utf-8", "<!doctype html><title>Acme</title><h1>Sign in</h1><form></form>"),
    "/www/": ("text/html; charset=utf-8", "<!doctype html><title>Acme</title><h1>Acme</h1><p>Welcome.</p>"),
    "/docs/": ("text/html; charset=utf-8", "<!doctype html><title>Acme docs</title><h1>Documentation</h1>"),
    "/api/queue": ("application/json", json.dumps({"workers": 4, "queue": {"depth": 12}})),
}

DEMO_PASSWORD = "demo-password"
DEMO_TOKEN = "demo-token-7f3a"
DEMO_SESSION = "demo-session-42"


class DemoHandler(BaseHTTPRequestHandler):
    def send_json(self, status, document, headers=()):
        body = json.dumps(document).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0") or "0")
        try:
            sent = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            sent = {}
        if self.path != "/auth/session":
            self.send_error(404)
        elif not isinstance(sent, dict) or sent.get("password") != DEMO_PASSWORD:
            self.send_json(401, {"error": "wrong password"})
        else:
            self.send_json(200, {"token": DEMO_TOKEN},
                           headers=[("Set-Cookie", f"session={DEMO_SESSION}; Path=/; HttpOnly")])

    def do_GET(self):
        if self.path == "/api/orders":
            signed_in = (self.headers.get("Authorization") == f"Bearer {DEMO_TOKEN}"
                         and f"session={DEMO_SESSION}" in self.headers.get("Cookie", ""))
            self.send_json(200 if signed_in else 403, {"orders": [{"id": 1}]} if signed_in else {"error": "sign in"})
            return
        page = PAGES.get(self.path)
        if page is None:
            self.send_error(404)
            return
        if self.path == "/docs/":
            time.sleep(SLOW_SECONDS)
        content_type, text = page
        body = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, format, *args):  # quiet: sitrep prints what it saw
        pass


class QuietHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class AcceptAndClose(socketserver.BaseRequestHandler):
    def handle(self):
        pass  # the connection is closed when the handler returns


class QuietTCPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def default_port(variable, fallback):
    value = os.environ.get(variable, "")
    return int(value) if value.isdigit() else fallback


def listen(server_class, handler, port):
    try:
        return server_class(("127.0.0.1", port), handler)
    except OSError as error:
        sys.exit(f"demo-service: cannot listen on 127.0.0.1:{port} ({error.strerror}); "
                 "is another `make run` or demo service running?")


def main():
    parser = argparse.ArgumentParser(description="Loopback demo service for the sample sitrep.yml.")
    parser.add_argument("--http-port", type=int, default=default_port("SITREP_DEMO_HTTP_PORT", 47801))
    parser.add_argument("--tcp-port", type=int, default=default_port("SITREP_DEMO_TCP_PORT", 47802))
    parser.add_argument("command", nargs=argparse.REMAINDER, help="run while the service listens, then stop")
    arguments = parser.parse_args()
    command = arguments.command[1:] if arguments.command[:1] == ["--"] else arguments.command

    # SIGTERM ends the service as Ctrl-C does: through the `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    servers = []  # only servers that are serving: shutdown() waits for serve_forever to return
    try:
        for server_class, handler, port in [(QuietHTTPServer, DemoHandler, arguments.http_port),
                                            (QuietTCPServer, AcceptAndClose, arguments.tcp_port)]:
            server = listen(server_class, handler, port)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
        if not command:
            print(f"demo service on 127.0.0.1:{arguments.http_port} (HTTP) and :{arguments.tcp_port} (TCP); "
                  "Ctrl-C stops it", flush=True)
            threading.Event().wait()
            return 0
        return subprocess.run(command).returncode
    except KeyboardInterrupt:
        return 130
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


if __name__ == "__main__":
    sys.exit(main())
