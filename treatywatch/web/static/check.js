// treatywatch: the claim checker. Everything from the article or the server is inserted
// as text (textContent), never as HTML.
"use strict";
(function () {
  const form = document.getElementById("check-form");
  if (!form) return;
  const errorBox = document.getElementById("check-error");
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    errorBox.hidden = true;
    const body = {};
    const text = document.getElementById("text").value.trim();
    const urlField = document.getElementById("url");
    const url = urlField ? urlField.value.trim() : "";
    const published = document.getElementById("published").value;
    if (text) body.text = text; else if (url) body.url = url;
    if (published) body.published = published;
    const resp = await fetch("/api/check", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const data = await resp.json();
    if (!resp.ok) {
      errorBox.textContent = data.error ? data.error.message : "error";
      errorBox.hidden = false;
      return;
    }
    render(data);
  });
  function render(data) {
    document.getElementById("result").hidden = false;
    document.getElementById("notes").textContent =
      "Published: " + (data.published || "unknown") + (data.notes.length ? " — " + data.notes.join("; ") : "");
    const list = document.getElementById("claims");
    list.replaceChildren(...data.claims.map((c, i) => {
      const li = el("li", undefined, "claim v-" + c.verdict);
      li.id = "claim-" + i;
      li.appendChild(el("span", c.verdict, "verdict"));
      const what = [c.kind + (c.action ? "/" + c.action : ""), c.state || "", c.counterpart ? "→ " + c.counterpart : "",
        c.treaty || "", c.date || "", c.value !== null ? String(c.value) + " " + (c.unit || "") : "",
        c.modality !== "asserted" ? c.modality : "", c.speaker ? "(" + c.speaker + ")" : ""].filter(Boolean).join(" ");
      li.appendChild(el("span", " " + what, "what"));
      li.appendChild(el("div", c.explanation, "why"));
      const src = el("div", undefined, "sources");
      for (const s of c.sources.slice(0, 3)) {
        const a = el("a", s.publisher + ": " + s.title);
        a.href = s.url; a.rel = "noopener noreferrer";
        src.appendChild(a); src.appendChild(document.createTextNode(" "));
      }
      li.appendChild(src);
      return li;
    }));
    // the text with each claim's evidence marked
    const marked = document.getElementById("marked");
    const spans = [];
    data.claims.forEach((c, i) => spans.push([c.evidence.start, c.evidence.end, i, c.verdict]));
    spans.sort((a, b) => a[0] - b[0]);
    const parts = [];
    let pos = 0;
    for (const [s, e, i, verdict] of spans) {
      if (s < pos) continue;
      parts.push(document.createTextNode(data.text.slice(pos, s)));
      const m = el("mark", data.text.slice(s, e), "v-" + verdict);
      m.dataset.claim = String(i);
      m.title = verdict;
      parts.push(m);
      pos = e;
    }
    parts.push(document.createTextNode(data.text.slice(pos)));
    marked.replaceChildren(...parts);
  }
})();
