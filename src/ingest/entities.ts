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
  pattern: RegExp;
  short: boolean;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function matcher(kind: EntityKind, entry: EntityEntry, spellings: string[], short: boolean): Matcher | null {
  if (spellings.length === 0) return null;
  const alternatives = [...spellings].sort((a, b) => b.length - a.length).map(escape).join("|");
  return { kind, name: entry.name, short, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "gu") };
}

const cache = new WeakMap<EntityRegistry, Matcher[]>();

function matchers(registry: EntityRegistry): Matcher[] {
  let list = cache.get(registry);
  if (!list) {
    list = [];
    for (const kind of ["people", "places", "organisations"] as const) {
      for (const entry of registry[kind]) {
        const full = matcher(kind, entry, [entry.name, ...(entry.variants ?? [])], false);
        const short = matcher(kind, entry, entry.short ?? [], true);
        if (full) list.push(full);
        if (short) list.push(short);
      }
    }
    cache.set(registry, list);
  }
  return list;
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
  const found: Mention[] = [];
  for (const m of matchers(registry)) {
    for (const hit of text.matchAll(m.pattern)) {
      found.push({ name: m.name, kind: m.kind, index: hit.index, text: hit[0], short: m.short });
    }
  }
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

export function entitiesOf(mentions: Mention[]): Record<EntityKind, string[]> {
  const out: Record<EntityKind, string[]> = { people: [], places: [], organisations: [] };
  for (const kind of Object.keys(out) as EntityKind[]) {
    out[kind] = [...new Set(mentions.filter((m) => m.kind === kind).map((m) => m.name))].sort((a, b) => a.localeCompare(b, "en"));
  }
  return out;
}
