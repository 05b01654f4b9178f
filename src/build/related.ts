/**
 * Related articles: the others that share the most distinctive people, organisations, places and
 * words with an article. A shared term counts its kind's weight times its inverse document
 * frequency (ln(N / articles with the term)), so a name in every article counts for nothing and a
 * name in two counts most. Words come from the headline and lead, and only each article's most
 * distinctive ones count, so the work grows with the archive, not with its square.
 */

export interface RelatedInput {
  slug: string;
  text: string; // headline, then the body as plain text
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

type Kind = keyof typeof RELATED_WEIGHTS;

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

function termsOf(item: RelatedInput): Map<string, { kind: Kind; label: string }> {
  const terms = new Map<string, { kind: Kind; label: string }>();
  for (const name of item.people) terms.set(`person:${name}`, { kind: "person", label: name });
  for (const name of item.organisations) terms.set(`organisation:${name}`, { kind: "organisation", label: name });
  for (const name of item.places) terms.set(`place:${name}`, { kind: "place", label: name });
  return terms;
}

export function relatedArticles(items: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, Related[]> {
  const { limit = 5, wordsPerArticle = 40, namesShown = 4, leadChars = 1500 } = options;
  const n = items.length;
  // A term in more articles than this says little about any pair of them and costs the square of its
  // count: it is left out (its weight, ln(N / count), is small by then anyway).
  const maxPostings = Math.max(50, Math.ceil(2 * Math.sqrt(n)));
  const nameTerms = items.map(termsOf);
  const words = items.map((item) => distinctWords(item.text.slice(0, leadChars)));

  const df = new Map<string, number>();
  const count = (key: string) => df.set(key, (df.get(key) ?? 0) + 1);
  nameTerms.forEach((terms) => terms.forEach((_, key) => count(key)));
  words.forEach((set) => set.forEach((w) => count(`word:${w}`)));
  const idf = (key: string) => Math.log(n / (df.get(key) ?? n));
  const weightOf = (key: string) => RELATED_WEIGHTS[kindOf(key)] * idf(key);
  const useful = (key: string) => {
    const d = df.get(key) ?? 0;
    return d > 1 && d <= maxPostings && weightOf(key) > 0;
  };

  // Each article's terms: its names, and its most distinctive words that another article shares.
  const termsByArticle = items.map((_, i) => {
    const names = [...nameTerms[i]!.keys()].filter(useful);
    const wordKeys = [...words[i]!]
      .map((w) => `word:${w}`)
      .filter(useful)
      .sort((a, b) => idf(b) - idf(a) || (a < b ? -1 : 1))
      .slice(0, wordsPerArticle);
    return [...names, ...wordKeys];
  });
  const postings = new Map<string, number[]>();
  termsByArticle.forEach((keys, i) => {
    for (const key of keys) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
  });

  const result = new Map<string, Related[]>();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  items.forEach((item, i) => {
    for (const key of termsByArticle[i]!) {
      const weight = weightOf(key);
      for (const j of postings.get(key)!) {
        if (j === i) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j]! += weight;
      }
    }
    const ranked = touched
      .map((j) => ({ j, score: scores[j]! }))
      .sort((a, b) => b.score - a.score || items[a.j]!.slug.localeCompare(items[b.j]!.slug))
      .slice(0, limit);
    for (const j of touched) scores[j] = 0;
    touched.length = 0;
    result.set(
      item.slug,
      ranked.map(({ j, score }) => ({ slug: items[j]!.slug, score, shared: sharedNames(nameTerms[i]!, nameTerms[j]!, weightOf, namesShown) })),
    );
  });
  return result;
}

/** The names two articles share, the most distinctive first. */
function sharedNames(
  a: Map<string, { label: string }>,
  b: Map<string, { label: string }>,
  weightOf: (key: string) => number,
  max: number,
): string[] {
  return [...a.keys()]
    .filter((key) => b.has(key))
    .sort((x, y) => weightOf(y) - weightOf(x) || (x < y ? -1 : 1))
    .slice(0, max)
    .map((key) => a.get(key)!.label);
}

function kindOf(key: string): Kind {
  return key.slice(0, key.indexOf(":")) as Kind;
}
