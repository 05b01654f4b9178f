/**
 * Related articles: the others that share the most distinctive people, organisations, places and
 * words with an article. A shared term counts its kind's weight times its inverse document
 * frequency (ln(N / articles with the term)), so a name in every article counts for nothing and a
 * name in two counts most. Words come from the headline and lead, and only each article's most
 * distinctive ones count, so the work grows with the archive, not with its square.
 *
 * Terms are numbered as they are first met and every table is a typed array indexed by article or
 * term: at 100,000 articles the work holds a few numbers per article and term, not sets of strings.
 */

export interface RelatedInput {
  slug: string;
  /** The headline, then the body as plain text; or `words`, its distinct words worked out ahead (leadWords). */
  text?: string;
  words?: Iterable<string>;
  /** What the article's terms are kept by in a RelatedTerms kept across builds: an object that stands for its unchanged record. */
  key?: object;
  people: readonly string[];
  organisations: readonly string[];
  places: readonly string[];
}

export interface Related {
  slug: string;
  score: number;
  shared: string[]; // the names in common, most distinctive first
}

export interface RelatedOptions {
  /** How many related articles to keep per article (default 5). */
  limit?: number;
  /** How many distinctive words of each article take part (default 40). */
  wordsPerArticle?: number;
  /** How many shared names to show (default 4). */
  namesShown?: number;
  /** Words are read from the headline and the lead: this many characters of the text (default 1500). */
  leadChars?: number;
  /** Terms found in more articles than this are left out of the pairing (default 200). */
  maxPosting?: number;
}

/** Weights per kind of term: a shared person says more about a story than a shared place or word. */
export const RELATED_WEIGHTS = { person: 3, organisation: 2, place: 1, word: 0.5 } as const;

type NameKind = "person" | "organisation" | "place";

/** Common words of four letters or more that carry no topic; shorter words are not counted at all. */
const STOP_WORDS = new Set(
  ("that with have this from they were said will would their there about which been also what when more than into " +
    "other some could after over only such them then those these while where being says just like very most made " +
    "make does their your because before between under again against should since each even much many well back")
    .split(" "),
);

export function distinctWords(text: string): Set<string> {
  const words = new Set<string>();
  const letters = /\p{L}{4,}/gu;
  const lower = text.toLowerCase();
  for (let m = letters.exec(lower); m; m = letters.exec(lower)) if (!STOP_WORDS.has(m[0])) words.add(m[0]);
  return words;
}

/** The words of a text that take part: those of its headline and lead, its first `leadChars` characters. */
export function leadWords(text: string, leadChars = DEFAULT_LEAD_CHARS): Set<string> {
  return distinctWords(text.slice(0, leadChars));
}

const DEFAULT_LEAD_CHARS = 1500;

/** Strings numbered in the order they are first met. */
class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/**
 * The names and words of the articles, numbered as they are first met. One build's; or kept by a
 * long-running build (npm start) with each article's numbers by its `key`, so that an article
 * whose record is unchanged is not read again. The related articles do not depend on the numbers,
 * only on what they number (every order is by value), so a table that has met more terms gives the
 * same answer. One table, one `leadChars`.
 */
export class RelatedTerms {
  // Names are keyed by kind ("person:Kyiv" and "place:Kyiv" are two terms).
  readonly names = new Vocabulary();
  readonly nameKinds: NameKind[] = [];
  readonly nameLabels: string[] = [];
  readonly words = new Vocabulary();
  private readonly known = new WeakMap<object, { names: Int32Array; words: Int32Array }>();
  /** The last run over this table (relatedArticles), for the next to work out only what an edit changes. */
  last: RelatedRun | undefined;

  /** An article's names (each once, people, organisations, places) and words, as numbers. */
  idsOf(item: RelatedInput, leadChars: number): { names: Int32Array; words: Int32Array } {
    const remembered = item.key && this.known.get(item.key);
    if (remembered) return remembered;
    const ids: number[] = [];
    const add = (kind: NameKind, list: readonly string[]) => {
      for (const label of list) {
        const before = this.names.values.length;
        const id = this.names.id(`${kind}:${label}`);
        if (id === before) {
          this.nameKinds.push(kind);
          this.nameLabels.push(label);
        }
        if (!ids.includes(id)) ids.push(id);
      }
    };
    add("person", item.people);
    add("organisation", item.organisations);
    add("place", item.places);
    const found = { names: Int32Array.from(ids), words: Int32Array.from(item.words ?? leadWords(item.text ?? "", leadChars), (w) => this.words.id(w)) };
    if (item.key) this.known.set(item.key, found);
    return found;
  }
}

