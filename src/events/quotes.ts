/**
 * Matching quotes across reports: the same words, carried whole or in part. Two quotes match when
 * at least half of the shorter one's word trigrams (at least 3 of them, or all of a shorter quote's)
 * appear in the other: a quote cut short or framed differently still meets its fuller version, while
 * two quotes that only share a stock phrase ("the path of diplomacy") do not.
 */
import { hash32, trigramHashes, words } from "./text.ts";

export const QUOTE_OVERLAP = 0.5;
export const QUOTE_MIN_SHARED = 3;

/** The trigrams of a quote's words (every word kept: in a quote, "no" and "not" matter). */
export function quoteKey(text: string): Set<number> {
  const ws = words(text);
  if (ws.length < 3) return new Set(ws.length ? [hash32(ws.join(" "))] : []);
  return new Set(trigramHashes(ws));
}

export function quotesMatch(a: Set<number>, b: Set<number>): boolean {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  if (small.size === 0) return false;
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared >= Math.min(QUOTE_MIN_SHARED, small.size) && shared / small.size >= QUOTE_OVERLAP;
}

/**
 * A quote's key as its distinct trigrams in ascending order: what the grouping holds for each of
 * the ten or so quotes of every report, a tenth of a Set's memory (about 400 MB at 100,000 reports).
 */
export function sortedQuoteKey(text: string): Uint32Array {
  return Uint32Array.from(quoteKey(text)).sort();
}

/** quotesMatch over two sorted keys, by one merge. */
export function sortedQuotesMatch(a: Uint32Array, b: Uint32Array): boolean {
  const smaller = Math.min(a.length, b.length);
  if (smaller === 0) return false;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared >= Math.min(QUOTE_MIN_SHARED, smaller) && shared / smaller >= QUOTE_OVERLAP;
}
