/* innograph's page: an explorer (search, neighbourhood, explained paths) and a SPARQL editor.
   Everything it fetches comes from the server that served it: the JSON API (/api/...),
   the named queries (/queries) and the SPARQL endpoint (/sparql). */
"use strict";

const $ = (sel) => document.querySelector(sel);
const base = new URL(".", window.location.href);
const api = (path, params) => {
  const url = new URL(path, base);
  Object.entries(params || {}).forEach(([k, v]) => v !== undefined && v !== "" && url.searchParams.set(k, v));
  return fetch(url, { headers: { Accept: "application/json" } }).then(async (r) => {
    const body = await r.json().catch(() => ({ error: r.statusText }));
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  });
};
const status = (text, error) => {
  const el = $("#status");
  el.textContent = text || "";
  el.className = "status" + (error ? " error" : "");
};
const escapeHtml = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

/* ---- tabs ---------------------------------------------------------------------------------- */
let yasgui = null;
document.querySelectorAll(".tab").forEach((tab) => tab.addEventListener("click", () => {
  document.querySelectorAll(".tab").forEach((t) => t.classList.toggle("active", t === tab));
  document.querySelectorAll(".panel").forEach((p) => p.classList.toggle("active", p.id === tab.dataset.panel));
  if (tab.dataset.panel === "sparql") openEditor();
  if (tab.dataset.panel === "explore" && cy) cy.resize();
}));

/* ---- the graph ----------------------------------------------------------------------------- */
const KIND_COLOURS = {
  Person: "#7b61ff", Project: "#2b8a3e", Event: "#e67700", Place: "#868e96",
  Hospital: "#c2255c", University: "#1864ab", ResearchCentre: "#1971c2", Company: "#0b7285",
  Cluster: "#5f3dc4", PublicAuthority: "#495057", ChamberOfCommerce: "#862e9c", TrainingCentre: "#5c940d",
  MediaOutlet: "#adb5bd",
};
const cy = window.cytoscape ? cytoscape({
  container: $("#graph"),
  wheelSensitivity: 0.3,
  minZoom: 0.2,
  maxZoom: 1.6,
  style: [
    { selector: "node", style: { label: "data(label)", "font-size": 13, "text-wrap": "wrap", "text-max-width": 140,
      "background-color": (n) => KIND_COLOURS[n.data("kind")] || "#0a6ebd", width: 18, height: 18, color: "#1d2733" } },
    { selector: "node.focus", style: { width: 28, height: 28, "border-width": 3, "border-color": "#1d2733" } },
    { selector: "edge", style: { width: 1.5, "line-color": "#b8c4cf", "target-arrow-color": "#b8c4cf",
      "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(relation)", "font-size": 10,
      color: "#5d6b7a", "text-rotation": "autorotate" } },
    { selector: "edge.path", style: { width: 4, "line-color": "#d9480f", "target-arrow-color": "#d9480f" } },
    { selector: "node.path", style: { "border-width": 3, "border-color": "#d9480f" } },
  ],
  layout: { name: "grid" },
}) : null;
const expanded = new Set();

function addNode(iri, label, kind) {
  if (!cy.getElementById(iri).length) cy.add({ group: "nodes", data: { id: iri, label: label || iri, kind } });
  return cy.getElementById(iri);
}

function addEdge(from, to, relation, text, evidence, classes) {
  const id = `${from}|${relation}|${to}`;
  if (!cy.getElementById(id).length) {
    cy.add({ group: "edges", data: { id, source: from, target: to, relation, text, evidence: evidence || [] }, classes });
  } else if (classes) {
    cy.getElementById(id).addClass(classes);
  }
}

function layout(root) {
  const n = cy.nodes().length;
  const options = n <= 10 ? { name: "circle", spacingFactor: 1.2 }
    : root ? { name: "breadthfirst", roots: [root], spacingFactor: 1.3, directed: false }
    : { name: "cose", nodeRepulsion: 12000, idealEdgeLength: 110, randomize: true };
  cy.layout({ animate: false, fit: true, padding: 40, ...options }).run();
}

function showEvidence(data) {
  const items = (data.evidence || []).map((e) =>
    `<li>${escapeHtml(e.text || "(no sentence)")} <em>— ${escapeHtml(e.headline || e.source || "")}${e.date ? ", " + escapeHtml(e.date) : ""}</em></li>`);
  $("#evidence").innerHTML = `<strong>${escapeHtml(data.text || data.relation)}</strong>` +
    (items.length ? `<ul>${items.join("")}</ul>` : "<p>No sentence recorded: the fact comes from a table or an RDF file.</p>");
}

async function expand(iri) {
  if (expanded.has(iri)) return;
  status("reading " + iri + " …");
  try {
    const entity = await api("api/entity", { iri });
    expanded.add(entity.iri);
    addNode(entity.iri, entity.label, entity.kind).addClass("focus");
    for (const fact of entity.facts || []) {
      if (!fact.other_iri) continue;
      addNode(fact.other_iri, fact.other, fact.other_kind);
      addEdge(entity.iri, fact.other_iri, fact.relation, fact.text, fact.evidence);
    }
    layout();
    status(`${entity.label}: ${(entity.facts || []).length} facts`);
  } catch (err) {
    status(err.message, true);
  }
}

if (cy) {
  cy.on("tap", "node", (evt) => expand(evt.target.id()));
  cy.on("mouseover", "edge", (evt) => showEvidence(evt.target.data()));
  cy.on("tap", "edge", (evt) => showEvidence(evt.target.data()));
}

