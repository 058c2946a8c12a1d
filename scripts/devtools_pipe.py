"""Headless Chromium driven over the DevTools pipe: commands on its fd 3, replies on its fd 4.

Shared by scripts/screenshot.py and the browser tests' probes (Tests/.../Browser/reader_probe.py), which put this
folder on sys.path. Standard library only.
"""
import json
import os
import subprocess


class Chromium:
    def __init__(self, binary, profile, arguments=()):
        commands_r, commands_w = os.pipe()
        replies_r, replies_w = os.pipe()

        def on_3_and_4():
            # The pipes may already sit on 3 or 4: duplicate them first.
            read_end, write_end = os.dup(commands_r), os.dup(replies_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
             "--disable-extensions", "--user-data-dir=" + profile] + list(arguments) + ["about:blank"],
            preexec_fn=on_3_and_4, close_fds=False,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_r)
        os.close(replies_w)
        self.commands = os.fdopen(commands_w, "wb", buffering=0)
        self.replies = os.fdopen(replies_r, "rb", buffering=0)
        self.unread = b""
        self.events = []
        self.last_id = 0

    def receive(self):
        while b"\0" not in self.unread:
            chunk = self.replies.read(65536)
            if not chunk:
                raise SystemExit("chromium closed the DevTools pipe")
            self.unread += chunk
        message, self.unread = self.unread.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        """The result of one command; events that arrive meanwhile are kept for wait_for."""
        self.last_id += 1
        request = {"id": self.last_id, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = session
        self.commands.write(json.dumps(request).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.last_id:
                if "error" in reply:
                    raise SystemExit("%s failed: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method):
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                del self.events[index]
                return event
        while True:
            event = self.receive()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def page_session(self):
        """Attaches to the browser's page; returns the session id for send."""
        page = next(t for t in self.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        return self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]

    def close(self):
        try:
            self.send("Browser.close")
        except SystemExit:
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
