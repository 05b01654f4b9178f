/**
 * Grouping reports into events. Two reports are linked when they are close in date and share enough
 * of what makes a story particular: the same people (and, less, organisations and places), the same
 * quotes, the same distinctive wording. Links are followed strongest first into events, never
 * stretching one past a week. An editor's `event` field overrides all of it.
 *
 * Only reports close in time are ever compared: reports are sorted by date and indexed by their names
 * and distinctive phrases, and a report meets only the later reports within the window that share one
 * of them (names or phrases too common within the window to single out a story propose no one).
 * The cost grows with the reports per window, not with the square of the archive.
 *
 * Deterministic: every order is by date, then id; no randomness, no clock.
 */
import slugify from "@sindresorhus/slugify";
import { contentTokens, plainText, tokenize, trigramHashes, type ContentTokens, type Tokens } from "./text.ts";
import { sortedQuoteKey, sortedQuotesMatch } from "./quotes.ts";
import { eventName, type NameForms } from "./name.ts";

export interface EventInput {
  id: string; // the article's slug
  title: string;
  date: string | null; // YYYY-MM-DD
  source: string;
  people: string[];
  places: string[];
  organisations: string[];
  quotes: { speaker: string | null; text: string }[];
  body: string; // Markdown
  event: string | null; // the editor's override: a slug, "none", or null
}

/** What joined two reports, or was found between them. */
export interface PairEvidence {
  a: string;
  b: string;
  gap_days: number;
  score: number;
  names: string[]; // shared names, most distinctive first
  quotes: string[]; // quotes both carried (as `a` words them)
  phrases: string[]; // distinctive wording both use (as `a` words it)
}

export interface EventGroup {
  slug: string;
  name: string;
  basis: "similarity" | "editor";
  members: string[]; // ids, oldest first
  start: string;
  end: string;
  /** similarity: the links that joined the members, strongest first; editor: empty (the field is the evidence). */
  links: PairEvidence[];
}

export interface GroupingResult {
  events: EventGroup[];
  /** Links strong enough but not followed, with why. */
  refused: (PairEvidence & { reason: string })[];
  /** Articles kept out of grouping, with why (undated, or `event: none`). */
  excluded: { id: string; reason: string }[];
  /** Editor events that name one article only: no event page, listed for the editor. */
  lone_editor_events: { event: string; id: string }[];
  stats: { articles: number; compared_pairs: number; links: number; grouped: number; alone: number };
}

/** The rules' numbers; each is explained where it is used. */
export interface GroupingSettings {
  windowDays: number; // reports further apart than this are never linked by similarity
  maxSpanDays: number; // an event never spans more than this (see groupEvents)
  threshold: number; // the link score a pair needs (see score)
  phraseMaxDf: number; // a phrase more reports than this use is not distinctive
  commonInWindow: number; // a name or phrase more reports than this carry within the window is common there
}

export const GROUPING: GroupingSettings = {
  windowDays: 3,
  maxSpanDays: 7,
  threshold: 0.3,
  phraseMaxDf: 50,
  commonInWindow: 50,
};

const PHRASE_WORDS = 3; // phrases are word trigrams (text.ts trigramHashes)
const PHRASE_MAX_SHARE = 0.5;
const KIND_WEIGHT = { person: 1, organisation: 0.75, place: 0.5 } as const;

/** The `event` value that keeps an article out of every event. */
export const NO_EVENT = "none";

const DAY_MS = 86_400_000;
const MAX_PHRASE_WORDS = 12; // a shared passage is shown by its first dozen content words

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

interface Prepared {
  input: EventInput;
  day: number;
  names: Map<string, number>; // "person:Liz Truss" -> weight
  nameNorm: number; // sum of squared weights
  phrases: Uint32Array; // distinctive phrase hashes, sorted
  quotes: Uint32Array[]; // each quote's key, sorted (quotes.ts)
  quoteGrams: Uint32Array; // every quote's trigrams, sorted: two reports that share none share no quote
}

function nameKeys(a: EventInput): [string, keyof typeof KIND_WEIGHT][] {
  return [
    ...a.people.map((n) => [`person:${n}`, "person"] as [string, "person"]),
    ...a.organisations.map((n) => [`organisation:${n}`, "organisation"] as [string, "organisation"]),
    ...a.places.map((n) => [`place:${n}`, "place"] as [string, "place"]),
  ];
}

