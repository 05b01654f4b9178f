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

/** Every mention in reading order; a short name counts only where the full name also stands in the text. */
export function findMentions(text: string, registry: EntityRegistry): Mention[] {
  const found: Mention[] = [];
  for (const m of matchers(registry)) {
    for (const hit of text.matchAll(m.pattern)) {
      found.push({ name: m.name, kind: m.kind, index: hit.index, text: hit[0], short: m.short });
    }
  }
  const named = new Set(found.filter((f) => !f.short).map((f) => f.name));
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
