// verbalign review page: read a record turn by turn, side by side, with QA flags and glossary
// terms; reviewers with the token approve/reject/merge pairs and approve terms.
// Talks only to this server's API (same origin); no external resources.
"use strict";

const $ = (sel) => document.querySelector(sel);
const state = {
  symbol: null,
  detail: null,
  pairs: [],
  turns: [], // [{key, zh_turn, en_turn, pairs: [...]}]
  turnIndex: 0,
  flags: new Map(), // pair id -> [flag]
  terms: [],
  focusPair: null,
};

// ------------------------------------------------------------------ plumbing

function recordPath(symbol) {
  return symbol.split("/").map(encodeURIComponent).join("/");
}

function toast(message, isError = false) {
  const el = $("#toast");
  el.textContent = message;
  el.className = isError ? "error" : "";
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, isError ? 8000 : 3000);
}

async function api(path, options = {}) {
  const headers = Object.assign({ Accept: "application/json" }, options.headers || {});
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.auth) {
    const token = sessionStorage.getItem("verbalign-token") || "";
    if (token) headers.Authorization = "Bearer " + token;
  }
  const response = await fetch(path, {
    method: options.method || "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  let data = null;
  try { data = await response.json(); } catch (_) { data = null; }
  if (!response.ok) {
    const detail = data && (data.detail || data.error) ? data.detail || data.error : response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return data;
}

function reviewer() {
  return ($("#reviewer-input").value || "").trim();
}

function canWrite() {
  return Boolean(sessionStorage.getItem("verbalign-token")) && Boolean(reviewer());
}

function updateReviewerState() {
  const on = canWrite();
  $("#reviewer-state").textContent = on ? "reviewing as " + reviewer() : "read-only (name and token needed to edit)";
  document.body.classList.toggle("can-write", on);
}

function confidenceClass(c) {
  if (c >= 0.9) return "conf-high";
  if (c >= 0.7) return "conf-mid";
  return "conf-low";
}

const LANG_NAMES = { zh: "Chinese", en: "English", fr: "French", es: "Spanish", ru: "Russian", ar: "Arabic" };

// ------------------------------------------------------------------ loading

async function loadRecords() {
  const select = $("#record-select");
  const records = await api("/records");
  const items = records.items || records;
  select.textContent = "";
  const blank = new Option(items.length ? "— choose a record —" : "no records imported yet", "");
  select.appendChild(blank);
  for (const r of items) {
    const title = r.meta && r.meta.agenda ? " · " + r.meta.agenda.slice(0, 60) : "";
    select.appendChild(new Option(`${r.symbol} (${r.pair_count} pairs)${title}`, r.symbol));
  }
  const wanted = new URLSearchParams(location.hash.slice(1));
  const symbol = wanted.get("record") || (items.length === 1 ? items[0].symbol : "");
  if (symbol) {
    select.value = symbol;
    await selectRecord(symbol, Number(wanted.get("turn") || 0), Number(wanted.get("pair") || 0) || null);
  }
}

async function fetchAllPairs(symbol) {
  const out = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await api(`/records/${recordPath(symbol)}/pairs?limit=1000&offset=${offset}`);
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

function groupTurns(pairs) {
  const groups = new Map();
  for (const p of pairs) {
    const key = p.zh_turn !== null ? `zh${p.zh_turn}` : `en${p.en_turn}`;
    if (!groups.has(key)) groups.set(key, { key, zh_turn: p.zh_turn, en_turn: p.en_turn, pairs: [] });
    const g = groups.get(key);
    if (g.en_turn === null) g.en_turn = p.en_turn;
    g.pairs.push(p);
  }
  return [...groups.values()];
}

async function selectRecord(symbol, turnIndex = 0, focusPair = null) {
  if (!symbol) return;
  state.symbol = symbol;
  $("#record-meta").textContent = "Loading " + symbol + "…";
  const [detail, pairs, terms] = await Promise.all([
    api(`/records/${recordPath(symbol)}`),
    fetchAllPairs(symbol),
    api(`/review/records/${recordPath(symbol)}/terms`).catch(() => []),
  ]);
  state.detail = detail;
  state.pairs = pairs;
  state.turns = groupTurns(pairs);
  state.terms = terms;
  state.focusPair = focusPair;
  if (focusPair) {
    const t = state.turns.findIndex((g) => g.pairs.some((p) => p.id === focusPair));
    if (t >= 0) turnIndex = t;
  }
  state.turnIndex = Math.max(0, Math.min(turnIndex, state.turns.length - 1));
  renderMeta();
  renderTurnSelect();
  renderTurn();
  loadQA();
}

async function loadQA() {
  const symbol = state.symbol;
  const semantic = $("#semantic-toggle").checked;
  $("#qa-state").textContent = semantic ? "running QA with omission checks…" : "running QA…";
  try {
    const url = `/records/${recordPath(symbol)}/qa?min_severity=info&semantic=${semantic}`;
    let report = await api(url);
    // The semantic report runs as a job: 202 with a job id until it is ready.
    while (report && report.job_id) {
      const job = await waitForJob(report.job_id, (j) => {
        if (symbol === state.symbol) $("#qa-state").textContent = `omission checks: ${j.stage} ${Math.round(j.percent)}%`;
      });
      if (symbol !== state.symbol) return;
      if (job.status === "failed") throw new Error(job.error || "the QA job failed");
      report = await api(url);
    }
    if (symbol !== state.symbol) return;
    state.flags = new Map(report.pairs.map((p) => [p.id, p.flags]));
    const s = report.summary;
    $("#qa-state").textContent = `QA: ${s.flags} flag(s) on ${s.flagged_pairs} of ${s.pairs} pairs`;
    renderTurn();
  } catch (err) {
    $("#qa-state").textContent = "QA failed: " + err.message;
  }
}

async function waitForJob(jobId, onProgress) {
  for (;;) {
    const job = await api(`/jobs/${encodeURIComponent(jobId)}`);
    if (job.status === "succeeded" || job.status === "failed") return job;
    onProgress(job);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// ------------------------------------------------------------------ rendering

function renderMeta() {
  const d = state.detail;
  const m = d.meta || {};
  const bits = [d.symbol];
  if (m.body) bits.push(m.body);
  if (m.meeting_number) bits.push(`meeting ${m.meeting_number}`);
  if (m.date) bits.push(m.date);
  $("#record-meta").textContent = bits.join(" · ") + ` — ${state.pairs.length} pairs in ${state.turns.length} turns`;
  $("#turn-nav").hidden = false;
}

function turnInfo(lang, index) {
  if (index === null || index === undefined) return null;
  const list = (state.detail.turns || {})[lang] || [];
  return list.find((t) => t.index === index) || null;
}

function speakerLabel(t) {
  if (!t) return "—";
  if (t.role === "procedure") return "(procedure)";
  const name = [t.honorific && t.honorific.endsWith(".") ? t.honorific : null, t.speaker].filter(Boolean).join(" ");
  const who = name || (t.role === "president" ? (t.header || "President").replace(/[:：].*$/, "") : t.role);
  return t.country ? `${who} (${t.country})` : who;
}

function renderTurnSelect() {
  const sel = $("#turn-select");
  sel.textContent = "";
  state.turns.forEach((g, i) => {
    const t = turnInfo("en", g.en_turn) || turnInfo("zh", g.zh_turn);
    sel.appendChild(new Option(`Turn ${i + 1}/${state.turns.length}: ${speakerLabel(t)}`, String(i)));
  });
}

function originalOf(group) {
  const zh = turnInfo("zh", group.zh_turn);
  const en = turnInfo("en", group.en_turn);
  if (zh && zh.is_original) return "zh";
  if (en && en.is_original) return "en";
  return null;
}

function renderTurnHeader(group) {
  const zh = turnInfo("zh", group.zh_turn);
  const en = turnInfo("en", group.en_turn);
  const header = $("#turn-header");
  header.textContent = "";
  const h2 = document.createElement("h2");
  h2.id = "turn-title";
  h2.textContent = `Turn ${state.turnIndex + 1} of ${state.turns.length}: ${speakerLabel(en || zh)}`;
  header.appendChild(h2);
  const facts = document.createElement("p");
  facts.className = "turn-facts";
  const spoken = (zh || en || {}).spoken_language;
  const original = originalOf(group);
  const parts = [
    ["speaker", zh && zh.speaker ? `${speakerLabel(zh)} / ${speakerLabel(en)}` : speakerLabel(en || zh)],
    ["country", (en && en.country) || (zh && zh.country) || "—"],
    ["spoke", spoken ? LANG_NAMES[spoken] || spoken : "—"],
    ["original", original ? (original === "zh" ? "中文 (Chinese side)" : "English side") : "neither side (both are translations)"],
  ];
  for (const [k, v] of parts) {
    const span = document.createElement("span");
    span.className = "fact";
    span.dataset.fact = k;
    const b = document.createElement("b");
    b.textContent = k + ": ";
    span.append(b, v);
    facts.appendChild(span);
  }
  header.appendChild(facts);
}

function termMarks(text, lang) {
  const marks = [];
  for (const t of state.terms) {
    const forms = lang === "zh" ? t.zh_forms : t.en_forms;
    for (const hit of findForms(text, forms)) {
      marks.push({
        ...hit, kind: "term",
        title: `${t.zh} — ${t.en}\n${t.type}, ${t.status}, confidence ${t.confidence}, frequency ${t.frequency}`,
        data: { termId: t.id },
      });
    }
  }
  return marks;
}

function flagMarks(flags, lang) {
  const marks = [];
  for (const f of flags) {
    for (const s of f.spans || []) {
      if (s.lang === lang) marks.push({ start: s.start, end: s.end, kind: "flag", title: `${f.severity}: ${f.message}` });
    }
  }
  return marks;
}

function cell(text, lang, flags) {
  const td = document.createElement("td");
  td.lang = lang;
  td.className = "text";
  if (!text) {
    td.classList.add("empty");
    td.textContent = "(no counterpart)";
    return td;
  }
  td.appendChild(decorate(text, [...flagMarks(flags, lang), ...termMarks(text, lang)]));
  return td;
}

function actionButton(label, action, pair) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.dataset.action = action;
  b.addEventListener("click", () => correctPair(pair, action));
  return b;
}

function renderTurn() {
  const group = state.turns[state.turnIndex];
  const body = $("#pairs tbody");
  body.textContent = "";
  if (!group) return;
  $("#turn-select").value = String(state.turnIndex);
  $("#prev-turn").disabled = state.turnIndex === 0;
  $("#next-turn").disabled = state.turnIndex >= state.turns.length - 1;
  renderTurnHeader(group);
  for (const p of group.pairs) {
    const flags = state.flags.get(p.id) || [];
    const tr = document.createElement("tr");
    tr.className = `pair ${confidenceClass(p.confidence)} status-${p.status}`;
    tr.dataset.pairId = p.id;
    tr.id = `pair-${p.id}`;
    tr.title = `pair ${p.id}: ${p.type}, confidence ${p.confidence.toFixed(2)}, ${p.status}`;
    const num = document.createElement("td");
    num.className = "num";
    const conf = document.createElement("div");
    conf.className = "conf";
    conf.textContent = `${p.type} · ${Math.round(p.confidence * 100)}%`;
    const status = document.createElement("div");
    status.className = "pair-status";
    status.textContent = p.status + (p.note ? ` — ${p.note}` : "");
    num.append(String(p.position + 1), conf, status);
    tr.append(num, cell(p.zh, "zh", flags), cell(p.en, "en", flags));
    body.appendChild(tr);

    const extra = document.createElement("tr");
    extra.className = "pair-extra";
    extra.dataset.pairId = p.id;
    const pad = document.createElement("td");
    const td = document.createElement("td");
    td.colSpan = 2;
    if (flags.length) {
      const ul = document.createElement("ul");
      ul.className = "flags";
      for (const f of flags) {
        const li = document.createElement("li");
        li.className = `flag sev-${f.severity}`;
        li.dataset.type = f.type;
        const badge = document.createElement("span");
        badge.className = "badge";
        badge.textContent = `${f.severity} · ${f.type}`;
        li.append(badge, " " + f.message);
        ul.appendChild(li);
      }
      td.appendChild(ul);
    }
    const actions = document.createElement("div");
    actions.className = "pair-actions";
    actions.append(
      actionButton("Approve", "approve", p),
      actionButton("Reject", "reject", p),
      actionButton("Merge with next", "merge", p),
      actionButton("Note…", "note", p),
    );
    td.appendChild(actions);
    extra.append(pad, td);
    body.appendChild(extra);
  }
  renderTerms(group);
  const hash = new URLSearchParams({ record: state.symbol, turn: String(state.turnIndex) });
  if (state.focusPair) hash.set("pair", String(state.focusPair));
  history.replaceState(null, "", "#" + hash.toString());
  if (state.focusPair) {
    const row = document.getElementById(`pair-${state.focusPair}`);
    if (row) { row.classList.add("focus"); row.scrollIntoView({ block: "center" }); }
  }
}

function renderTerms(group) {
  const list = $("#term-list");
  list.textContent = "";
  const zh = group.pairs.map((p) => p.zh || "").join("\n");
  const en = group.pairs.map((p) => p.en || "").join("\n");
  const here = state.terms.filter((t) => findForms(zh, t.zh_forms).length || findForms(en, t.en_forms).length);
  if (!here.length) {
    list.textContent = "No glossary terms in this turn.";
    return;
  }
  for (const t of here) {
    const li = document.createElement("li");
    li.className = `term-entry status-${t.status}`;
    li.dataset.termId = t.id;
    const name = document.createElement("span");
    name.className = "term";
    name.title = `${t.type}, confidence ${t.confidence}, frequency ${t.frequency}`;
    name.textContent = `${t.zh} — ${t.en}`;
    const st = document.createElement("span");
    st.className = "term-status";
    st.textContent = ` ${t.status}`;
    li.append(name, st);
    if (t.status !== "approved") {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "approve-term";
      b.textContent = "Approve";
      b.addEventListener("click", () => approveTerm(t));
      li.append(" ", b);
    }
    list.appendChild(li);
  }
}

// ------------------------------------------------------------------ reviewer actions

async function correctPair(pair, action) {
  if (!canWrite()) {
    toast("Enter your name and the token (Reviewer) to make corrections.", true);
    return;
  }
  const body = { action: "flag", reviewer: reviewer() };
  if (action === "approve") body.status = "approved";
  else if (action === "reject") body.status = "rejected";
  else if (action === "note") {
    const note = prompt("Note on this pair:", pair.note || "");
    if (note === null) return;
    body.note = note;
  } else if (action === "merge") {
    const group = state.turns[state.turnIndex];
    const i = group.pairs.findIndex((p) => p.id === pair.id);
    const next = group.pairs[i + 1];
    if (!next) { toast("No next pair in this turn to merge with.", true); return; }
    body.action = "merge";
    body.with_pair = next.id;
  }
  try {
    const out = await api(`/pairs/${pair.id}`, { method: "PATCH", body, auth: true });
    toast(`Pair ${pair.id}: ${action} saved by ${body.reviewer}`);
    const keep = state.turnIndex;
    const focus = out.pairs && out.pairs[0] ? out.pairs[0].id : pair.id;
    await selectRecord(state.symbol, keep, focus);
  } catch (err) {
    toast("Correction failed: " + err.message, true);
  }
}

async function approveTerm(term) {
  if (!canWrite()) {
    toast("Enter your name and the token (Reviewer) to approve terms.", true);
    return;
  }
  try {
    const out = await api(`/glossary/${term.id}`, {
      method: "PATCH", body: { status: "approved", reviewer: reviewer() }, auth: true,
    });
    term.status = out.status;
    toast(`Term ${out.zh} — ${out.en} approved`);
    renderTurn();
  } catch (err) {
    toast("Approval failed: " + err.message, true);
  }
}

// ------------------------------------------------------------------ concordance search

function markedFragment(html) {
  // The server escapes the text and adds <mark>; keep only text and <mark> to be safe.
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html");
  const frag = document.createDocumentFragment();
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) frag.appendChild(document.createTextNode(node.textContent));
    else if (node.nodeName === "MARK") {
      const m = document.createElement("mark");
      m.textContent = node.textContent;
      frag.appendChild(m);
    } else frag.appendChild(document.createTextNode(node.textContent));
  }
  return frag;
}

async function search(event) {
  event.preventDefault();
  const q = $("#search-input").value.trim();
  const out = $("#search-results");
  if (!q) { out.textContent = "Type a word or phrase."; return; }
  const params = new URLSearchParams({ q, limit: "20" });
  const lang = $("#search-lang").value;
  if (lang) params.set("lang", lang);
  out.textContent = "Searching…";
  try {
    const page = await api(`/search?${params}`);
    out.textContent = "";
    const head = document.createElement("p");
    head.className = "muted";
    head.textContent = `${page.total} hit(s) for “${q}”`;
    out.appendChild(head);
    for (const hit of page.items) {
      const div = document.createElement("div");
      div.className = "hit";
      div.dataset.pairId = hit.pair.id;
      const where = document.createElement("div");
      where.className = "muted";
      where.textContent = `${hit.pair.symbol} · pair ${hit.pair.id}`;
      const zh = document.createElement("div");
      zh.lang = "zh";
      zh.appendChild(markedFragment(hit.zh_highlight));
      const en = document.createElement("div");
      en.lang = "en";
      en.appendChild(markedFragment(hit.en_highlight));
      div.append(where, zh, en);
      div.addEventListener("click", async () => {
        $("#record-select").value = hit.pair.symbol;
        await selectRecord(hit.pair.symbol, 0, hit.pair.id);
      });
      out.appendChild(div);
    }
  } catch (err) {
    out.textContent = "Search failed: " + err.message;
  }
}

// ------------------------------------------------------------------ wiring

function goTurn(i) {
  if (i < 0 || i >= state.turns.length) return;
  state.turnIndex = i;
  state.focusPair = null;
  renderTurn();
  window.scrollTo(0, 0);
}

document.addEventListener("DOMContentLoaded", () => {
  $("#reviewer-input").value = localStorage.getItem("verbalign-reviewer") || "";
  $("#token-input").value = sessionStorage.getItem("verbalign-token") || "";
  $("#reviewer-input").addEventListener("input", (e) => {
    localStorage.setItem("verbalign-reviewer", e.target.value.trim());
    updateReviewerState();
  });
  $("#token-input").addEventListener("input", (e) => {
    sessionStorage.setItem("verbalign-token", e.target.value.trim());
    updateReviewerState();
  });
  updateReviewerState();
  $("#record-select").addEventListener("change", (e) => selectRecord(e.target.value));
  $("#turn-select").addEventListener("change", (e) => goTurn(Number(e.target.value)));
  $("#prev-turn").addEventListener("click", () => goTurn(state.turnIndex - 1));
  $("#next-turn").addEventListener("click", () => goTurn(state.turnIndex + 1));
  $("#semantic-toggle").addEventListener("change", () => state.symbol && loadQA());
  $("#search-form").addEventListener("submit", search);
  document.addEventListener("keydown", (e) => {
    if (e.target.closest("input, select, textarea")) return;
    if (e.key === "ArrowRight" || e.key === "j") goTurn(state.turnIndex + 1);
    if (e.key === "ArrowLeft" || e.key === "k") goTurn(state.turnIndex - 1);
  });
  loadRecords().catch((err) => {
    $("#record-meta").textContent = "Could not load records: " + err.message;
  });
});
