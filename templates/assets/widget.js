/* sitrep status widget. Include it where the pill should appear:
 *   <script async src="https://status.example.com/widget.js"></script>
 * or give it a place of its own: <span data-sitrep-widget></span> anywhere on the page.
 * It reads api/v2/status.json beside itself (the status site must send Access-Control-Allow-Origin for a
 * page on another origin; otherwise embed widget.html in an iframe) and shows the overall status as a link
 * to the status page. data-refresh="SECONDS" on the script re-reads it (default 300, 0: never). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(".", script.src).href;
  var colours = { none: "#1a7f37", minor: "#9a6700", major: "#bc4c00", critical: "#cf222e", maintenance: "#0969da" };
  var unknown = "#59636e";

  function places() {
    var found = [];
    var marked = document.querySelectorAll("[data-sitrep-widget]");
    for (var i = 0; i < marked.length; i++) {
      var wanted = marked[i].getAttribute("data-sitrep-widget");
      if (!wanted || new URL(wanted, document.baseURI).href === base) found.push(marked[i]);
    }
    if (found.length === 0) {
      var span = document.createElement("span");
      span.setAttribute("data-sitrep-widget", base);
      script.parentNode.insertBefore(span, script.nextSibling);
      found.push(span);
    }
    return found;
  }

  function pill(indicator, text, title) {
    var link = document.createElement("a");
    link.className = "sitrep-pill sitrep-pill-" + indicator;
    link.href = base;
    link.target = "_top";
    link.rel = "noopener";
    link.title = title;
    link.setAttribute("data-indicator", indicator);
    var s = link.style;
    s.display = "inline-flex"; s.alignItems = "center"; s.gap = "0.5em"; s.padding = "0.25em 0.75em";
    s.borderRadius = "999px"; s.background = colours[indicator] || unknown; s.color = "#ffffff";
    s.font = "600 0.875em/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"; s.textDecoration = "none";
    var dot = document.createElement("span");
    dot.setAttribute("aria-hidden", "true");
    dot.style.cssText = "width:0.6em;height:0.6em;border-radius:50%;background:#ffffff;flex:none";
    var label = document.createElement("span");
    label.className = "sitrep-pill-text";
    label.textContent = text;
    link.appendChild(dot);
    link.appendChild(label);
    return link;
  }

  function show(indicator, text, title) {
    var targets = places();
    for (var i = 0; i < targets.length; i++) {
      targets[i].replaceChildren(pill(indicator, text, title));
    }
  }

  function load() {
    fetch(base + "api/v2/status.json", { cache: "no-cache", credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (summary) {
        var status = summary && summary.status ? summary.status : {};
        var indicator = Object.prototype.hasOwnProperty.call(colours, status.indicator) ? status.indicator : "unknown";
        var name = summary && summary.page && typeof summary.page.name === "string" ? summary.page.name : "{{t.widget.status_page}}";
        show(indicator, typeof status.description === "string" ? status.description : "{{t.widget.unknown}}", name);
      })
      .catch(function () {
        show("unknown", "{{t.widget.unavailable}}", "{{t.widget.status_page}}");
      });
  }

  var refresh = parseInt(script.getAttribute("data-refresh") || "300", 10);
  load();
  if (refresh > 0) setInterval(load, refresh * 1000);
})();
