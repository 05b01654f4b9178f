/**
 * The worker thread of eventsAside (site-events.ts): the archive's events from the articles each
 * message sends, each report's analysis and each event's comparison kept across builds in the
 * cache, and in memory too when the worker serves a long-running process (npm start).
 */
import { parentPort, workerData } from "node:worker_threads";
import { siteEvents, type EventArticle } from "../events/site.ts";
import { GROUPING } from "../events/group.ts";
import type { NameForms } from "../events/name.ts";
import { cachedAnalysis, cachedCoverage, eventsMemory } from "./events-cache.ts";

const memory = (workerData as { remember: boolean }).remember ? eventsMemory() : undefined;

parentPort!.on("message", ({ articles, forms }: { articles: EventArticle[]; forms: NameForms }) => {
  const reports = cachedAnalysis(forms, memory);
  const coverage = cachedCoverage(memory);
  const events = siteEvents(articles, forms, GROUPING, reports.analyse, coverage.cover);
  reports.save();
  coverage.save();
  parentPort!.postMessage(events);
});
