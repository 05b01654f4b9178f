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

// A sentence ends at . ! or ? (and any closing quote) before a space and a capital, a digit or an
// opening quote; not after a title or an initial ("Mr.", "Gen.", "U.S."), which end no sentence.
const SENTENCE_END = /([.!?]+["”’')\]]*)\s+(?=["“‘'([]?[\p{Lu}\d])/gu;
const NOT_AN_END = /(?:^|[\s(“"‘'])(?:\p{L}|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Capt|Sgt|Rev|St|Sen|Rep|Gov|Jr|Sr|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[\p{L}]\.[\p{L}])\.$/u;

function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[1]!.length;
    if (m[1] === "." && NOT_AN_END.test(text.slice(Math.max(from, m.index - 8), end))) continue;
    out.push(text.slice(from, end));
    from = m.index + m[0].length;
  }
  out.push(text.slice(from));
  return out;
}

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
    for (const segment of splitSentences(plainText(text).replace(/\s+/g, " "))) {
      const s = segment.trim();
      if (s) out.push(s);
    }
  }
  return out;
}

const LETTER = /\p{L}|\p{N}/u;

function isWordChar(code: number, ch: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER.test(ch);
}

/** A text's words, lower-cased (curly apostrophes folded), with where each starts and ends. */
export interface Tokens {
  words: string[];
  starts: number[];
  ends: number[];
}

/** Runs of letters and digits, with an apostrophe inside a word kept ("wasn't", "Russia's"). */
export function tokenize(text: string): Tokens {
  const out: Tokens = { words: [], starts: [], ends: [] };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i), text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordChar(c, text[i]!)) i++;
      else if ((c === 39 || c === 0x2019) && i + 1 < n && isWordChar(text.charCodeAt(i + 1), text[i + 1]!)) i += 2;
      else break;
    }
    let w = text.slice(start, i).toLowerCase();
    if (w.includes("’")) w = w.replaceAll("’", "'");
    out.words.push(w);
    out.starts.push(start);
    out.ends.push(i);
  }
  return out;
}

export function words(text: string): string[] {
  return tokenize(text).words;
}

/** A word folded so that "talks"/"talk" and "Russia's"/"Russia" meet; null for a stop word or a lone letter. */
export function contentWord(word: string): string | null {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.includes("'")) w = w.replaceAll("'", "");
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

/** Word trigrams as hashes, in text order (repeats kept): the words' hashes mixed in order. */
export function trigramHashes(words: readonly string[]): number[] {
  const wordHash = words.map(hash32);
  const out: number[] = [];
  for (let i = 0; i + 3 <= words.length; i++) {
    // Rotations keep "a b c" apart from "c b a".
    out.push(Math.imul(wordHash[i]! ^ rotl(wordHash[i + 1]!, 11) ^ rotl(wordHash[i + 2]!, 22), 0x9e3779b1) >>> 0);
  }
  return out;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** A text's content words, each with where it stands and whether it is written with a capital. */
export interface ContentTokens {
  words: string[]; // folded content words
  starts: number[];
  ends: number[];
  capital: boolean[]; // part of a name or title, or the first word of a sentence
}

export function contentTokens(text: string, all: Tokens = tokenize(text)): ContentTokens {
  const out: ContentTokens = { words: [], starts: [], ends: [], capital: [] };
  for (let i = 0; i < all.words.length; i++) {
    const c = contentWord(all.words[i]!);
    if (!c) continue;
    const first = text[all.starts[i]!]!;
    out.words.push(c);
    out.starts.push(all.starts[i]!);
    out.ends.push(all.ends[i]!);
    out.capital.push(first !== first.toLowerCase());
  }
  return out;
}
