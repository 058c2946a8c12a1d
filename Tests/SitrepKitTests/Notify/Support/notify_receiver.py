#!/usr/bin/env python3
"""Loopback receivers for the notification tests (stdlib only).

Usage: notify_receiver.py WORKDIR SECRET
Serves on 127.0.0.1 and prints one JSON line with its port, then serves until stdin closes.

POST paths (the last segment names the receiver; each request is appended to WORKDIR/requests.jsonl as one JSON
object with the path, the headers that matter, the parsed body, the HTTP status answered and every problem found
checking the payload against its format and the webhook's HMAC-SHA256 signature, made with SECRET):
  /webhook/NAME, /slack/NAME, /discord/NAME, /teams/NAME   answer 200 (Discord 204) after checking the format
  /fail-once/webhook/NAME   500 to the first request of each Idempotency-Key, then 200
  /hang/webhook/NAME        records the request, then never answers
  /hang-after-first/webhook/NAME   200 to the first request, records and never answers later ones
GET /health/NAME answers the status code written in WORKDIR/NAME.status (200 when there is no such file): a
check whose state a test sets.
"""
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORK = sys.argv[1]
SECRET = sys.argv[2].encode()
LOCK = threading.Lock()
SEEN_KEYS = set()
ANSWERED = {}
STOP = threading.Event()


def require(problems, condition, text):
    if not condition:
        problems.append(text)


def check_statuspage(doc, problems):
    require(problems, isinstance(doc.get("meta"), dict), "meta object missing")
    page = doc.get("page")
    require(problems, isinstance(page, dict) and isinstance(page.get("id"), str), "page.id missing")
    kind = doc.get("sitrep", {}).get("event_kind")
    if kind == "test":
        return
    if kind == "component_status":
        update = doc.get("component_update")
        component = doc.get("component")
        require(problems, isinstance(update, dict), "component_update missing")
        require(problems, isinstance(component, dict), "component missing")
        if isinstance(update, dict):
            for key in ("created_at", "new_status", "old_status", "id", "component_id"):
                require(problems, key in update, "component_update." + key + " missing")
        if isinstance(component, dict):
            for key in ("id", "name", "status", "created_at"):
                require(problems, key in component, "component." + key + " missing")
            statuses = ("operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance")
            require(problems, component.get("status") in statuses, "component.status not a Statuspage status")
    else:
        incident = doc.get("incident")
        require(problems, isinstance(incident, dict), "incident missing")
        if isinstance(incident, dict):
            for key in ("id", "name", "status", "impact", "shortlink", "updated_at", "resolved_at", "components",
                        "incident_updates"):
                require(problems, key in incident, "incident." + key + " missing")
            updates = incident.get("incident_updates")
            require(problems, isinstance(updates, list) and len(updates) >= 1, "incident.incident_updates empty")
            if isinstance(updates, list) and updates:
                for key in ("id", "incident_id", "status", "body", "created_at", "display_at"):
                    require(problems, key in updates[0], "incident_updates[0]." + key + " missing")


def check_slack(doc, problems):
    require(problems, isinstance(doc.get("text"), str) and doc["text"], "text missing")
    blocks = doc.get("blocks")
    require(problems, isinstance(blocks, list) and 1 <= len(blocks) <= 50, "blocks missing")
    for block in blocks or []:
        require(problems, block.get("type") in ("header", "section", "context"), "unexpected block type")
        if block.get("type") == "header":
            text = block.get("text", {})
            require(problems, text.get("type") == "plain_text" and len(text.get("text", "")) <= 150, "bad header")
    require(problems, all("<!" not in text for text in strings(doc)), "a mention (<!...>) went out unescaped")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def check_discord(doc, problems):
    embeds = doc.get("embeds")
    require(problems, isinstance(embeds, list) and 1 <= len(embeds) <= 10, "embeds missing")
    for embed in embeds or []:
        require(problems, isinstance(embed.get("title"), str) and len(embed["title"]) <= 256, "embed.title")
        require(problems, len(embed.get("description", "")) <= 4096, "embed.description too long")
        require(problems, isinstance(embed.get("color"), int), "embed.color not an integer")
        require(problems, isinstance(embed.get("url"), str), "embed.url missing")
    require(problems, doc.get("allowed_mentions") == {"parse": []}, "mentions not disabled")


def check_teams(doc, problems):
    require(problems, doc.get("type") == "message", "type is not message")
    attachments = doc.get("attachments")
    require(problems, isinstance(attachments, list) and len(attachments) == 1, "one attachment expected")
    if isinstance(attachments, list) and attachments:
        attachment = attachments[0]
        require(problems, attachment.get("contentType") == "application/vnd.microsoft.card.adaptive", "contentType")
        card = attachment.get("content", {})
        require(problems, card.get("type") == "AdaptiveCard", "content is not an AdaptiveCard")
        require(problems, isinstance(card.get("version"), str), "card version missing")
        require(problems, isinstance(card.get("body"), list) and card["body"], "card body missing")


CHECKS = {"webhook": check_statuspage, "slack": check_slack, "discord": check_discord, "teams": check_teams}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b""):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "health":
            status_file = os.path.join(WORK, parts[1] + ".status")
            status = 200
            if os.path.exists(status_file):
                with open(status_file) as handle:
                    status = int(handle.read().strip() or "200")
            self.reply(status, b"health")
        else:
            self.reply(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        parts = self.path.strip("/").split("/")
        mode = parts[0] if parts[0] in ("fail-once", "hang", "hang-after-first") else "normal"
        rest = parts[1:] if mode != "normal" else parts
        fmt = rest[0] if rest else ""
        problems = []
        key = self.headers.get("Idempotency-Key")
        require(problems, bool(key), "Idempotency-Key missing")
        require(problems, self.headers.get("Content-Type") == "application/json", "Content-Type not JSON")
        try:
            doc = json.loads(raw)
        except ValueError:
            doc = None
            problems.append("body is not JSON")
        if fmt == "webhook":
            expected = "sha256=" + hmac.new(SECRET, raw, hashlib.sha256).hexdigest()
            require(problems, hmac.compare_digest(self.headers.get("X-Sitrep-Signature", ""), expected), "bad signature")
        if isinstance(doc, dict) and fmt in CHECKS:
            CHECKS[fmt](doc, problems)
        elif fmt not in CHECKS:
            problems.append("unknown format " + fmt)
        with LOCK:
            if mode == "fail-once":
                status = 200 if key in SEEN_KEYS else 500
            elif mode == "hang":
                status = None
            elif mode == "hang-after-first":
                status = None if ANSWERED.get(self.path) else 200
                ANSWERED[self.path] = True
            else:
                status = 204 if fmt == "discord" else 200
            SEEN_KEYS.add(key)
            record = {"path": self.path, "key": key, "event": self.headers.get("X-Sitrep-Event"),
                      "agent": self.headers.get("User-Agent"), "status": status, "problems": problems, "body": doc}
            with open(os.path.join(WORK, "requests.jsonl"), "a") as handle:
                handle.write(json.dumps(record) + "\n")
        if status is None:
            STOP.wait(120)
            return
        self.reply(status, b"ok")


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    sys.stdin.read()
    STOP.set()
    server.shutdown()


if __name__ == "__main__":
    main()
