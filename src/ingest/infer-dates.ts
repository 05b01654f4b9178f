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
 *               3-gram overlap x 10, at most 1). A name's weight is log((N+1)/(df+0.5)), df the
 *               articles naming it; names no other article has cannot be shared and are not counted
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
export const AGREE_DAYS = 7;
export const PARTIAL_WINDOW_DAYS = 31;
/** A stated date later than the inferred one by more than this many days vetoes the inference. */
export const VETO_DAYS = 1;

function shingles(text: string): Set<string> {
  const ws = text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter((w) => w.length > 2);
  const out = new Set<string>();
  for (let i = 0; i + 2 < ws.length; i++) out.add(`${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
  return out;
}

function names(d: Draft): Set<string> {
  return new Set([...d.record.people, ...d.record.places, ...d.record.organisations]);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** How many articles of the archive name each name. */
export function documentFrequency(all: Draft[]): { df: Map<string, number>; n: number } {
  const df = new Map<string, number>();
  for (const d of all) for (const name of names(d)) df.set(name, (df.get(name) ?? 0) + 1);
  return { df, n: all.length };
}

/** The dated articles most like this one, best first. */
export function neighbours(target: Draft, dated: { id: string; draft: Draft }[], freq = documentFrequency([target, ...dated.map((d) => d.draft)])): Neighbour[] {
  const weight = (name: string) => Math.log((freq.n + 1) / ((freq.df.get(name) ?? 0) + 0.5));
  const df = (name: string) => freq.df.get(name) ?? 0;
  const distinctive = (name: string) => df(name) <= DISTINCTIVE_SHARE * freq.n;
  const tNames = names(target);
  const people = new Set(target.record.people);
  const tWeight = [...tNames].filter((n) => df(n) > 1 && distinctive(n)).reduce((sum, n) => sum + weight(n), 0);
  const tShingles = shingles(target.plain);
  const out: Neighbour[] = [];
  for (const { id, draft } of dated) {
    if (!draft.record.date || draft.record.date_basis === "inferred") continue;
    const dNames = names(draft);
    const shared = [...tNames].filter((n) => dNames.has(n)).sort();
    const sharedRare = shared.filter(distinctive);
    if (sharedRare.length < MIN_SHARED_NAMES || tWeight === 0) continue;
    if (!sharedRare.some((n) => people.has(n))) continue;
    const nameScore = sharedRare.reduce((sum, n) => sum + weight(n), 0) / tWeight;
    const score = 0.6 * nameScore + 0.4 * Math.min(1, jaccard(tShingles, shingles(draft.plain)) * 10);
    if (score >= MIN_SCORE) {
      const byWeight = [...sharedRare].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b));
      out.push({ id, date: draft.record.date, shared: byWeight, score: Math.round(score * 100) / 100 });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
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
export function inferDate(target: Draft, dated: { id: string; draft: Draft }[], freq?: ReturnType<typeof documentFrequency>): Inference {
  const near = neighbours(target, dated, freq).slice(0, 3);
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
