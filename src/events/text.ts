/**
 * Text as the event comparison sees it: plain text from a record's Markdown body, sentences, words,
 * content words (stop words out, a light suffix fold) and word shingles hashed to numbers.
 */

// Function words and reporting verbs: they say nothing about which event a text reports.
const STOP_WORDS = new Set(
  (
    "a about above after again against all also although am among an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each either even ever few for from further had has have having he her here hers herself him himself " +
    "his how however i if in into is it its itself just last least less let like made make many may me might more most much must my myself " +
    "neither new no nor not now of off on once one only or other our ours ourselves out over own per said same say says saying she should since " +
    "so some such than that the their theirs them themselves then there these they this those though through thus to told too two under until " +
    "up upon us very was we were what when where whether which while who whom whose why will with within without would yet you your yours " +
    "mr mrs ms dr according added"
  ).split(" "),
);

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Plain text of a Markdown body: headings become their text, emphasis and escapes go. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]+?)\1/g, "$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, "$1");
}

/** The sentences of a Markdown body, paragraph by paragraph, headings left out. */
export function sentences(markdown: string): string[] {
  const out: string[] = [];
  for (const block of markdown.split(/\n\s*\n/)) {
    const text = block.trim();
    if (!text || /^#{1,6}\s/.test(text)) continue;
    for (const { segment } of sentenceSegmenter.segment(plainText(text).replace(/\s+/g, " "))) {
      const s = segment.trim();
      if (s) out.push(s);
    }
  }
  return out;
}

/** Lower-case words with their character offsets; curly apostrophes folded. */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    out.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function words(text: string): string[] {
  return wordSpans(text).map((w) => w.word);
}

/** A word folded so that "talks"/"talk" and "Russia's"/"Russia" meet; null for a stop word or a lone letter. */
export function contentWord(word: string): string | null {
  let w = word.replace(/'s$/, "").replace(/'/g, "");
  if (w.length < 2 || STOP_WORDS.has(w)) return null;
  if (w.length > 4 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  return w;
}

export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const c = contentWord(w);
    if (c) out.push(c);
  }
  return out;
}

/** FNV-1a, 32 bits: a stable number for a string. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word n-grams as hashes, in text order (repeats kept). */
export function shingleHashes(tokens: readonly string[], n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(hash32(tokens.slice(i, i + n).join(" ")));
  return out;
}

export interface ContentSpan {
  word: string; // the folded content word
  start: number;
  end: number;
  capital: boolean; // written with a capital: part of a name or title
}

/** A text's content words with where each stands, for phrases that can be shown as written. */
export function contentSpans(text: string): ContentSpan[] {
  const out: ContentSpan[] = [];
  for (const s of wordSpans(text)) {
    const c = contentWord(s.word);
    if (c) out.push({ word: c, start: s.start, end: s.end, capital: /^\p{Lu}/u.test(text.slice(s.start, s.end)) });
  }
  return out;
}
