// newsgraph analyst page: plain JavaScript over the JSON API, no build step, works offline.
// Every value from the knowledge base reaches the page as a text node or an attribute
// (never as markup), so a quote or a title cannot inject anything.
"use strict";

const INCIDENT_TYPES = ["bombing", "armed_assault", "assassination", "kidnapping", "hostage_taking",
  "hijacking", "arson", "unarmed_assault", "robbery", "arrest", "raid", "other"];

// ---- building the page -----------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function hashFor(view, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return "#/" + view + (text ? "?" + text : "");
}

function link(view, params, label) {
  return el("a", { href: hashFor(view, params) }, label);
}

const entityLink = (name) => link("entity", { name }, name);
const documentLink = (id, title) => link("document", { id }, title || id.slice(0, 12));
const incidentLink = (id, label) => link("incident", { id }, label || id.slice(0, 12));

function orDash(value) {
  return value === null || value === undefined || value === "" ? "–" : String(value);
}

function table(caption, headers, rows) {
  return el("table", {},
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) => el("td", {}, c))))));
}

function section(title, ...content) {
  return el("section", {}, el("h3", {}, title), ...content);
}

function list(items, render, empty) {
  if (!items.length) return el("p", { class: "empty" }, empty || "None.");
  return el("ul", {}, items.map((item) => el("li", {}, render(item))));
}

// FTS snippets mark the matched words with [ and ]: show them as <mark>, the rest as text.
function snippet(text) {
  const out = el("span", { class: "snippet" });
  const parts = String(text || "").split(/(\[[^\[\]]*\])/);
  for (const part of parts) {
    if (part.startsWith("[") && part.endsWith("]") && part.length > 2) out.append(el("mark", {}, part.slice(1, -1)));
    else if (part) out.append(part);
  }
  return out;
}

function field(label, name, value, type) {
  const id = "f-" + name;
  return el("div", { class: "field" },
    el("label", { for: id }, label),
    el("input", { id, name, type: type || "text", value: value || "" }));
}

function typeSelect(value) {
  const select = el("select", { id: "f-type", name: "type" }, el("option", { value: "" }, "any"));
  for (const kind of INCIDENT_TYPES) {
    select.append(el("option", { value: kind, selected: kind === value }, kind.replace(/_/g, " ")));
  }
  return el("div", { class: "field" }, el("label", { for: "f-type" }, "Incident type"), select);
}

// A form whose submission moves to a view with its non-empty fields as the hash's query.
function filterForm(view, label, fields) {
  const form = el("form", { role: "search", "aria-label": label }, fields,
    el("button", { type: "submit" }, label));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = {};
    for (const [key, value] of new FormData(form).entries()) params[key] = String(value).trim();
    location.hash = hashFor(view, params);
  });
  return form;
}

// ---- talking to the API ------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
    else if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  const response = await fetch("/api/" + path + (text ? "?" + text : ""), { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    throw new ApiError(response.status, "the server sent no JSON (" + response.status + ")");
  }
  if (!response.ok) throw new ApiError(response.status, body && body.error ? body.error : String(response.status));
  return body;
}

// Titles and dates of documents by id, for lists that hold only ids.
async function summaries(ids) {
  if (!ids.length) return new Map();
  const found = await api("documents", { id: ids });
  return new Map(found.map((d) => [d.id, d]));
}

function documentItem(id, known) {
  const doc = known.get(id);
  if (!doc) return documentLink(id);
  return [documentLink(id, doc.title || "(no title)"), " ", el("span", { class: "date" }, orDash(doc.published))];
}

// ---- views -------------------------------------------------------------------------------

// A filter the server refuses (a bad date, an unknown type) is shown under the form, which stays.
async function keepingForm(parts, pending) {
  try {
    return await pending;
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 400) throw err;
    parts.push(el("p", { role: "alert", class: "error" }, err.message));
    return null;
  }
}

async function searchView(params) {
  const form = filterForm("search", "Search", [
    field("Words (documents and quotes)", "q", params.q), field("Since", "since", params.since, "date"),
    field("Until", "until", params.until, "date"), field("Naming the actor", "entity", params.entity),
    typeSelect(params.type), field("Place or country code", "place", params.place)]);
  const parts = [form];
  if (params.q) {
    const hits = await keepingForm(parts, api("search", params));
    if (hits) parts.push(section(`${hits.length} result${hits.length === 1 ? "" : "s"}`,
      list(hits, (hit) => [
        el("p", { class: "hit-title" }, documentLink(hit.id, hit.title || "(no title)"), " ",
          el("span", { class: "date" }, orDash(hit.published))),
        el("p", {}, hit.in === "quote" ? ["Quote", hit.speaker ? [" by ", entityLink(hit.speaker)] : "", ": "] : "",
          snippet(hit.snippet)),
      ], "No matches.")));
  }
  return { title: params.q ? `Search: ${params.q}` : "Search", parts };
}

