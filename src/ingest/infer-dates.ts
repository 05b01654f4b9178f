/**
 * Dates from the archive: an article whose text gives no date (or no year) takes the date of the
 * dated articles that report the same events, marked inferred and low, with those articles named.
 *
 * Rules (thresholds below):
 *   neighbour   a dated article (its own date stated, not inferred) that shares at least
 *               MIN_SHARED_NAMES distinctive names, one of them a person (the same events have the
 *               same actors; "United Kingdom" and "Kremlin" alone are not an event) (named by at most DISTINCTIVE_SHARE of the
 *               archive's N articles, so not "Russia" in a Russia archive), and scores at least
 *               MIN_SCORE: 0.6 x the share of this article's name weight it shares + 0.4 x (word
 *               3-gram overlap of headline, standfirst and body x 10, at most 1). A name's weight
 *               is log((N+1)/(df+0.5)), df the articles naming it; names no other article has
 *               cannot be shared and are not counted
 *   compared    the 3-grams of at most MAX_COMPARED dated articles, those with the best name
 *               scores (all tied with the last of them included): in an archive of 100,000 the
 *               articles sharing two names and a person with one are tens of thousands
 *   agreement   at least MIN_NEIGHBOURS neighbours (two reports that corroborate each other), and
 *               the (up to) three best lie within AGREE_DAYS of each other; when they do not, the
 *               archive does not tell the date and none is inferred
 *   date        the middle of the agreeing neighbours' dates (the later of two)
 *   partial     a month and day the text states without a year ("Feb 5 (Reuters)") is placed in
 *               the year that puts it nearest the neighbours, and only within PARTIAL_WINDOW_DAYS
 *   veto        no inferred date more than VETO_DAYS before a full date the text itself states,
 *               captions included (a text that names February 3, 2026 was not written in 2022)
 */
import { differenceInCalendarDays, parseISO } from "date-fns";
import type { Draft } from "./normalise.ts";

export interface Neighbour {
  id: string; // the neighbour's slug
  date: string;
  shared: string[];
  score: number;
}

export const MIN_SHARED_NAMES = 2;
export const DISTINCTIVE_SHARE = 0.7;
export const MIN_NEIGHBOURS = 2;
export const MIN_SCORE = 0.3;
/** Dated articles compared word by word with one undated article, at most: those that share the most of its names. */
export const MAX_COMPARED = 1000;
export const AGREE_DAYS = 7;
export const PARTIAL_WINDOW_DAYS = 31;
/** A stated date later than the inferred one by more than this many days vetoes the inference. */
export const VETO_DAYS = 1;

/**
 * A text's word 3-grams (of words over two letters), as sorted hashes: an article is compared with
 * many, and a sorted array costs a tenth of a set of strings and is compared in one merge. Each
 * word is hashed twice (FNV-1a and djb2, 32 bits each) and a 3-gram's two hashes combine its
 * words', 53 bits in all: two different 3-grams share one about once in 10^15 pairs.
 */
export function shingles(text: string): Float64Array {
  const ws = text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter((w) => w.length > 2);
  if (ws.length < 3) return new Float64Array(0);
  const ha = new Int32Array(ws.length);
  const hb = new Int32Array(ws.length);
  ws.forEach((w, k) => {
    let a = 0x811c9dc5;
    let b = 5381;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = (Math.imul(b, 33) + c) | 0;
    }
    ha[k] = a;
    hb[k] = b;
  });
  const out = new Float64Array(ws.length - 2);
  for (let k = 0; k + 2 < ws.length; k++) {
    const a = Math.imul(Math.imul(ha[k]! ^ 0x9e3779b9, 0x01000193) ^ ha[k + 1]!, 0x01000193) ^ ha[k + 2]!;
    const b = Math.imul(Math.imul(hb[k]!, 31) + hb[k + 1]!, 31) + hb[k + 2]!;
    out[k] = (Math.imul(a, 0x85ebca6b) >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
  }
  out.sort();
  let n = 0;
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[n - 1]) out[n++] = out[k]!;
  return out.subarray(0, n);
}

/**
 * The text an article is compared by: its headline, standfirst and body as the record holds them.
 * Made when it is compared, not kept with every draft: a large archive would hold its text twice.
 * Markdown's escapes are not words, so its words are those of the text itself.
 */
export function comparedText(d: Pick<Draft, "record" | "body">): string {
  return [d.record.title, d.record.standfirst ?? "", d.body].join("\n\n");
}

function names(d: Draft): Set<string> {
  return new Set([...d.record.people, ...d.record.places, ...d.record.organisations]);
}