/** Each term's place in the order of `compare` over the values (equal values, equal rank). */
function ranks(values: readonly string[], compare: (a: string, b: string) => number): Int32Array {
  const order = values.map((_, i) => i).sort((a, b) => compare(values[a]!, values[b]!));
  const rank = new Int32Array(values.length);
  order.forEach((id, k) => {
    rank[id] = k > 0 && compare(values[order[k - 1]!]!, values[id]!) === 0 ? rank[order[k - 1]!]! : k;
  });
  return rank;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Article document frequencies of a list of id arrays. */
function documentFrequencies(lists: readonly Int32Array[], terms: number): Int32Array {
  const df = new Int32Array(terms);
  for (const list of lists) for (const t of list) df[t]!++;
  return df;
}

/** Articles by term, in article order: postings of term t are at[start[t] .. start[t + 1]). */
interface Postings {
  start: Int32Array;
  at: Int32Array;
}

function postingsOf(termsByArticle: readonly Int32Array[], terms: number): Postings {
  const start = new Int32Array(terms + 1);
  for (const list of termsByArticle) for (const t of list) start[t + 1]!++;
  for (let t = 0; t < terms; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, terms);
  const at = new Int32Array(start[terms]!);
  termsByArticle.forEach((list, i) => {
    for (const t of list) at[fill[t]!++] = i;
  });
  return { start, at };
}

/** One run of relatedArticles, kept in its RelatedTerms for the next: what an edit needs to work out only the rows it changes. */
interface RelatedRun {
  settings: string;
  keys: (object | undefined)[];
  slugs: string[];
  ids: { names: Int32Array; words: Int32Array }[];
  nameDf: Int32Array;
  wordDf: Int32Array;
  offset: number; // the names' count, after which words are numbered in termsByArticle
  termsByArticle: Int32Array[];
  postings: Postings;
  slugRank: Int32Array;
  rows: Related[][];
}

/** The most changed articles an edit may bring for its rows to be worked out again rather than all of them. */
const MAX_CHANGED = 50;

/** The positions of the articles whose records changed since `last`, or null when the run must start over: other settings, or other articles or another order. */
function changedSince(last: RelatedRun, items: readonly RelatedInput[], settings: string): number[] | null {
  if (last.settings !== settings || last.slugs.length !== items.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.slug !== last.slugs[i]) return null;
    if (item.key === undefined || item.key !== last.keys[i]) {
      changed.push(i);
      if (changed.length > MAX_CHANGED) return null;
    }
  }
  return changed;
}

/** A table of frequencies with room for terms met since. */
function grown(df: Int32Array, terms: number): Int32Array {
  const out = new Int32Array(terms);
  out.set(df.subarray(0, Math.min(df.length, terms)));
  return out;
}

/** The terms whose frequency the changed articles moved. */
function movedTerms(last: RelatedRun, changed: number[], ids: RelatedRun["ids"], nameDf: Int32Array, wordDf: Int32Array): { names: Set<number>; words: Set<number> } {
  const names = new Set<number>();
  const words = new Set<number>();
  for (const i of changed) {
    for (const list of [last.ids[i]!.names, ids[i]!.names]) for (const t of list) if (nameDf[t] !== (last.nameDf[t] ?? 0)) names.add(t);
    for (const list of [last.ids[i]!.words, ids[i]!.words]) for (const t of list) if (wordDf[t] !== (last.wordDf[t] ?? 0)) words.add(t);
  }
  return { names, words };
}

/**
 * The rows an edit can change. A row is the scores of one article with the others, each the sum of
 * the weights of the terms the two share: it changes when the article's terms change (`retermed`:
 * its own, or the weight of one), and when it shares with another article a term that one gained or
 * lost. A term whose weight changed is had by retermed articles only. Every other pair's score is
 * the same sum as before, and its row too.
 */
function rowsToRedo(last: RelatedRun, termsByArticle: Int32Array[], retermed: Uint8Array, shift: number): Uint8Array {
  const redo = retermed.slice();
  const { start, at } = last.postings;
  const known = start.length - 1;
  const mark = (t: number) => {
    if (t < 0 || t >= known) return; // a term no article took part with
    for (let k = start[t]!, end = start[t + 1]!; k < end; k++) redo[at[k]!] = 1;
  };
  const before = (t: number) => (t >= last.offset + shift ? t - shift : t < last.offset ? t : -1); // as the last run numbered it
  retermed.forEach((r, i) => {
    if (!r) return;
    const now = termsByArticle[i]!;
    const was = last.termsByArticle[i]!;
    const wasNow = new Set(Array.from(now, before));
    for (const t of was) if (!wasNow.has(t)) mark(t);
    const had = new Set(was);
    for (const t of now) if (!had.has(before(t))) mark(before(t));
  });
  return redo;
}

