/**
 * Each report's analysis for the events grouping (its name mentions and phrases, src/events/group.ts),
 * kept across builds by what it is read from: an edit analyses one report again, not the archive.
 */
import { readFileSync } from "node:fs";
import { analyseReport, type Analyse, type EventInput, type ReportAnalysis } from "../events/group.ts";
import type { NameForms } from "../events/name.ts";
import { contentKey, HashCache } from "./cache.ts";

/** Changes with the code that analyses a report. */
function analysisVersion(): string {
  const code = ["../events/group.ts", "../events/text.ts"].map((f) => readFileSync(new URL(f, import.meta.url), "utf8"));
  return contentKey(...code).slice(0, 12);
}

export function cachedAnalysis(forms: NameForms): { analyse: Analyse; save: () => void } {
  const cache = new HashCache<ReportAnalysis>(`event-reports-${analysisVersion()}`);
  return {
    analyse(a: EventInput) {
      const names = [...new Set([...a.people, ...a.organisations, ...a.places])];
      const key = contentKey(a.body, JSON.stringify([a.people, a.organisations, a.places]), JSON.stringify(names.map((n) => forms[n] ?? [])));
      const known = cache.take(key);
      if (known) return known;
      const analysis = analyseReport(a, forms);
      cache.set(key, analysis);
      return analysis;
    },
    save: () => cache.save(),
  };
}
