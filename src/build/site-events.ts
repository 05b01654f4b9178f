/**
 * The archive's events, worked out beside the rest of the site data. Grouping a large archive
 * compares tens of thousands of reports and allocates as it goes: on a worker thread it has a heap
 * of its own (the main heap, which holds every article's text and HTML, is not collected over and
 * over meanwhile) and runs on the other core while the bodies render and the pages are assembled.
 * A long-running process keeps the worker, and the worker its analyses, from one build to the next.
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { Article } from "../record.ts";
import type { SourceEntry } from "../registry.ts";
import { siteEvents, type EventArticle, type SiteEvents } from "../events/site.ts";
import type { NameForms } from "../events/name.ts";
import { dateLabel } from "./date-labels.ts";
import { isWarm } from "./warm.ts";

/** Below this many articles a thread costs more than it saves. */
const ASIDE_FROM = 500;

/** An article as the event pages show it, from its record: the same fields the site's article has. */
export function eventArticle(a: Article, sourceUrls: Map<string, string>, registry: Record<string, SourceEntry>): EventArticle {
  return {
    slug: a.slug,
    title: a.title,
    date: a.date,
    source: a.source,
    people: a.people,
    places: a.places,
    organisations: a.organisations,
    quotes: a.quotes,
    body: a.body,
    event: a.event,
    url: `/articles/${a.slug}/`,
    dateLabel: dateLabel(a.date),
    sourceUrl: sourceUrls.get(a.source)!,
    sourceFacts: registry[a.source] ?? null,
  };
}

// The worker a long-running process (npm start) keeps from one build to the next, with its modules
// loaded and its analyses in memory; between builds it does not keep the process alive.
let kept: Worker | null = null;

function eventsWorker(): Worker {
  if (kept) return kept;
  const worker = new Worker(new URL("./events-worker.mjs", import.meta.url), { workerData: { remember: isWarm() } });
  if (isWarm()) {
    kept = worker;
    worker.once("exit", () => {
      if (kept === worker) kept = null;
    });
  }
  return worker;
}

/** The events of `articles`, on a worker thread when the archive is large enough and there is a core to spare. */
export function eventsAside(articles: EventArticle[], forms: NameForms): Promise<SiteEvents> {
  if (articles.length < ASIDE_FROM || availableParallelism() < 2) return Promise.resolve(siteEvents(articles, forms));
  const worker = eventsWorker();
  worker.ref();
  return new Promise<SiteEvents>((resolve, reject) => {
    const onMessage = (result: SiteEvents) => {
      done();
      resolve(result);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => onError(new Error(`the events worker stopped (exit ${code}) before it answered`));
    const done = () => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (worker === kept) worker.unref();
      else void worker.terminate();
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({ articles, forms });
  });
}
