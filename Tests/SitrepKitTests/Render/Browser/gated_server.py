"""Serves a folder on 127.0.0.1 (a port the system picks) and holds every request of api/v1/build.json after
the first until a gate file exists, so a test can rebuild the site while a page that polls it is open.

Usage: gated_server.py FOLDER GATE_FILE. Prints "port N" once listening and "GET /path" for every request,
before answering it (a held request is printed when it arrives)."""
import http.server
import os
import sys
import threading
import time

folder, gate = sys.argv[1], sys.argv[2]
lock = threading.Lock()
markers = [0]


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=folder, **kwargs)

    def do_GET(self):
        print("GET " + self.path, flush=True)
        if self.path.split("?")[0].endswith("/api/v1/build.json"):
            with lock:
                markers[0] += 1
                held = markers[0] > 1
            # The harness opens the gate within its own deadline; two minutes bounds a forgotten one.
            deadline = time.monotonic() + 120
            while held and not os.path.exists(gate) and time.monotonic() < deadline:
                time.sleep(0.05)
        super().do_GET()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("port %d" % server.server_address[1], flush=True)
server.serve_forever()
