/**
 * The worker thread of eventsAside (site-events.ts): the archive's events from the articles each
 * message sends, each report's analysis, the linking of the reports and each event's comparison
 * kept across builds in the cache, and in memory too when the worker serves a long-running process
 * (npm start).
 */
import { parentPort, workerData } from "node:worker_threads";
import { siteEvents, type EventArticle } from "../events/site.ts";
import { applyJob, receivedArticles, type EventsJob } from "./site-events.ts";
import { GROUPING, LinkMemo } from "../events/group.ts";
import { cachedAnalysis, cachedCoverage, cachedLinking, eventsMemory } from "./events-cache.ts";

const memory = (workerData as { remember: boolean }).remember ? eventsMemory() : undefined;
// The articles as last sent (eventsJob): an unchanged one is the same object from build to build.
const held = new Map<string, EventArticle>();
let formsSent = "";

parentPort!.on("message", (job: EventsJob) => {
  const { forms } = job;
  const spellings = JSON.stringify(forms);
  if (memory && spellings !== formsSent) {
    // An analysis, and so the linking, depends on the names' spellings.
    memory.byArticle = new WeakMap();
    memory.links = new LinkMemo();
  }
  formsSent = spellings;
  const articles = applyJob(held, job.order, receivedArticles(job));
  const reports = cachedAnalysis(forms, memory);
  const coverage = cachedCoverage(memory);
  const linking = cachedLinking(forms);
  const links = memory?.links ?? new LinkMemo();
  links.store = linking.store;
  const events = siteEvents(articles, forms, GROUPING, reports.analyse, coverage.cover, links);
  reports.save();
  coverage.save();
  linking.save();
  parentPort!.postMessage(events);
});
