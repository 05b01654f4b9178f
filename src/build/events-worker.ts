/** The worker thread of eventsAside (site-events.ts): the archive's events from the articles it is sent, each report's analysis kept across builds. */
import { parentPort, workerData } from "node:worker_threads";
import { siteEvents, type EventArticle } from "../events/site.ts";
import { GROUPING } from "../events/group.ts";
import type { NameForms } from "../events/name.ts";
import { cachedAnalysis } from "./events-cache.ts";

const { articles, forms } = workerData as { articles: EventArticle[]; forms: NameForms };
const reports = cachedAnalysis(forms);
const events = siteEvents(articles, forms, GROUPING, reports.analyse);
reports.save();
parentPort!.postMessage(events);