function uniqueSorted(values: number[]): Uint32Array {
  const arr = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[n++] = arr[i]!;
  return arr.slice(0, n);
}

/**
 * The body's wording as content-word trigrams, each with where it starts. A trigram written all in
 * capitals ("French President Emmanuel") is a name or title, already counted among the names: only
 * trigrams with some ordinary word are wording ("talks in Abu Dhabi", "a mute person").
 */
function wording(tokens: ContentTokens): { hashes: number[]; at: number[] } {
  const { capital } = tokens;
  const hashes: number[] = [];
  const at: number[] = [];
  trigramHashes(tokens.words).forEach((h, i) => {
    if (capital[i] && capital[i + 1] && capital[i + 2]) return;
    hashes.push(h);
    at.push(i);
  });
  return { hashes, at };
}

/** The text of a body as the phrases are read from and shown in. */
function bodyText(body: string): string {
  return plainText(body).replace(/\s+/g, " ");
}

/**
 * How often the text mentions each of the record's names, by the last word of any of its spellings
 * ("Ms Truss", "Elizabeth Truss" and "Liz Truss" all end in "Truss"; a spelling in capitals, "UK",
 * is matched in capitals only, so that "us" is not the United States). A listed name counts once at least.
 */
function mentionCounts(a: EventInput, forms: NameForms, text: string, tokens: Tokens): Map<string, number> {
  const byWord = new Map<string, { name: string; exact: string | null }[]>();
  for (const name of new Set([...a.people, ...a.organisations, ...a.places])) {
    for (const spelling of [name, ...(forms[name] ?? [])]) {
      const last = spelling.split(/\s+/).pop() ?? "";
      if (!last) continue;
      const exact = last.length > 1 && last === last.toUpperCase() ? last : null;
      const key = last.toLowerCase();
      const list = byWord.get(key) ?? byWord.set(key, []).get(key)!;
      if (!list.some((e) => e.name === name && e.exact === exact)) list.push({ name, exact });
    }
  }
  const counts = new Map<string, number>();
  tokens.words.forEach((w, i) => {
    const list = byWord.get(w.endsWith("'s") ? w.slice(0, -2) : w);
    if (!list) return;
    const written = list.some((e) => e.exact) ? text.slice(tokens.starts[i], tokens.ends[i]) : "";
    const counted = new Set<string>();
    for (const e of list) {
      if (counted.has(e.name) || (e.exact && !written.startsWith(e.exact))) continue;
      counted.add(e.name);
      counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
    }
  });
  return counts;
}

// Phrase document frequencies are counted in a fixed table of 2^24 hashed slots (32 MB), so that a
// large archive needs no map of every phrase it holds. A collision can only make a phrase look
// commoner than it is (weaker evidence), never rarer.
const DF_SLOTS_BITS = 24;

function slotOf(h: number): number {
  return h >>> (32 - DF_SLOTS_BITS);
}

/** Inverse document frequency, smoothed so that a name every report carries still counts a little. */
function idf(n: number, df: number): number {
  return Math.log(1 + n / Math.max(1, df));
}

/** What the grouping reads of one report on its own: how often it mentions each of its names, and the phrases of its wording. */
export interface ReportAnalysis {
  mentions: Map<string, number>;
  phrases: Uint32Array; // sorted, distinct
  quotes: Uint32Array[]; // each quote's key, sorted (quotes.ts)
  quoteGrams: Uint32Array; // every quote's trigrams, sorted
}

/** A report's analysis; `analysed`, when given, is told once every report of the pool is analysed (a cache can write them then). */
export type Analyse = ((a: EventInput) => ReportAnalysis) & { analysed?: () => void };

/** A report's analysis depends on its body, its names and their spellings and its quotes only: a build may keep it by those (src/build/events-cache.ts). */
export function analyseReport(a: EventInput, forms: NameForms): ReportAnalysis {
  const text = bodyText(a.body);
  const tokens = tokenize(text);
  const quotes = a.quotes.map((q) => sortedQuoteKey(q.text));
  return {
    mentions: mentionCounts(a, forms, text, tokens),
    phrases: uniqueSorted(wording(contentTokens(text, tokens)).hashes),
    quotes,
    quoteGrams: uniqueSorted(quotes.flatMap((q) => [...q])),
  };
}

