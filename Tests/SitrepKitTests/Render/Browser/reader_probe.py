"""What a reader meets on a page at one window width, in headless Chromium driven over the DevTools pipe.

    python3 reader_probe.py CHROMIUM URL WIDTH PROFILE_DIR

Loads URL at WIDTH x 900 CSS pixels, measures the daily-bars strips (days shown, their width), the smallest
text on the page, whether axis labels overlap, the left border of each history row, then presses Tab until a day of a strip has focus and reads the
details it shows, then ArrowLeft and Home. Prints one JSON object. Standard library only.
"""
import json
import os
import sys

# The DevTools pipe client is the repository's (scripts/devtools_pipe.py), shared with scripts/screenshot.py.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "scripts"))
from devtools_pipe import Chromium  # noqa: E402

chromium, url, width, profile = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
browser = Chromium(chromium, profile, ["--window-size=%d,900" % width])
send = browser.send
wait_for = browser.wait_for


def evaluate(expression):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    if "exceptionDetails" in result:
        raise SystemExit("script failed: %s" % json.dumps(result["exceptionDetails"])[:500])
    return result["result"].get("value")


def key(name, code, virtual):
    for kind in ("rawKeyDown", "keyUp"):
        send("Input.dispatchKeyEvent", {"type": kind, "key": name, "code": code, "windowsVirtualKeyCode": virtual,
                                        "nativeVirtualKeyCode": virtual}, session)


try:
    session = browser.page_session()
    send("Page.enable", session=session)
    send("Emulation.setDeviceMetricsOverride",
         {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}, session)
    send("Page.navigate", {"url": url}, session)
    wait_for("Page.loadEventFired")

    layout = evaluate(r"""(function () {
      function shown(e) { return e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden"; }
      function clipped(e) { for (; e; e = e.parentElement) { if (getComputedStyle(e).clipPath === "inset(50%)") return true; } return false; }
      var strips = Array.prototype.map.call(document.querySelectorAll("ol.days"), function (list) {
        var days = Array.prototype.filter.call(list.children, shown);
        var widths = days.map(function (d) { return d.getBoundingClientRect().width; });
        return { total: list.children.length, shown: days.length, narrowest: Math.min.apply(null, widths),
                 tabStops: Array.prototype.filter.call(list.children, function (d) { return d.tabIndex === 0; }).length };
      });
      var smallest = null;
      document.querySelectorAll("body *").forEach(function (e) {
        var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.nodeValue.trim(); });
        if (!own || !shown(e) || e.closest("script, style, .sprite, .visually-hidden") || clipped(e)) return;
        var box = e.getBoundingClientRect();
        if (box.width < 2 || box.height < 2) return;
        var size = parseFloat(getComputedStyle(e).fontSize);
        // Text inside an SVG is drawn at the SVG's scale.
        var svg = e.closest("svg");
        if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        if (smallest === null || size < smallest.size) smallest = { size: Math.round(size * 10) / 10, text: e.textContent.trim().slice(0, 40), element: e.tagName.toLowerCase() + "." + e.getAttribute("class") };
      });
      var overlaps = [];
      document.querySelectorAll(".bar-axis, .chart-x, .chart-y").forEach(function (axis) {
        var labels = Array.prototype.filter.call(axis.querySelectorAll("span"), function (s) { return shown(s) && !s.querySelector("span"); })
          .map(function (s) { return { text: s.textContent, box: s.getBoundingClientRect() }; });
        for (var i = 0; i < labels.length; i++) for (var j = i + 1; j < labels.length; j++) {
          var a = labels[i].box, b = labels[j].box;
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps.push(labels[i].text + " / " + labels[j].text);
        }
        var outer = axis.getBoundingClientRect();
        labels.forEach(function (l) { if (l.box.left < outer.left - 0.5 || l.box.right > outer.right + 0.5) overlaps.push(l.text + " leaves its axis"); });
      });
      var events = Array.prototype.map.call(document.querySelectorAll(".event"), function (e) {
        var style = getComputedStyle(e);
        return { tone: e.className, color: style.borderLeftColor, style: style.borderLeftStyle, width: parseFloat(style.borderLeftWidth) };
      });
      return { strips: strips, smallestText: smallest, overlaps: overlaps, events: events, pageWidth: document.documentElement.scrollWidth,
               viewport: window.innerWidth, chartLabels: document.querySelectorAll(".chart-x span, .chart-y span").length };
    })()""")

    def focused():
        # A moment first: the days script makes room for the details once focus has moved.
        send("Runtime.evaluate", {"expression": "new Promise(function (done) { setTimeout(done, 50); })", "awaitPromise": True}, session)
        return evaluate(r"""(function () {
          // The text the details box lies over: any element outside it with text of its own whose box meets it.
          function covered(tip, box) {
            var hits = [];
            document.querySelectorAll("body *").forEach(function (t) {
              if (tip.contains(t) || t.contains(tip) || t.closest("script, style, .sprite, .visually-hidden")) return;
              var own = Array.prototype.some.call(t.childNodes, function (n) { return n.nodeType === 3 && n.nodeValue.trim(); });
              if (!own || t.getClientRects().length === 0) return;
              var r = t.getBoundingClientRect();
              if (r.width < 1 || r.height < 1) return;
              if (r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom) hits.push(t.textContent.trim().slice(0, 40));
            });
            return hits;
          }
          var e = document.activeElement;
          if (!e || !e.classList.contains("day")) return { day: false, tag: e ? e.tagName : null };
          var tip = e.querySelector(".day-tip"), box = tip.getBoundingClientRect(), style = getComputedStyle(tip);
          var days = Array.prototype.filter.call(e.parentNode.children, function (d) { return d.getClientRects().length > 0; });
          return { day: true, index: days.indexOf(e), shownDays: days.length, text: tip.innerText,
                   tipWidth: box.width, tipHeight: box.height, tipLeft: box.left, tipRight: box.right,
                   fontSize: parseFloat(style.fontSize), clipped: style.clipPath === "inset(50%)", covers: covered(tip, box) };
        })()""")

    tabs = 0
    first = focused()
    while not first["day"] and tabs < 80:
        key("Tab", "Tab", 9)
        tabs += 1
        first = focused()
    keyboard = {"tabs": tabs, "first": first}
    if first["day"]:
        key("ArrowLeft", "ArrowLeft", 37)
        keyboard["left"] = focused()
        key("Home", "Home", 36)
        keyboard["home"] = focused()
    print(json.dumps({"layout": layout, "keyboard": keyboard}))
finally:
    browser.close()
