"""Serves a folder on 127.0.0.1 (a port the system picks) as a static host would. Given a gate file, it holds
every request of api/v1/build.json after the first until that file exists, so a test can rebuild the site
while a page that polls it is open. With --cors every answer carries Access-Control-Allow-Origin: * (a status
site that lets pages on other origins read its JSON).

Usage: gated_server.py FOLDER [GATE_FILE] [--cors]. Prints "port N" once listening and "GET /path" for every
request, before answering it (a held request is printed when it arrives)."""
import http.server
import os
import sys
import threading
import time

arguments = [argument for argument in sys.argv[1:] if argument != "--cors"]
cors = "--cors" in sys.argv[1:]
folder = arguments[0]
gate = arguments[1] if len(arguments) > 1 else None
lock = threading.Lock()
markers = [0]


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=folder, **kwargs)

    def end_headers(self):
        if cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def do_GET(self):
        print("GET " + self.path, flush=True)
        if gate and self.path.split("?")[0].endswith("/api/v1/build.json"):
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