/** The phrases of `all` that at least two reports and at most `maxDf` use (a loop: a filter's callback per phrase costs more than the test). */
function distinctive(all: Uint32Array, phraseDf: Uint16Array, maxDf: number): Uint32Array {
  const out = new Uint32Array(all.length);
  let n = 0;
  for (let k = 0; k < all.length; k++) {
    const h = all[k]!;
    const df = phraseDf[slotOf(h)]!;
    if (df >= 2 && df <= maxDf) out[n++] = h;
  }
  return out.slice(0, n);
}

function prepare(pool: EventInput[], settings: GroupingSettings, analyse: Analyse): { prepared: Prepared[]; nameDf: Map<string, number>; phraseDf: Uint16Array } {
  const n = pool.length;
  const nameDf = new Map<string, number>();
  for (const a of pool) for (const key of new Set(nameKeys(a).map(([k]) => k))) nameDf.set(key, (nameDf.get(key) ?? 0) + 1);
  const phraseDf = new Uint16Array(1 << DF_SLOTS_BITS);
  const analysed: (ReportAnalysis | undefined)[] = pool.map((a) => {
    const analysis = analyse(a);
    for (const h of analysis.phrases) {
      const s = slotOf(h);
      if (phraseDf[s]! < 0xffff) phraseDf[s]!++;
    }
    return analysis;
  });
  analyse.analysed?.();
  // A phrase is distinctive when at least two reports use it (else it links nothing) and few do:
  // at most 50 reports, and at most half the archive.
  const maxDf = Math.min(settings.phraseMaxDf, Math.floor(n * PHRASE_MAX_SHARE));
  const prepared = pool.map((a, i) => {
    // A name's weight: its kind, how often this report mentions it (1 + ln of the count: the people a
    // story is about are mentioned again and again, a passing name once) and how rare it is.
    const { mentions, phrases: all, quotes, quoteGrams } = analysed[i]!;
    const names = new Map<string, number>();
    for (const [key, kind] of nameKeys(a)) {
      const tf = Math.max(1, mentions.get(key.slice(key.indexOf(":") + 1)) ?? 0);
      names.set(key, KIND_WEIGHT[kind] * (1 + Math.log(tf)) * idf(n, nameDf.get(key) ?? 1));
    }
    let nameNorm = 0;
    for (const w of names.values()) nameNorm += w * w;
    const phrases = distinctive(all, phraseDf, maxDf);
    analysed[i] = undefined; // free as we go
    return { input: a, day: dayNumber(a.date!), names, nameNorm, phrases, quotes, quoteGrams };
  });
  return { prepared, nameDf, phraseDf };
}

function sharedSorted(a: Uint32Array, b: Uint32Array): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

interface Scored {
  score: number;
  particular: boolean; // shares something particular to one story, not only a subject
  sharedNames: string[];
  sharedPhrases: number[];
  sharedQuotes: number[]; // indexes into a's quotes
}

/**
 * The link score, 0 to 1: how much of the two reports' names they share (cosine over names weighted
 * by kind and rarity), raised by each shared distinctive phrase (0.05 each, up to 0.3) and each
 * shared quote (0.15 each, up to 0.3). A pair links at 0.3 and above, and only when it shares
 * something particular to one story: two people not common in those days (see candidatePairs), a
 * quote, or three distinctive phrases. Naming the same countries and the war's leaders is a shared
 * subject (every report of a war does), not a shared event.
 */
function score(a: Prepared, b: Prepared, common: Set<string>): Scored {
  const sharedNames: string[] = [];
  let dot = 0;
  for (const [key, w] of a.names) {
    if (b.names.has(key)) {
      sharedNames.push(key);
      dot += w * b.names.get(key)!;
    }
  }
  const nameCos = a.nameNorm && b.nameNorm ? dot / Math.sqrt(a.nameNorm * b.nameNorm) : 0;
  const sharedPhrases = sharedSorted(a.phrases, b.phrases);
  const sharedQuotes: number[] = [];
  // Matching quotes pair by pair is the dearest part of the score: only a quote of `a` with some
  // trigram in b's quotes can match one of them.
  const sharedGrams = a.quotes.length && b.quotes.length ? new Set(sharedSorted(a.quoteGrams, b.quoteGrams)) : null;
  if (sharedGrams?.size) {
    a.quotes.forEach((qa, i) => {
      let hit = false;
      for (const h of qa) if ((hit = sharedGrams.has(h))) break;
      if (hit && b.quotes.some((qb) => sortedQuotesMatch(qa, qb))) sharedQuotes.push(i);
    });
  }
  const s = nameCos + Math.min(0.3, 0.05 * sharedPhrases.length) + Math.min(0.3, 0.15 * sharedQuotes.length);
  const people = sharedNames.filter((k) => k.startsWith("person:") && !common.has(k)).length;
  const particular = people >= 2 || sharedQuotes.length >= 1 || sharedPhrases.length >= 3;
  return { score: Math.min(1, s), particular, sharedNames, sharedPhrases, sharedQuotes };
}

