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

export function relatedArticles(items: readonly RelatedInput[], options: RelatedOptions = {}, terms = new RelatedTerms()): Map<string, Related[]> {
  const { limit = 5, wordsPerArticle = 40, namesShown = 4, leadChars = DEFAULT_LEAD_CHARS } = options;
  const n = items.length;
  // A term in more articles than this says little about any pair of them and costs the square of its
  // count: it is left out (its weight, ln(N / count), is small by then anyway).
  const maxPostings = Math.max(50, Math.ceil(2 * Math.sqrt(n)));

  const { names, nameKinds, nameLabels, words } = terms;
  const ids = items.map((item) => terms.idsOf(item, leadChars));
  const namesOf = ids.map((t) => t.names);
  const wordsOf = ids.map((t) => t.words);

  const nameDf = documentFrequencies(namesOf, names.values.length);
  const wordDf = documentFrequencies(wordsOf, words.values.length);
  const idf = (df: number) => Math.log(n / df);
  const nameWeight = Float64Array.from(nameKinds, (kind, id) => RELATED_WEIGHTS[kind] * idf(nameDf[id]!));
  const wordWeight = Float64Array.from(wordDf, (df) => RELATED_WEIGHTS.word * idf(df));
  const useful = (df: number, weight: number) => df > 1 && df <= maxPostings && weight > 0;

  // Each article's terms: its names, and its most distinctive words that another article shares (the
  // rarest first; among equally rare, in the order of the words). Words are numbered after names.
  const wordRank = ranks(words.values, byCodeUnits);
  const offset = names.values.length;
  const termsByArticle = items.map((_, i) => {
    const nameIds = [...namesOf[i]!].filter((t) => useful(nameDf[t]!, nameWeight[t]!));
    const wordIds = [...wordsOf[i]!]
      .filter((w) => useful(wordDf[w]!, wordWeight[w]!))
      .sort((a, b) => wordDf[a]! - wordDf[b]! || wordRank[a]! - wordRank[b]!)
      .slice(0, wordsPerArticle);
    return Int32Array.from([...nameIds, ...wordIds.map((w) => offset + w)]);
  });
  wordsOf.length = 0;
  const weight = new Float64Array(offset + words.values.length);
  weight.set(nameWeight);
  weight.set(wordWeight, offset);
  const postings = postingsOf(termsByArticle, weight.length);

  const slugRank = ranks(
    items.map((item) => item.slug),
    new Intl.Collator().compare, // String.prototype.localeCompare's order
  );
  const nameKeyRank = ranks(names.values, byCodeUnits);
  const result = new Map<string, Related[]>();
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  const best = new TopK(limit, scores, slugRank);
  items.forEach((item, i) => {
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
    result.set(
      item.slug,
      ranked.map(({ j, score }) => ({
        slug: items[j]!.slug,
        score,
        shared: sharedNames(namesOf[i]!, namesOf[j]!, nameWeight, nameKeyRank, namesShown).map((id) => nameLabels[id]!),
      })),
    );
  });
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
function sharedNames(a: Int32Array, b: Int32Array, weight: Float64Array, keyRank: Int32Array, max: number): number[] {
  return [...a]
    .filter((id) => b.includes(id))
    .sort((x, y) => weight[y]! - weight[x]! || keyRank[x]! - keyRank[y]!)
    .slice(0, max);
}
