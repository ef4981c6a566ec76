// treatywatch: the API reference, drawn from /openapi.json with the app's own script
// (the Content Security Policy allows no other). Everything is inserted as text.
"use strict";
(async function () {
  const root = document.getElementById("api");
  const status = document.getElementById("api-status");
  const el = (tag, props, ...kids) => {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const k of kids) e.append(k);
    return e;
  };
  let spec;
  try {
    spec = await fetch("/openapi.json").then((r) => r.json());
  } catch (err) {
    status.textContent = "Could not load /openapi.json.";
    return;
  }
  status.textContent = spec.info.title + " " + spec.info.version + " — " + (spec.info.description || "");
  const resolve = (schema) => {
    if (schema && schema.$ref) return spec.components.schemas[schema.$ref.split("/").pop()];
    return schema || {};
  };
  const typeOf = (schema) => {
    schema = schema || {};
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
    if (schema.type === "array") return typeOf(schema.items) + "[]";
    return schema.type || "any";
  };
  const toc = el("ul", { className: "cols" });
  root.append(toc);
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const id = (method + path).replace(/[^a-z0-9]+/gi, "-");
      toc.append(el("li", {}, el("a", { href: "#" + id, textContent: method.toUpperCase() + " " + path })));
      const sec = el("section", { id, className: "endpoint" });
      sec.append(el("h2", {}, el("code", { textContent: method.toUpperCase() + " " + path })));
      if (op.summary) sec.append(el("p", { className: "sub", textContent: op.summary }));
      if (op.description) sec.append(el("p", { textContent: op.description }));
      const params = op.parameters || [];
      const form = el("form", { className: "try" });
      if (params.length) {
        const table = el("table", {}, el("thead", {}, el("tr", {},
          el("th", { textContent: "parameter" }), el("th", { textContent: "in" }),
          el("th", { textContent: "type" }), el("th", { textContent: "required" }))));
        const body = el("tbody");
        for (const p of params) {
          body.append(el("tr", {}, el("td", {}, el("code", { textContent: p.name })),
            el("td", { textContent: p.in }), el("td", { textContent: typeOf(p.schema) }),
            el("td", { textContent: p.required ? "yes" : "no" })));
          if (method === "get" && p.in === "query") {
            const input = el("input", { name: p.name, id: id + "-" + p.name, required: !!p.required });
            form.append(el("label", { htmlFor: input.id, textContent: p.name }), input, " ");
          }
        }
        table.append(body);
        sec.append(table);
      }
      const reqBody = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
      if (reqBody) {
        const schema = resolve(reqBody.schema);
        sec.append(el("h3", { textContent: "Body (JSON)" }));
        const ul = el("ul");
        for (const [name, prop] of Object.entries(schema.properties || {})) {
          const req = (schema.required || []).includes(name) ? " (required)" : "";
          ul.append(el("li", {}, el("code", { textContent: name }), ": " + typeOf(prop) + req));
        }
        sec.append(ul);
        const ex = (schema.examples || [])[0];
        if (ex) sec.append(el("pre", { textContent: JSON.stringify(ex, null, 2) }));
      }
      const ok = op.responses && (op.responses["200"] || op.responses["201"]);
      const okSchema = ok && ok.content && ok.content["application/json"] && ok.content["application/json"].schema;
      if (okSchema) sec.append(el("p", {}, "Answers with ", el("code", { textContent: typeOf(okSchema) }), "."));
      if (method === "get") {
        const out = el("pre", { className: "answer", hidden: true });
        form.append(el("button", { type: "submit", textContent: "Try it" }));
        form.addEventListener("submit", async (ev) => {
          ev.preventDefault();
          const q = new URLSearchParams();
          for (const input of form.querySelectorAll("input")) if (input.value) q.append(input.name, input.value);
          const resp = await fetch(path + (q.toString() ? "?" + q : ""));
          const text = await resp.text();
          let shown = text;
          try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
          out.textContent = resp.status + "\n" + shown.slice(0, 20000);
          out.hidden = false;
        });
        sec.append(form, out);
      }
      root.append(sec);
    }
  }
  root.dataset.ready = "1";
})();
