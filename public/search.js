/**
 * The archive's search page, on the Pagefind JavaScript API (https://pagefind.app/docs/api/).
 *
 * The state lives in the URL: ?q=words&source=Express&person=…&place=…&year=2022&sort=date|date-asc.
 * Typing replaces the current history entry (one entry per typed search, not per key); ticking a
 * filter or changing the order pushes a new one, so back and forward step through them.
 * Every piece of result text goes into the page with textContent; the one exception is marked below.
 */

// Checkboxes within a facet: a source or a year is one per article, so ticking two means either
// (any); people and places are many per article, so ticking two means both (all), as a newsroom
// asks "articles naming Truss and Lavrov".
const FACETS = [
  { key: "source", label: "Source", match: "any" },
  { key: "person", label: "Person", match: "all" },
  { key: "place", label: "Place", match: "all" },
  { key: "year", label: "Year", match: "any", newestFirst: true },
];
const SORTS = { date: { date: "desc" }, "date-asc": { date: "asc" } };
const PAGE_SIZE = 10;
const VALUES_SHOWN = 8; // per facet until "Show all"; a big archive names thousands of people
const TYPING_DELAY_MS = 250;
const HIGHLIGHT_PARAM = "highlight"; // read by highlight.js on the article pages

const siteRoot = new URL("./", import.meta.url); // this file sits at the site root, under any path prefix
const root = document.querySelector("[data-search]");
const form = root.querySelector("form");
const input = root.querySelector("#search-q");
const sortSelect = root.querySelector("#search-sort");
const filtersBox = root.querySelector("[data-filters]");
const clearButton = root.querySelector("[data-clear]");
const statusLine = root.querySelector("[data-status]");
const resultList = root.querySelector("[data-results]");
const moreButton = root.querySelector("[data-more]");
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** @typedef {{ q: string, sort: string, filters: Record<string, string[]> }} State */

/** @returns {State} */
function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const sort = params.get("sort") ?? "";
  return {
    q: params.get("q") ?? "",
    sort: Object.hasOwn(SORTS, sort) ? sort : "",
    filters: Object.fromEntries(FACETS.map((f) => [f.key, [...new Set(params.getAll(f.key).filter(Boolean))]])),
  };
}

/** @param {State} state */
function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  for (const f of FACETS) for (const v of state.filters[f.key]) params.append(f.key, v);
  if (state.sort) params.set("sort", state.sort);
  const query = params.toString();
  return query ? `${location.pathname}?${query}` : location.pathname;
}

/** The state shown by the controls. */
function stateFromControls() {
  const filters = Object.fromEntries(FACETS.map((f) => [f.key, []]));
  for (const box of filtersBox.querySelectorAll("input[type=checkbox]:checked")) filters[box.name].push(box.value);
  return { q: input.value, sort: sortSelect.value, filters };
}

/** @param {State} state */
function showState(state) {
  input.value = state.q;
  sortSelect.value = state.sort;
  for (const box of filtersBox.querySelectorAll("input[type=checkbox]")) {
    box.checked = state.filters[box.name].includes(box.value);
  }
  for (const details of filtersBox.querySelectorAll("details")) {
    if (state.filters[details.dataset.facet].length) details.open = true;
  }
}

/** Pagefind's filter object, leaving out one facet when its own counts are wanted. */
function pagefindFilters(filters, without = null) {
  const out = {};
  for (const f of FACETS) {
    const values = filters[f.key];
    if (f.key !== without && values.length) out[f.key] = { [f.match]: values };
  }
  return out;
}

const hasFilters = (state) => FACETS.some((f) => state.filters[f.key].length > 0);

// ---- filter checkboxes -------------------------------------------------------------------------