async function entityView(params) {
  if (!params.name) return { title: "Entity", parts: [el("p", {}, "No entity named.")] };
  const profile = await api("entity", { name: params.name });
  const [known, incidents, graph] = await Promise.all([
    summaries([...profile.documents, ...profile.quotes.map((q) => q.document), ...profile.claims.map((c) => c.document)]),
    Promise.all(profile.incidents.map((id) => api("incidents/" + encodeURIComponent(id)).catch(() => null))),
    api("network", { name: profile.id }).catch(() => ({ nodes: [], edges: [] })),
  ]);
  // Oldest first, as the quotes and claims come: the order an analyst reads a story in.
  const byDate = (a, b) => String((known.get(a) || {}).published || "9999").localeCompare(
    String((known.get(b) || {}).published || "9999")) || a.localeCompare(b);
  const documents = [...profile.documents].sort(byDate);
  const names = new Map(graph.nodes.map((n) => [n.id, n]));
  const relations = graph.edges.filter((e) => e.relation !== "co_mentioned"
    && (e.source === profile.id || e.target === profile.id));
  const nodeLabel = (id) => {
    const node = names.get(id);
    if (!node) return id;
    if (node.type === "INCIDENT") return incidentLink(id, node.name);
    if (node.type === "OUTLET") return node.name;
    return entityLink(node.name);
  };
  return {
    title: `${profile.name} (${profile.type})`,
    parts: [
      section("Also named", list(profile.aliases, (a) => a, "No other names.")),
      section("Documents", list(documents, (id) => documentItem(id, known), "No documents.")),
      section("Quotes", list(profile.quotes, (q) => [
        el("q", {}, q.text), " ", el("span", { class: "kind" }, q.kind), " — ", documentItem(q.document, known),
      ], "No quotes by this actor.")),
      section("Claims", profile.claims.length ? claimsTable(profile.claims, known) : el("p", { class: "empty" }, "No claims.")),
      section("Incidents", list(incidents.filter(Boolean), incidentSummary, "No incidents.")),
      section("Relations", list(relations, (e) => [nodeLabel(e.source), ` ${e.relation.replace(/_/g, " ")} `,
        nodeLabel(e.target), el("span", { class: "weight" }, ` (${e.weight} document${e.weight === 1 ? "" : "s"})`)],
      "No relations.")),
    ],
  };
}

function incidentSummary(item) {
  const place = item.location && item.location.name ? item.location.name : "unknown place";
  return [incidentLink(item.id, `${item.type.replace(/_/g, " ")}, ${place}, ${orDash(item.date)}`),
    ` — killed ${orDash(item.killed)}, injured ${orDash(item.injured)}, ${item.reports.length} report${item.reports.length === 1 ? "" : "s"}`];
}

async function incidentsView(params) {
  const form = filterForm("incidents", "Filter incidents", [
    field("Since", "since", params.since, "date"), field("Until", "until", params.until, "date"), typeSelect(params.type),
    field("Place or country code", "place", params.place)]);
  const parts = [form];
  const found = await keepingForm(parts, api("incidents", params));
  if (found) {
    const rows = found.map((item) => [
      orDash(item.date), incidentLink(item.id, item.type.replace(/_/g, " ")),
      orDash(item.location && item.location.name), orDash(item.killed), orDash(item.injured),
      String(item.reports.length)]);
    parts.push(found.length ? table(`${found.length} incident${found.length === 1 ? "" : "s"}`,
      ["Date", "Type", "Place", "Killed", "Injured", "Reports"], rows) : el("p", { class: "empty" }, "No incidents."));
  }
  return { title: "Incidents", parts };
}

