/** Small text predicates shared by the ingest rules. Pure. */

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Ends like a sentence: terminal punctuation, optionally inside a closing quote or bracket. */
export function endsLikeSentence(line: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(line.trim());
}

const STOP_WORDS = new Set(
  (
    "a an the and or but of in on at to for from by with as is are was were be been has have had " +
    "it its this that these those he she they we you i his her their our not no will would could should " +
    "said says after before over into about than then there which who whom what when where while also"
  ).split(" "),
);

/** Share of words that are function words: high in prose, low in menus, headlines lists and labels (jusText). */
export function stopWordDensity(text: string): number {
  const ws = words(text.toLowerCase().replace(/[^\p{L}\s']/gu, " "));
  if (ws.length === 0) return 0;
  return ws.filter((w) => STOP_WORDS.has(w)).length / ws.length;
}

/** A line shaped like a headline or crosshead: short, capitalised, not a sentence, not a quote. */
export function isTitleShaped(line: string, maxWords = 25): boolean {
  const t = line.trim();
  const n = words(t).length;
  if (n < 2 || n > maxWords) return false;
  if (!/^[\p{Lu}\d‘'"“]/u.test(t)) return false;
  if (/^["“]/.test(t) && /["”]$/.test(t)) return false;
  return !/[.:;,]$/.test(t);
}

/** Typographic and white-space normalisation that never changes the words. */
export function tidyLine(line: string): string {
  return line.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, " ").replace(/[ \t]+/g, " ").trim();
}
