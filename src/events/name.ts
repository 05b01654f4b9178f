/**
 * A short name for an event from what its reports share: the people most of them name ("Liz Truss
 * and Sergey Lavrov") and the place they say it happened in ("in Moscow"). The place is the one the
 * most reports put after "in", "at" or "to" (where things happen), not merely the one most named:
 * every report of a Moscow meeting about Ukraine names Ukraine, few say anything happened "in" it.
 */
import { plainText } from "./text.ts";
import { jsonText } from "../json-text.ts";

/** The spellings of a canonical name (registry variants), for finding it in text. */
export type NameForms = Record<string, string[]>;

interface Named {
  people: string[];
  places: string[];
  organisations: string[];
  body: string;
  title: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function mentions(texts: string[], name: string, forms: NameForms): number {
  const spellings = [name, ...(forms[name] ?? [])].map(escapeRegExp).join("|");
  const re = new RegExp(`\\b(?:${spellings})\\b`, "g");
  return texts.reduce((n, t) => n + (t.match(re)?.length ?? 0), 0);
}

// Only the names most members carry are candidates for the name (counting mentions costs a scan).
const CANDIDATES = 6;

/**
 * The names carried by most members (at least two, or the only member): the most carried first,
 * then the most mentioned in the texts, then the rarer in the archive.
 */
function shared(lists: string[][], texts: string[], forms: NameForms, rarity: (name: string) => number): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const n of new Set(list)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const min = Math.min(2, lists.length);
  return [...counts]
    .filter(([, c]) => c >= min)
    .sort(([a, ca], [b, cb]) => cb - ca || rarity(a) - rarity(b) || a.localeCompare(b))
    .slice(0, CANDIDATES)
    .map(([name, count]) => ({ name, count, said: mentions(texts, name, forms) }))
    .sort((a, b) => b.count - a.count || b.said - a.said || rarity(a.name) - rarity(b.name) || a.name.localeCompare(b.name));
}

function venue(members: Named[], texts: string[], forms: NameForms, rarity: (name: string) => number): string | null {
  let best: { name: string; reports: number; named: number } | null = null;
  for (const { name, count } of shared(
    members.map((m) => m.places),
    texts,
    forms,
    rarity,
  )) {
    const spellings = [name, ...(forms[name] ?? [])].map(escapeRegExp).join("|");
    const locative = new RegExp(`\\b(?:in|at|to)\\s+(?:${spellings})\\b`);
    const reports = texts.filter((t) => locative.test(t)).length;
    if (reports === 0) continue;
    if (!best || reports > best.reports || (reports === best.reports && count > best.named)) best = { name, reports, named: count };
  }
  return best?.name ?? null;
}

// A long-running build names the same events again on every save, from the very same report
// objects (the events process holds an unchanged article as it was): an event whose reports are the
// same objects, named with the same spellings and the same rarity for each of their names, keeps
// the name it was given. At 100,000 articles naming every event took 7 s of each save.
interface NamedBefore {
  members: readonly Named[];
  forms: string;
  rarities: number[];
  name: string;
}
const namedBefore = new WeakMap<Named, NamedBefore>();

export function eventName(members: Named[], forms: NameForms, rarity: (name: string) => number): string {
  const rarities = members.flatMap((m) => [...m.people, ...m.organisations, ...m.places].map(rarity));
  const spellings = jsonText(forms);
  const before = members.length ? namedBefore.get(members[0]!) : undefined;
  if (
    before &&
    before.forms === spellings &&
    before.members.length === members.length &&
    before.members.every((m, i) => m === members[i]) &&
    before.rarities.length === rarities.length &&
    before.rarities.every((r, i) => r === rarities[i])
  ) {
    return before.name;
  }
  const name = nameOf(members, forms, rarity);
  if (members.length) namedBefore.set(members[0]!, { members: [...members], forms: spellings, rarities, name });
  return name;
}

function nameOf(members: Named[], forms: NameForms, rarity: (name: string) => number): string {
  const texts = members.map((m) => plainText(m.body));
  const people = shared(
    members.map((m) => m.people),
    texts,
    forms,
    rarity,
  );
  const half = Math.ceil(members.length / 2);
  const who = people.slice(0, 2).filter((p, i) => i === 0 || p.count >= half).map((p) => p.name);
  const subject = who.length
    ? who.join(" and ")
    : (shared(
        members.map((m) => m.organisations),
        texts,
        forms,
        rarity,
      )[0]?.name ?? null);
  const place = venue(members, texts, forms, rarity);
  if (subject) return place ? `${subject} in ${place}` : subject;
  if (place) return `${place}: ${members[0]!.title}`;
  return members[0]!.title;
}
