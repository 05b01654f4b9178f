/**
 * The events' work kept across builds by what it is made from: each report's analysis for the
 * grouping (its name mentions, phrases and quotes, src/events/group.ts), the last linking of the
 * reports into events, and each event's comparison of its reports (src/events/compare.ts). An edit
 * analyses one report again, and compares the reports of its event again, not those of every event
 * in the archive; an edit to a headline links none again.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { analyseReport, groupingFields, LinkMemo, type Analyse, type EventInput, type GroupingSettings, type LinkStore, type PoolLinks, type ReportAnalysis } from "../events/group.ts";
import { compareCoverage, type Coverage, type CoverageInput } from "../events/compare.ts";
import type { Cover } from "../events/site.ts";
import type { NameForms } from "../events/name.ts";
import { cacheRoot, contentKey, contentKeyOf, HashCache, writeAtomic } from "./cache.ts";
import { Remembered } from "./warm.ts";

/** Changes with the code that does the work. */
function codeVersion(files: string[]): string {
  return contentKey(...files.map((f) => readFileSync(new URL(f, import.meta.url), "utf8"))).slice(0, 12);
}

/** What a long-running events process keeps in memory from one build to the next (warm.ts). */
export interface EventsMemory {
  analyses: Remembered<ReportAnalysis>;
  coverage: Remembered<Coverage>;
  /** Each report's analysis by the report object itself, for an events process that holds unchanged reports from one build to the next (events-process.ts): no key to work out. */
  byArticle: WeakMap<EventInput, { key: string; analysis: ReportAnalysis }>;
  /** The last build's linking of the reports, for an edit that leaves every report's grouping fields as they were (a headline). */
  links: LinkMemo;
}

export function eventsMemory(): EventsMemory {
  return { analyses: new Remembered(), coverage: new Remembered(), byArticle: new WeakMap(), links: new LinkMemo() };
}

/** A value by key: from memory, else from the cache on disk, else made and cached. */
function lookUp<V>(key: string, cache: HashCache<V>, memory: Remembered<V> | undefined, make: () => V): V {
  const remembered = memory?.get(key);
  if (remembered !== undefined) {
    cache.keepIfRead(key);
    return remembered;
  }
  let value = cache.take(key);
  if (value === undefined) cache.set(key, (value = make()));
  memory?.set(key, value);
  return value;
}

export function cachedAnalysis(forms: NameForms, memory?: EventsMemory): { analyse: Analyse; save: () => void } {
  const cache = new HashCache<ReportAnalysis>(`event-reports-${codeVersion(["../events/group.ts", "../events/text.ts", "../events/quotes.ts"])}`);
  const analyse: Analyse = (a: EventInput) => {
    const known = memory?.byArticle.get(a);
    if (known) {
      cache.keepIfRead(known.key);
      memory!.analyses.set(known.key, known.analysis);
      return known.analysis;
    }
    const names = [...new Set([...a.people, ...a.organisations, ...a.places])];
    const key = contentKey(a.body, JSON.stringify([a.people, a.organisations, a.places]), JSON.stringify(names.map((n) => forms[n] ?? [])), JSON.stringify(a.quotes.map((q) => q.text)));
    const analysis = lookUp(key, cache, memory?.analyses, () => analyseReport(a, forms));
    memory?.byArticle.set(a, { key, analysis });
    return analysis;
  };
  // The grouping holds each analysis it needs from here on: the cache's copies are written and let go
  // before it pairs the reports (at 100,000 new reports they are half a gigabyte).
  analyse.analysed = () => cache.saveAndRelease();
  return {
    analyse,
    save: () => {
      cache.save();
      memory?.analyses.turn();
    },
  };
}

/**
 * The last linking of the reports kept across builds by everything it is made from: each report's
 * grouping fields in order, the settings and the names' spellings. A build after an edit that
 * leaves those as they were (a headline, a source) links the archive as the last one did, without
 * comparing its reports again. One linking is kept, the last: a file for the key, read first, and
 * one for the linking with its key, read only when the key is this build's.
 */
export function cachedLinking(forms: NameForms): { store: LinkStore; save: () => void } {
  const dir = join(cacheRoot(), `event-links-${codeVersion(["../events/group.ts", "../events/text.ts", "../events/quotes.ts"])}`);
  const keyFile = join(dir, "key");
  const linksFile = join(dir, "links.v8");
  const spellings = JSON.stringify(forms);
  let made: { key: string; links: PoolLinks } | null = null;
  const keyOf = (pool: EventInput[], settings: GroupingSettings) =>
    contentKeyOf(
      (function* () {
        yield JSON.stringify(settings);
        yield spellings;
        for (const a of pool) yield groupingFields(a);
      })(),
    );
  const kept = (key: string): PoolLinks | undefined => {
    try {
      if (readFileSync(keyFile, "utf8") !== key) return undefined;
      const saved = deserialize(readFileSync(linksFile)) as { key: string; links: PoolLinks };
      return saved.key === key ? saved.links : undefined;
    } catch {
      return undefined; // none yet, or damaged: linked again
    }
  };
  return {
    store: (pool, settings, link) => {
      const key = keyOf(pool, settings);
      const links = kept(key);
      if (links) return links;
      made = { key, links: link() };
      return made.links;
    },
    save: () => {
      if (!made) return;
      mkdirSync(dir, { recursive: true });
      writeAtomic(linksFile, serialize(made));
      writeAtomic(keyFile, made.key);
    },
  };
}

export function cachedCoverage(memory?: EventsMemory): { cover: Cover; save: () => void } {
  const cache = new HashCache<Coverage>(`event-coverage-${codeVersion(["../events/compare.ts", "../events/text.ts", "../events/quotes.ts"])}`);
  return {
    cover: (reports: CoverageInput[]) => lookUp(contentKey(JSON.stringify(reports)), cache, memory?.coverage, () => compareCoverage(reports)),
    save: () => {
      cache.save();
      memory?.coverage.turn();
    },
  };
}