export function relatedArticles(items: readonly RelatedInput[], options: RelatedOptions = {}, terms = new RelatedTerms()): Map<string, Related[]> {
  const { limit = 5, wordsPerArticle = 40, namesShown = 4, leadChars = DEFAULT_LEAD_CHARS } = options;
  const n = items.length;
  // A term in more articles than this says little about any pair of them and costs the square of its
  // count: it is left out (its weight, ln(N / count), is small by then anyway).
  const maxPostings = Math.max(50, Math.ceil(2 * Math.sqrt(n)));
  const settings = JSON.stringify([limit, wordsPerArticle, namesShown, leadChars]);

  const { names, nameKinds, nameLabels, words } = terms;
  const ids = items.map((item) => terms.idsOf(item, leadChars));
  const namesOf = ids.map((t) => t.names);
  const wordsOf = ids.map((t) => t.words);
  const last = terms.last;
  terms.last = undefined;
  const changed = last ? changedSince(last, items, settings) : null;

  let nameDf: Int32Array;
  let wordDf: Int32Array;
  if (changed) {
    // The last run's frequencies, less the changed articles' old terms, plus their new ones.
    nameDf = grown(last!.nameDf, names.values.length);
    wordDf = grown(last!.wordDf, words.values.length);
    for (const i of changed) {
      for (const t of last!.ids[i]!.names) nameDf[t]!--;
      for (const t of last!.ids[i]!.words) wordDf[t]!--;
      for (const t of namesOf[i]!) nameDf[t]!++;
      for (const t of wordsOf[i]!) wordDf[t]!++;
    }
  } else {
    nameDf = documentFrequencies(namesOf, names.values.length);
    wordDf = documentFrequencies(wordsOf, words.values.length);
  }
  const idf = (df: number) => Math.log(n / df);
  const nameWeight = Float64Array.from(nameKinds, (kind, id) => RELATED_WEIGHTS[kind] * idf(nameDf[id]!));
  const wordWeight = Float64Array.from(wordDf, (df) => RELATED_WEIGHTS.word * idf(df));
  const useful = (df: number, weight: number) => df > 1 && df <= maxPostings && weight > 0;
  const offset = names.values.length;

  // Each article's terms: its names, and its most distinctive words that another article shares (the
  // rarest first; among equally rare, in the order of the words). Words are numbered after names;
  // the order of words is by rank here (one sort of every word), by the words themselves for a few.
  let wordOrder: (a: number, b: number) => number;
  if (changed) wordOrder = (a, b) => byCodeUnits(words.values[a]!, words.values[b]!);
  else {
    const wordRank = ranks(words.values, byCodeUnits);
    wordOrder = (a, b) => wordRank[a]! - wordRank[b]!;
  }
  const termsOf = (i: number) => {
    const nameIds = [...namesOf[i]!].filter((t) => useful(nameDf[t]!, nameWeight[t]!));
    const wordIds = [...wordsOf[i]!]
      .filter((w) => useful(wordDf[w]!, wordWeight[w]!))
      .sort((a, b) => wordDf[a]! - wordDf[b]! || wordOrder(a, b))
      .slice(0, wordsPerArticle);
    return Int32Array.from([...nameIds, ...wordIds.map((w) => offset + w)]);
  };

  // The rows to work out: all, or those an edit can change (see rowsToRedo).
  let termsByArticle: Int32Array[];
  let redo: Uint8Array | null = null;
  let renamed: Uint8Array | null = null;
  if (changed) {
    // An article's terms change with its own, and with the frequency of a term it has that takes
    // part, or took part, in the pairing (its weight, or whether it is useful, changed).
    const moved = movedTerms(last!, changed, ids, nameDf, wordDf);
    const usedBefore = (df: number) => useful(df, idf(df)); // a weight is above 0 exactly when its idf is, whatever its kind
    const shift = offset - last!.offset; // new names number the words from further on
    termsByArticle = shift ? last!.termsByArticle.map((list) => list.map((t) => (t >= last!.offset ? t + shift : t))) : last!.termsByArticle.slice();
    const retermed = new Uint8Array(n);
    for (const i of changed) retermed[i] = 1;
    ids.forEach((t, i) => {
      if (retermed[i]) return;
      for (const id of t.names) if (moved.names.has(id) && (useful(nameDf[id]!, nameWeight[id]!) || usedBefore(last!.nameDf[id] ?? 0))) return void (retermed[i] = 1);
      for (const id of t.words) if (moved.words.has(id) && (useful(wordDf[id]!, wordWeight[id]!) || usedBefore(last!.wordDf[id] ?? 0))) return void (retermed[i] = 1);
    });
    retermed.forEach((r, i) => {
      if (r) termsByArticle[i] = termsOf(i);
    });
    redo = rowsToRedo(last!, termsByArticle, retermed, shift);
    // A row kept shows its shared names again when one of them is now rarer or commoner.
    renamed = new Uint8Array(n);
    ids.forEach((t, i) => {
      for (const id of t.names) if (moved.names.has(id)) return void (renamed![i] = 1);
    });
  } else termsByArticle = items.map((_, i) => termsOf(i));
  const weight = new Float64Array(offset + words.values.length);
  weight.set(nameWeight);
  weight.set(wordWeight, offset);
  const postings = postingsOf(termsByArticle, weight.length);

  const slugs = items.map((item) => item.slug);
  const slugRank = changed ? last!.slugRank : ranks(slugs, new Intl.Collator().compare); // String.prototype.localeCompare's order
  const nameOrder: (a: number, b: number) => number = changed
    ? (a, b) => byCodeUnits(names.values[a]!, names.values[b]!)
    : ((rank) => (a: number, b: number) => rank[a]! - rank[b]!)(ranks(names.values, byCodeUnits));
  const shared = (i: number, j: number) => sharedNames(namesOf[i]!, namesOf[j]!, nameWeight, nameOrder, namesShown).map((id) => nameLabels[id]!);
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const best = new TopK(limit, scores, slugRank);
  const rows: Related[][] = new Array<Related[]>(n);
  let indexOf: Map<string, number> | undefined;
  for (let i = 0; i < n; i++) {
    if (redo && !redo[i]) {
      const kept = last!.rows[i]!;
      if (!renamed![i]) rows[i] = kept;
      else {
        indexOf ??= new Map(slugs.map((slug, k) => [slug, k]));
        rows[i] = kept.map((r) => ({ ...r, shared: shared(i, indexOf!.get(r.slug)!) }));
      }
      continue;
    }
    let touchedCount = 0;
    for (const t of termsByArticle[i]!) {
      const w = weight[t]!;
      for (let k = postings.start[t]!, end = postings.start[t + 1]!; k < end; k++) {
        const j = postings.at[k]!;
        if (j === i) continue;
        if (scores[j] === 0) touched[touchedCount++] = j;
        scores[j]! += w;
      }
    }
    best.clear();
    for (let k = 0; k < touchedCount; k++) best.offer(touched[k]!);
    const ranked = best.list().map((j) => ({ j, score: scores[j]! }));
    for (let k = 0; k < touchedCount; k++) scores[touched[k]!] = 0;
    rows[i] = ranked.map(({ j, score }) => ({ slug: slugs[j]!, score, shared: shared(i, j) }));
  }
  terms.last = { settings, keys: items.map((item) => item.key), slugs, ids, nameDf, wordDf, offset, termsByArticle, postings, slugRank, rows };
  const result = new Map<string, Related[]>();
  rows.forEach((row, i) => result.set(slugs[i]!, row));
  return result;
}