/** One fieldset per facet, built once from the whole index; searches only change the counts. */
function buildFilters(allCounts) {
  for (const f of FACETS) {
    const counts = allCounts[f.key] ?? {};
    const values = Object.keys(counts).sort((a, b) =>
      f.newestFirst ? b.localeCompare(a) : counts[b] - counts[a] || a.localeCompare(b),
    );
    if (values.length === 0) continue;
    // A closed <details> per facet keeps the results near the top on a phone; summary and
    // checkboxes are native controls, so keyboard and screen readers need nothing extra.
    const details = document.createElement("details");
    details.className = "facet";
    details.dataset.facet = f.key;
    const summary = document.createElement("summary");
    const ticked = document.createElement("span");
    ticked.className = "facet-ticked-count";
    ticked.dataset.ticked = "";
    summary.append(f.label, " ", ticked);
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.className = "visually-hidden";
    legend.textContent = f.match === "all" ? `${f.label} (ticked ones must all appear)` : `${f.label} (any of the ticked ones)`;
    fieldset.append(legend);
    details.append(summary, fieldset);
    const list = document.createElement("ul");
    values.forEach((value, i) => {
      const item = document.createElement("li");
      if (i >= VALUES_SHOWN) item.dataset.extra = "";
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = f.key;
      box.value = value;
      const name = document.createElement("span");
      name.className = "facet-name";
      name.textContent = value;
      const count = document.createElement("span");
      count.className = "facet-count";
      count.dataset.count = "";
      label.append(box, name, " ", count);
      item.append(label);
      list.append(item);
    });
    fieldset.append(list);
    if (values.length > VALUES_SHOWN) {
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "facet-toggle";
      toggle.setAttribute("aria-expanded", "false");
      toggle.textContent = `Show all ${values.length}`;
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? "Show fewer" : `Show all ${values.length}`;
        details.classList.toggle("facet-open", open);
      });
      fieldset.append(toggle);
    }
    filtersBox.append(details);
  }
}

/** Counts in brackets after each value: how many results ticking it would give. */
function showCounts(counts, state) {
  for (const box of filtersBox.querySelectorAll("input[type=checkbox]")) {
    const n = counts[box.name]?.[box.value] ?? 0;
    const label = box.closest("label");
    label.querySelector("[data-count]").textContent = `(${n})`;
    label.classList.toggle("facet-empty", n === 0 && !box.checked);
    // A ticked value beyond the first few stays in view.
    box.closest("li").classList.toggle("facet-ticked", box.checked);
  }
  for (const details of filtersBox.querySelectorAll("details")) {
    const n = state.filters[details.dataset.facet].length;
    details.querySelector("[data-ticked]").textContent = n ? `${n} ticked` : "";
  }
  clearButton.hidden = !hasFilters(state);
}

// ---- results -----------------------------------------------------------------------------------

const FILTER_WORDS = { source: ["from", "or"], person: ["naming", "and"], place: ["mentioning", "and"], year: ["in", "or"] };

/** The status line, read out by screen readers: "3 articles for “truss” from Express, newest first." */
function describe(state, total, undated) {
  const parts = [];
  const words = state.q.trim();
  const phrase = /^"[^"]+"$/.exec(words);
  if (phrase) parts.push(`for the exact phrase “${words.slice(1, -1)}”`);
  else if (words) parts.push(`for “${words}”`);
  for (const f of FACETS) {
    const values = state.filters[f.key];
    const [lead, join] = FILTER_WORDS[f.key];
    if (values.length) parts.push(`${lead} ${values.join(` ${join} `)}`);
  }
  const asked = parts.join(" ");
  if (total === 0) return `No articles ${asked}. Try fewer words or filters.`;
  let order = state.sort === "date" ? ", newest first" : state.sort === "date-asc" ? ", oldest first" : "";
  if (order && undated) order += `, undated last`;
  return `${total === 1 ? "1 article" : `${total} articles`} ${asked}${order}.`;
}