async function incidentView(params) {
  const item = await api("incidents/" + encodeURIComponent(params.id || ""));
  const known = await summaries(item.reports.map((r) => r.document));
  const people = (label, names) => el("div", {}, el("dt", {}, label), el("dd", {}, names.length
    ? names.map((n, i) => [i ? ", " : "", entityLink(n)]) : "–"));
  const where = item.location || {};
  const history = item.reports.map((r) => [orDash(r.published), documentItem(r.document, known),
    orDash(r.killed), orDash(r.injured), r.independent ? "yes" : "no (a copy)"]);
  return {
    title: `${item.type.replace(/_/g, " ")}${item.suicide ? " (suicide)" : ""}, ${orDash(where.name)}, ${orDash(item.date)}`,
    parts: [
      el("dl", {},
        el("div", {}, el("dt", {}, "Place"), el("dd", {}, [orDash(where.name), where.country ? ` (${where.country})` : ""])),
        el("div", {}, el("dt", {}, "Killed (latest report)"), el("dd", {}, orDash(item.killed))),
        el("div", {}, el("dt", {}, "Injured (latest report)"), el("dd", {}, orDash(item.injured))),
        people("Perpetrators", [...item.perpetrator_orgs, ...item.perpetrators]),
        people("Targets", item.targets), people("Victims", item.victims),
        el("div", {}, el("dt", {}, "Weapons"), el("dd", {}, item.weapons.join(", ") || "–"))),
      section("Report history", table("How the figures moved, report by report",
        ["Published", "Report", "Killed", "Injured", "Independent"], history)),
    ],
  };
}

function claimsTable(claims, known) {
  // The qualifier column says "at least", "about", ...: the value column shows the stated numbers.
  const range = (c) => (c.low === c.high || c.high === null ? orDash(c.low)
    : c.low === null ? orDash(c.high) : `${c.low} to ${c.high}`);
  return table("Every figure with its claimant", ["Published", "Figure", "Value", "Qualifier", "Counts", "Claimant", "Document"],
    claims.map((c) => [orDash(c.published), c.text, range(c), orDash(c.qualifier).replace(/_/g, " "),
      orDash(c.unit), c.claimant_text || "unattributed", documentItem(c.document, known)]));
}

async function claimsView(params) {
  const form = filterForm("claims", "Find claims", [field("What is counted (e.g. killed, fighters)", "q", params.q)]);
  const parts = [form];
  if (params.q) {
    const found = await keepingForm(parts, api("claims", { q: params.q }));
    const known = await summaries((found || []).map((c) => c.document));
    if (found) parts.push(found.length ? claimsTable(found, known) : el("p", { class: "empty" }, "No claims."));
  }
  return { title: params.q ? `Claims: ${params.q}` : "Claims", parts };
}

// The body with each quote marked and followed by its speaker.
function annotatedBody(record) {
  const byId = new Map(record.entities.map((e) => [e.id, e]));
  const quotes = [...record.quotes].filter((q) => Array.isArray(q.span)).sort((a, b) => a.span[0] - b.span[0]);
  const out = el("div", { class: "body" });
  let at = 0;
  for (const quote of quotes) {
    const [start, end] = quote.span;
    if (start < at || end > record.body.length || end <= start) continue; // overlapping or out of range
    out.append(record.body.slice(at, start));
    out.append(el("mark", { class: "quote" }, record.body.slice(start, end)));
    out.append(el("span", { class: "speaker" }, " [", speakerOf(quote, byId), "]"));
    at = end;
  }
  out.append(record.body.slice(at));
  return out;
}

function speakerOf(quote, byId) {
  const entity = byId.get(quote.speaker_entity);
  if (entity) return entityLink(entity.name);
  return quote.speaker || "unknown speaker";
}

// The chain of sources as nested lists: each source under the one that relays it (the outlet
// first), so an analyst reads "the page relays Reuters, which cites two unnamed officials".
function sourceChain(sources, byId) {
  if (!sources.length) return el("p", { class: "empty" }, "No sources.");
  const children = new Map();
  const roots = [];
  sources.forEach((source, index) => {
    const relay = Number.isInteger(source.via) && source.via !== index && sources[source.via] ? source.via : null;
    if (relay === null) roots.push(index);
    else children.set(relay, [...(children.get(relay) || []), index]);
  });
  const seen = new Set();
  const branch = (indexes) => el("ul", {}, indexes.filter((i) => !seen.has(i)).map((index) => {
    seen.add(index);
    const source = sources[index];
    const entity = byId.get(source.entity);
    const label = [source.kind, source.anonymous ? "anonymous" : null].filter(Boolean).join(", ");
    return el("li", {}, entity ? entityLink(entity.name) : source.name, ` (${label})`,
      children.has(index) ? branch(children.get(index)) : "");
  }));
  const tree = branch(roots);
  // a relay loop has no root: show its members rather than lose them
  const rest = sources.map((_, index) => index).filter((index) => !seen.has(index));
  return rest.length ? [tree, branch(rest)] : tree;
}

