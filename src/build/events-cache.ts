/**
 * The events' work kept across builds by what it is made from: each report's analysis for the
 * grouping (its name mentions, phrases and quotes, src/events/group.ts), and each event's comparison of its
 * reports (src/events/compare.ts). An edit analyses one report again, and compares the reports of
 * its event again, not those of every event in the archive.
 */
import { readFileSync } from "node:fs";
import { analyseReport, type Analyse, type EventInput, type ReportAnalysis } from "../events/group.ts";
import { compareCoverage, type Coverage, type CoverageInput } from "../events/compare.ts";
import type { Cover } from "../events/site.ts";
import type { NameForms } from "../events/name.ts";
import { contentKey, HashCache } from "./cache.ts";

/** Changes with the code that does the work. */
function codeVersion(files: string[]): string {
  return contentKey(...files.map((f) => readFileSync(new URL(f, import.meta.url), "utf8"))).slice(0, 12);
}

export function cachedAnalysis(forms: NameForms): { analyse: Analyse; save: () => void } {
  const cache = new HashCache<ReportAnalysis>(`event-reports-${codeVersion(["../events/group.ts", "../events/text.ts", "../events/quotes.ts"])}`);
  return {
    analyse(a: EventInput) {
      const names = [...new Set([...a.people, ...a.organisations, ...a.places])];
      const key = contentKey(a.body, JSON.stringify([a.people, a.organisations, a.places]), JSON.stringify(names.map((n) => forms[n] ?? [])), JSON.stringify(a.quotes.map((q) => q.text)));
      const known = cache.take(key);
      if (known) return known;
      const analysis = analyseReport(a, forms);
      cache.set(key, analysis);
      return analysis;
    },
    save: () => cache.save(),
  };
}

export function cachedCoverage(): { cover: Cover; save: () => void } {
  const cache = new HashCache<Coverage>(`event-coverage-${codeVersion(["../events/compare.ts", "../events/text.ts", "../events/quotes.ts"])}`);
  return {
    cover(reports: CoverageInput[]) {
      const key = contentKey(JSON.stringify(reports));
      const known = cache.take(key);
      if (known) return known;
      const coverage = compareCoverage(reports);
      cache.set(key, coverage);
      return coverage;
    },
    save: () => cache.save(),
  };
}
