/**
 * People, places and organisations named in the article, from the entity registry, with spelling
 * variants folded to one canonical name (Sergei Lavrov -> Sergey Lavrov, Kiev -> Kyiv).
 */
import type { EntityEntry, EntityRegistry } from "../registry.ts";

export type EntityKind = "people" | "places" | "organisations";

export interface Mention {
  name: string;
  kind: EntityKind;
  index: number;
  text: string;
  short: boolean;
}

interface Matcher {
  kind: EntityKind;
  name: string;
  /** Longest first: where two spellings start at one place, the longer is the match. */
  spellings: string[];
  short: boolean;
  /** For a spelling that does not open with a letter or digit: the search for all its spellings at once. */
  pattern: RegExp | null;
}

/** The matchers, and for each run of letters and digits that a spelling opens with, the matchers with such a spelling (in matcher order). */
interface MatcherIndex {
  matchers: Matcher[];
  byLead: Map<string, number[]>;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/uy;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const LEAD = /^[\p{L}\p{N}]+/u;

function matcher(kind: EntityKind, entry: EntityEntry, spellings: string[], short: boolean): Matcher | null {
  if (spellings.length === 0) return null;
  const sorted = [...spellings].sort((a, b) => b.length - a.length);
  const pattern = sorted.every((s) => LEAD.test(s)) ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return { kind, name: entry.name, short, spellings: sorted, pattern };
}

const cache = new WeakMap<EntityRegistry, MatcherIndex>();

function matcherIndex(registry: EntityRegistry): MatcherIndex {
  let index = cache.get(registry);
  if (!index) {
    const matchers: Matcher[] = [];
    for (const kind of ["people", "places", "organisations"] as const) {
      for (const entry of registry[kind]) {
        const full = matcher(kind, entry, [entry.name, ...(entry.variants ?? [])], false);
        const short = matcher(kind, entry, entry.short ?? [], true);
        if (full) matchers.push(full);
        if (short) matchers.push(short);
      }
    }
    const byLead = new Map<string, number[]>();
    matchers.forEach((m, i) => {
      if (m.pattern) return;
      for (const spelling of m.spellings) {
        const lead = LEAD.exec(spelling)![0];
        const list = byLead.get(lead) ?? [];
        if (list.at(-1) !== i) list.push(i);
        byLead.set(lead, list);
      }
    });
    index = { matchers, byLead };
    cache.set(registry, index);
  }
  return index;
}

/** Whether the spelling stands at `at` as whole words: not followed by a letter or digit (the caller knows none precedes it). */
function spelledAt(text: string, at: number, spelling: string): boolean {
  if (!text.startsWith(spelling, at)) return false;
  WORD_CHAR.lastIndex = at + spelling.length;
  return !WORD_CHAR.test(text);
}

/**
 * Each matcher's own matches, as a search for its spellings as whole words finds them from left
 * to right (a match resumes the search at its end), in matcher order. A spelling opens with a run
 * of letters and digits, so it can only start where the text's run is that very run: one pass over
 * the runs of the text, looking the matchers up by run, instead of one search of the text per matcher.
 */
function matchEvery(text: string, index: MatcherIndex): Mention[] {
  const found: { mention: Mention; order: number }[] = [];
  const resumeAt = new Array<number>(index.matchers.length).fill(0);
  for (const run of text.matchAll(WORD_RUN)) {
    const candidates = index.byLead.get(run[0]);
    if (!candidates) continue;
    for (const i of candidates) {
      if (run.index < resumeAt[i]!) continue;
      const m = index.matchers[i]!;
      const spelling = m.spellings.find((s) => spelledAt(text, run.index, s));
      if (spelling === undefined) continue;
      found.push({ mention: { name: m.name, kind: m.kind, index: run.index, text: spelling, short: m.short }, order: i });
      resumeAt[i] = run.index + spelling.length;
    }
  }
  index.matchers.forEach((m, i) => {
    if (!m.pattern) return;
    for (const hit of text.matchAll(m.pattern)) found.push({ mention: { name: m.name, kind: m.kind, index: hit.index, text: hit[0], short: m.short }, order: i });
  });
  return found.sort((a, b) => a.order - b.order || a.mention.index - b.mention.index).map((f) => f.mention);
}

/**
 * A title or honorific right before a surname ("Mr Lavrov", "Ms Truss", "President Putin",
 * "Chancellor Scholz"): the text itself says the surname is a person's. Capitalised, so that
 * "the president" in running text does not count.
 */
const TITLE_BEFORE =
  /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|President|Premier|Chancellor|Minister|Secretary|General|Gen|Senator|Sen|Ambassador|Envoy|Spokesman|Spokeswoman|Spokesperson|King|Queen|Prince|Princess|Pope)\.?\s+$/u;

/** The pronoun the text gives a titled surname: "Mr Lavrov" is he, "Ms Truss" she. */
const GENDERED_TITLE: [RegExp, "he" | "she"][] = [
  [/(?:^|[^\p{L}])(?:Mr|Sir|Lord|King|Prince)\.?\s+$/u, "he"],
  [/(?:^|[^\p{L}])(?:Mrs|Ms|Miss|Dame|Lady|Queen|Princess)\.?\s+$/u, "she"],
];

/** The pronoun a mention's own title implies, or null when it has none. */
export function titlePronoun(text: string, mention: Mention): "he" | "she" | null {
  const before = text.slice(Math.max(0, mention.index - 12), mention.index);
  for (const [re, pronoun] of GENDERED_TITLE) if (re.test(before)) return pronoun;
  return null;
}

/**
 * Every mention in reading order, over the whole article text. A short name (a surname alone)
 * counts when the article names the person: the full name or a variant stands anywhere in the
 * text, or the surname stands once after a title or honorific ("Mr Lavrov"). Then every
 * occurrence of the short name counts, in any paragraph.
 */
export function findMentions(text: string, registry: EntityRegistry): Mention[] {
  const found = matchEvery(text, matcherIndex(registry));
  const named = new Set(
    found.filter((f) => !f.short || TITLE_BEFORE.test(text.slice(Math.max(0, f.index - 20), f.index))).map((f) => f.name),
  );
  // Longer, earlier matches win where two overlap ("Russian Foreign Ministry" over "Russia").
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: Mention[] = [];
  let end = -1;
  for (const f of found) {
    if (f.short && !named.has(f.name)) continue;
    if (f.index < end) continue;
    kept.push(f);
    end = f.index + f.text.length;
  }
  return kept;
}

const english = new Intl.Collator("en");

export function entitiesOf(mentions: Mention[]): Record<EntityKind, string[]> {
  const out: Record<EntityKind, string[]> = { people: [], places: [], organisations: [] };
  for (const kind of Object.keys(out) as EntityKind[]) {
    out[kind] = [...new Set(mentions.filter((m) => m.kind === kind).map((m) => m.name))].sort(english.compare);
  }
  return out;
}
