/** The worker thread of eventsAside (site-events.ts): the archive's events from the articles it is sent. */
import { parentPort, workerData } from "node:worker_threads";
import { siteEvents, type EventArticle } from "../events/site.ts";
import type { NameForms } from "../events/name.ts";

const { articles, forms } = workerData as { articles: EventArticle[]; forms: NameForms };
parentPort!.postMessage(siteEvents(articles, forms));
