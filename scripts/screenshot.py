#!/usr/bin/env python3
"""One full-page PNG of a page in headless Chromium, at a window width and colour scheme.

    screenshot.py CHROMIUM URL WIDTH light|dark OUT.png PROFILE_DIR [TOP HEIGHT]

Emulates a WIDTH x 900 window (a phone below 600 px) and prefers-color-scheme, loads URL, waits for the page's
own scripts, and captures the whole page height (or HEIGHT pixels from TOP, to look at a part closely).
Standard library only.
"""
import base64
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools_pipe import Chromium  # noqa: E402

chromium, url, width, scheme, target, profile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
top, part = (int(sys.argv[7]), int(sys.argv[8])) if len(sys.argv) > 8 else (0, None)

browser = Chromium(chromium, profile, ["--hide-scrollbars"])
try:
    session = browser.page_session()
    browser.send("Page.enable", session=session)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}, session)
    browser.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}, session)
    browser.send("Page.navigate", {"url": url}, session)
    browser.wait_for("Page.loadEventFired")
    time.sleep(1.0)  # the widget fetches its status after the load event
    height = browser.send("Runtime.evaluate", {"expression": "document.documentElement.scrollHeight", "returnByValue": True},
                          session)["result"]["value"]
    shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": {
        "x": 0, "y": top, "width": width, "height": part or max(height, 200), "scale": 1}}, session)
    with open(target, "wb") as out:
        out.write(base64.b64decode(shot["data"]))
finally:
    browser.close()
