#!/usr/bin/env python3
"""Loopback receivers for the email and SMS channel tests.

Usage: notify_test_servers.py WORKDIR
Makes a self-signed certificate for 127.0.0.1 in WORKDIR with the openssl CLI and starts, on 127.0.0.1:
  - smtp_starttls: aiosmtpd, STARTTLS required, AUTH (user "mailer", password "s3cret-pass") required after TLS;
  - smtps: aiosmtpd behind implicit TLS, same AUTH;
  - smtp_plain: aiosmtpd without TLS (a client that insists on STARTTLS must refuse to send here);
  - sms: a fake of Twilio's Messages API (form POST, HTTP Basic auth "AC123" / "twilio-token").
Every mail received is parsed with Python's email package and written as WORKDIR/mail/<n>.json: the envelope,
whether TLS and AUTH were in use, the decoded headers and each MIME part. Every SMS request is written as
WORKDIR/sms/<n>.json. Recipients starting with "gone" are refused with 550; the number +15550000400 gets 400.
Prints one JSON line with the ports, then serves until stdin closes or it is killed.
"""
import email
import email.policy
import email.utils
import json
import os
import socket
import ssl
import subprocess
import sys
import threading
from base64 import b64decode
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "mailer", "s3cret-pass"
SID, TOKEN = "AC123", "twilio-token"
LOCK = threading.Lock()
COUNTS = {"mail": 0, "sms": 0}


def record(work, kind, document):
    with LOCK:
        COUNTS[kind] += 1
        number = COUNTS[kind]
    folder = os.path.join(work, kind)
    path = os.path.join(folder, f"{number}.json")
    with open(path + ".tmp", "w") as out:
        json.dump(document, out)
    os.rename(path + ".tmp", path)


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER and auth_data.password.decode() == PASSWORD
    return AuthResult(success=ok, handled=False)


class MailHandler:
    def __init__(self, work, name):
        self.work = work
        self.name = name

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("gone"):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        lines = raw.split(b"\r\n")
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            parts.append({"type": part.get_content_type(), "charset": part.get_content_charset(),
                          "encoding": part.get("Content-Transfer-Encoding"), "content": part.get_content()})
        date_ok = True
        try:
            email.utils.parsedate_to_datetime(message["Date"])
        except Exception:
            date_ok = False
        record(self.work, "mail", {
            "server": self.name,
            "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": session.authenticated,
            "headers": {name: str(value) for name, value in message.items()},
            "raw_head": raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace"),
            "content_type": message.get_content_type(),
            "parts": parts, "date_ok": date_ok,
            "longest_line": max(len(line) for line in lines),
            "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
        })
        return "250 Message accepted"


class SMSHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    work = ""

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode()
        form = {key: values[0] for key, values in parse_qs(body, keep_blank_values=True).items()}
        auth = self.headers.get("Authorization", "")
        user, _, password = b64decode(auth[6:]).decode().partition(":") if auth.startswith("Basic ") else ("", "", "")
        record(self.work, "sms", {"path": self.path, "form": form, "user": user,
                                  "content_type": self.headers.get("Content-Type"),
                                  "idempotency_key": self.headers.get("Idempotency-Key")})
        if self.path != f"/2010-04-01/Accounts/{SID}/Messages.json":
            status = 404
        elif (user, password) != (SID, TOKEN):
            status = 401
        elif form.get("To") == "+15550000400":
            status = 400
        else:
            status = 201
        reply = json.dumps({"sid": "SM1", "status": "queued" if status == 201 else "failed"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    work = sys.argv[1]
    for folder in ("mail", "sms"):
        os.makedirs(os.path.join(work, folder), exist_ok=True)
    cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    ports = {"ca_file": cert, "work": work}
    controllers = []
    for name, options in [
        ("smtp_starttls", dict(tls_context=context, require_starttls=True, auth_required=True,
                               authenticator=authenticator)),
        # aiosmtpd counts only STARTTLS as TLS for offering AUTH; this listener is TLS from the first byte.
        ("smtps", dict(ssl_context=context, auth_required=True, auth_require_tls=False, authenticator=authenticator)),
        ("smtp_plain", dict()),
    ]:
        port = free_port()
        controller = Controller(MailHandler(work, name), hostname="127.0.0.1", port=port,
                                server_hostname="127.0.0.1", **options)
        controller.start()
        controllers.append(controller)
        ports[name] = port
    SMSHandler.work = work
    sms = ThreadingHTTPServer(("127.0.0.1", 0), SMSHandler)
    threading.Thread(target=sms.serve_forever, daemon=True).start()
    ports["sms"] = sms.server_address[1]
    print(json.dumps(ports), flush=True)
    sys.stdin.read()
    for controller in controllers:
        controller.stop()
    sms.shutdown()


if __name__ == "__main__":
    main()
