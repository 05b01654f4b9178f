/**
 * One event, outlet by outlet: which quotes each report carried and which only one outlet did, which
 * sentences only one outlet's report has, whom each named, and who covered it (ownership, country).
 *
 * Reports are compared by outlet, not by article: two reports from one outlet do not make a quote
 * "shared". A report whose outlet is not known counts as an outlet of its own.
 */
import { contentWords, plainText, sentences } from "./text.ts";
import { quoteKey, quotesMatch } from "./quotes.ts";

export interface CoverageInput {
  id: string;
  source: string;
  body: string; // Markdown
  people: string[];
  quotes: { speaker: string | null; text: string }[];
  facts: { country?: string; ownership?: string } | null; // from the source registry
}

export interface QuoteCoverage {
  speaker: string | null;
  text: string;
  /** The other outlets that carried the same words (matched by overlap, see quotes.ts). */
  alsoIn: string[];
}

export interface ReportCoverage {
  id: string;
  outlet: string;
  quotes: QuoteCoverage[]; // in the report's order
  onlyHere: string[]; // sentences no other outlet's report carries
  sentences: number; // sentences compared (long enough to state something)
  people: string[];
}

/** A quote more than one outlet carried, as each worded it. */
export interface SharedQuote {
  outlets: string[];
  versions: { id: string; outlet: string; speaker: string | null; text: string }[];
}

export interface CountLine {
  label: string; // "state-funded", "United Kingdom"
  outlets: string[];
}

export interface CoverageSummary {
  reports: number;
  outlets: number;
  byOwnership: CountLine[];
  byCountry: CountLine[];
}

export interface PersonRow {
  name: string;
  namedBy: boolean[]; // one per report, in report order
  count: number;
}

export interface Coverage {
  reports: ReportCoverage[];
  sharedQuotes: SharedQuote[];
  people: PersonRow[];
  summary: CoverageSummary;
}

export const UNKNOWN_OUTLET = "Unknown";

// A sentence states something when it has at least this many content words ("He said so." does not).
const MIN_FACT_WORDS = 4;
// It is carried by another report when one sentence there shares at least 40% of the content words
// of the shorter of the two, and at least three: a fact retold keeps its names, numbers and key words
// while the wording around them changes, and one report's long sentence may hold another's short
// one; sharing fewer is sharing a subject ("Russia", "Ukraine", "talks"), not a fact.
const FACT_OVERLAP = 0.4;
const FACT_MIN_SHARED = 3;

/** Each report's outlet; reports of unknown source are told apart as "Unknown outlet 1", "2", in order. */
function outletsOf(reports: CoverageInput[]): string[] {
  let unknown = 0;
  return reports.map((r) => (r.source === UNKNOWN_OUTLET ? `${UNKNOWN_OUTLET} outlet ${++unknown}` : r.source));
}

function uniqueInOrder(xs: string[]): string[] {
  return [...new Set(xs)];
}

function countLines(reports: CoverageInput[], field: "country" | "ownership"): CountLine[] {
  const by = new Map<string, string[]>();
  const outlets = outletsOf(reports);
  for (const [i, r] of reports.entries()) {
    const label = r.facts?.[field] ?? "not known";
    const outlet = outlets[i]!;
    const list = by.get(label) ?? by.set(label, []).get(label)!;
    if (!list.includes(outlet)) list.push(outlet);
  }
  return [...by]
    .map(([label, outlets]) => ({ label, outlets: outlets.sort() }))
    .sort((a, b) => Number(a.label === "not known") - Number(b.label === "not known") || b.outlets.length - a.outlets.length || a.label.localeCompare(b.label));
}

/**
 * Quotes matched across outlets: first the records' quotes with one another, then each group of them
 * against the other outlets' texts, so that an outlet which ran the same words without its record
 * listing them as a quote (ingest finds only quotes in quotation marks) still counts as carrying it;
 * such a version is the sentence of its text that holds the words.
 */