/**
 * The reports of one window of days by name and phrase: the window slides along the date-sorted
 * reports, so it holds only the keys of the reports in it (a few hundred reports, not the archive).
 * A key's reports in the window are in ascending order: one report as the number itself, as most
 * phrases are, more as a list. Every key of every report passes through here, and a list per key
 * was most of the garbage the grouping made at 100,000 reports.
 */
class WindowPostings {
  private readonly lists = new Map<string | number, number | number[]>();

  add(key: string | number, report: number): void {
    const list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, report);
    else if (typeof list === "number") this.lists.set(key, [list, report]);
    else list.push(report);
  }

  /** Drop a report that left the window: it is the oldest under each of its keys. */
  remove(key: string | number): void {
    const list = this.lists.get(key)!;
    if (typeof list === "number") this.lists.delete(key);
    else if (list.length === 2) this.lists.set(key, list[1]!);
    else list.shift();
  }

  count(key: string | number): number {
    const list = this.lists.get(key)!;
    return typeof list === "number" ? 1 : list.length;
  }

  /** The reports after `report` under `key`, into `into`. */
  addLater(key: string | number, report: number, into: Set<number>): void {
    const list = this.lists.get(key)!;
    if (typeof list === "number") {
      if (list > report) into.add(list);
      return;
    }
    for (let k = list.length - 1; k >= 0 && list[k]! > report; k--) into.add(list[k]!);
  }
}

/**
 * A report's names, then its phrases. A phrase's key is its hash as a signed 32-bit integer, which
 * V8 keeps unboxed; above 2^31 the unsigned hash would be a heap number at every use.
 */
function forEachKey(p: Prepared, use: (key: string | number) => void): void {
  for (const key of p.names.keys()) use(key);
  for (let k = 0; k < p.phrases.length; k++) use(p.phrases[k]! | 0);
}

/**
 * The candidate pairs: each report with the later reports in the window that share a name or phrase.
 * A name or phrase that more than `commonInWindow` reports carry within the window around a report
 * ("Vladimir Putin" in a war) is common there: it proposes no candidates, and a person common there
 * does not count as particular to one story.
 */
function candidatePairs(prepared: Prepared[], settings: GroupingSettings, onPair: (i: number, j: number, common: Set<string>) => void): number {
  const window = new WindowPostings();
  let start = 0; // the window around report i is reports start .. end-1
  let end = 0;
  let compared = 0;
  prepared.forEach((p, i) => {
    for (; end < prepared.length && prepared[end]!.day <= p.day + settings.windowDays; end++) {
      const added = end;
      forEachKey(prepared[added]!, (key) => window.add(key, added));
    }
    for (; prepared[start]!.day < p.day - settings.windowDays; start++) forEachKey(prepared[start]!, (key) => window.remove(key));
    if (end <= i + 1) return;
    const candidates = new Set<number>();
    const common = new Set<string>();
    forEachKey(p, (key) => {
      if (window.count(key) > settings.commonInWindow) {
        if (typeof key === "string") common.add(key);
      } else window.addLater(key, i, candidates);
    });
    for (const j of [...candidates].sort((x, y) => x - y)) {
      compared++;
      onPair(i, j, common);
    }
  });
  return compared;
}

/** Shared phrases as written in `a`: runs of overlapping shared trigrams merged, long runs cut short. */
function phraseTexts(a: EventInput, shared: Set<number>): string[] {
  const text = bodyText(a.body);
  const tokens = contentTokens(text);
  const { hashes, at } = wording(tokens);
  const covered = new Array<boolean>(tokens.words.length).fill(false);
  hashes.forEach((h, k) => {
    if (shared.has(h)) for (let m = at[k]!; m < at[k]! + PHRASE_WORDS; m++) covered[m] = true;
  });
  const out: string[] = [];
  for (let k = 0; k < covered.length; k++) {
    if (!covered[k]) continue;
    let e = k;
    while (e + 1 < covered.length && covered[e + 1]) e++;
    const last = Math.min(e, k + MAX_PHRASE_WORDS - 1);
    const phrase = text.slice(tokens.starts[k], tokens.ends[last]) + (last < e ? " …" : "");
    if (!out.includes(phrase)) out.push(phrase);
    k = e;
  }
  return out;
}

