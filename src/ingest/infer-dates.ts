/**
 * Dates from the archive: an article whose text gives no date (or no year) takes the date of the
 * dated articles that report the same events, marked inferred and low, with those articles named.
 */
import type { Draft } from "./normalise.ts";

export interface Neighbour {
  id: string; // the neighbour's slug
  date: string;
  shared: string[];
  score: number;
}

const MIN_SHARED_NAMES = 2;
const MIN_SCORE = 0.12;

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

/** The dated articles most like this one, best first. */
export function neighbours(target: Draft, dated: { id: string; draft: Draft }[]): Neighbour[] {
  const tNames = names(target);
  const tShingles = shingles(target.plain);
  const out: Neighbour[] = [];
  for (const { id, draft } of dated) {
    if (!draft.record.date || draft.record.date_basis === "inferred") continue;
    const dNames = names(draft);
    const shared = [...tNames].filter((n) => dNames.has(n)).sort();
    if (shared.length < MIN_SHARED_NAMES) continue;
    const score = 0.6 * jaccard(tNames, dNames) + 0.4 * Math.min(1, jaccard(tShingles, shingles(draft.plain)) * 10);
    if (score >= MIN_SCORE) out.push({ id, date: draft.record.date, shared, score });
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** The inferred date for an undated draft, or null when no neighbour is close enough. */
export function inferDate(target: Draft, dated: { id: string; draft: Draft }[]): { date: string; evidence: string } | null {
  const near = neighbours(target, dated).slice(0, 3);
  const best = near[0];
  if (!best) return null;
  let date = best.date;
  // A month and day the text states itself, placed in the neighbour's year.
  if (target.partialDate) date = `${best.date.slice(0, 4)}-${target.partialDate}`;
  const evidence =
    `reports the same events as ${near.map((n) => `${n.id} (${n.date})`).join(", ")}: ` +
    `shared names ${best.shared.slice(0, 6).join(", ")}` +
    (target.partialDate ? `; the text gives ${target.partialDate} without a year` : "");
  return { date, evidence };
}
