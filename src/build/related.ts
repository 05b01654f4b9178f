/**
 * Related articles: the others that share the most distinctive people, organisations, places and
 * words with an article. A shared term counts its kind's weight times its inverse document
 * frequency (ln(N / articles with the term)), so a name in every article counts for nothing and a
 * name in two counts most. Words are the article's most distinctive ones, so the work grows with
 * the archive, not with its square.
 */

export interface RelatedInput {
  slug: string;
  text: string; // headline and body, plain
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
  for (const m of text.toLowerCase().matchAll(/\p{L}{4,}/gu)) if (!STOP_WORDS.has(m[0])) words.add(m[0]);
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
  const { limit = 5, wordsPerArticle = 40, namesShown = 4, maxPosting = 200 } = options;
  const n = items.length;
  const nameTerms = items.map(termsOf);
  const words = items.map((item) => distinctWords(item.text));

  const df = new Map<string, number>();
  const count = (key: string) => df.set(key, (df.get(key) ?? 0) + 1);
  nameTerms.forEach((terms) => terms.forEach((_, key) => count(key)));
  words.forEach((set) => set.forEach((w) => count(`word:${w}`)));
  const idf = (key: string) => Math.log(n / (df.get(key) ?? n));

  // Each article's terms: every name, and its most distinctive words (shared with at least one other).
  const postings = new Map<string, number[]>();
  items.forEach((_, i) => {
    const keys = [...nameTerms[i]!.keys()];
    const wordKeys = [...words[i]!]
      .map((w) => `word:${w}`)
      .filter((key) => (df.get(key) ?? 0) > 1)
      .sort((a, b) => idf(b) - idf(a) || (a < b ? -1 : 1))
      .slice(0, wordsPerArticle);
    for (const key of [...keys, ...wordKeys]) {
      if ((df.get(key) ?? 0) < 2) continue;
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
  });

  const scores = items.map(() => new Map<number, { score: number; shared: string[] }>());
  for (const [key, list] of postings) {
    const kind = key.slice(0, key.indexOf(":")) as Kind;
    const weight = RELATED_WEIGHTS[kind] * idf(key);
    // A term shared by very many articles says little about any pair of them, and its pairs grow
    // with the square of its list: skipping it keeps the work and memory linear in the archive.
    if (weight <= 0 || list.length > maxPosting) continue;
    for (const i of list) {
      for (const j of list) {
        if (i === j) continue;
        let entry = scores[i]!.get(j);
        if (!entry) scores[i]!.set(j, (entry = { score: 0, shared: [] }));
        entry.score += weight;
        if (kind !== "word") entry.shared.push(key);
      }
    }
  }

  const result = new Map<string, Related[]>();
  items.forEach((item, i) => {
    const ranked = [...scores[i]!.entries()]
      .map(([j, { score, shared }]) => ({
        slug: items[j]!.slug,
        score,
        shared: shared
          .sort((a, b) => RELATED_WEIGHTS[kindOf(b)] * idf(b) - RELATED_WEIGHTS[kindOf(a)] * idf(a) || (a < b ? -1 : 1))
          .slice(0, namesShown)
          .map((key) => key.slice(key.indexOf(":") + 1)),
      }))
      .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
      .slice(0, limit);
    result.set(item.slug, ranked);
  });
  return result;
}

function kindOf(key: string): Kind {
  return key.slice(0, key.indexOf(":")) as Kind;
}