function evidence(a: Prepared, b: Prepared, s: Scored): PairEvidence {
  const names = s.sharedNames
    .map((key) => ({ key, w: a.names.get(key)! }))
    .sort((x, y) => y.w - x.w || x.key.localeCompare(y.key))
    .map((x) => x.key.slice(x.key.indexOf(":") + 1));
  return {
    a: a.input.id,
    b: b.input.id,
    gap_days: Math.abs(b.day - a.day),
    score: Math.round(s.score * 1000) / 1000,
    names,
    quotes: s.sharedQuotes.map((i) => a.input.quotes[i]!.text),
    phrases: s.sharedPhrases.length ? phraseTexts(a.input, new Set(s.sharedPhrases)).slice(0, 10) : [],
  };
}

function byDateThenId(a: EventInput, b: EventInput): number {
  return (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.id.localeCompare(b.id);
}

/**
 * What linking a pool of reports found, in the pool's order: which reports form each event, the
 * evidence that joined them and the links refused. It reads every field of a report but its headline
 * and source (see groupingFields): an edit that changes only those links the reports the same way.
 */
export interface PoolLinks {
  components: number[][]; // pool indexes, each in pool order; by first member
  evidence: PairEvidence[][]; // each component's joining links, strongest first
  refused: (PairEvidence & { reason: string })[];
  nameDf: Map<string, number>;
  compared: number;
  links: number;
}

function linkReports(pool: EventInput[], settings: GroupingSettings, analyse: Analyse): PoolLinks {
  const { prepared, nameDf } = prepare(pool, settings, analyse);
  const links: { i: number; j: number; s: Scored }[] = [];
  const compared = candidatePairs(prepared, settings, (i, j, common) => {
    const s = score(prepared[i]!, prepared[j]!, common);
    if (s.score >= settings.threshold && s.particular) links.push({ i, j, s });
  });
  links.sort((x, y) => y.s.score - x.s.score || x.i - y.i || x.j - y.j);

  // Strongest links first (Kruskal): each joins two events unless the result would span more than a
  // week, which keeps a run of daily stories on one subject from chaining into one endless "event".
  const parent = prepared.map((_, i) => i);
  const span = prepared.map((p) => ({ min: p.day, max: p.day }));
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const tree: { i: number; j: number; s: Scored }[] = [];
  const refused: (PairEvidence & { reason: string })[] = [];
  for (const link of links) {
    const ri = find(link.i);
    const rj = find(link.j);
    if (ri === rj) continue;
    const min = Math.min(span[ri]!.min, span[rj]!.min);
    const max = Math.max(span[ri]!.max, span[rj]!.max);
    if (max - min > settings.maxSpanDays) {
      refused.push({ ...evidence(prepared[link.i]!, prepared[link.j]!, link.s), reason: `would stretch an event past ${settings.maxSpanDays} days` });
      continue;
    }
    const [root, child] = ri < rj ? [ri, rj] : [rj, ri];
    parent[child] = root;
    span[root] = { min, max };
    tree.push(link);
  }

  const byRoot = new Map<number, number[]>();
  prepared.forEach((_, i) => {
    const r = find(i);
    (byRoot.get(r) ?? byRoot.set(r, []).get(r)!).push(i);
  });
  const treeByRoot = new Map<number, PairEvidence[]>();
  for (const t of tree) {
    const r = find(t.i);
    (treeByRoot.get(r) ?? treeByRoot.set(r, []).get(r)!).push(evidence(prepared[t.i]!, prepared[t.j]!, t.s));
  }
  const roots = [...byRoot.keys()];
  return { components: roots.map((r) => byRoot.get(r)!), evidence: roots.map((r) => treeByRoot.get(r) ?? []), refused, nameDf, compared, links: links.length };
}

/** The fields of a report that its links depend on: all but the headline and the source. */
export function groupingFields(a: EventInput): string {
  return JSON.stringify([a.id, a.date, a.people, a.places, a.organisations, a.quotes, a.body]);
}

/**
 * Where a linking is kept beyond one process (src/build/events-cache.ts): `link` works it out when
 * the store holds none for this pool, settings and `analyse`.
 */
export type LinkStore = (pool: EventInput[], settings: GroupingSettings, link: () => PoolLinks) => PoolLinks;

/**
 * The last linking of one caller's pool, for a caller that groups again after an edit (npm start):
 * when every report of the pool has the same grouping fields as before (the same object, or the same
 * values), the reports are linked as before without comparing them again. One memo per `analyse`
 * and settings: a caller whose names' spellings change starts a new one. With a store, a pool
 * linked before, in this process or an earlier one, is answered from it.
 */
export class LinkMemo {
  pool: EventInput[] = [];
  settings: GroupingSettings | null = null;
  links: PoolLinks | null = null;
  /** Set for each build by its caller: a store's cache lives for one build. */
  store: LinkStore | undefined;

  linked(pool: EventInput[], settings: GroupingSettings, analyse: Analyse): PoolLinks {
    if (this.links && this.settings === settings && this.samePool(pool)) {
      this.pool = pool;
      return this.links;
    }
    const link = () => linkReports(pool, settings, analyse);
    const links = this.store ? this.store(pool, settings, link) : link();
    Object.assign(this, { pool, settings, links });
    return links;
  }

  private samePool(pool: EventInput[]): boolean {
    if (pool.length !== this.pool.length) return false;
    return pool.every((a, k) => a === this.pool[k] || groupingFields(a) === groupingFields(this.pool[k]!));
  }
}

/** Group the archive's articles into events. `forms` gives the spellings of each name, for naming events. */
export function groupEvents(
  articles: EventInput[],
  forms: NameForms = {},
  settings: GroupingSettings = GROUPING,
  analyse: Analyse = (a) => analyseReport(a, forms),
  memo?: LinkMemo,
): GroupingResult {
  const sorted = [...articles].sort(byDateThenId);
  const excluded: { id: string; reason: string }[] = [];
  const editorGroups = new Map<string, EventInput[]>();
  const pool: EventInput[] = [];
  for (const a of sorted) {
    const override = a.event?.trim() ?? "";
    if (override.toLowerCase() === NO_EVENT) excluded.push({ id: a.id, reason: "event: none (editor)" });
    else if (override) {
      const key = slugify(override) || "event";
      (editorGroups.get(key) ?? editorGroups.set(key, []).get(key)!).push(a);
    } else if (a.date === null) excluded.push({ id: a.id, reason: "undated: only an editor's event field can group it" });
    else pool.push(a);
  }

  const { components, evidence: joined, refused, nameDf, compared, links } = memo ? memo.linked(pool, settings, analyse) : linkReports(pool, settings, analyse);
  const rarity = (name: string) => nameDf.get(`person:${name}`) ?? nameDf.get(`place:${name}`) ?? nameDf.get(`organisation:${name}`) ?? 0;
  const taken = new Set<string>();
  const uniqueSlug = (base: string): string => {
    let slug = base;
    for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`;
    taken.add(slug);
    return slug;
  };

  const events: EventGroup[] = [];
  for (const [key, members] of editorGroups) {
    taken.add(key);
    if (members.length < 2) continue;
    const dates = members.map((m) => m.date).filter((d): d is string => d !== null);
    events.push({
      slug: key,
      name: eventName(members, forms, rarity),
      basis: "editor",
      members: members.map((m) => m.id),
      start: dates[0] ?? "",
      end: dates[dates.length - 1] ?? "",
      links: [],
    });
  }
  const lone_editor_events = [...editorGroups].filter(([, m]) => m.length === 1).map(([event, m]) => ({ event, id: m[0]!.id }));

  let grouped = 0;
  components.forEach((idx, c) => {
    if (idx.length < 2) return;
    grouped += idx.length;
    const members = idx.map((i) => pool[i]!);
    const name = eventName(members, forms, rarity);
    const start = members[0]!.date!;
    events.push({
      slug: uniqueSlug(`${start}-${slugify(name)}`.slice(0, 80).replace(/-+$/, "")),
      name,
      basis: "similarity",
      members: members.map((m) => m.id),
      start,
      end: members[members.length - 1]!.date!,
      links: joined[c]!,
    });
  });
  events.sort((x, y) => x.start.localeCompare(y.start) || x.slug.localeCompare(y.slug));
  return {
    events,
    refused,
    excluded,
    lone_editor_events,
    stats: { articles: articles.length, compared_pairs: compared, links, grouped, alone: pool.length - grouped },
  };
}