/* ---- search -------------------------------------------------------------------------------- */
$("#search-form").addEventListener("submit", async (evt) => {
  evt.preventDefault();
  const q = $("#search").value.trim();
  if (!q) return;
  status("searching …");
  try {
    const hits = await api("api/search", { q });
    const list = $("#hits");
    list.innerHTML = "";
    for (const hit of hits) {
      const li = document.createElement("li");
      li.dataset.iri = hit.iri;
      li.innerHTML = `<span>${escapeHtml(hit.label)} <span class="kind">${escapeHtml(hit.kind)}</span></span>` +
        `<span><button class="pick" data-end="from">from</button> <button class="pick" data-end="to">to</button></span>`;
      li.addEventListener("click", (e) => {
        if (e.target.dataset.end) {
          $(`#path-${e.target.dataset.end}`).value = hit.label;
          $(`#path-${e.target.dataset.end}`).dataset.iri = hit.iri;
          return;
        }
        cy.elements().remove();
        expanded.clear();
        expand(hit.iri);
      });
      list.appendChild(li);
    }
    status(hits.length ? `${hits.length} found` : "nothing found");
  } catch (err) {
    status(err.message, true);
  }
});

/* ---- paths --------------------------------------------------------------------------------- */
function hopSentence(h) {
  const text = h.text || h.relation;
  if (text.includes(h.from) && text.includes(h.to)) return escapeHtml(text);
  return `<b>${escapeHtml(h.from)}</b> ${escapeHtml(text)} <b>${escapeHtml(h.to)}</b>`;
}

function drawPath(path, fit) {
  cy.elements().removeClass("path");
  for (const hop of path.hops) {
    addNode(hop.from_iri, hop.from, hop.from_kind).addClass("path");
    addNode(hop.to_iri, hop.to, hop.to_kind).addClass("path");
    addEdge(hop.from_iri, hop.to_iri, hop.relation, hop.text, hop.evidence, "path");
  }
  if (fit !== false && path.hops.length) layout(cy.getElementById(path.hops[0].from_iri));
}

$("#path-form").addEventListener("submit", async (evt) => {
  evt.preventDefault();
  const from = $("#path-from"), to = $("#path-to");
  const source = from.dataset.iri && from.value ? from.dataset.iri : from.value.trim();
  const target = to.dataset.iri && to.value ? to.dataset.iri : to.value.trim();
  if (!source || !target) return status("give both ends", true);
  status("finding paths …");
  const box = $("#paths");
  box.innerHTML = "";
  try {
    const paths = await api("api/path", { from: source, to: target, k: $("#path-k").value });
    cy.elements().remove();
    expanded.clear();
    paths.forEach((path, i) => {
      const div = document.createElement("div");
      div.className = "path";
      div.innerHTML = `<span class="score">path ${i + 1} · strength ${Number(path.score).toFixed(2)}</span><ol>` +
        path.hops.map((h) => `<li title="${escapeHtml((h.evidence || []).map((e) => e.text).filter(Boolean).join(" | "))}">` +
          `${hopSentence(h)}</li>`).join("") + "</ol>";
      div.addEventListener("click", () => {
        document.querySelectorAll(".path").forEach((p) => p.classList.toggle("selected", p === div));
        drawPath(path);
      });
      box.appendChild(div);
      drawPath(path, false);
    });
    if (paths.length) {
      box.firstChild.classList.add("selected");
      drawPath(paths[0]);
    }
    status(`${paths.length} path${paths.length === 1 ? "" : "s"}`);
  } catch (err) {
    box.innerHTML = `<p class="error">${escapeHtml(err.message)}</p>`;
    status("no path", true);
  }
});

/* ---- SPARQL editor --------------------------------------------------------------------------- */
const PREFIXES = {
  ig: "https://w3id.org/innograph/ns#", org: "http://www.w3.org/ns/org#", foaf: "http://xmlns.com/foaf/0.1/",
  schema: "https://schema.org/", prov: "http://www.w3.org/ns/prov#", dcterms: "http://purl.org/dc/terms/",
  skos: "http://www.w3.org/2004/02/skos/core#", time: "http://www.w3.org/2006/time#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#", xsd: "http://www.w3.org/2001/XMLSchema#",
  owl: "http://www.w3.org/2002/07/owl#", rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
};
const prologue = Object.entries(PREFIXES).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join("\n");
const endpoint = new URL("sparql", base).href;

function openEditor() {
  if (yasgui || !window.Yasgui) return;
  yasgui = new Yasgui($("#yasgui"), {
    requestConfig: { endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    yasqe: { value: `${prologue}\n\nSELECT ?organization ?name WHERE {\n  ?organization a org:Organization ; rdfs:label ?name .\n}\nLIMIT 20\n` },
  });
  api("queries").then((queries) => {
    const list = $("#named");
    for (const q of queries) {
      const li = document.createElement("li");
      li.textContent = q.title || q.name;
      li.title = `${q.description || ""}\nparameters: ${q.params.map((p) => p.name + " (" + p.type + (p.optional ? ", optional" : "") + ")").join(", ") || "none"}`;
      li.addEventListener("click", () => {
        const tab = yasgui.getTab();
        tab.setQuery(`${prologue}\n\n${q.text}`);
      });
      list.appendChild(li);
    }
  }).catch((err) => status(err.message, true));
}

status("ready");
