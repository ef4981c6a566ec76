// treatywatch: the treaty map. Statuses are computed in the browser from each state's
// spans (/api/map), so moving the slider redraws without a request.
"use strict";
(async function () {
  const root = document.getElementById("treaty");
  if (!root) return;
  const BOUND = new Set(["party", "withdrawal_pending", "withdrawal_suspended", "suspended"]);
  const W = 960, H = 480;
  const [topo, data] = await Promise.all([
    fetch("/static/world-50m.json").then((r) => r.json()),
    fetch("/api/map?treaty=" + encodeURIComponent(root.dataset.treaty)).then((r) => r.json()),
  ]);

  // --- TopoJSON to SVG paths (equirectangular projection) ---
  const t = topo.transform;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map((p) => {
      x += p[0]; y += p[1];
      const lon = x * t.scale[0] + t.translate[0], lat = y * t.scale[1] + t.translate[1];
      return [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
    });
  });
  const arcPoints = (i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse());
  function geometryPath(g) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    let d = "", area = 0;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const poly of polys) for (const ring of poly) {
      let pts = [];
      ring.forEach((i, k) => { const a = arcPoints(i); pts = pts.concat(k ? a.slice(1) : a); });
      for (const [x, y] of pts) {
        box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y);
      }
      for (let k = 0; k < pts.length - 1; k++) area += pts[k][0] * pts[k + 1][1] - pts[k + 1][0] * pts[k][1];
      // a ring that crosses the antimeridian jumps across the map: lift the pen there
      let seg = "M";
      pts.forEach((p, k) => {
        if (k) seg += Math.abs(p[0] - pts[k - 1][0]) > W / 2 ? "M" : "L";
        seg += p[0].toFixed(1) + "," + p[1].toFixed(1);
      });
      d += seg + "Z";
    }
    return { d, box, area: Math.abs(area) / 2 };
  }

  const byNumeric = {}, byName = {};
  for (const [code, s] of Object.entries(data.states)) {
    if (s.numeric) byNumeric[s.numeric] = code;
    byName[s.name] = code;
  }
  const NS = "http://www.w3.org/2000/svg";
  const gCountries = document.getElementById("countries");
  const gPoints = document.getElementById("points");
  const shapes = [];  // [element, alpha3]
  for (const g of topo.objects.countries.geometries) {
    const code = byNumeric[g.id] || byName[(g.properties || {}).name];
    if (!code) continue;
    const { d, box, area } = geometryPath(g);
    if (!d) continue;
    const path = document.createElementNS(NS, "path");
    path.setAttribute("d", d);
    path.dataset.state = code;
    gCountries.appendChild(path);
    shapes.push([path, code]);
    if (area < 20) {  // too small to see or to hover: add a point
      const c = document.createElementNS(NS, "circle");
      c.setAttribute("cx", ((box[0] + box[2]) / 2).toFixed(1));
      c.setAttribute("cy", ((box[1] + box[3]) / 2).toFixed(1));
      c.setAttribute("r", "3.2");
      c.dataset.state = code;
      gPoints.appendChild(c);
      shapes.push([c, code]);
    }
  }
  for (const [el, code] of shapes) {
    if (el.tagName === "circle" || !shapes.some(([e, c]) => c === code && e.tagName === "circle")) {
      el.setAttribute("tabindex", "0");
    }
  }

  // --- statuses on a day ---
  function statusOn(code, day) {
    for (const [start, end, status, reason, contested] of data.states[code].spans) {
      if (start <= day && (end === null || day < end)) return { status, start, end, reason, contested };
    }
    return { status: "not_party", start: null, end: null, reason: "", contested: false };
  }
  const tip = document.getElementById("tip");
  function describe(code, day) {
    const s = statusOn(code, day);
    let text = data.states[code].name + ": " + s.status.replace(/_/g, " ");
    if (s.contested) text += " (contested)";
    if (s.start) text += " since " + s.start;
    if (s.end) text += ", until " + s.end;
    if (s.reason) text += " — " + s.reason;
    return text;
  }
  function show(ev) {
    const code = ev.target.dataset.state;
    if (!code) return;
    tip.textContent = describe(code, current);
    tip.hidden = false;
  }
  gCountries.parentNode.addEventListener("mouseover", show);
  gCountries.parentNode.addEventListener("focusin", show);
  gCountries.parentNode.addEventListener("mouseleave", () => { tip.hidden = true; });

  // --- slider ---
  const slider = document.getElementById("slider"), out = document.getElementById("day");
  const DAY = 86400000;
  const opens = Date.parse(root.dataset.opens), last = Date.parse(root.dataset.today) + 365 * DAY;
  slider.max = String(Math.round((last - opens) / DAY));
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  let current = root.dataset.on;
  slider.value = String(Math.round((Date.parse(current) - opens) / DAY));
  const tbody = document.querySelector("#parties tbody");
  const summary = document.getElementById("summary");

  function redraw(day) {
    const t0 = performance.now();
    current = day;
    out.textContent = day;
    const counts = {};
    for (const [el, code] of shapes) {
      const s = statusOn(code, day);
      el.setAttribute("fill", "url(#pat-" + s.status + ")");
      el.setAttribute("class", "st-" + s.status);
      el.setAttribute("aria-label", describe(code, day));
    }
    const rows = [];
    for (const code of Object.keys(data.states).sort((a, b) => data.states[a].name.localeCompare(data.states[b].name))) {
      const s = statusOn(code, day);
      if (s.status === "not_party") continue;
      counts[s.status] = (counts[s.status] || 0) + 1;
      rows.push([code, s]);
    }
    tbody.replaceChildren(...rows.map(([code, s]) => {
      const tr = document.createElement("tr");
      tr.dataset.state = code;
      const a = document.createElement("a");
      a.href = "/state/" + code; a.textContent = data.states[code].name;
      const cells = [a, s.status.replace(/_/g, " ") + (s.contested ? " (contested)" : ""), s.start || "", s.end || "", s.reason];
      cells.forEach((c, i) => {
        const td = document.createElement("td");
        if (typeof c === "string") td.textContent = c; else td.appendChild(c);
        if (i === 1) td.className = "st st-" + s.status;
        tr.appendChild(td);
      });
      return tr;
    }));
    document.getElementById("table-day").textContent = day;
    summary.textContent = Object.keys(counts).sort().map((k) => counts[k] + " " + k.replace(/_/g, " ")).join(" · ");
    const ms = performance.now() - t0;
    root.dataset.redrawMs = ms.toFixed(1);
  }
  slider.addEventListener("input", () => {
    const day = iso(opens + Number(slider.value) * DAY);
    redraw(day);
    const url = new URL(window.location.href);
    url.searchParams.set("on", day);
    history.replaceState(null, "", url);
  });
  redraw(current);

  // --- states bound, month by month ---
  const chart = document.getElementById("chart");
  const points = [];
  let maxCount = 1;
  for (let ms = opens; ms <= last; ms += 30 * DAY) {
    const day = iso(ms);
    let n = 0;
    for (const code in data.states) if (BOUND.has(statusOn(code, day).status)) n++;
    points.push([ms, n]);
    maxCount = Math.max(maxCount, n);
  }
  const poly = document.createElementNS(NS, "polyline");
  poly.setAttribute("points", points.map(([ms, n]) =>
    (((ms - opens) / (last - opens)) * 940 + 10).toFixed(1) + "," + (150 - (n / maxCount) * 140).toFixed(1)).join(" "));
  poly.setAttribute("fill", "none");
  poly.setAttribute("stroke", "#0072B2");
  poly.setAttribute("stroke-width", "2");
  chart.appendChild(poly);
  const label = document.createElementNS(NS, "text");
  label.setAttribute("x", "12"); label.setAttribute("y", "14");
  label.textContent = "max " + maxCount + " states bound";
  chart.appendChild(label);
  root.dataset.ready = "1";
})();
