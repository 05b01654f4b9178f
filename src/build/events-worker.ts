/** The worker thread of eventsAside (site-events.ts): the archive's events from the articles it is sent, each report's analysis and each event's comparison kept across builds. */
import { parentPort, workerData } from "node:worker_threads";
import { siteEvents, type EventArticle } from "../events/site.ts";
import { GROUPING } from "../events/group.ts";
import type { NameForms } from "../events/name.ts";
import { cachedAnalysis, cachedCoverage } from "./events-cache.ts";

const { articles, forms } = workerData as { articles: EventArticle[]; forms: NameForms };
const reports = cachedAnalysis(forms);
const coverage = cachedCoverage();
const events = siteEvents(articles, forms, GROUPING, reports.analyse, coverage.cover);
reports.save();
coverage.save();
parentPort!.postMessage(events);