/**
 * The best `size` articles offered, by score, then slug: the same as sorting every offered article
 * (stably, in the order offered) and keeping the first `size`, without the sort.
 */
class TopK {
  private readonly items: number[] = [];

  constructor(
    private readonly size: number,
    private readonly scores: Float64Array,
    private readonly slugRank: Int32Array,
  ) {}

  clear(): void {
    this.items.length = 0;
  }

  private before(a: number, b: number): boolean {
    const d = this.scores[a]! - this.scores[b]!;
    return d > 0 || (d === 0 && this.slugRank[a]! < this.slugRank[b]!);
  }

  offer(j: number): void {
    const { items, size } = this;
    if (size <= 0) return;
    if (items.length === size && !this.before(j, items[size - 1]!)) return;
    let k = items.length === size ? size - 1 : items.length;
    while (k > 0 && this.before(j, items[k - 1]!)) {
      items[k] = items[k - 1]!;
      k--;
    }
    items[k] = j;
  }

  list(): number[] {
    return [...this.items];
  }
}

/** The names two articles share, the most distinctive first. */
function sharedNames(a: Int32Array, b: Int32Array, weight: Float64Array, order: (x: number, y: number) => number, max: number): number[] {
  return [...a]
    .filter((id) => b.includes(id))
    .sort((x, y) => weight[y]! - weight[x]! || order(x, y))
    .slice(0, max);
}