/** The Jaccard similarity of two sorted sets of hashes. */
function jaccard(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** How many articles of the archive name each name. */
export function documentFrequency(all: Draft[]): { df: Map<string, number>; n: number } {
  const df = new Map<string, number>();
  for (const d of all) for (const name of names(d)) df.set(name, (df.get(name) ?? 0) + 1);
  return { df, n: all.length };
}

const percent = (x: number) => Math.round(x * 100);

/**
 * The dated articles (their own date stated, not inferred), indexed by the names they carry, so
 * that an undated article is scored only against those sharing its distinctive names, and its
 * best neighbours are found without scoring every one: the name score is known for all of them
 * from the index, and it bounds the whole score (the 3-gram part adds at most 0.4), so articles
 * are scored in the order of their name score until no later one can reach the best found, and
 * no further than the MAX_COMPARED best by name.
 */
export class DatedArticles {
  private readonly entries: { id: string; draft: Draft; names: Set<string> }[];
  private readonly postings = new Map<string, number[]>();
  private readonly shingleCache: (Float64Array | undefined)[];
  private readonly count: Uint16Array;
  private readonly weightSum: Float64Array;
  private readonly hasPerson: Uint8Array;
  private readonly seenBy: Int32Array;
  /** Each entry's place among the ids in the order that breaks ties of score. */
  private readonly idRank: Uint32Array;
  private targets = 0;

  constructor(
    dated: { id: string; draft: Draft }[],
    private readonly freq: { df: Map<string, number>; n: number },
    private readonly maxCompared = MAX_COMPARED,
  ) {
    this.entries = dated.filter(({ draft }) => draft.record.date && draft.record.date_basis !== "inferred").map((d) => ({ ...d, names: names(d.draft) }));
    this.entries.forEach((e, i) => {
      for (const name of e.names) {
        const list = this.postings.get(name);
        if (list) list.push(i);
        else this.postings.set(name, [i]);
      }
    });
    const n = this.entries.length;
    this.shingleCache = new Array<Float64Array | undefined>(n);
    this.count = new Uint16Array(n);
    this.weightSum = new Float64Array(n);
    this.hasPerson = new Uint8Array(n);
    this.seenBy = new Int32Array(n).fill(-1);
    this.idRank = new Uint32Array(n);
    [...this.entries.keys()].sort((a, b) => this.entries[a]!.id.localeCompare(this.entries[b]!.id)).forEach((i, rank) => (this.idRank[i] = rank));
  }

  private shinglesOf(i: number): Float64Array {
    return (this.shingleCache[i] ??= shingles(comparedText(this.entries[i]!.draft)));
  }

  /**
   * The `k` dated articles most like `target`, best first (rules at the top of this file): the
   * same as scoring the `maxCompared` best by name (ties included) and keeping the first `k`.
   */
  best(target: Draft, k = 3): Neighbour[] {
    const { df: dfs, n } = this.freq;
    const df = (name: string) => dfs.get(name) ?? 0;
    const weight = (name: string) => Math.log((n + 1) / (df(name) + 0.5));
    const distinctive = (name: string) => df(name) <= DISTINCTIVE_SHARE * n;
    const tNames = names(target);
    const people = new Set(target.record.people);
    const tWeight = [...tNames].filter((name) => df(name) > 1 && distinctive(name)).reduce((sum, name) => sum + weight(name), 0);
    if (tWeight === 0) return [];

    // The shared distinctive names of every dated article, their weights summed in the order a
    // comparison of the two articles sums them (names sorted), so that the scores are the same.
    const stamp = this.targets++;
    const touched: number[] = [];
    for (const name of [...tNames].sort()) {
      if (!distinctive(name)) continue;
      const w = weight(name);
      const person = people.has(name);
      for (const i of this.postings.get(name) ?? []) {
        if (this.seenBy[i] !== stamp) {
          this.seenBy[i] = stamp;
          this.count[i] = 0;
          this.weightSum[i] = 0;
          this.hasPerson[i] = 0;
          touched.push(i);
        }
        this.count[i]!++;
        this.weightSum[i] = this.weightSum[i]! + w;
        if (person) this.hasPerson[i] = 1;
      }
    }
    const candidates = touched.filter((i) => this.count[i]! >= MIN_SHARED_NAMES && this.hasPerson[i] === 1);
    const nameScore = (i: number) => this.weightSum[i]! / tWeight;
    const bound = (i: number) => 0.6 * nameScore(i) + 0.4;

    // The k-th best name score bounds the k-th best score from below: an article whose bound,
    // rounded as scores are, falls short of it cannot be among the first k.
    const floors: number[] = [];
    for (const i of candidates) {
      const low = 0.6 * nameScore(i);
      if (floors.length < k || low > floors[k - 1]!) {
        floors.splice(k - 1, 1, low);
        floors.sort((a, b) => b - a);
      }
    }
    const floor = floors.length === k ? floors[k - 1]! : -Infinity;
    let pool = candidates.filter((i) => bound(i) >= MIN_SCORE && percent(bound(i)) >= percent(floor));
    if (pool.length > this.maxCompared) {
      const sums = Float64Array.from(pool, (i) => this.weightSum[i]!).sort();
      const least = sums[pool.length - this.maxCompared]!;
      pool = pool.filter((i) => this.weightSum[i]! >= least);
    }
    // Best name score first, and among equal ones in the order of their ids, which breaks ties of score.
    const order = pool.sort((a, b) => this.weightSum[b]! - this.weightSum[a]! || this.idRank[a]! - this.idRank[b]!);

    const tShingles = shingles(comparedText(target));
    const found: (Neighbour & { at: number })[] = []; // the best k so far, best first
    const before = (a: Neighbour & { at: number }, b: Neighbour & { at: number }) => b.score - a.score || this.idRank[a.at]! - this.idRank[b.at]!;
    for (const i of order) {
      const last = found[k - 1];
      if (last && percent(bound(i)) < percent(last.score)) break; // nor can any after it
      if (last && percent(bound(i)) === percent(last.score) && this.idRank[i]! > this.idRank[last.at]!) continue; // at best a tie, lost on its id
      const score = 0.6 * nameScore(i) + 0.4 * Math.min(1, jaccard(tShingles, this.shinglesOf(i)) * 10);
      if (score < MIN_SCORE) continue;
      const { id, draft } = this.entries[i]!;
      const nb = { id, date: draft.record.date!, shared: [], score: percent(score) / 100, at: i };
      if (last && before(last, nb) < 0) continue;
      found.splice(k - 1, found.length >= k ? 1 : 0, nb);
      found.sort(before);
    }
    return found.map(({ at, ...nb }) => {
      const shared = [...tNames].filter((name) => this.entries[at]!.names.has(name) && distinctive(name));
      return { ...nb, shared: shared.sort((a, b) => weight(b) - weight(a) || a.localeCompare(b)) };
    });
  }
}

export type Inference = { ok: true; date: string; evidence: string } | { ok: false; reason: string };

function days(a: string, b: string): number {
  return differenceInCalendarDays(parseISO(a), parseISO(b));
}

/** A month-day placed in the year that puts it nearest `near`. */
function placePartial(monthDay: string, near: string): string {
  const year = Number(near.slice(0, 4));
  const options = [year - 1, year, year + 1].map((y) => `${y}-${monthDay}`).filter((d) => !Number.isNaN(parseISO(d).getTime()));
  return options.sort((a, b) => Math.abs(days(a, near)) - Math.abs(days(b, near)))[0]!;
}

/** The inferred date for an undated draft, or why there is none. */
export function inferDate(target: Draft, dated: DatedArticles): Inference {
  const near = dated.best(target, 3);
  const best = near[0];
  if (!best) return { ok: false, reason: "no dated article in the archive reports the same events" };
  if (near.length < MIN_NEIGHBOURS) {
    return { ok: false, reason: `only one dated article reports the same events (${best.id}, ${best.date}); ${MIN_NEIGHBOURS} are needed` };
  }
  const spread = near.map((n) => n.date).sort();
  if (days(spread.at(-1)!, spread[0]!) > AGREE_DAYS) {
    return { ok: false, reason: `the most similar articles disagree on the date (${near.map((n) => `${n.id} ${n.date}`).join(", ")})` };
  }
  // The middle of the neighbours' dates (the later of two): a report is not older than the events it shares.
  let date = spread[Math.floor(spread.length / 2)]!;
  if (target.partialDate) {
    const around = date;
    date = placePartial(target.partialDate, around);
    if (Math.abs(days(date, around)) > PARTIAL_WINDOW_DAYS) {
      return { ok: false, reason: `the text's ${target.partialDate} is more than ${PARTIAL_WINDOW_DAYS} days from its neighbours' dates (${around})` };
    }
  }
  const later = target.statedDates.filter((d) => days(d, date) > VETO_DAYS).sort().at(-1);
  if (later) return { ok: false, reason: `the text states ${later}, long after the neighbours' date ${date}` };
  const evidence =
    `inferred from ${near.length} dated articles on the same events: ` +
    near.map((n) => `${n.id} (${n.date}; shares ${n.shared.slice(0, 4).join(", ")})`).join(", ") +
    (target.partialDate ? `; the text gives ${target.partialDate} without a year` : "");
  return { ok: true, date, evidence };
}