function quoteCoverage(reports: CoverageInput[], split: string[][]): { perReport: QuoteCoverage[][]; shared: SharedQuote[] } {
  const keys = reports.map((r) => r.quotes.map((q) => quoteKey(q.text)));
  const outlets = outletsOf(reports);
  const flat: { r: number; q: number }[] = reports.flatMap((r, ri) => r.quotes.map((_, qi) => ({ r: ri, q: qi })));
  const parent = flat.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  // Two quotes can match only if they share a trigram: each quote meets only those after it that do.
  const byTrigram = new Map<number, number[]>();
  flat.forEach(({ r, q }, i) => {
    for (const h of keys[r]![q]!) (byTrigram.get(h) ?? byTrigram.set(h, []).get(h)!).push(i);
  });
  const seen = new Int32Array(flat.length).fill(-1);
  for (let i = 0; i < flat.length; i++) {
    const a = flat[i]!;
    for (const h of keys[a.r]![a.q]!) {
      for (const j of byTrigram.get(h)!) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        const b = flat[j]!;
        if (outlets[a.r] === outlets[b.r]) continue;
        if (quotesMatch(keys[a.r]![a.q]!, keys[b.r]![b.q]!)) parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, number[]>();
  flat.forEach((_, i) => {
    const root = find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(i);
  });

  const texts = reports.map((r, i) => ({ whole: quoteKey(plainText(r.body)), sentences: split[i]!, keys: null as Set<number>[] | null }));
  // Each sentence's trigrams, worked out once per report and only for reports that carry a quote unlisted.
  const sentenceKeys = (ri: number): Set<number>[] => (texts[ri]!.keys ??= texts[ri]!.sentences.map(quoteKey));
  const versionsOf = new Map<number, SharedQuote["versions"]>();
  for (const [root, members] of groups) {
    const versions: SharedQuote["versions"] = members.map((k) => {
      const { r, q } = flat[k]!;
      return { id: reports[r]!.id, outlet: outlets[r]!, speaker: reports[r]!.quotes[q]!.speaker, text: reports[r]!.quotes[q]!.text };
    });
    reports.forEach((report, ri) => {
      if (versions.some((v) => v.outlet === outlets[ri])) return;
      const hit = members.find((k) => quotesMatch(keys[flat[k]!.r]![flat[k]!.q]!, texts[ri]!.whole));
      if (hit === undefined) return;
      const key = keys[flat[hit]!.r]![flat[hit]!.q]!;
      const inSentences = sentenceKeys(ri);
      const sentences = texts[ri]!.sentences;
      const at = inSentences.findIndex((k) => quotesMatch(key, k));
      const sentence = at >= 0 ? sentences[at] : sentences.find((_, i) => overlap(key, inSentences[i]!) > 0);
      versions.push({ id: report.id, outlet: outlets[ri]!, speaker: null, text: sentence ?? versions[0]!.text });
    });
    versionsOf.set(root, versions);
  }

  const flatIndex = new Map(flat.map((f, i) => [`${f.r}:${f.q}`, i]));
  const perReport = reports.map((r, ri) =>
    r.quotes.map((q, qi) => {
      const i = flatIndex.get(`${ri}:${qi}`)!;
      const also = uniqueInOrder(versionsOf.get(find(i))!.map((v) => v.outlet)).filter((o) => o !== outlets[ri]);
      return { speaker: q.speaker, text: q.text, alsoIn: also };
    }),
  );
  const shared: SharedQuote[] = [];
  for (const versions of versionsOf.values()) {
    const groupOutlets = uniqueInOrder(versions.map((v) => v.outlet));
    if (groupOutlets.length >= 2) shared.push({ outlets: groupOutlets, versions });
  }
  return { perReport, shared };
}

function overlap(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const h of a) if (b.has(h)) n++;
  return n;
}

/**
 * Each report's sentences that no other outlet's report carries. All the event's sentences are
 * indexed by content word (as numbers), so that a sentence counts its shared words with every
 * sentence of the other outlets in one pass over the postings of its words. "Carried" is symmetric
 * (the threshold takes the shorter of the two), so a sentence found carrying one is carried too.
 */
function factCoverage(reports: CoverageInput[], sentencesOf: string[][]): { onlyHere: string[]; compared: number }[] {
  const outlets = outletsOf(reports);
  const outletIds = new Map<string, number>();
  const wordIds = new Map<string, number>();
  const texts: string[] = [];
  const owner: number[] = []; // report of each sentence
  const outletOf: number[] = [];
  const wordsOf: number[][] = [];
  sentencesOf.forEach((ss, ri) => {
    const outlet = outletIds.get(outlets[ri]!) ?? outletIds.set(outlets[ri]!, outletIds.size).get(outlets[ri]!)!;
    for (const text of ss) {
      const ws = new Set<number>();
      for (const w of contentWords(text)) ws.add(wordIds.get(w) ?? wordIds.set(w, wordIds.size).get(w)!);
      if (ws.size < MIN_FACT_WORDS) continue;
      texts.push(text);
      owner.push(ri);
      outletOf.push(outlet);
      wordsOf.push([...ws]);
    }
  });
  const n = texts.length;
  // Postings of each word, flat: the sentences of word w are at[start[w] .. start[w + 1]).
  const start = new Int32Array(wordIds.size + 1);
  for (const ws of wordsOf) for (const w of ws) start[w + 1]!++;
  for (let w = 0; w < wordIds.size; w++) start[w + 1]! += start[w]!;
  const at = new Int32Array(start[wordIds.size]!);
  const fill = start.slice(0, wordIds.size);
  wordsOf.forEach((ws, s) => {
    for (const w of ws) at[fill[w]!++] = s;
  });

  const carried = new Uint8Array(n);
  const counts = new Int32Array(n);
  const touched = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (carried[s]) continue;
    const ws = wordsOf[s]!;
    let reached = 0;
    for (const w of ws) {
      for (let k = start[w]!; k < start[w + 1]!; k++) {
        const t = at[k]!;
        if (outletOf[t] === outletOf[s]) continue;
        const c = counts[t]!;
        if (c === 0) touched[reached++] = t;
        counts[t] = c + 1;
      }
    }
    for (let k = 0; k < reached; k++) {
      const t = touched[k]!;
      if (counts[t]! >= Math.max(FACT_MIN_SHARED, Math.ceil(FACT_OVERLAP * Math.min(ws.length, wordsOf[t]!.length)))) {
        carried[s] = 1;
        carried[t] = 1;
      }
      counts[t] = 0;
    }
  }

  const out = reports.map(() => ({ onlyHere: [] as string[], compared: 0 }));
  for (let s = 0; s < n; s++) {
    const report = out[owner[s]!]!;
    report.compared++;
    if (!carried[s]) report.onlyHere.push(texts[s]!);
  }
  return out;
}

/** Compare the reports of one event, given in the order they are to be shown. */
export function compareCoverage(reports: CoverageInput[]): Coverage {
  const split = reports.map((r) => sentences(r.body));
  const quotes = quoteCoverage(reports, split);
  const facts = factCoverage(reports, split);
  const outlets = outletsOf(reports);
  const counts = new Map<string, number>();
  for (const r of reports) for (const p of new Set(r.people)) counts.set(p, (counts.get(p) ?? 0) + 1);
  const people = [...counts]
    .sort(([a, ca], [b, cb]) => cb - ca || a.localeCompare(b))
    .map(([name, count]) => ({ name, count, namedBy: reports.map((r) => r.people.includes(name)) }));
  return {
    reports: reports.map((r, i) => ({
      id: r.id,
      outlet: outlets[i]!,
      quotes: quotes.perReport[i]!,
      onlyHere: facts[i]!.onlyHere,
      sentences: facts[i]!.compared,
      people: [...r.people],
    })),
    sharedQuotes: quotes.shared,
    people,
    summary: {
      reports: reports.length,
      outlets: new Set(outlets).size,
      byOwnership: countLines(reports, "ownership"),
      byCountry: countLines(reports, "country"),
    },
  };
}