/** Pagefind adds ?highlight=word per searched word; a "quoted phrase" would keep its quote marks. */
function highlightLink(url) {
  const link = new URL(url, location.href);
  const words = link.searchParams.getAll(HIGHLIGHT_PARAM).map((w) => w.replace(/["“”]/g, "")).filter(Boolean);
  link.searchParams.delete(HIGHLIGHT_PARAM);
  for (const w of words) link.searchParams.append(HIGHLIGHT_PARAM, w);
  return link.origin === location.origin ? link.pathname + link.search + link.hash : link.href;
}

function resultItem(data, showExcerpt) {
  const item = document.createElement("li");
  item.className = "result";
  const heading = document.createElement("h3");
  const link = document.createElement("a");
  link.href = highlightLink(data.url);
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  item.append(heading);

  const meta = document.createElement("p");
  meta.className = "meta";
  const time = document.createElement("time");
  const iso = data.meta.date;
  if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    time.dateTime = iso;
    time.textContent = dateFormat.format(new Date(`${iso}T00:00:00Z`));
  } else {
    time.textContent = "Undated";
  }
  meta.append(time);
  const source = data.meta.source ?? data.filters?.source?.[0];
  if (source) {
    const s = document.createElement("span");
    s.className = "source";
    s.textContent = source;
    meta.append(" · ", s);
  }
  item.append(meta);

  if (data.meta.standfirst && !showExcerpt) {
    const standfirst = document.createElement("p");
    standfirst.className = "result-standfirst";
    standfirst.textContent = data.meta.standfirst;
    item.append(standfirst);
  }
  if (showExcerpt) {
    const excerpt = document.createElement("p");
    excerpt.className = "excerpt";
    // The one innerHTML: Pagefind encodes the page text's HTML entities before adding its <mark>
    // elements, so the excerpt is safe as HTML ("excerpt will have HTML entities encoded before
    // adding <mark> elements, so is safe to use as innerHTML": https://pagefind.app/docs/api/).
    excerpt.innerHTML = data.excerpt;
    item.append(excerpt);
  }
  return item;
}

let pagefind;
let allCounts = {};
/**
 * Pagefind ids of the shards' old versions of pages edited or removed since they were indexed
 * (search-indexes.json), with the filters each was indexed with: their new versions are in the
 * delta bundle, so the old ones are left out of the results and taken off the counts.
 */
let hidden = new Map();

/** Take `filters` of each hidden page off `counts` ({facet: {value: n}}). */
function withoutHidden(counts, hiddenFilters) {
  if (hiddenFilters.length === 0) return counts;
  const out = Object.fromEntries(Object.entries(counts).map(([facet, values]) => [facet, { ...values }]));
  for (const filters of hiddenFilters) {
    for (const [facet, values] of Object.entries(filters)) {
      for (const value of values) if (out[facet]?.[value]) out[facet][value]--;
    }
  }
  return out;
}

/** A Pagefind search as the archive is now: without the hidden pages among its results or in its counts. */
function visible(search) {
  if (search === null || hidden.size === 0) return search;
  const gone = search.results.filter((r) => hidden.has(r.id));
  if (gone.length === 0) return search;
  return {
    ...search,
    results: search.results.filter((r) => !hidden.has(r.id)),
    filters: withoutHidden(search.filters, gone.map((r) => hidden.get(r.id))),
  };
}
let generation = 0; // the latest search; older ones that finish late are dropped
let pending = []; // results not yet shown, for "Show more"
let pendingWithExcerpt = false;

function setBusy(busy) {
  resultList.setAttribute("aria-busy", String(busy));
}

async function showMore(moveFocus) {
  const gen = generation;
  const batch = pending.splice(0, PAGE_SIZE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (gen !== generation) return;
  const items = data.map((d) => resultItem(d, pendingWithExcerpt));
  resultList.append(...items);
  moreButton.hidden = pending.length === 0;
  if (moveFocus && items[0]) items[0].querySelector("a").focus();
}

/** @param {State} state @param {number} delay */
async function run(state, delay) {
  const gen = ++generation;
  setBusy(true);
  const term = state.q.trim() || null;
  if (!term && !hasFilters(state)) {
    // Nothing asked yet: whole-archive counts, no list.
    showCounts(allCounts, state);
    resultList.replaceChildren();
    pending = [];
    moreButton.hidden = true;
    statusLine.textContent = "Type a word, or tick a source, person, place or year.";
    setBusy(false);
    return;
  }
  const filters = pagefindFilters(state.filters);
  const search = visible(await pagefind.debouncedSearch(term, { filters }, delay));
  if (search === null || gen !== generation) return;
  let results = search.results;
  let undated = 0;
  if (state.sort) {
    // Pagefind leaves out of a sorted search every page without the sort key: an undated article
    // would vanish. They follow the dated ones, in order of relevance.
    const sorted = visible(await pagefind.search(term, { filters, sort: SORTS[state.sort] }));
    if (gen !== generation) return;
    const dated = new Set(sorted.results.map((r) => r.id));
    const rest = results.filter((r) => !dated.has(r.id));
    undated = rest.length;
    results = [...sorted.results, ...rest];
  }

  // "filters" counts what ticking one more value would leave. For an either-or facet that is not
  // what a reader means, so its own counts come from the same search without its own ticks.
  const counts = { ...search.filters };
  for (const f of FACETS) {
    if (f.match !== "any" || state.filters[f.key].length === 0) continue;
    const others = visible(await pagefind.search(term, { filters: pagefindFilters(state.filters, f.key) }));
    if (gen !== generation) return;
    counts[f.key] = others.filters[f.key] ?? {};
  }

  pending = [...results];
  pendingWithExcerpt = term !== null;
  resultList.replaceChildren();
  await showMore(false);
  if (gen !== generation) return;
  showCounts(counts, state);
  statusLine.textContent = describe(state, results.length, undated);
  setBusy(false);
}

// ---- events ------------------------------------------------------------------------------------

function commit(push, delay) {
  const state = stateFromControls();
  const url = urlFor(state);
  const entry = { search: true, typing: !push };
  if (url !== location.pathname + location.search) {
    if (!push && history.state?.typing) history.replaceState(entry, "", url);
    else history.pushState(entry, "", url);
  }
  run(state, delay);
}

function listen() {
  input.addEventListener("input", () => {
    setBusy(true);
    commit(false, TYPING_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setBusy(true);
    commit(false, 0);
  });
  sortSelect.addEventListener("change", () => {
    setBusy(true);
    commit(true, 0);
  });
  filtersBox.addEventListener("change", () => {
    setBusy(true);
    commit(true, 0);
  });
  clearButton.addEventListener("click", () => {
    for (const box of filtersBox.querySelectorAll("input[type=checkbox]")) box.checked = false;
    setBusy(true);
    commit(true, 0);
    input.focus();
  });
  moreButton.addEventListener("click", () => showMore(true));
  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    showState(state);
    setBusy(true);
    run(state, 0);
  });
}

async function start() {
  try {
    // A large archive is indexed in several bundles (search-indexes.json, written by the build): the
    // first that holds pages is loaded, the others (the edits' delta last) are merged into it so
    // that one search covers all.
    const listing = await fetch(new URL("search-indexes.json", siteRoot)).then((r) => (r.ok ? r.json() : {}));
    const bundles = listing.searchable || ["pagefind"];
    hidden = new Map(Object.entries(listing.hidden || {}));
    pagefind = await import(new URL(bundles[0] + "/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname, highlightParam: HIGHLIGHT_PARAM, excerptLength: 30 });
    for (const bundle of bundles.slice(1)) {
      await pagefind.mergeIndex(new URL(bundle + "/", siteRoot).href);
    }
    await pagefind.init();
    // Loading every filter once makes Pagefind count them alongside each search.
    allCounts = withoutHidden(await pagefind.filters(), [...hidden.values()]);
  } catch (error) {
    console.error("search could not load", error);
    document.querySelector("[data-search-failed]").hidden = false;
    return;
  }
  buildFilters(allCounts);
  const state = stateFromUrl();
  showState(state);
  history.replaceState({ search: true, typing: false }, "", urlFor(state));
  root.hidden = false;
  listen();
  run(state, 0);
}

start();