async function documentView(params) {
  const record = await api("documents/" + encodeURIComponent(params.id || ""));
  const [made, reprints, reports] = await Promise.all([api("decisions", { document: record.id }), api("reprints"),
    api("reports", { document: record.id })]);
  const merged = new Map(reports.map((r) => [r.report, r.incident]));
  const related = reprints.filter((r) => r.original === record.id || r.copy === record.id);
  const known = await summaries(related.map((r) => (r.original === record.id ? r.copy : r.original)));
  const byId = new Map(record.entities.map((e) => [e.id, e]));
  const uri = record.source && record.source.uri;
  const safeUri = uri && /^https?:\/\//i.test(uri); // never a javascript: or data: address as a link
  return {
    title: record.title || "(no title)",
    parts: [
      el("p", { class: "meta" }, "Published ", orDash(record.published), ` (${record.published_basis})`,
        uri ? [" · ", safeUri ? el("a", { href: uri, rel: "noopener noreferrer" }, uri) : uri] : ""),
      section("Article", annotatedBody(record)),
      section("Quotes", record.quotes.length ? table("Quotes and their speakers", ["Speaker", "Kind", "Quote"],
        record.quotes.map((q) => [speakerOf(q, byId), q.kind, q.text])) : el("p", { class: "empty" }, "No quotes.")),
      section("Sources", sourceChain(record.sources || [], byId)),
      section("Entities", list(record.entities, (e) => [entityLink(e.name), ` (${e.type})`], "No entities.")),
      section("Incidents", list(record.incidents, (i) => {
        const label = i.type.replace(/_/g, " ");
        return [merged.has(i.id) ? incidentLink(merged.get(i.id), label) : label,
          `, ${orDash(i.location && i.location.name)}, ${orDash(i.date)}: `
          + `killed ${orDash(i.killed && i.killed.low)}, injured ${orDash(i.injured && i.injured.low)}`];
      }, "No incidents.")),
      section("Copies", list(related, (r) => (r.original === record.id
        ? ["Republished as ", documentItem(r.copy, known), ` (${Math.round(r.coverage * 100)}% reused)`]
        : ["A copy of ", documentItem(r.original, known), ` (${Math.round(r.coverage * 100)}% reused)`]),
      "Neither a copy nor copied.")),
      section("Knowledge-base decisions", list(made, (d) => `${d.kind}: ${d.detail}`, "None.")),
      record.warnings.length ? section("Warnings", list(record.warnings, (w) => w)) : null,
    ],
  };
}

async function reprintsView() {
  const found = await api("reprints");
  const known = await summaries(found.flatMap((r) => [r.original, r.copy]));
  return {
    title: "Reprints",
    parts: [found.length ? table("Republished copies and their originals", ["Original", "Copy", "Share reused"],
      found.map((r) => [documentItem(r.original, known), documentItem(r.copy, known), `${Math.round(r.coverage * 100)}%`]))
      : el("p", { class: "empty" }, "No reprints.")],
  };
}

const VIEWS = {
  search: searchView, entity: entityView, incidents: incidentsView, incident: incidentView,
  claims: claimsView, document: documentView, reprints: reprintsView,
};

// ---- routing -----------------------------------------------------------------------------

let renderCount = 0;

async function render() {
  const match = /^#\/([a-z]+)(?:\?(.*))?$/.exec(location.hash || "");
  const name = match && VIEWS[match[1]] ? match[1] : "search";
  const params = Object.fromEntries(new URLSearchParams(match && match[2] ? match[2] : ""));
  const mine = ++renderCount;
  const view = document.getElementById("view");
  const status = document.getElementById("status");
  status.textContent = "Loading…";
  let result;
  try {
    result = await VIEWS[name](params);
  } catch (err) {
    const message = err instanceof ApiError && err.status === 404 ? err.message : `Could not load: ${err.message}`;
    result = { title: "Not found", parts: [el("p", { role: "alert", class: "error" }, message)] };
    if (!(err instanceof ApiError && err.status === 404)) result.title = "Error";
  }
  if (mine !== renderCount) return; // a newer navigation replaced this one
  const heading = el("h2", { id: "view-title", tabindex: "-1" }, result.title);
  view.replaceChildren(heading, ...result.parts.filter(Boolean));
  document.title = `${result.title} · newsgraph`;
  for (const a of document.querySelectorAll("nav a")) {
    if (a.getAttribute("href") === "#/" + name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  status.textContent = "";
  view.setAttribute("data-ready", name);
  if (initialised) heading.focus(); // keyboard and screen-reader users land on the new view
}

let initialised = false;
window.addEventListener("hashchange", () => {
  if (location.hash && !location.hash.startsWith("#/")) return; // the skip link ("#view"), not a view
  initialised = true;
  render();
});
document.addEventListener("DOMContentLoaded", () => { render(); });
