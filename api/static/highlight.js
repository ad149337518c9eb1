// Decorating a text with overlapping marks (QA flag spans and glossary terms) without ever
// building HTML from unescaped text: the text is cut into runs where the set of marks is
// constant, and each run becomes a text node inside the spans its marks call for.
"use strict";

/**
 * @param {string} text
 * @param {{start:number,end:number,kind:string,title?:string,data?:object}[]} marks
 * @returns {DocumentFragment}
 */
function decorate(text, marks) {
  const cuts = new Set([0, text.length]);
  const valid = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  for (const m of valid) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const here = valid.filter((m) => m.start <= a && m.end >= b);
    let node = document.createTextNode(text.slice(a, b));
    // flags outside, terms inside, so a term keeps its own hover title within a flagged span
    for (const m of here.sort((x, y) => (x.kind === "term") - (y.kind === "term"))) {
      const el = document.createElement(m.kind === "flag" ? "mark" : "span");
      el.className = m.kind === "flag" ? "flag-mark" : "term";
      if (m.title) el.title = m.title;
      if (m.data) for (const [k, v] of Object.entries(m.data)) el.dataset[k] = String(v);
      el.appendChild(node);
      node = el;
    }
    frag.appendChild(node);
  }
  return frag;
}

/** Every occurrence of any of `forms` in `text` (longest form first, no overlaps). */
function findForms(text, forms) {
  const out = [];
  const taken = new Array(text.length).fill(false);
  for (const form of [...forms].filter(Boolean).sort((a, b) => b.length - a.length)) {
    let at = text.indexOf(form);
    while (at !== -1) {
      const end = at + form.length;
      const latin = /[A-Za-z]/.test(form);
      const okLeft = !latin || at === 0 || !/[A-Za-z0-9]/.test(text[at - 1]);
      const okRight = !latin || end === text.length || !/[A-Za-z0-9]/.test(text[end]);
      if (okLeft && okRight && !taken.slice(at, end).some(Boolean)) {
        out.push({ start: at, end });
        for (let k = at; k < end; k++) taken[k] = true;
      }
      at = text.indexOf(form, at + 1);
    }
  }
  return out;
}
