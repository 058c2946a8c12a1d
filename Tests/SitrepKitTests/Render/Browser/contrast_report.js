// Injected into a copy of a rendered page by ContrastTests: measures the WCAG 2 contrast ratio of every piece
// of visible text (HTML text by `color`, SVG text by `fill`) against the background it is drawn on, first
// in the light scheme, then with the page's own `prefers-color-scheme: dark` rules applied, and writes the
// result as JSON into <pre id="contrast-report">.
(function () {
  function parse(text) {
    var m = /rgba?\(([^)]+)\)/.exec(text || "");
    if (!m) return null;
    var p = m[1].split(/[\s,\/]+/).filter(function (s) { return s.length > 0; }).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }
  function over(top, bottom) {
    var a = top.a;
    return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
  }
  function luminance(c) {
    function f(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function ratio(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function background(element) {
    var layers = [];
    for (var e = element; e; e = e.parentElement) {
      var c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    var base = { r: 255, g: 255, b: 255, a: 1 };
    for (var i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
    return base;
  }
  function ownText(element) {
    var text = "";
    for (var n = element.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) text += n.nodeValue;
    return text.trim();
  }
  function measure(scheme) {
    var checked = 0, failures = [];
    document.querySelectorAll("body *").forEach(function (element) {
      var text = ownText(element);
      if (!text || element.closest("script, style, .sprite") || element.getClientRects().length === 0) return;
      var style = getComputedStyle(element);
      if (style.visibility === "hidden") return;
      var isSVGText = element instanceof SVGElement;
      var color = parse(isSVGText ? style.fill : style.color);
      if (!color) return;
      var bg = background(isSVGText ? element.closest("svg").parentElement : element);
      var size = parseFloat(style.fontSize), weight = parseInt(style.fontWeight, 10) || 400;
      var large = size >= 24 || (size >= 18.66 && weight >= 700);
      var needed = large ? 3 : 4.5;
      var got = ratio(over(color, bg), bg);
      checked += 1;
      if (got + 1e-9 < needed) {
        failures.push({ scheme: scheme, text: text.slice(0, 40), element: element.tagName.toLowerCase() + "." + String(element.className.baseVal !== undefined ? element.className.baseVal : element.className),
                        ratio: Math.round(got * 100) / 100, needed: needed });
      }
    });
    return { checked: checked, failures: failures, body: getComputedStyle(document.body).backgroundColor };
  }
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  // A day of the first daily-bars strip has focus, so the details it shows are measured too.
  var day = document.querySelector(".day[tabindex='0']");
  if (day) { day.focus(); }
  var light = measure("light");
  // Apply the page's own dark-scheme rules unconditionally, exactly as the media query would.
  var added = 0;
  Array.prototype.forEach.call(document.styleSheets, function (sheet) {
    Array.prototype.slice.call(sheet.cssRules).forEach(function (rule) {
      if (rule.media && /prefers-color-scheme:\s*dark/.test(rule.media.mediaText)) {
        Array.prototype.forEach.call(rule.cssRules, function (inner) { sheet.insertRule(inner.cssText, sheet.cssRules.length); added += 1; });
      }
    });
  });
  var dark = measure("dark");
  var report = document.createElement("pre");
  report.id = "contrast-report";
  report.textContent = JSON.stringify({ light: light, dark: dark, darkRules: added });
  document.body.appendChild(report);
})();
